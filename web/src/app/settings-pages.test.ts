import assert from 'node:assert/strict';
import { test } from 'node:test';
import { settingsLanding } from './settings-pages.ts';

const role = (...permissions: string[]) => (permission: string) => permissions.includes(permission);

test('/settings lands on the first settings page the role may use', () => {
  assert.equal(settingsLanding(role('admin.users', 'admin.sla')), '/settings/users');
  // A supervisor without user administration but with SLA rights lands on the calendars, not on "no permission".
  assert.equal(settingsLanding(role('admin.sla', 'admin.categories')), '/settings/categories');
  assert.equal(settingsLanding(role('admin.mailboxes')), '/settings/mailboxes');
});

test('a role with no settings page has no landing', () => {
  assert.equal(settingsLanding(role('tickets.read')), null);
});
