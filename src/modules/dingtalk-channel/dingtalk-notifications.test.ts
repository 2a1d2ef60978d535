import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { assertProblem, type TestUser } from '../../app/test-app.js';
import { queryRows } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { robotPerMinute } from '../channels/index.js';
import { slaWarning } from '../sla/index.js';
import { startFakeRobotServer, type FakeRobotServer } from './fake-robot-server.js';
import { robotMessage, settings, startDingtalkKit, type DingtalkKit } from './test-kit.js';

const robotSecret = 'SECexample0123456789abcdef0123456789abcdef0123456789abcdef01234567';
let kit: DingtalkKit;
let robot: FakeRobotServer;
let agent: TestUser;
let other: TestUser;
let teamId: string;
before(async () => {
  kit = await startDingtalkKit({ env: { OPENCSM_PUBLIC_URL: 'https://help.example.com/' } });
  // The custom robot checks our 加签 signature against its own clock: the app's clock.
  robot = await startFakeRobotServer({ accessToken: 'robot-token-1', secret: robotSecret, clock: kit.clock });
  agent = await kit.t.user('agent', { name: '张三' });
  other = await kit.t.user('agent', { name: '李四' });
  teamId = await kit.t.team('售后一组');
});
after(async () => {
  await kit.close();
  await robot.close();
});

type Notice = { agent_id: number; userid_list: string; msg: { msgtype: string; action_card: { title: string; markdown: string; single_title: string; single_url: string } } };
const notices = () => kit.fake.workNotices() as Notice[];
const posted = () => robot.messages as Array<{ msgtype: string; markdown: { title: string; text: string } }>;
const releaseDueJobs = () => kit.t.database.transaction((tx) => tx.execute(sql`update jobs set run_at = now() where type like 'dingtalk.%' and state = 'pending'`));

test('linking users to DingTalk members: malformed input names the field; unknown users and accounts are 404s; agents may not', async () => {
  const bad = await kit.t.api('PUT', `/api/v1/dingtalk/staff-links/${agent.id}`, { body: { dingtalkUserId: 'has space', accountId: kit.accountId } });
  assert.equal(assertProblem(bad, 400, 'validation.failed').errors?.[0]?.path, 'dingtalkUserId');
  assertProblem(await kit.t.api('PUT', `/api/v1/dingtalk/staff-links/${kit.accountId}`, { body: { dingtalkUserId: 'zhangsan', accountId: kit.accountId } }), 404, 'user.not_found');
  assertProblem(await kit.t.api('PUT', `/api/v1/dingtalk/staff-links/${agent.id}`, { body: { dingtalkUserId: 'zhangsan', accountId: agent.id } }), 404, 'channel.account_not_found');
  assertProblem(await kit.t.api('PUT', `/api/v1/dingtalk/staff-links/${agent.id}`, { as: agent, body: { dingtalkUserId: 'zhangsan', accountId: kit.accountId } }), 403, 'auth.forbidden');
  assert.equal((await kit.t.api('PUT', `/api/v1/dingtalk/staff-links/${agent.id}`, { body: { dingtalkUserId: 'manager4711', accountId: kit.accountId } })).statusCode, 200);
  assert.equal((await kit.t.api('PUT', `/api/v1/dingtalk/staff-links/${other.id}`, { body: { dingtalkUserId: 'lisi01', accountId: kit.accountId } })).statusCode, 200);
  const list = await kit.t.api('GET', '/api/v1/dingtalk/staff-links');
  assert.deepEqual(list.data.items.map((l: { dingtalkUserId: string }) => l.dingtalkUserId).sort(), ['lisi01', 'manager4711']);
  // The same table holds WeCom's links, told apart by kind: DingTalk's do not show there.
  assert.deepEqual((await kit.t.api('GET', '/api/v1/wecom/staff-links')).data.items, []);
});

