import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertProblem, createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';

/** Merging duplicate contacts and organisations, and finding the duplicates in the first place. */
let t: TestApp;
let supervisor: TestUser;
let agent: TestUser;
before(async () => {
  t = await createTestApp();
  supervisor = await t.user('supervisor', { name: '主管 刘' });
  agent = await t.user('agent');
});
after(() => t.close());

type Contact = { id: string; name: string; phone: string | null; email: string | null; organization: { id: string } | null; tierKey: string | null; tags: string[]; notes: string; identities: Array<{ kind: string; value: string }>; version: number };
type Problem = { code: string; errors?: Array<{ path: string; code: string }> };
type HistoryEntry = { type: string; actor: { id: string; name: string } | null; payload: Record<string, unknown> };

function created<T>(res: { statusCode: number; body: string; json(): unknown }): T {
  assert.ok(res.statusCode === 200 || res.statusCode === 201, res.body);
  return res.json() as T;
}

const newContact = async (body: Record<string, unknown>) => created<Contact>(await t.api('POST', '/api/v1/contacts', { body }));
const newOrganization = async (name: string) => created<{ id: string; name: string }>(await t.api('POST', '/api/v1/organizations', { body: { name } }));

async function ticketFor(requester: Record<string, string>, subject: string): Promise<string> {
  return (await t.createTicket<{ id: string }>({ subject, requester })).id;
}

async function ticketsOf(contactId: string): Promise<string[]> {
  const res = await t.api('GET', `/api/v1/tickets?requesterId=${contactId}`);
  assert.equal(res.statusCode, 200, res.body);
  return (res.json() as { items: Array<{ id: string }> }).items.map((i) => i.id).sort();
}

const merge = (sourceId: string, targetId: string, as: TestUser = supervisor) => t.api('POST', '/api/v1/contacts/merge', { body: { sourceId, targetId }, as });
const history = async (id: string) => ((await t.api('GET', `/api/v1/contacts/${id}/history`)).json() as { items: HistoryEntry[] }).items;

