import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allowedSettingsPages, settingsLanding } from './settings-pages.ts';

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

test('工单类型与字段 and 客户字段 are offered to whoever may manage forms (admins and supervisors), not to agents who only read them', () => {
  const paths = (can: (permission: string) => boolean) => allowedSettingsPages(can).map((page) => page.path);
  assert.ok(paths(role('admin.categories', 'forms.manage')).includes('/settings/ticket-types'));
  assert.ok(paths(role('forms.manage')).includes('/settings/customer-fields'));
  assert.deepEqual(paths(role('forms.read')), []);
});

test('现场服务 is offered to dispatchers (who read it) and admins, not to agents or engineers', () => {
  const paths = (can: (permission: string) => boolean) => allowedSettingsPages(can).map((page) => page.path);
  assert.ok(paths(role('field_service.dispatch')).includes('/settings/field-service'));
  assert.ok(!paths(role('field_service.read', 'field_service.create')).includes('/settings/field-service'));
});