test('a new assignment sends the agent a work notification (action card with a link to the ticket) with the old-style token', async () => {
  const ticket = await kit.t.createTicket({ subject: '门禁系统故障', assigneeId: agent.id });
  await kit.t.drain();
  const notice = notices().at(-1)!;
  assert.equal(notice.agent_id, settings.agentId);
  assert.equal(notice.userid_list, 'manager4711');
  assert.equal(notice.msg.msgtype, 'action_card');
  assert.equal(notice.msg.action_card.title, `新工单分配给你 · #${ticket.number}`);
  assert.match(notice.msg.action_card.markdown, /门禁系统故障/);
  assert.equal(notice.msg.action_card.single_url, `https://help.example.com/tickets/${ticket.id}`);
  assert.equal(notice.msg.action_card.single_title, '查看工单');
  const call = kit.fake.calls.filter((c) => c.path === '/topapi/message/corpconversation/asyncsend_v2').at(-1)!;
  assert.match(call.query.access_token!, /^old-token-/);
  const [row] = await queryRows<{ status: string; task_id: string }>(kit.t.database.db, sql`select status, task_id from dingtalk_staff_notifications where ticket_id = ${ticket.id}`);
  assert.equal(row!.status, 'sent');
  assert.ok(row!.task_id);
});

test("a customer's DingTalk message on a ticket the agent holds, and an SLA warning, notify the agent once each", async () => {
  await kit.post(robotMessage(kit, 'msgN1', 'customer01', { text: '投影仪不亮' }));
  await kit.t.drain();
  const contact = await kit.t.api('GET', '/api/v1/contacts/lookup', { query: { kind: 'dingtalk_userid', value: 'customer01' } });
  const [ticket] = (await kit.t.api('GET', '/api/v1/tickets', { query: { requesterId: contact.data.id } })).data.items;
  assert.equal((await kit.t.api('PATCH', `/api/v1/tickets/${ticket.id}`, { headers: { 'if-match': `"${ticket.version}"` }, body: { assigneeId: other.id } })).statusCode, 200);
  await kit.t.drain();
  const before = notices().length;
  await kit.post(robotMessage(kit, 'msgN2', 'customer01', { text: '还是不亮，急' }));
  await kit.t.drain();
  const sent = notices().slice(before);
  assert.deepEqual(sent.map((n) => [n.userid_list, n.msg.action_card.title.split(' · ')[0]]), [['lisi01', '客户回复了你负责的工单']]);
  assert.match(sent[0]!.msg.action_card.markdown, /还是不亮，急/);

  const eventId = await kit.t.database.transaction((tx) =>
    recordEvent(tx, slaWarning, { aggregateId: ticket.id, cause: 'sla', actorId: null, payload: { target: 'first_response', cycle: 1, timerId: ticket.id, dueAt: null, plannedAt: new Date().toISOString(), assigneeId: other.id, teamId: null, event: 'warning' } }),
  );
  await kit.t.drain();
  assert.match(notices().at(-1)!.msg.action_card.title, /^SLA 即将超时/);
  // The same event's job again (a worker died after sending): the row says it was sent.
  const count = notices().length;
  await kit.t.database.transaction((tx) => tx.execute(sql`insert into jobs (id, type, payload, run_at, max_attempts, event_id) select gen_random_uuid(), type, payload, now(), 8, event_id from jobs where type = 'dingtalk.notify_staff' and event_id = ${eventId}`));
  await kit.t.drain();
  assert.equal(notices().length, count);
});

test("a team's custom robot: the webhook is required at first, sealed and never returned; malformed input names the field", async () => {
  const none = await kit.t.api('PUT', `/api/v1/dingtalk/team-robots/${teamId}`, { body: { sandbox: false } });
  assert.equal(assertProblem(none, 400, 'validation.failed').errors?.[0]?.path, 'webhookUrl');
  const bad = await kit.t.api('PUT', `/api/v1/dingtalk/team-robots/${teamId}`, { body: { webhookUrl: robot.webhookUrl, secret: 'not-a-sec' } });
  assert.equal(assertProblem(bad, 400, 'validation.failed').errors?.[0]?.path, 'secret');
  assertProblem(await kit.t.api('PUT', `/api/v1/dingtalk/team-robots/${kit.accountId}`, { body: { webhookUrl: robot.webhookUrl } }), 404, 'dingtalk.team_not_found');
  const set = await kit.t.api('PUT', `/api/v1/dingtalk/team-robots/${teamId}`, { body: { webhookUrl: robot.webhookUrl, secret: robotSecret } });
  assert.equal(set.statusCode, 200, set.body);
  assert.deepEqual([set.data.webhookSet, set.data.signed], [true, true]);
  assert.ok(!set.body.includes('robot-token-1') && !set.body.includes(robotSecret), 'neither goes out');
  assertProblem(await kit.t.api('PUT', `/api/v1/dingtalk/team-robots/${teamId}`, { headers: { 'if-match': '"99"' }, body: { sandbox: false } }), 412, 'dingtalk.robot_version_mismatch');
  const [stored] = await queryRows<{ row: string }>(kit.t.database.db, sql`select row_to_json(r)::text as row from dingtalk_team_robots r where team_id = ${teamId}`);
  assert.ok(!stored!.row.includes('robot-token-1') && !stored!.row.includes(robotSecret), 'sealed at rest');
});