describe('merging contact A into B', () => {
  let a: Contact;
  let b: Contact;
  let c: Contact;
  let ticketsOfA: string[];
  let ticketOfB: string;

  before(async () => {
    a = await newContact({ name: '陈静', tierKey: 'vip', tags: ['老客户'], notes: '来自展会', identities: [{ kind: 'email', value: 'chen.jing@old.example' }, { kind: 'phone', value: '138 0000 1111' }] });
    b = await newContact({ name: '陈静（新）', tags: ['采购'], notes: '新系统录入', identities: [{ kind: 'email', value: 'chenjing@new.example' }] });
    c = await newContact({ name: '陈静 总部', identities: [{ kind: 'wechat_openid', value: 'oChenJingHQ' }] });
    ticketsOfA = [await ticketFor({ phone: '+86 138-0000-1111' }, '打印机卡纸'), await ticketFor({ email: 'chen.jing@old.example' }, '发票抬头')].sort();
    ticketOfB = await ticketFor({ email: 'chenjing@new.example' }, '报价');
    const record = await t.api('PUT', '/api/v1/customer-records/order/SO-MERGE-1', { body: { contactId: a.id, title: '订单 SO-MERGE-1' } });
    assert.equal(record.statusCode, 201, record.body);
    assert.deepEqual(await ticketsOf(a.id), ticketsOfA, 'the tickets found A by its identities');
  });

  test('identities and external records move to B; B keeps its values and takes what it lacked', async () => {
    const res = await merge(a.id, b.id);
    assert.equal(res.statusCode, 200, res.body);
    const { survivor, moved } = res.json() as { survivor: Contact; moved: Record<string, number> };
    assert.deepEqual(moved, { identities: 2, records: 1, contacts: 0 });
    assert.equal(survivor.id, b.id);
    assert.equal(survivor.name, '陈静（新）');
    assert.deepEqual(survivor.identities.map((i) => i.value).sort(), ['+8613800001111', 'chen.jing@old.example', 'chenjing@new.example']);
    assert.equal(survivor.tierKey, 'vip', 'B had no tier: it takes A\'s');
    assert.deepEqual([...survivor.tags].sort(), ['老客户', '采购'].sort());
    assert.equal(survivor.notes, '新系统录入\n\n来自展会');
    assert.ok(survivor.version > b.version);

    const record = (await t.api('GET', '/api/v1/customer-records/order/SO-MERGE-1')).json() as { contactId: string };
    assert.equal(record.contactId, b.id);
    const found = await t.api('GET', '/api/v1/contacts/lookup?phone=13800001111');
    assert.equal((found.json() as { id: string }).id, b.id, 'A\'s phone now finds B');
    const listed = (await t.api('GET', '/api/v1/contacts?q=陈静')).json() as { items: Array<{ id: string }> };
    assert.ok(!listed.items.some((i) => i.id === a.id), 'the merged contact is no longer listed');
  });

  test('A answers 308 to B; changing or merging A again is a 409', async () => {
    const read = await t.api('GET', `/api/v1/contacts/${a.id}`);
    assert.equal(read.statusCode, 308);
    assert.equal(read.headers.location, `/api/v1/contacts/${b.id}`);
    assert.equal((read.json() as Problem).code, 'contact.merged');

    const patch = await t.api('PATCH', `/api/v1/contacts/${a.id}`, { body: { notes: 'too late' } });
    assertProblem(patch, 409, 'contact.merged');
    const addIdentity = await t.api('POST', `/api/v1/contacts/${a.id}/identities`, { body: { kind: 'email', value: 'late@old.example' } });
    assert.equal(addIdentity.statusCode, 409);

    const again = await merge(a.id, c.id);
    assertProblem(again, 409, 'contact.merged');
    assert.deepEqual((again.json() as Problem).errors?.map((e) => e.path), ['sourceId']);
    const intoMerged = await merge(c.id, a.id);
    assert.equal(intoMerged.statusCode, 409, 'a tombstone cannot be a survivor either');
    assert.deepEqual((intoMerged.json() as Problem).errors?.map((e) => e.path), ['targetId']);
  });

  test('A\'s tickets move to B once the worker has run', async () => {
    // Until then a ticket of A already shows B as its requester.
    const ticket = (await t.api('GET', `/api/v1/tickets/${ticketsOfA[0]}`)).json() as { requester: { id: string } };
    assert.equal(ticket.requester.id, b.id);
    await t.drain();
    assert.deepEqual(await ticketsOf(b.id), [...ticketsOfA, ticketOfB].sort());
    assert.deepEqual(await ticketsOf(a.id), []);
  });

  test('the merge is in both contacts\' history, with who did it', async () => {
    const ofA = await history(a.id);
    const mergedEntry = ofA.find((h) => h.type === 'contact.merged');
    assert.ok(mergedEntry, JSON.stringify(ofA.map((h) => h.type)));
    assert.deepEqual(mergedEntry.actor, { id: supervisor.id, name: '主管 刘' });
    assert.equal(mergedEntry.payload.targetId, b.id);

    const ofB = await history(b.id);
    const types = ofB.map((h) => h.type);
    assert.ok(types.includes('contact.absorbed'), JSON.stringify(types));
    assert.ok(types.includes('contact.merged'), 'B\'s history includes the events of the contact merged into it');
    assert.deepEqual(ofB.find((h) => h.type === 'contact.absorbed')!.actor, { id: supervisor.id, name: '主管 刘' });
    assert.equal(ofB.find((h) => h.type === 'contact.absorbed')!.payload.sourceId, a.id);
  });

  test('merging B into C later makes A resolve to C (the chain is flattened)', async () => {
    const res = await merge(b.id, c.id);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal((res.json() as { moved: { contacts: number } }).moved.contacts, 1, 'A, merged into B earlier, now points at C');
    const read = await t.api('GET', `/api/v1/contacts/${a.id}`);
    assert.equal(read.statusCode, 308);
    assert.equal(read.headers.location, `/api/v1/contacts/${c.id}`, 'one hop, not A → B → C');
    assert.equal((await t.api('GET', `/api/v1/contacts/${b.id}`)).headers.location, `/api/v1/contacts/${c.id}`);
    assert.equal(((await t.api('GET', '/api/v1/contacts/lookup?email=chen.jing@old.example')).json() as { id: string }).id, c.id);
    await t.drain();
    assert.deepEqual(await ticketsOf(c.id), [...ticketsOfA, ticketOfB].sort());
    const ofC = (await history(c.id)).map((h) => h.type);
    assert.equal(ofC.filter((type) => type === 'contact.merged').length, 2, `both merges show in C's history: ${ofC}`);
  });
});

