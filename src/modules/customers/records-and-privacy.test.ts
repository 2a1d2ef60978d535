import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertProblem, createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';

/** External records, customer tiers, who may do what with customers, and PIPL anonymisation. */
let t: TestApp;
let supervisor: TestUser;
let agent: TestUser;
let engineer: TestUser;
before(async () => {
  t = await createTestApp();
  supervisor = await t.user('supervisor');
  agent = await t.user('agent');
  engineer = await t.user('field_engineer');
});
after(() => t.close());

type Contact = { id: string; name: string; email: string | null; phone: string | null; tierKey: string | null; tags: string[]; owner: unknown; notes: string; attributes: Record<string, unknown>; identities: unknown[]; anonymized: boolean; version: number };
type CustomerRecord = { id: string; type: string; externalId: string; organizationId: string | null; contactId: string | null; title: string; status: string | null; occurredOn: string | null; expiresOn: string | null; payload: Record<string, unknown>; version: number; updatedAt: string };
type Problem = { code: string; errors?: Array<{ path: string; code: string }> };

function ok<T>(res: { statusCode: number; body: string; json(): unknown }, status = 200): T {
  assert.equal(res.statusCode, status, res.body);
  return res.json() as T;
}

const newContact = async (body: Record<string, unknown>, as: TestUser = t.admin) => ok<Contact>(await t.api('POST', '/api/v1/contacts', { body, as }), 201);
const newOrganization = async (name: string) => ok<{ id: string }>(await t.api('POST', '/api/v1/organizations', { body: { name } }), 201);
const fieldErrors = (res: { json(): unknown }) => ((res.json() as Problem).errors ?? []).map((e) => [e.path, e.code]);