test('25 new tickets for the team within one minute: 20 signed messages at once, the other 5 in one digest when the minute has room', async () => {
  const tickets = [];
  for (let i = 0; i < 25; i++) tickets.push(await kit.t.createTicket({ subject: `批量工单 ${i}`, teamId }));
  await kit.t.drain();
  assert.equal(posted().length, robotPerMinute, 'the allowance, no more');
  assert.ok(robot.answers.every((errcode) => errcode === 0), 'every message passed the robot’s 加签 check');
  assert.ok(posted().every((p) => p.msgtype === 'markdown' && p.markdown.text.startsWith('#### 团队有新工单\n[#')));

  kit.clock.advanceMinutes(0.5);
  await releaseDueJobs();
  await kit.t.drain();
  assert.equal(posted().length, robotPerMinute, 'still inside the minute: the digest waits');

  kit.clock.advanceMinutes(0.6);
  await releaseDueJobs();
  await kit.t.drain();
  assert.equal(posted().length, robotPerMinute + 1);
  const digest = posted().at(-1)!.markdown;
  assert.equal(digest.title, '通知汇总（5 条）');
  const link = (t: { id: string; number: string; subject: string }) => `[#${t.number} ${t.subject}](https://help.example.com/tickets/${t.id})`;
  assert.deepEqual(tickets.map((t) => posted().filter((p) => p.markdown.text.includes(link(t))).length), tickets.map(() => 1), 'every ticket once');
  const sends = await queryRows<{ kind: string; n: number }>(kit.t.database.db, sql`select kind, count(*)::int as n from channel_robot_sends where robot_key = ${`dingtalk:${teamId}`} group by kind order by kind`);
  assert.deepEqual(sends, [{ kind: 'digest', n: 1 }, { kind: 'message', n: 20 }]);
});

test('a sandbox account records work notifications, a sandbox robot its messages; neither reaches DingTalk', async () => {
  const account = await kit.t.api('GET', `/api/v1/channels/dingtalk/accounts/${kit.accountId}`);
  assert.equal((await kit.t.api('PATCH', `/api/v1/channels/dingtalk/accounts/${kit.accountId}`, { headers: { 'if-match': `"${account.data.version}"` }, body: { sandbox: true } })).statusCode, 200);
  const current = (await kit.t.api('GET', '/api/v1/dingtalk/team-robots')).data.items.find((r: { teamId: string }) => r.teamId === teamId);
  assert.equal((await kit.t.api('PUT', `/api/v1/dingtalk/team-robots/${teamId}`, { headers: { 'if-match': `"${current.version}"` }, body: { sandbox: true } })).statusCode, 200);
  kit.clock.advanceMinutes(2);
  const [noticesBefore, postedBefore] = [notices().length, posted().length];
  const ticket = await kit.t.createTicket({ subject: '沙箱通知', assigneeId: agent.id, teamId });
  await kit.t.drain();
  assert.deepEqual([notices().length, posted().length], [noticesBefore, postedBefore]);
  const [notice] = await queryRows<{ status: string }>(kit.t.database.db, sql`select status from dingtalk_staff_notifications where ticket_id = ${ticket.id}`);
  assert.equal(notice!.status, 'sandbox');
  const [send] = await queryRows<{ status: string }>(kit.t.database.db, sql`select status from channel_robot_sends where robot_key = ${`dingtalk:${teamId}`} and body::text like ${'%沙箱通知%'}`);
  assert.equal(send!.status, 'sandbox');
});