describe('merge rules', () => {
  test('a contact cannot be merged into itself; unknown ids name their field', async () => {
    const x = await newContact({ name: '自己' });
    const self = await merge(x.id, x.id);
    assert.equal(self.statusCode, 400);
    assert.deepEqual((self.json() as Problem).errors, [{ path: 'targetId', code: 'contact.merge_self', message: (self.json() as { errors: Array<{ message: string }> }).errors[0]!.message }]);
    const unknown = await merge('01890000-0000-7000-8000-0000000000aa', x.id);
    assert.equal(unknown.statusCode, 400);
    assert.deepEqual((unknown.json() as Problem).errors?.map((e) => [e.path, e.code]), [['sourceId', 'contact.not_found']]);
  });

  test('agents may not merge (403), supervisors may', async () => {
    const x = await newContact({ name: '合并权限甲' });
    const y = await newContact({ name: '合并权限乙' });
    const denied = await merge(x.id, y.id, agent);
    assert.equal(denied.statusCode, 403);
    assert.equal((await t.api('GET', `/api/v1/contacts/${x.id}`)).statusCode, 200, 'nothing happened');
    assert.equal((await t.api('POST', '/api/v1/organizations/merge', { body: { sourceId: x.id, targetId: y.id }, as: agent })).statusCode, 403);
    assert.equal((await merge(x.id, y.id, supervisor)).statusCode, 200);
  });
});

describe('merging organisations', () => {
  test('contacts and records move to the survivor; the old id answers 308', async () => {
    const x = await newOrganization('华强电子（深圳）有限公司');
    const y = await newOrganization('深圳华强电子有限公司');
    const staff = [await newContact({ name: '员工一', organizationId: x.id }), await newContact({ name: '员工二', organizationId: x.id })];
    await newContact({ name: '员工三', organizationId: y.id });
    assert.equal((await t.api('PUT', '/api/v1/customer-records/contract/HT-2025-01', { body: { organizationId: x.id, title: '年度维保合同', expiresOn: '2025-12-31' } })).statusCode, 201);

    const res = await t.api('POST', '/api/v1/organizations/merge', { body: { sourceId: x.id, targetId: y.id }, as: supervisor });
    assert.equal(res.statusCode, 200, res.body);
    const { survivor, moved } = res.json() as { survivor: { id: string; contactCount: number }; moved: Record<string, number> };
    assert.deepEqual(moved, { identities: 0, records: 1, contacts: 2 });
    assert.equal(survivor.id, y.id);
    assert.equal(survivor.contactCount, 3);

    const read = await t.api('GET', `/api/v1/organizations/${x.id}`);
    assert.equal(read.statusCode, 308);
    assert.equal(read.headers.location, `/api/v1/organizations/${y.id}`);
    for (const contact of staff) assert.equal(((await t.api('GET', `/api/v1/contacts/${contact.id}`)).json() as Contact).organization?.id, y.id);
    assert.equal(((await t.api('GET', '/api/v1/customer-records/contract/HT-2025-01')).json() as { organizationId: string }).organizationId, y.id);
    const listed = (await t.api('GET', `/api/v1/contacts?organizationId=${y.id}`)).json() as { items: unknown[] };
    assert.equal(listed.items.length, 3);

    assert.equal((await t.api('PATCH', `/api/v1/organizations/${x.id}`, { body: { notes: 'x' } })).statusCode, 409);
    const intoOld = await t.api('POST', '/api/v1/contacts', { body: { name: '新员工', organizationId: x.id } });
    assert.equal(intoOld.statusCode, 400);
    assert.deepEqual((intoOld.json() as Problem).errors?.map((e) => [e.path, e.code]), [['organizationId', 'organization.merged']]);
    const orgHistory = ((await t.api('GET', `/api/v1/organizations/${y.id}/history`)).json() as { items: HistoryEntry[] }).items;
    assert.deepEqual(orgHistory.find((h) => h.type === 'organization.absorbed')?.actor, { id: supervisor.id, name: '主管 刘' });
  });

  test('organisation duplicates: same name without legal form or bracketed place, found from either side', async () => {
    const names = ['深圳华强电子有限公司', '华强电子（深圳）有限公司', '华强电子集团有限公司'];
    const orgs = await Promise.all(names.map((name) => newOrganization(name)));
    const unrelated = await newOrganization('华为技术有限公司');
    for (const org of orgs) {
      const res = await t.api('GET', `/api/v1/organizations/${org.id}/duplicates`);
      assert.equal(res.statusCode, 200, res.body);
      const found = (res.json() as { items: Array<{ id: string; name: string }> }).items.map((i) => i.id);
      const others = orgs.filter((o) => o.id !== org.id).map((o) => o.id);
      for (const id of others) assert.ok(found.includes(id), `${org.name} → ${orgs.find((o) => o.id === id)!.name}: ${res.body}`);
      assert.ok(!found.includes(unrelated.id));
      assert.ok(!found.includes(org.id));
    }
  });
});

