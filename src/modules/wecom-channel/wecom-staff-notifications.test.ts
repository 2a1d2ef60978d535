import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { assertProblem, type TestUser } from '../../app/test-app.js';
import { queryRows } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { slaWarning } from '../sla/index.js';
import { kfText, startWecomKit, type WecomKit } from './test-kit.js';

let kit: WecomKit;
let agent: TestUser;
let other: TestUser;
before(async () => {
  kit = await startWecomKit({ env: { OPENCSM_PUBLIC_URL: 'https://help.example.com/' } });
  agent = await kit.t.user('agent', { name: '张三' });
  other = await kit.t.user('agent', { name: '李四' });
});
after(() => kit.close());

const cards = () => kit.fake.appSent() as Array<{ touser: string; msgtype: string; agentid: number; textcard: { title: string; description: string; url: string; btntxt: string } }>;

test('linking users to WeCom members: malformed input is a 400 naming the field; unknown users and accounts are 404s', async () => {
  const bad = await kit.t.api('PUT', `/api/v1/wecom/staff-links/${agent.id}`, { body: { wecomUserId: 'has space', accountId: kit.accountId } });
  assert.equal(assertProblem(bad, 400, 'validation.failed').errors?.[0]?.path, 'wecomUserId');
  assertProblem(await kit.t.api('PUT', `/api/v1/wecom/staff-links/${kit.accountId}`, { body: { wecomUserId: 'zhangsan', accountId: kit.accountId } }), 404, 'user.not_found');
  assertProblem(await kit.t.api('PUT', `/api/v1/wecom/staff-links/${agent.id}`, { body: { wecomUserId: 'zhangsan', accountId: agent.id } }), 404, 'channel.account_not_found');
  assertProblem(await kit.t.api('PUT', `/api/v1/wecom/staff-links/${agent.id}`, { as: agent, body: { wecomUserId: 'zhangsan', accountId: kit.accountId } }), 403, 'auth.forbidden');

  assert.equal((await kit.t.api('PUT', `/api/v1/wecom/staff-links/${agent.id}`, { body: { wecomUserId: 'zhangsan', accountId: kit.accountId } })).statusCode, 200);
  assert.equal((await kit.t.api('PUT', `/api/v1/wecom/staff-links/${other.id}`, { body: { wecomUserId: 'lisi', accountId: kit.accountId } })).statusCode, 200);
  const list = await kit.t.api('GET', '/api/v1/wecom/staff-links');
  assert.deepEqual(list.data.items.map((l: { wecomUserId: string }) => l.wecomUserId).sort(), ['lisi', 'zhangsan']);
});

test('a new assignment sends the agent a textcard through the self-built app with a link that opens the ticket', async () => {
  const ticket = await kit.t.createTicket({ subject: '空调安装预约', assigneeId: agent.id });
  await kit.t.drain();
  const card = cards().at(-1)!;
  assert.equal(card.touser, 'zhangsan');
  assert.equal(card.msgtype, 'textcard');
  assert.equal(card.agentid, kit.settings.agentId);
  assert.equal(card.textcard.url, `https://help.example.com/tickets/${ticket.id}`);
  assert.match(card.textcard.title, new RegExp(`^新工单分配给你 · #${ticket.number}$`));
  assert.match(card.textcard.description, /空调安装预约/);
  assert.equal(card.textcard.btntxt, '查看工单');
  const app = kit.fake.calls.filter((c) => c.path === '/cgi-bin/message/send').at(-1)!;
  assert.match(app.query.access_token!, /^app-token-/, "the self-built app's own token, not the kf one");

  // Reassigned by the admin to 李四: 李四 is told; an agent taking a ticket themselves is not.
  const before = cards().length;
  const reassigned = await kit.t.api('PATCH', `/api/v1/tickets/${ticket.id}`, { headers: { 'if-match': `"${ticket.version}"` }, body: { assigneeId: other.id } });
  assert.equal(reassigned.statusCode, 200, reassigned.body);
  await kit.t.drain();
  assert.deepEqual(cards().slice(before).map((c) => c.touser), ['lisi']);
  const mine = await kit.t.createTicket({ subject: '自己接的单', assigneeId: agent.id }, { as: agent });
  await kit.t.drain();
  assert.ok(!cards().some((c) => c.textcard?.url?.endsWith(mine.id)), 'no card for assigning oneself');
});

