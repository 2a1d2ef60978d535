import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertProblem, createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';

/** The customer 360° view, privacy export and guarded delete: customers and tickets read together. */
let t: TestApp;
let agent: TestUser;
let teamId: string;
before(async () => {
  t = await createTestApp();
  agent = await t.user('agent');
  teamId = await t.team('售后一组', [agent.id]);
  agent = await t.user('agent', { teamIds: [teamId] });
});
after(() => t.close());

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function ok(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown, as: TestUser = t.admin): Promise<Json> {
  const res = await t.api(method, url, { body: payload, as });
  assert.ok(res.statusCode < 300, `${method} ${url} → ${res.statusCode} ${res.body}`);
  return res.statusCode === 204 ? {} : (res.json() as Json);
}

async function ticket(subject: string, requester: Json, extra: Json = {}): Promise<Json> {
  return t.createTicket<Json>({ subject, description: `${subject}的详细描述`, requester, ...extra });
}

describe('contact 360° view', () => {
  let contact: Json;
  let org: Json;
  before(async () => {
    org = await ok('POST', '/api/v1/organizations', { name: '深圳华强电子有限公司', tierKey: 'vip' });
    contact = await ok('POST', '/api/v1/contacts', { name: '王小明', organizationId: org.id, identities: [{ kind: 'phone', value: '138 0013 8000' }, { kind: 'email', value: 'xm.wang@huaqiang.example' }] });
    await ok('PUT', '/api/v1/customer-records/order/SO-2026-001', { organizationId: org.id, contactId: contact.id, title: '打印机 X200 ×2', occurredOn: '2026-03-01', expiresOn: '2027-03-01', payload: { amount: 5800 } });
    await ok('PUT', '/api/v1/customer-records/contract/HT-88', { organizationId: org.id, title: '年度维保合同', expiresOn: '2026-12-31' });
  });

  test('tickets from any channel link to the contact by identity, open first, with counts', async () => {
    const solved = await ticket('打印机卡纸', { phone: '+86-138-0013-8000' }, { channel: 'phone' });
    const resolve = await t.api('PATCH', `/api/v1/tickets/${solved.id}`, { body: { status: 'resolved' }, ifMatch: solved.version });
    assert.equal(resolve.statusCode, 200, resolve.body);
    const open = await ticket('发票抬头错误', { email: 'XM.Wang@huaqiang.example' }, { channel: 'email', teamId });
    const view = await ok('GET', `/api/v1/contacts/${contact.id}/360`);
    assert.equal(view.contact.name, '王小明');
    assert.equal(view.contact.organization.name, '深圳华强电子有限公司');
    assert.deepEqual(view.tickets.items.map((i: Json) => i.id), [open.id, solved.id], 'open tickets come first');
    assert.deepEqual(view.tickets.counts, { open: 1, total: 2 });
    assert.deepEqual(view.tickets.items.map((i: Json) => i.channel), ['email', 'phone']);
    // Records of the contact and of its organisation (the contract belongs to the organisation only).
    assert.deepEqual(view.records.map((r: Json) => r.externalId).sort(), ['HT-88', 'SO-2026-001']);
    assert.equal(view.records.find((r: Json) => r.type === 'order').expiresOn, '2027-03-01');
  });

  test('the unified timeline lists messages of every ticket, newest first, and pages', async () => {
    const [first] = (await ok('GET', `/api/v1/contacts/${contact.id}/360`)).tickets.items;
    await ok('POST', `/api/v1/tickets/${first.id}/messages`, { body: '您好，发票已重开。' });
    await ok('POST', `/api/v1/tickets/${first.id}/messages`, { body: '内部：财务确认', internal: true });
    const view = await ok('GET', `/api/v1/contacts/${contact.id}/360`);
    assert.deepEqual(view.messages.items.slice(0, 2).map((m: Json) => [m.body, m.internal, m.author.kind, m.ticket.number]), [
      ['内部：财务确认', true, 'agent', first.number],
      ['您好，发票已重开。', false, 'agent', first.number],
    ]);
    const page1 = await ok('GET', `/api/v1/contacts/${contact.id}/messages?limit=1`);
    assert.equal(page1.items.length, 1);
    const page2 = await ok('GET', `/api/v1/contacts/${contact.id}/messages?limit=1&before=${page1.nextCursor}`);
    assert.equal(page2.items[0].body, '您好，发票已重开。');
  });

  test('an agent sees only the tickets they may see; a field engineer may not open customers', async () => {
    const view = await ok('GET', `/api/v1/contacts/${contact.id}/360`, undefined, agent);
    assert.deepEqual(view.tickets.items.map((i: Json) => i.subject), ['发票抬头错误'], 'only the ticket of the agent\'s team');
    assert.deepEqual(view.tickets.counts, { open: 1, total: 1 });
    assert.ok(view.messages.items.every((m: Json) => m.ticket.subject === '发票抬头错误'));
    assert.equal((await t.api('GET', `/api/v1/contacts/${contact.id}/360`, { as: await t.user('field_engineer') })).statusCode, 403);
  });

  test('the organisation view gathers its contacts, their tickets and its records', async () => {
    const colleague = await ok('POST', '/api/v1/contacts', { name: '李采购', organizationId: org.id, identities: [{ kind: 'phone', value: '0755-8888 6666' }] });
    await ticket('需要报价', { phone: '075588886666' });
    const view = await ok('GET', `/api/v1/organizations/${org.id}/360`);
    assert.deepEqual(view.contacts.items.map((c: Json) => c.name), ['李采购', '王小明']);
    assert.equal(view.contacts.items[0].id, colleague.id);
    assert.equal(view.organization.contactCount, 2);
    assert.deepEqual(view.tickets.items.map((i: Json) => i.subject).sort(), ['发票抬头错误', '打印机卡纸', '需要报价'].sort());
    assert.equal(view.records.length, 2);
  });

  test('a merged contact\'s view redirects to the survivor, whose view has both histories', async () => {
    const duplicate = await ok('POST', '/api/v1/contacts', { name: '王小明（微信）', identities: [{ kind: 'wechat_openid', value: 'oWx-123456' }] });
    const fromWeChat = await ticket('微信咨询保修', { identities: [{ kind: 'wechat_openid', value: 'oWx-123456' }] }, { channel: 'wechat' });
    assert.equal(fromWeChat.requester.id, duplicate.id);
    await ok('POST', '/api/v1/contacts/merge', { sourceId: duplicate.id, targetId: contact.id });
    const redirect = await t.api('GET', `/api/v1/contacts/${duplicate.id}/360`);
    assert.equal(redirect.statusCode, 308);
    assert.equal(redirect.headers.location, `/api/v1/contacts/${contact.id}/360`);
    // Before the tickets module has moved the ticket, the survivor's view already includes it …
    const before = await ok('GET', `/api/v1/contacts/${contact.id}/360`);
    assert.ok(before.tickets.items.some((i: Json) => i.id === fromWeChat.id));
    await t.drain();
    // … and afterwards the ticket names the survivor, with the change on its timeline.
    const moved = await ok('GET', `/api/v1/tickets/${fromWeChat.id}`);
    assert.equal(moved.requester.id, contact.id);
    const timeline = await ok('GET', `/api/v1/tickets/${fromWeChat.id}/timeline`);
    assert.ok(timeline.items.some((e: Json) => e.field === 'requesterId' && e.oldValue === duplicate.id && e.newValue === contact.id));
    const after = await ok('GET', `/api/v1/contacts/${contact.id}/360`);
    assert.ok(after.contact.identities.some((i: Json) => i.kind === 'wechat_openid' && i.value === 'oWx-123456'));
  });
});