describe('contact duplicates', () => {
  test('same phone with another extension, same Gmail mailbox, similar name in the same organisation; not a different person', async () => {
    const org = await newOrganization('重复检测有限公司');
    const otherOrg = await newOrganization('另一家有限公司');
    const zhang = await newContact({ name: '张伟', organizationId: org.id, identities: [{ kind: 'phone', value: '010-12345678 转 123' }, { kind: 'email', value: 'Zhang.Wei+crm@gmail.com' }] });
    const otherExtension = await newContact({ name: '前台', identities: [{ kind: 'phone', value: '010 1234 5678 分机 456' }] });
    const switchboard = await newContact({ name: '总机', identities: [{ kind: 'phone', value: '(010) 12345678' }] });
    const sameMailbox = await newContact({ name: 'Wei Z', identities: [{ kind: 'email', value: 'zhangwei@gmail.com' }] });
    const spaced = await newContact({ name: '张 伟', organizationId: org.id });
    const withRole = await newContact({ name: '张伟（采购）', organizationId: org.id });
    const sameNameElsewhere = await newContact({ name: '张伟', organizationId: otherOrg.id });
    const colleague = await newContact({ name: '张丽', organizationId: org.id });
    const nextNumber = await newContact({ name: '隔壁', identities: [{ kind: 'phone', value: '010-12345679 转 123' }] });
    const otherDomain = await newContact({ name: 'Zhang', identities: [{ kind: 'email', value: 'zhang.wei@corp.example' }] });
    const merged = await newContact({ name: '张伟', organizationId: org.id, identities: [{ kind: 'phone', value: '010-12345678 转 789' }] });
    assert.equal((await merge(merged.id, spaced.id)).statusCode, 200);

    const res = await t.api('GET', `/api/v1/contacts/${zhang.id}/duplicates`);
    assert.equal(res.statusCode, 200, res.body);
    const found = new Map((res.json() as { items: Array<{ contact: { id: string }; reasons: string[] }> }).items.map((i) => [i.contact.id, i.reasons]));
    assert.deepEqual(found.get(otherExtension.id), ['same_phone']);
    assert.deepEqual(found.get(switchboard.id), ['same_phone']);
    assert.deepEqual(found.get(sameMailbox.id), ['same_email']);
    // The survivor of the earlier merge now holds the 转 789 number too: two reasons.
    assert.deepEqual(found.get(spaced.id), ['same_phone', 'similar_name']);
    assert.deepEqual(found.get(withRole.id), ['similar_name']);
    for (const [label, contact] of Object.entries({ sameNameElsewhere, colleague, nextNumber, otherDomain, merged, zhang })) {
      assert.ok(!found.has(contact.id), `${label} is not a duplicate: ${res.body}`);
    }
    assert.equal(found.size, 5);
  });

  test('a merged contact has no duplicates to offer (404)', async () => {
    const x = await newContact({ name: '已合并' });
    const y = await newContact({ name: '保留' });
    assert.equal((await merge(x.id, y.id)).statusCode, 200);
    assert.equal((await t.api('GET', `/api/v1/contacts/${x.id}/duplicates`)).statusCode, 404);
  });
});
