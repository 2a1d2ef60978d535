import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { assertProblem, createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { queryRows } from '../../db/database.js';
import { listAggregateEvents } from '../../jobs/events.js';
import { complaintFields, complaintForm, complaintType } from '../forms/test-environmental-complaint.js';

/**
 * Preview and apply (issue 18 §3): the text rendered for the ticket and its reader, the actions
 * judged by the ticket's form, nothing written by a preview, one ticket.updated and one counted
 * use by an apply, and the text handed back rather than sent.
 */
let t: TestApp;
let team: string;
let agent: TestUser;
let supervisor: TestUser;
before(async () => {
  t = await createTestApp({ OPENCSM_PUBLIC_URL: 'https://help.example.cn' });
  team = await t.team('环保组');
  agent = await t.user('agent', { teamIds: [team], name: '李客服' });
  supervisor = await t.user('supervisor', { name: '王主管' });
  for (const field of complaintFields) assert.equal((await t.api('POST', '/api/v1/ticket-fields', { body: field })).statusCode, 201);
  const secret = await t.api('POST', '/api/v1/ticket-fields', { body: { key: 'internal_code', label: { 'zh-CN': '内部编码', en: 'Internal code' }, type: 'text', readRoles: ['admin', 'supervisor'] } });
  assert.equal(secret.statusCode, 201, secret.body);
  const type = await t.api('POST', '/api/v1/ticket-types', { body: { ...complaintType, defaultTeamId: team, form: { ...complaintForm, sections: [{ ...complaintForm.sections[0]!, fields: [...complaintForm.sections[0]!.fields, { key: 'internal_code' }] }] } } });
  assert.equal(type.statusCode, 201, type.body);
});
after(() => t.close());

async function complaintTicket(extra: Record<string, unknown> = {}) {
  return t.createTicket({
    subject: '河道排污',
    type: 'env_complaint',
    teamId: team,
    tags: ['投诉'],
    requester: { name: '张三', email: 'zhangsan@example.cn', phone: '13800138000' },
    fields: { pollution_type: 'water', location: ['44', '4403', '440305'], internal_code: 'HB-7' },
    ...extra,
  });
}

async function macro(body: Record<string, unknown>, as: TestUser = supervisor) {
  const res = await t.api('POST', '/api/v1/macros', { as, body: { scope: 'shared', ...body } });
  assert.equal(res.statusCode, 201, res.body);
  return res.data as { id: string };
}

const text = '{{requester.name}}您好：工单 {{ticket.number}}（{{ticket.subject}}，{{ticket.status}}，{{ticket.priority}}）由 {{ticket.team}} 的 {{agent.name}} 跟进。类型 {{fields.pollution_type}}，地点 {{fields.location}}，编码[{{fields.internal_code}}]，电话 {{requester.phone}}，邮箱 {{requester.email}}，处理人[{{ticket.assignee}}]。{{ticket.link}}';

describe('preview', () => {
  test('renders for the ticket and its reader: labels in their language, regions by name, a field they may not read empty', async () => {
    const ticket = await complaintTicket();
    const m = await macro({ name: '受理回复', body: text });
    const asAgent = await t.api('POST', `/api/v1/tickets/${ticket.id}/macros/${m.id}/preview`, { as: agent });
    assert.equal(asAgent.statusCode, 200, asAgent.body);
    assert.equal(
      asAgent.data.body,
      `张三您好：工单 ${ticket.number}（河道排污，新建，中）由 环保组 的 李客服 跟进。类型 废水，地点 广东省 / 深圳市 / 南山区，编码[]，电话 138 0013 8000，邮箱 zhangsan@example.cn，处理人[]。https://help.example.cn/portal/tickets/${ticket.id}`,
    );
    const asSupervisor = await t.api('POST', `/api/v1/tickets/${ticket.number}/macros/${m.id}/preview`, { as: supervisor, headers: { 'accept-language': 'en' } });
    assert.match(asSupervisor.data.body, /^张三您好：工单 \S+（河道排污，New，Normal）由 环保组 的 王主管 跟进。类型 Waste water，地点 .+，编码\[HB-7\]/);
  });

  test('names the category and the requester\'s organisation, and renders a value containing braces as text', async () => {
    const category = await t.api('POST', '/api/v1/categories', { body: { nameZh: '空调', nameEn: 'Air conditioning' } });
    const org = await t.api('POST', '/api/v1/organizations', { body: { name: '深圳华强电子有限公司' } });
    const contact = await t.api('POST', '/api/v1/contacts', { body: { name: '王{{agent.name}}', organizationId: org.data.id, identities: [{ kind: 'email', value: 'wang@huaqiang.example' }] } });
    assert.equal(contact.statusCode, 201, contact.body);
    const ticket = await t.createTicket({ subject: '空调漏水', teamId: team, categoryId: category.data.id, requester: { email: 'wang@huaqiang.example' } }); // found by the identity
    const m = await macro({ name: '组织与分类', body: '{{organisation.name}}/{{ticket.category}}/{{requester.name}}/{{requester.phone}}/{{ticket.link}}' });
    const zh = await t.api('POST', `/api/v1/tickets/${ticket.id}/macros/${m.id}/preview`, { as: agent });
    assert.equal(zh.data.body, `深圳华强电子有限公司/空调/王{{agent.name}}//https://help.example.cn/portal/tickets/${ticket.id}`);
    const en = await t.api('POST', `/api/v1/tickets/${ticket.id}/macros/${m.id}/preview`, { as: agent, headers: { 'accept-language': 'en' } });
    assert.match(en.data.body, /^深圳华强电子有限公司\/Air conditioning\//);
  });

  test('lists the changes the actions would make, judged by the ticket\'s form, and writes nothing', async () => {
    const ticket = await complaintTicket();
    const m = await macro({ name: '转废气', body: '', actions: { status: 'pending', priority: 'high', assigneeId: agent.id, tagsAdd: ['已联系'], tagsRemove: ['投诉'], fields: { pollution_type: 'gas' } } });
    const before = await eventCount(ticket.id);
    const res = await t.api('POST', `/api/v1/tickets/${ticket.id}/macros/${m.id}/preview`, { as: agent });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.data.changes, [
      { field: 'status', from: 'new', to: 'pending' },
      { field: 'priority', from: 'normal', to: 'high' },
      { field: 'assigneeId', from: null, to: agent.id },
      { field: 'tags', from: ['投诉'], to: ['已联系'] },
      { field: 'fields.pollution_type', from: 'water', to: 'gas' },
    ]);
    const now = (await t.api('GET', `/api/v1/tickets/${ticket.id}`, { as: agent })).data;
    assert.equal(now.version, ticket.version);
    assert.equal(now.status, 'new');
    assert.equal(await eventCount(ticket.id), before, 'no event');
    assert.equal(await usageOf(m.id), 0, 'no use counted');
  });

  test('a value the ticket\'s form refuses is the same 400 at fields.<key> as a write', async () => {
    const ticket = await complaintTicket();
    const m = await macro({ name: '坏选项', actions: { fields: { pollution_type: 'smell' } } });
    for (const step of ['preview', 'apply']) {
      const problem = assertProblem(await t.api('POST', `/api/v1/tickets/${ticket.id}/macros/${m.id}/${step}`, { as: agent }), 400, 'validation.failed');
      assert.equal(problem.errors![0]!.path, 'fields.pollution_type');
      assert.equal(problem.errors![0]!.code, 'form.unknown_option');
    }
    assert.equal(await usageOf(m.id), 0, 'a refused apply counts no use');
  });
});

describe('apply', () => {
  test('writes every change with one ticket.updated by the agent, counts a use and hands the text back unsent', async () => {
    const ticket = await complaintTicket();
    const m = await macro({ name: '挂起', body: '{{requester.name}}您好，已为您挂起，处理人 {{ticket.assignee}}', bodyKind: 'note', actions: { status: 'pending', assigneeId: agent.id, tagsAdd: ['已联系'], fields: { pollution_type: 'gas' } } });
    const messagesBefore = await messageCount(ticket.id);
    const eventsBefore = await eventCount(ticket.id);
    const res = await t.api('POST', `/api/v1/tickets/${ticket.id}/macros/${m.id}/apply`, { as: agent, ifMatch: ticket.version });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.data.body, '张三您好，已为您挂起，处理人 李客服', 'rendered after the changes');
    assert.equal(res.data.bodyKind, 'note');
    assert.equal(res.data.ticketVersion, ticket.version + 1);
    assert.deepEqual(res.data.changes.map((c: { field: string }) => c.field), ['status', 'assigneeId', 'tags', 'fields.pollution_type']);

    const after = (await t.api('GET', `/api/v1/tickets/${ticket.id}`, { as: agent })).data;
    assert.equal(after.status, 'pending');
    assert.equal(after.assigneeId, agent.id);
    assert.deepEqual(after.tags, ['已联系', '投诉'].sort());
    assert.equal(after.fields.pollution_type, 'gas');
    const events = (await listAggregateEvents(t.database.db, 'ticket', [ticket.id])).slice(0, (await eventCount(ticket.id)) - eventsBefore);
    assert.deepEqual(events.map((e) => [e.type, e.cause, e.actorId]), [['ticket.updated', 'agent', agent.id]], 'one event for all the changes');
    const applied = await listAggregateEvents(t.database.db, 'macro', [m.id]);
    assert.deepEqual(applied[0]!.payload, { ticketId: ticket.id, changed: ['status', 'assigneeId', 'tags', 'fields.pollution_type'] });
    assert.equal(await usageOf(m.id), 1);
    const listed = (await t.api('GET', `/api/v1/macros/${m.id}`, { as: agent })).data;
    assert.ok(listed.lastUsedAt);
    assert.equal(await messageCount(ticket.id), messagesBefore, 'nothing sent');
  });

  test('a ticket changed since the preview answers 412 and nothing is counted', async () => {
    const ticket = await complaintTicket();
    const m = await macro({ name: '高优', actions: { priority: 'high' } });
    assertProblem(await t.api('POST', `/api/v1/tickets/${ticket.id}/macros/${m.id}/apply`, { as: agent, ifMatch: ticket.version + 5 }), 412, 'ticket.version_mismatch');
    assert.equal(await usageOf(m.id), 0);
  });

  test('a text-only macro changes nothing on the ticket but still counts its use', async () => {
    const ticket = await complaintTicket();
    const m = await macro({ name: '纯文本', body: '感谢您的反馈' });
    const res = await t.api('POST', `/api/v1/tickets/${ticket.id}/macros/${m.id}/apply`, { as: agent });
    assert.deepEqual([res.data.body, res.data.changes, res.data.ticketVersion], ['感谢您的反馈', [], ticket.version]);
    assert.equal(await usageOf(m.id), 1);
  });

  test('the actions follow the agent\'s own permissions and visibility', async () => {
    const engineer = await t.user('field_engineer');
    const ticket = await complaintTicket({ assigneeId: engineer.id });
    const personal = await macro({ scope: 'personal', name: '工程师：提高优先级', actions: { priority: 'urgent' } }, engineer);
    assertProblem(await t.api('POST', `/api/v1/tickets/${ticket.id}/macros/${personal.id}/apply`, { as: engineer }), 403, 'auth.forbidden');
    const outsider = await t.user('agent');
    const shared = await macro({ name: '人人可用', body: 'hi' });
    assertProblem(await t.api('POST', `/api/v1/tickets/${ticket.id}/macros/${shared.id}/preview`, { as: outsider }), 404, 'ticket.not_found');
    const forOthers = await macro({ name: '仅限其他组', teamIds: [await t.team('别的组')] });
    assertProblem(await t.api('POST', `/api/v1/tickets/${ticket.id}/macros/${forOthers.id}/apply`, { as: agent }), 404, 'macro.not_found');
  });
});

async function eventCount(ticketId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from domain_events where aggregate_id = ${ticketId}`);
  return row!.n;
}

async function messageCount(ticketId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from ticket_messages where ticket_id = ${ticketId}`);
  return row!.n;
}

async function usageOf(macroId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(t.database.db, sql`select usage_count as n from macros where id = ${macroId}`);
  return row!.n;
}