describe('external records', () => {
  let org: string;
  before(async () => {
    org = (await newOrganization('记录测试有限公司')).id;
  });

  test('PUT creates (201), the same body again changes nothing (200, same version), a changed body is version 2', async () => {
    const body = { organizationId: org, title: ' 订单 SO-1 ', status: 'paid', occurredOn: '2025-03-01', expiresOn: '2026-03-01', payload: { amount: 1999, currency: 'CNY' } };
    const first = ok<CustomerRecord>(await t.api('PUT', '/api/v1/customer-records/order/SO-1', { body }), 201);
    assert.deepEqual(
      { ...first, id: undefined, updatedAt: undefined, createdAt: undefined },
      { id: undefined, updatedAt: undefined, createdAt: undefined, type: 'order', externalId: 'SO-1', organizationId: org, contactId: null, title: '订单 SO-1', status: 'paid', occurredOn: '2025-03-01', expiresOn: '2026-03-01', payload: body.payload, version: 1 },
    );

    const same = ok<CustomerRecord>(await t.api('PUT', '/api/v1/customer-records/order/SO-1', { body }));
    assert.equal(same.id, first.id);
    assert.equal(same.version, 1);
    assert.equal(same.updatedAt, first.updatedAt, 'an unchanged record is not touched');

    const changed = ok<CustomerRecord>(await t.api('PUT', '/api/v1/customer-records/order/SO-1', { body: { ...body, status: 'shipped' } }));
    assert.equal(changed.id, first.id);
    assert.equal(changed.version, 2);
    assert.equal(changed.status, 'shipped');

    const replaced = ok<CustomerRecord>(await t.api('PUT', '/api/v1/customer-records/order/SO-1', { body: { organizationId: org, title: '订单 SO-1' } }));
    assert.equal(replaced.version, 3);
    assert.deepEqual([replaced.status, replaced.occurredOn, replaced.payload], [null, null, {}], 'PUT replaces: what is left out is cleared');
    assert.deepEqual(ok<CustomerRecord>(await t.api('GET', '/api/v1/customer-records/order/SO-1')), replaced);
  });

  test('an unchanged payload is unchanged whatever the order of its keys', async () => {
    // ERP systems serialise objects in their own order; jsonb stores keys in its own.
    const body = { organizationId: org, title: '订单 SO-KEYS', payload: { orderNo: 'SO-KEYS', amount: 1999, lines: [{ sku: 'P-100', qty: 2 }] } };
    const first = ok<CustomerRecord>(await t.api('PUT', '/api/v1/customer-records/order/SO-KEYS', { body }), 201);
    const again = ok<CustomerRecord>(await t.api('PUT', '/api/v1/customer-records/order/SO-KEYS', { body }));
    assert.equal(again.version, first.version, 'the nightly sync of the same order must not make a new version');
    assert.equal(again.updatedAt, first.updatedAt);
  });

  test('validation: an owner is required, types are lower-case identifiers, references must exist', async () => {
    const noOwner = await t.api('PUT', '/api/v1/customer-records/order/SO-2', { body: { title: '无主订单' } });
    assert.equal(noOwner.statusCode, 400);
    assert.deepEqual(fieldErrors(noOwner), [['organizationId', 'customer_record.owner_required']]);
    const nullOwners = await t.api('PUT', '/api/v1/customer-records/order/SO-2', { body: { organizationId: null, contactId: null, title: '无主订单' } });
    assert.deepEqual(fieldErrors(nullOwners), [['organizationId', 'customer_record.owner_required']]);

    const badType = await t.api('PUT', `/api/v1/customer-records/${encodeURIComponent('Order!')}/SO-2`, { body: { organizationId: org, title: 'x' } });
    assert.equal(badType.statusCode, 400);
    assert.deepEqual(fieldErrors(badType).map(([path]) => path), ['type']);

    const unknownContact = await t.api('PUT', '/api/v1/customer-records/order/SO-2', { body: { contactId: '01890000-0000-7000-8000-0000000000c1', title: 'x' } });
    assert.deepEqual(fieldErrors(unknownContact), [['contactId', 'contact.not_found']]);
    const unknownOrg = await t.api('PUT', '/api/v1/customer-records/order/SO-2', { body: { organizationId: '01890000-0000-7000-8000-0000000000c2', title: 'x' } });
    assert.deepEqual(fieldErrors(unknownOrg), [['organizationId', 'organization.not_found']]);
    const badDate = await t.api('PUT', '/api/v1/customer-records/order/SO-2', { body: { organizationId: org, title: 'x', occurredOn: '2025-02-30' } });
    assert.equal(badDate.statusCode, 400);
    assert.deepEqual(fieldErrors(badDate).map(([path]) => path), ['occurredOn']);
    const tooLarge = await t.api('PUT', '/api/v1/customer-records/order/SO-2', { body: { organizationId: org, title: 'x', payload: { blob: 'x'.repeat(70 * 1024) } } });
    assert.deepEqual(fieldErrors(tooLarge), [['payload', 'customer.attributes_too_large']]);
    assert.equal((await t.api('GET', '/api/v1/customer-records/order/SO-2')).statusCode, 404, 'nothing was written');
  });

  test('a bad record type is explained with the catalogue message customer_record.invalid_type', async () => {
    const res = await t.api('PUT', `/api/v1/customer-records/${encodeURIComponent('Order!')}/SO-3`, { body: { organizationId: org, title: 'x' } });
    assert.deepEqual(fieldErrors(res), [['type', 'customer_record.invalid_type']], res.body);
  });

  test('a contactId of a merged contact lands on the survivor', async () => {
    const old = await newContact({ name: 'ERP 里的旧联系人' });
    const survivor = await newContact({ name: '保留的联系人' });
    ok(await t.api('POST', '/api/v1/contacts/merge', { body: { sourceId: old.id, targetId: survivor.id } }));
    const record = ok<CustomerRecord>(await t.api('PUT', '/api/v1/customer-records/device/SN-42', { body: { contactId: old.id, title: '打印机 SN-42' } }), 201);
    assert.equal(record.contactId, survivor.id);
    const listed = ok<{ items: CustomerRecord[] }>(await t.api('GET', `/api/v1/customer-records?contactId=${survivor.id}`));
    assert.deepEqual(listed.items.map((r) => r.externalId), ['SN-42']);
  });

  test('listed by organisation, newest first by their date, filtered by type', async () => {
    const org = (await newOrganization('列表记录公司')).id;
    const other = (await newOrganization('别家公司')).id;
    ok(await t.api('PUT', '/api/v1/customer-records/order/SO-UNDATED', { body: { organizationId: org, title: '没有日期的订单' } }), 201);
    ok(await t.api('PUT', '/api/v1/customer-records/invoice/FP-1', { body: { organizationId: org, title: '发票 1', occurredOn: '2025-01-10' } }), 201);
    ok(await t.api('PUT', '/api/v1/customer-records/invoice/FP-2', { body: { organizationId: org, title: '发票 2', occurredOn: '2025-02-10' } }), 201);
    ok(await t.api('PUT', '/api/v1/customer-records/contract/HT-1', { body: { organizationId: org, title: '合同', occurredOn: '2024-12-01' } }), 201);
    ok(await t.api('PUT', '/api/v1/customer-records/invoice/FP-9', { body: { organizationId: other, title: '别家的发票', occurredOn: '2025-03-01' } }), 201);
    const all = ok<{ items: CustomerRecord[] }>(await t.api('GET', `/api/v1/customer-records?organizationId=${org}`));
    assert.deepEqual(all.items.map((r) => `${r.type}/${r.externalId}`), ['invoice/FP-2', 'invoice/FP-1', 'contract/HT-1', 'order/SO-UNDATED'], 'undated last');
    const invoices = ok<{ items: CustomerRecord[] }>(await t.api('GET', `/api/v1/customer-records?organizationId=${org}&type=invoice`));
    assert.deepEqual(invoices.items.map((r) => r.externalId), ['FP-2', 'FP-1']);
    assert.deepEqual(ok<{ items: unknown[] }>(await t.api('GET', '/api/v1/customer-records')).items, [], 'no owner given, nothing listed');
    assert.equal((await t.api('GET', `/api/v1/customer-records?organizationId=${org}`, { as: agent })).statusCode, 200, 'agents read records');
    assert.equal((await t.api('PUT', '/api/v1/customer-records/invoice/FP-3', { body: { organizationId: org, title: 'x' }, as: agent })).statusCode, 403, 'agents do not write them');
  });

  test('DELETE removes a record (204), then 404', async () => {
    ok(await t.api('PUT', '/api/v1/customer-records/order/SO-DEL', { body: { organizationId: org, title: '将删除' } }), 201);
    assert.equal((await t.api('DELETE', '/api/v1/customer-records/order/SO-DEL')).statusCode, 204);
    const gone = await t.api('GET', '/api/v1/customer-records/order/SO-DEL');
    assertProblem(gone, 404, 'customer_record.not_found');
    assert.equal((await t.api('DELETE', '/api/v1/customer-records/order/SO-DEL')).statusCode, 404);
    assert.equal(ok<CustomerRecord>(await t.api('PUT', '/api/v1/customer-records/order/SO-DEL', { body: { organizationId: org, title: '重新同步' } }), 201).version, 1, 'a later sync creates it afresh');
  });
});