describe('privacy: export, delete, anonymise', () => {
  test('export holds the profile, records, tickets with public messages only, and the history', async () => {
    const person = await ok('POST', '/api/v1/contacts', { name: '陈女士', identities: [{ kind: 'email', value: 'chen@example.cn' }] });
    const asked = await ticket('要求退款', { email: 'chen@example.cn' });
    await ok('POST', `/api/v1/tickets/${asked.id}/messages`, { body: '已登记退款' });
    await ok('POST', `/api/v1/tickets/${asked.id}/messages`, { body: '客户情绪激动（内部）', internal: true });
    const res = await t.api('GET', `/api/v1/contacts/${person.id}/export`);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-disposition']), /attachment; filename="contact-.*\.json"/);
    const data = res.json() as Json;
    assert.equal(data.contact.identities[0].value, 'chen@example.cn');
    assert.equal(data.tickets.length, 1);
    assert.equal(data.tickets[0].description, '要求退款的详细描述');
    assert.deepEqual(data.tickets[0].messages.map((m: Json) => m.body), ['已登记退款']);
    assert.ok(data.history.some((h: Json) => h.type === 'contact.created'));
    assert.equal((await t.api('GET', `/api/v1/contacts/${person.id}/export`, { as: await t.user('supervisor') })).statusCode, 403);
  });

  test('a contact with tickets cannot be deleted; one without can; only admins delete', async () => {
    const withTicket = (await ticket('咨询', { phone: '13911112222' })).requester;
    const res = await t.api('DELETE', `/api/v1/contacts/${withTicket.id}`);
    assertProblem(res, 409, 'contact.has_tickets');
    assert.match((res.json() as Json).detail ?? (res.json() as Json).title, /1/);
    const lonely = await ok('POST', '/api/v1/contacts', { name: '无工单', identities: [{ kind: 'phone', value: '13922223333' }] });
    assert.equal((await t.api('DELETE', `/api/v1/contacts/${lonely.id}`, { as: await t.user('supervisor') })).statusCode, 403);
    assert.equal((await t.api('DELETE', `/api/v1/contacts/${lonely.id}`)).statusCode, 204);
    assert.equal((await t.api('GET', `/api/v1/contacts/${lonely.id}`)).statusCode, 404);
    // The phone is free again.
    assert.equal((await t.api('GET', '/api/v1/contacts/lookup?phone=13922223333')).statusCode, 404);
  });

  test('anonymising erases the person and their words but keeps the ticket for statistics', async () => {
    const created = await ticket('家里空调漏水，地址是幸福路 8 号', { name: '周先生', phone: '13633334444' });
    const contactId = created.requester.id;
    await ok('POST', `/api/v1/tickets/${created.id}/messages`, { body: '已安排师傅上门' });
    const before = await ok('GET', `/api/v1/tickets/${created.id}`);
    const anonymised = await ok('POST', `/api/v1/contacts/${contactId}/anonymize`);
    assert.equal(anonymised.anonymized, true);
    assert.equal(anonymised.name, '');
    assert.deepEqual(anonymised.identities, []);
    await t.drain();
    const after = await ok('GET', `/api/v1/tickets/${created.id}`);
    assert.equal(after.requester.id, contactId, 'the ticket still counts for the same (anonymous) requester');
    assert.equal(after.requester.anonymized, true);
    assert.doesNotMatch(after.description, /幸福路/);
    assert.equal(after.status, before.status);
    assert.equal(after.priority, before.priority);
    assert.doesNotMatch(after.subject, /幸福路/);
    const history = await ok('GET', `/api/v1/contacts/${contactId}/history`);
    assert.ok(history.items.every((h: Json) => h.type === 'contact.anonymized' || h.payload.redacted === true), JSON.stringify(history.items));
    assert.doesNotMatch(JSON.stringify(history), /13633334444|周先生/);
    assert.equal((await t.api('GET', '/api/v1/contacts/lookup?phone=13633334444')).statusCode, 404);
    assert.equal((await t.api('PATCH', `/api/v1/contacts/${contactId}`, { body: { name: '周' } })).statusCode, 409);
  });
});
