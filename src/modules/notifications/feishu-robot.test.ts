import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { ManualClock } from '../../app/clock.js';
import { assertProblem, createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { queryRows } from '../../db/database.js';
import { robotPerMinute } from '../channels/index.js';
import { startFakeFeishuRobot, type FakeFeishuRobot } from './fake-feishu-robot.js';
import { feishuRobotSign, signedFeishuBody } from './feishu-signature.js';

/**
 * Teams' Feishu (飞书) custom robots: the signature as Feishu documents it (checked against values
 * computed by openssl and by WebCrypto in the fake robot), messages through the outbound guard, the
 * platform's 20-a-minute allowance with one digest beyond, and no job for a team without a robot.
 */
// The queue's due times are the database's; the allowance counts on the app's clock: start it at the
// real time, as the DingTalk robot tests do, and release the digest job by hand after moving it on.
const clock = new ManualClock(new Date());
const releaseDigest = () => t.database.transaction((tx) => tx.execute(sql`update jobs set run_at = now() where type = 'notifications.feishu_digest' and state = 'pending'`));
const secret = 'qD5e7Jb0x9ZkW3aT';
let t: TestApp;
let robot: FakeFeishuRobot;
let teamId: string;
let agent: TestUser;

before(async () => {
  robot = await startFakeFeishuRobot({ token: 'hook-token-1', secret, clock });
  t = await createTestApp({ OPENCSM_PUBLIC_URL: 'https://csm.example.cn' }, { clock });
  agent = await t.user('agent');
  teamId = await t.team('飞书售后组');
});
after(async () => {
  await t.close();
  await robot.close();
});

test("the signature is Feishu's: HMAC-SHA256 keyed by `timestamp\\nsecret` over nothing, base64, timestamp in seconds", () => {
  // From openssl: printf '' | openssl dgst -sha256 -hmac "$(printf '1599360473\ndemo')" -binary | base64
  assert.equal(feishuRobotSign('demo', 1599360473), 'l1N0gAcBjdwBvGm1xMjOF0XSyaLRpR7tuO5dHfhAYc8=');
  const body = signedFeishuBody({ msg_type: 'text', content: { text: 'hi' } }, 'demo', 1599360473_999);
  assert.deepEqual(body, { timestamp: '1599360473', sign: 'l1N0gAcBjdwBvGm1xMjOF0XSyaLRpR7tuO5dHfhAYc8=', msg_type: 'text', content: { text: 'hi' } });
  assert.deepEqual(signedFeishuBody({ msg_type: 'text' }, undefined, 0), { msg_type: 'text' }, 'a robot without a secret is sent to unsigned');
});

test('setting a robot: the webhook is required at first and never returned; bad input names the field; agents may not', async () => {
  const bad = await t.api('PUT', `/api/v1/feishu/team-robots/${teamId}`, { body: { webhookUrl: 'ftp://example.com/x' } });
  assert.equal(assertProblem(bad, 400, 'validation.failed').errors?.[0]?.path, 'webhookUrl');
  assert.equal(assertProblem(await t.api('PUT', `/api/v1/feishu/team-robots/${teamId}`, { body: { sandbox: true } }), 400, 'validation.failed').errors?.[0]?.path, 'webhookUrl');
  assertProblem(await t.api('PUT', `/api/v1/feishu/team-robots/${agent.id}`, { body: { webhookUrl: robot.webhookUrl } }), 404, 'notifications.feishu.team_not_found');
  assertProblem(await t.api('PUT', `/api/v1/feishu/team-robots/${teamId}`, { as: agent, body: { webhookUrl: robot.webhookUrl } }), 403, 'auth.forbidden');
  const saved = await t.api('PUT', `/api/v1/feishu/team-robots/${teamId}`, { body: { webhookUrl: robot.webhookUrl, secret } });
  assert.equal(saved.statusCode, 200, saved.body);
  assert.equal(saved.data.signed, true);
  assert.ok(!saved.body.includes('hook-token-1') && !saved.body.includes(secret));
  assertProblem(await t.api('PUT', `/api/v1/feishu/team-robots/${teamId}`, { body: { enabled: true }, ifMatch: 7 }), 412, 'notifications.feishu.robot_version_mismatch');
});

test('a new team ticket is posted signed with a link; beyond 20 a minute the rest wait for one digest', async () => {
  const first = await t.createTicket<{ id: string; number: string }>({ subject: '打印机[卡纸]', teamId });
  await t.drain();
  assert.equal(robot.messages.length, 1);
  const post = robot.messages[0]!.content.post.zh_cn;
  assert.equal(post.title, '新工单');
  assert.deepEqual(post.content[0][0], { tag: 'a', text: `#${first.number} 打印机【卡纸】`, href: `https://csm.example.cn/tickets/${first.id}` });

  for (let i = 0; i < robotPerMinute + 4; i++) await t.createTicket({ subject: `批量 ${i}`, teamId });
  await t.drain();
  assert.equal(robot.messages.length, robotPerMinute, 'the allowance: 20 in the minute');
  clock.advanceMinutes(1.05);
  await releaseDigest();
  await t.drain();
  assert.equal(robot.messages.length, robotPerMinute + 1, 'one digest for the rest');
  const digest = robot.messages.at(-1)!.content.post.zh_cn;
  assert.equal(digest.title, '通知摘要（共 5 条）');
  assert.equal(digest.content.length, 5);
});

test('a ticket of a team without a Feishu robot makes no Feishu job; a refused signature fails the send with the reason', async () => {
  const plainTeam = await t.team('没有机器人的组');
  // The relay's filter for the Feishu job, as it judges a stored ticket.created.
  const feishu = t.context.jobs.subscribersOf('ticket.created').find((s) => s.jobType === 'notifications.feishu_notify')!;
  const created = (team: string | null) => ({ eventId: 1, type: 'ticket.created', version: 1, aggregateType: 'ticket', aggregateId: agent.id, cause: 'agent', actorId: agent.id, contactId: null, occurredAt: new Date().toISOString(), payload: { number: '1', teamId: team, assigneeId: null, priority: 'normal', channel: 'api' } });
  assert.equal(feishu.accepts!(created(plainTeam)), false, 'a team without a robot: no job');
  assert.equal(feishu.accepts!(created(null)), false, 'no team: no job');
  assert.equal(feishu.accepts!(created(teamId)), true);
  await t.createTicket({ subject: '无机器人', teamId: plainTeam });
  await t.drain();
  const [sends] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int n from channel_robot_sends where robot_key = ${`feishu:${plainTeam}`}`);
  assert.equal(sends!.n, 0);

  const wrong = await t.api('PUT', `/api/v1/feishu/team-robots/${teamId}`, { body: { secret: 'wrongSecret123' } });
  assert.equal(wrong.statusCode, 200, wrong.body);
  clock.advanceMinutes(2);
  await t.createTicket({ subject: '签名错误', teamId });
  await t.drain();
  const [failed] = await queryRows<{ status: string; error: string }>(t.database.db, sql`select status, error from channel_robot_sends where robot_key = ${`feishu:${teamId}`} order by sent_at desc limit 1`);
  assert.equal(failed!.status, 'failed');
  assert.match(failed!.error, /19021/);
});