describe('customer tiers', () => {
  type Tier = { key: string; nameZh: string; nameEn: string; rank: number; color: string; active: boolean };
  const tiers = async (as: TestUser = t.admin) => ok<{ items: Tier[] }>(await t.api('GET', '/api/v1/customer-tiers', { as })).items;

  test('the seeded tiers, most important first, readable by agents', async () => {
    assert.deepEqual((await tiers(agent)).map((tier) => tier.key), ['vip', 'key', 'standard']);
  });

  test('admins create and update tiers; agents and supervisors may not', async () => {
    const gold = { key: 'gold', nameZh: '金牌客户', nameEn: 'Gold', rank: 2, color: 'gold' };
    assert.equal((await t.api('POST', '/api/v1/customer-tiers', { body: gold, as: agent })).statusCode, 403);
    assert.equal((await t.api('POST', '/api/v1/customer-tiers', { body: gold, as: supervisor })).statusCode, 403);
    assert.deepEqual(ok<Tier>(await t.api('POST', '/api/v1/customer-tiers', { body: gold }), 201), { ...gold, active: true });
    const taken = await t.api('POST', '/api/v1/customer-tiers', { body: { ...gold, nameEn: 'Gold 2' } });
    assertProblem(taken, 409, 'customer_tier.key_taken');
    assert.equal((await t.api('PATCH', '/api/v1/customer-tiers/gold', { body: { rank: 5 }, as: agent })).statusCode, 403);
    assert.deepEqual(ok<Tier>(await t.api('PATCH', '/api/v1/customer-tiers/gold', { body: { nameEn: 'Gold member', active: false } })), { ...gold, nameEn: 'Gold member', active: false });
    assert.equal((await tiers()).find((tier) => tier.key === 'gold')?.nameEn, 'Gold member');
    const inactive = await t.api('POST', '/api/v1/contacts', { body: { name: '金牌', tierKey: 'gold' } });
    assert.deepEqual(fieldErrors(inactive), [['tierKey', 'customer_tier.not_found']], 'an inactive tier cannot be given to a customer');
    assert.equal((await t.api('PATCH', '/api/v1/customer-tiers/platinum', { body: { rank: 1 } })).statusCode, 404);
  });

  test('a tier in use cannot be deleted (409); an unused one can', async () => {
    await newContact({ name: '重点客户', tierKey: 'key' });
    const inUse = await t.api('DELETE', '/api/v1/customer-tiers/key');
    assertProblem(inUse, 409, 'customer_tier.in_use');
    ok(await t.api('POST', '/api/v1/customer-tiers', { body: { key: 'org-only', nameZh: '仅企业', nameEn: 'Org only', rank: 9 } }), 201);
    const org = await newOrganization('用等级的公司');
    ok(await t.api('PATCH', `/api/v1/organizations/${org.id}`, { body: { tierKey: 'org-only' } }));
    assert.equal((await t.api('DELETE', '/api/v1/customer-tiers/org-only')).statusCode, 409, 'in use by an organisation');
    assert.equal((await t.api('DELETE', '/api/v1/customer-tiers/gold', { as: supervisor })).statusCode, 403);
    assert.equal((await t.api('DELETE', '/api/v1/customer-tiers/gold')).statusCode, 204);
    assert.ok(!(await tiers()).some((tier) => tier.key === 'gold'));
    assert.equal((await t.api('DELETE', '/api/v1/customer-tiers/gold')).statusCode, 404);
  });
});

