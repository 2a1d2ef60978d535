import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attributesToRows, duplicateAttributeKeys, profileChanges, profileFormValues, rowsToAttributes } from './profile-draft.ts';
import { contactQuery, isNarrowed, listStateFromParams, organizationQuery } from './list-params.ts';

const contact = {
  name: '陈先生',
  organization: { id: 'org-1', name: '华强电子' },
  tierKey: 'vip',
  tags: ['老客户'],
  owner: { id: 'u1', name: '王经理' },
  notes: '',
  attributes: { 区域: '华南', 设备数: 3, 型号: ['KFR-35', 'KFR-50'] },
};

test('attributes round-trip: text as text, numbers and lists as JSON', () => {
  const rows = attributesToRows(contact.attributes);
  assert.deepEqual(rows, [
    { key: '区域', value: '华南' },
    { key: '设备数', value: '3', json: true },
    { key: '型号', value: '["KFR-35","KFR-50"]', json: true },
  ]);
  assert.deepEqual(rowsToAttributes(rows), contact.attributes);
  assert.deepEqual(rowsToAttributes([{ key: ' 备注 ', value: 'x' }, { key: '', value: 'dropped' }, { key: '数量', value: 'not json any more', json: true }]), { 备注: 'x', 数量: 'not json any more' });
  assert.deepEqual(duplicateAttributeKeys([{ key: 'a', value: '1' }, { key: ' a', value: '2' }, { key: 'b', value: '' }, undefined]), ['a']);
});

test('only what changed is sent', () => {
  const before = profileFormValues(contact);
  assert.deepEqual(profileChanges(before, before), {}, 'an unchanged save sends nothing');
  assert.deepEqual(profileChanges(before, { ...before, name: ' 陈大文 ', ownerId: undefined, tags: ['老客户', '回访'] }), { name: '陈大文', ownerId: null, tags: ['老客户', '回访'] });
  assert.deepEqual(profileChanges(before, { ...before, organizationId: null, attributes: [{ key: '区域', value: '华东' }] }), { organizationId: null, attributes: { 区域: '华东' } });
});

test('custom values: only the keys that changed are sent, a cleared one as null', () => {
  const before = profileFormValues({ ...contact, fields: { industry: 'manufacturing', budget: '500.00' } });
  assert.deepEqual(profileChanges(before, before), {});
  assert.deepEqual(profileChanges(before, { ...before, fields: { industry: 'retail', budget: '' } }), { fields: { industry: 'retail', budget: null } });
  assert.deepEqual(profileChanges(before, { ...before, fields: { industry: 'manufacturing', budget: '500.00', source: 'expo' } }), { fields: { source: 'expo' } });
});

test('organisations have no organisation field to change', () => {
  const { organization: _organization, ...organization } = contact;
  const before = profileFormValues(organization);
  assert.equal('organizationId' in before, false);
  assert.deepEqual(profileChanges(before, { ...before, organizationId: 'x', tierKey: null }), { tierKey: null });
});

test('the list state comes from the URL; the organisation filter only on the contacts tab', () => {
  const contacts = listStateFromParams(new URLSearchParams('q=138&tier=vip&organization=org-1&sort=name'));
  assert.deepEqual(contactQuery(contacts), { sort: 'name', q: '138', tierKey: 'vip', organizationId: 'org-1' });
  assert.ok(isNarrowed(contacts));
  const organizations = listStateFromParams(new URLSearchParams('tab=organizations&organization=org-1&tag=华南&sort=bogus'));
  assert.deepEqual(organizationQuery(organizations), { sort: '-updatedAt', tag: '华南' });
  assert.equal(organizations.organizationId, undefined);
  assert.equal(isNarrowed(listStateFromParams(new URLSearchParams(''))), false);
});

test('custom field filters come from `fields.<key>` in the URL, on the contacts tab only, and are sent as the API takes them', () => {
  const contacts = listStateFromParams(new URLSearchParams('fields.industry=retail,energy&fields.Bad=x&fields.source='));
  assert.deepEqual(contacts.fields, { industry: 'retail,energy' });
  assert.deepEqual(contactQuery(contacts), { sort: '-updatedAt', 'fields.industry': 'retail,energy' });
  assert.ok(isNarrowed(contacts));
  const organizations = listStateFromParams(new URLSearchParams('tab=organizations&fields.industry=retail'));
  assert.equal(organizations.fields, undefined);
  assert.deepEqual(organizationQuery(organizations), { sort: '-updatedAt' });
});