test("a customer's reply on a ticket the agent holds sends a card with the reply's text; nobody is told of an unassigned ticket's", async () => {
  const now = Math.floor(kit.clock.now().getTime() / 1000);
  const unassigned = cards().length;
  kit.fake.customerWrites(kfText('n-1', 'wmNotify', '热水器漏水', now));
  await kit.notify('NOTIFY_1');
  await kit.t.drain();
  assert.equal(cards().length, unassigned, 'a new unassigned ticket tells nobody');
  const contact = await kit.t.api('GET', '/api/v1/contacts/lookup', { query: { kind: 'wecom_external_userid', value: 'wmNotify' } });
  const [ticket] = (await kit.t.api('GET', '/api/v1/tickets', { query: { requesterId: contact.data.id } })).data.items;
  const before = cards().length;
  assert.equal((await kit.t.api('PATCH', `/api/v1/tickets/${ticket.id}`, { headers: { 'if-match': `"${ticket.version}"` }, body: { assigneeId: agent.id } })).statusCode, 200);
  kit.fake.customerWrites(kfText('n-2', 'wmNotify', '师傅什么时候到？', now + 5));
  await kit.notify('NOTIFY_2');
  await kit.t.drain();
  const sent = cards().slice(before);
  assert.deepEqual(sent.map((c) => c.textcard.title.split(' · ')[0]), ['新工单分配给你', '客户回复了你负责的工单']);
  assert.match(sent[1]!.textcard.description, /师傅什么时候到？/);
  assert.equal(sent[1]!.touser, 'zhangsan');
});

test('an SLA warning on the agent\'s ticket sends a card; a retried job sends it once', async () => {
  const ticket = await kit.t.createTicket({ subject: 'SLA 预警测试' });
  await kit.t.database.transaction((tx) => tx.execute(sql`update tickets set assignee_id = ${other.id} where id = ${ticket.id}`));
  const eventId = await kit.t.database.transaction((tx) =>
    recordEvent(tx, slaWarning, { aggregateId: ticket.id, cause: 'sla', actorId: null, payload: { target: 'first_response', cycle: 1, timerId: ticket.id, dueAt: null, plannedAt: new Date().toISOString(), assigneeId: other.id, teamId: null, event: 'warning' } }),
  );
  await kit.t.drain();
  const card = cards().at(-1)!;
  assert.equal(card.touser, 'lisi');
  assert.match(card.textcard.title, /^SLA 即将超时/);
  // The same event's job again (a worker died after sending): the row says it was sent.
  const before = cards().length;
  await kit.t.database.transaction((tx) => tx.execute(sql`insert into jobs (id, type, payload, run_at, max_attempts, event_id) select gen_random_uuid(), type, payload, now(), 8, event_id from jobs where type = 'wecom.notify_staff' and event_id = ${eventId}`));
  await kit.t.drain();
  assert.equal(cards().length, before);
  const [row] = await queryRows<{ status: string; reason: string }>(kit.t.database.db, sql`select status, reason from wecom_staff_notifications where event_id = ${eventId}`);
  assert.deepEqual(row, { status: 'sent', reason: 'sla_warning' });
});

test('a sandbox account records the card instead of sending it', async () => {
  const account = await kit.t.api('GET', `/api/v1/channels/wecom/accounts/${kit.accountId}`);
  assert.equal((await kit.t.api('PATCH', `/api/v1/channels/wecom/accounts/${kit.accountId}`, { headers: { 'if-match': `"${account.data.version}"` }, body: { sandbox: true } })).statusCode, 200);
  const before = cards().length;
  const ticket = await kit.t.createTicket({ subject: '沙箱通知', assigneeId: agent.id });
  await kit.t.drain();
  assert.equal(cards().length, before, 'nothing reached WeCom');
  const [row] = await queryRows<{ status: string; request: { touser: string } }>(kit.t.database.db, sql`select status, request from wecom_staff_notifications where ticket_id = ${ticket.id}`);
  assert.equal(row!.status, 'sandbox');
  assert.equal(row!.request.touser, 'zhangsan');
});