describe('permissions', () => {
  test('agents read contacts and organisations but do not create or edit them', async () => {
    const contact = await newContact({ name: '权限测试' });
    const org = await newOrganization('权限测试公司');
    assert.equal((await t.api('GET', '/api/v1/contacts', { as: agent })).statusCode, 200);
    assert.equal((await t.api('GET', `/api/v1/contacts/${contact.id}`, { as: agent })).statusCode, 200);
    assert.equal((await t.api('GET', `/api/v1/organizations/${org.id}`, { as: agent })).statusCode, 200);
    for (const [method, url, body] of [
      ['POST', '/api/v1/contacts', { name: '坐席建的' }],
      ['POST', '/api/v1/organizations', { name: '坐席建的公司' }],
      ['PATCH', `/api/v1/contacts/${contact.id}`, { notes: 'x' }],
      ['PATCH', `/api/v1/organizations/${org.id}`, { notes: 'x' }],
      ['POST', `/api/v1/contacts/${contact.id}/identities`, { kind: 'email', value: 'agent@made.example' }],
    ] as const) {
      const res = await t.api(method, url, { body, as: agent });
      assertProblem(res, 403, 'auth.forbidden', `${method} ${url}`);
    }
    assert.equal(ok<Contact>(await t.api('GET', `/api/v1/contacts/${contact.id}`)).version, 1, 'nothing changed');
  });

  test('supervisors create, edit and merge, but do not delete or anonymise', async () => {
    const org = ok<{ id: string }>(await t.api('POST', '/api/v1/organizations', { body: { name: '主管建的公司' }, as: supervisor }), 201);
    const contact = await newContact({ name: '主管建的', organizationId: org.id }, supervisor);
    assert.equal(ok<Contact>(await t.api('PATCH', `/api/v1/contacts/${contact.id}`, { body: { notes: '主管改的' }, as: supervisor })).notes, '主管改的');
    const duplicate = await newContact({ name: '主管建的 重复' }, supervisor);
    ok(await t.api('POST', '/api/v1/contacts/merge', { body: { sourceId: duplicate.id, targetId: contact.id }, as: supervisor }));
    const empty = ok<{ id: string }>(await t.api('POST', '/api/v1/organizations', { body: { name: '空公司' }, as: supervisor }), 201);
    assert.equal((await t.api('DELETE', `/api/v1/organizations/${empty.id}`, { as: supervisor })).statusCode, 403);
    assert.equal((await t.api('POST', `/api/v1/contacts/${contact.id}/anonymize`, { as: supervisor })).statusCode, 403);
    assert.equal((await t.api('GET', `/api/v1/organizations/${empty.id}`)).statusCode, 200, 'still there');
  });

  test('admins delete an organisation only when nothing hangs from it', async () => {
    const withContact = await newOrganization('有联系人的公司');
    const member = await newContact({ name: '成员', organizationId: withContact.id });
    const refused = await t.api('DELETE', `/api/v1/organizations/${withContact.id}`);
    assertProblem(refused, 409, 'organization.not_empty');
    assert.equal((await t.api('GET', `/api/v1/organizations/${withContact.id}`)).statusCode, 200);

    const withRecord = await newOrganization('有记录的公司');
    ok(await t.api('PUT', '/api/v1/customer-records/contract/HT-DEL', { body: { organizationId: withRecord.id, title: '合同' } }), 201);
    assert.equal((await t.api('DELETE', `/api/v1/organizations/${withRecord.id}`)).statusCode, 409);

    ok(await t.api('PATCH', `/api/v1/contacts/${member.id}`, { body: { organizationId: null } }));
    assert.equal((await t.api('DELETE', `/api/v1/organizations/${withContact.id}`)).statusCode, 204, 'empty now');
    const gone = await t.api('GET', `/api/v1/organizations/${withContact.id}`);
    assertProblem(gone, 404, 'organization.not_found');
  });

  test('an organisation whose only contact was merged away counts 0 contacts and can be deleted', async () => {
    const old = await newOrganization('只剩合并记录的公司');
    const other = await newOrganization('联系人现在所在的公司');
    const duplicate = await newContact({ name: '重复的人', organizationId: old.id });
    const survivor = await newContact({ name: '保留的人', organizationId: other.id });
    ok(await t.api('POST', '/api/v1/contacts/merge', { body: { sourceId: duplicate.id, targetId: survivor.id } }));
    assert.equal(ok<{ contactCount: number }>(await t.api('GET', `/api/v1/organizations/${old.id}`)).contactCount, 0);
    const res = await t.api('DELETE', `/api/v1/organizations/${old.id}`);
    assert.equal(res.statusCode, 204, `the page says 0 contacts, the delete says: ${res.body}`);
  });

  test('field engineers may not browse customers', async () => {
    const contact = await newContact({ name: '工程师看不到' });
    for (const url of ['/api/v1/contacts', `/api/v1/contacts/${contact.id}`, '/api/v1/organizations', '/api/v1/contacts/lookup?phone=13800138000', '/api/v1/customer-tiers']) {
      assert.equal((await t.api('GET', url, { as: engineer })).statusCode, 403, url);
    }
  });
});

describe('anonymisation (PIPL erasure)', () => {
  let person: Contact;
  let alias: Contact;
  let ticketId: string;

  before(async () => {
    const owner = await t.user('supervisor');
    alias = await newContact({ name: '匿名 旧号', identities: [{ kind: 'phone', value: '139 8888 7777' }] });
    person = await newContact({
      name: '隐私 王女士',
      tierKey: 'vip',
      tags: ['敏感'],
      ownerId: owner.id,
      notes: '住址：深圳市南山区某路 1 号',
      attributes: { idCard: '440300199001011234' },
      identities: [{ kind: 'phone', value: '138 6666 5555' }, { kind: 'email', value: 'wang.nvshi@private.example' }, { kind: 'wechat_openid', value: 'oPrivacyWang' }],
    });
    ok(await t.api('PATCH', `/api/v1/contacts/${person.id}`, { body: { notes: '住址：深圳市南山区某路 2 号' } }));
    ok(await t.api('POST', '/api/v1/contacts/merge', { body: { sourceId: alias.id, targetId: person.id } }));
    ticketId = ok<{ id: string }>(await t.api('POST', '/api/v1/tickets', { body: { subject: '投诉', description: '我的身份证号是 440300199001011234', requester: { phone: '13866665555' } } }), 201).id;
    ok(await t.api('PUT', '/api/v1/customer-records/order/SO-PRIV', { body: { contactId: person.id, title: '私人订单' } }), 201);
    await t.drain();
  });

  test('only admins may anonymise', async () => {
    assert.equal((await t.api('POST', `/api/v1/contacts/${person.id}/anonymize`, { as: agent })).statusCode, 403);
    assert.equal((await t.api('POST', `/api/v1/contacts/${person.id}/anonymize`, { as: supervisor })).statusCode, 403);
    assert.equal(ok<Contact>(await t.api('GET', `/api/v1/contacts/${person.id}`)).name, '隐私 王女士');
  });

  test('name, identities and profile are gone; the id stays, marked anonymized', async () => {
    const res = await t.api('POST', `/api/v1/contacts/${person.id}/anonymize`);
    const erased = ok<Contact>(res);
    assert.equal(erased.id, person.id);
    assert.deepEqual(
      { name: erased.name, email: erased.email, phone: erased.phone, tierKey: erased.tierKey, tags: erased.tags, owner: erased.owner, notes: erased.notes, attributes: erased.attributes, identities: erased.identities, anonymized: erased.anonymized },
      { name: '', email: null, phone: null, tierKey: null, tags: [], owner: null, notes: '', attributes: {}, identities: [], anonymized: true },
    );
    assert.deepEqual(ok<Contact>(await t.api('GET', `/api/v1/contacts/${person.id}`)), erased);
  });

  test('the old phone, email and name find nobody', async () => {
    for (const query of ['phone=%2B86-138-6666-5555', 'email=wang.nvshi@private.example', 'kind=wechat_openid&value=oPrivacyWang', 'phone=13988887777']) {
      assert.equal((await t.api('GET', `/api/v1/contacts/lookup?${query}`)).statusCode, 404, query);
    }
    assert.deepEqual(ok<{ items: unknown[] }>(await t.api('GET', `/api/v1/contacts?q=${encodeURIComponent('王女士')}`)).items, []);
  });

  test('history keeps what happened and who did it, but not what it said', async () => {
    for (const id of [person.id, alias.id]) {
      const items = ok<{ items: Array<{ type: string; actor: unknown; payload: Record<string, unknown> }> }>(await t.api('GET', `/api/v1/contacts/${id}/history`)).items;
      assert.ok(items.some((h) => h.type === 'contact.updated') || id === alias.id);
      for (const entry of items.filter((h) => h.type !== 'contact.anonymized')) assert.deepEqual(entry.payload, { redacted: true }, `${entry.type} of ${id}`);
      // Ids aside: a random UUID may hold a run like 6666 or 440300 and say nothing about the customer.
      const text = JSON.stringify(items).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>');
      for (const secret of ['王女士', '匿名 旧号', '6666', '8888', 'wang.nvshi', 'oPrivacyWang', '南山区', '440300']) assert.ok(!text.includes(secret), `history of ${id} still says ${secret}: ${text}`);
      assert.ok(items.every((h) => h.actor !== null));
    }
  });

  test('the contact merged into it is erased too; records are unlinked from the person', async () => {
    const aliasRead = await t.api('GET', `/api/v1/contacts/${alias.id}`);
    assert.equal(aliasRead.statusCode, 308, 'the alias still resolves to the anonymised id');
    const record = ok<{ contactId: string | null }>(await t.api('GET', '/api/v1/customer-records/order/SO-PRIV'));
    assert.equal(record.contactId, null);
  });

  test('the customer\'s own words leave the tickets (tickets module, after the worker ran)', async () => {
    await t.drain();
    const ticket = ok<{ description: string; requester: { id: string; anonymized: boolean } }>(await t.api('GET', `/api/v1/tickets/${ticketId}`));
    assert.equal(ticket.requester.id, person.id, 'the ticket still counts for the same (anonymous) requester');
    assert.equal(ticket.requester.anonymized, true);
    assert.ok(!ticket.description.includes('440300'), ticket.description);
  });

  test('an anonymised contact cannot be changed, merged into, or given identities (409)', async () => {
    const patch = await t.api('PATCH', `/api/v1/contacts/${person.id}`, { body: { name: '又回来了' } });
    assertProblem(patch, 409, 'contact.anonymized');
    assert.equal((await t.api('POST', `/api/v1/contacts/${person.id}/identities`, { body: { kind: 'phone', value: '13866665555' } })).statusCode, 409);
    const other = await newContact({ name: '别人' });
    const merge = await t.api('POST', '/api/v1/contacts/merge', { body: { sourceId: other.id, targetId: person.id } });
    assertProblem(merge, 409, 'contact.anonymized');
    assert.equal((await t.api('POST', `/api/v1/contacts/${person.id}/anonymize`)).statusCode, 409, 'twice is refused');
  });

  test('the freed phone number can belong to a new contact', async () => {
    const fresh = await newContact({ name: '新号主', identities: [{ kind: 'phone', value: '138-6666-5555' }] });
    assert.equal(fresh.phone, '+8613866665555');
    assert.equal(ok<{ id: string }>(await t.api('GET', '/api/v1/contacts/lookup?phone=13866665555')).id, fresh.id);
  });
});
