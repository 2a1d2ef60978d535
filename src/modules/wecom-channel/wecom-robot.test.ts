import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { assertProblem } from '../../app/test-app.js';
import { queryRows } from '../../db/database.js';
import { robotPerMinute } from './robot-allowance.js';
import { digestMarkdown } from './robot-notifications.js';
import { startWecomKit, type WecomKit } from './test-kit.js';

const key = '693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa'.replace(/x/g, '0').replace('sifa', '5ffa');
let kit: WecomKit;
let teamId: string;
before(async () => {
  kit = await startWecomKit({ env: { OPENCSM_PUBLIC_URL: 'https://help.example.com' }, robotKeys: [key] });
  teamId = await kit.t.team('售后一组');
});
after(() => kit.close());

const posted = () => kit.fake.robotSent(key) as Array<{ msgtype: string; markdown: { content: string } }>;
const releaseDueJobs = () => kit.t.database.transaction((tx) => tx.execute(sql`update jobs set run_at = now() where type like 'wecom.%' and state = 'pending'`));

test("a team's robot: the key is required at first, kept sealed and never returned; malformed input names the field", async () => {
  const noKey = await kit.t.api('PUT', `/api/v1/wecom/team-robots/${teamId}`, { body: { sandbox: false } });
  assert.equal(assertProblem(noKey, 400, 'validation.failed').errors?.[0]?.path, 'webhookKey');
  const bad = await kit.t.api('PUT', `/api/v1/wecom/team-robots/${teamId}`, { body: { webhookKey: 'bad key!' } });
  assert.equal(assertProblem(bad, 400, 'validation.failed').errors?.[0]?.path, 'webhookKey');
  assertProblem(await kit.t.api('PUT', `/api/v1/wecom/team-robots/${kit.accountId}`, { body: { webhookKey: key } }), 404, 'wecom.team_not_found');
  const set = await kit.t.api('PUT', `/api/v1/wecom/team-robots/${teamId}`, { body: { webhookKey: key, apiBaseUrl: kit.fake.url } });
  assert.equal(set.statusCode, 200, set.body);
  assert.equal(set.data.keySet, true);
  assert.ok(!set.body.includes(key), 'the key never goes out');
  assertProblem(await kit.t.api('PUT', `/api/v1/wecom/team-robots/${teamId}`, { headers: { 'if-match': '"99"' }, body: { sandbox: false } }), 412, 'wecom.robot_version_mismatch');
  const [stored] = await queryRows<{ webhook_key: string }>(kit.t.database.db, sql`select webhook_key from wecom_team_robots where team_id = ${teamId}`);
  assert.ok(!stored!.webhook_key.includes(key), 'sealed at rest');
});

test('25 new tickets for the team within one minute: 20 are posted at once, the other 5 leave as one digest when the minute has room', async () => {
  const tickets = [];
  for (let i = 0; i < 25; i++) tickets.push(await kit.t.createTicket({ subject: `批量工单 ${i}`, teamId }));
  await kit.t.drain();
  assert.equal(posted().length, robotPerMinute, 'the allowance, no more');
  const link = (t: { id: string; number: string; subject: string }) => `[#${t.number} ${t.subject}](https://help.example.com/tickets/${t.id})`;
  assert.ok(posted().every((p) => p.msgtype === 'markdown' && p.markdown.content.startsWith('**团队有新工单**\n> [#')));
  const [waiting] = await queryRows<{ n: number }>(kit.t.database.db, sql`select count(*)::int as n from channel_robot_pending where robot_key = ${`wecom:${teamId}`} and digest_id is null`);
  assert.equal(waiting!.n, 5);

  // Still inside the minute: the digest job, even if run, waits.
  kit.clock.advanceMinutes(0.5);
  await releaseDueJobs();
  await kit.t.drain();
  assert.equal(posted().length, robotPerMinute);

  // The minute is over: one digest with the five that waited.
  kit.clock.advanceMinutes(0.6);
  await releaseDueJobs();
  await kit.t.drain();
  assert.equal(posted().length, robotPerMinute + 1);
  const digest = posted().at(-1)!.markdown.content;
  assert.match(digest, /另有 5 条通知/);
  // Every ticket once: 20 on their own, the other 5 in the digest.
  const mentions = tickets.map((t) => posted().filter((p) => p.markdown.content.includes(link(t))).length);
  assert.deepEqual(mentions, tickets.map(() => 1));
  assert.equal(tickets.filter((t) => digest.includes(link(t))).length, 5);
  const sends = await queryRows<{ kind: string; n: number }>(kit.t.database.db, sql`select kind, count(*)::int as n from channel_robot_sends where robot_key = ${`wecom:${teamId}`} group by kind order by kind`);
  assert.deepEqual(sends, [{ kind: 'digest', n: 1 }, { kind: 'message', n: 20 }]);
});

test('a sandbox robot records its messages and posts nothing', async () => {
  const current = (await kit.t.api('GET', '/api/v1/wecom/team-robots')).data.items.find((r: { teamId: string }) => r.teamId === teamId);
  assert.equal((await kit.t.api('PUT', `/api/v1/wecom/team-robots/${teamId}`, { headers: { 'if-match': `"${current.version}"` }, body: { sandbox: true } })).statusCode, 200);
  kit.clock.advanceMinutes(2);
  const before = posted().length;
  await kit.t.createTicket({ subject: '沙箱机器人', teamId });
  await kit.t.drain();
  assert.equal(posted().length, before);
  const rows = await queryRows<{ status: string }>(kit.t.database.db, sql`select status from channel_robot_sends where robot_key = ${`wecom:${teamId}`} and body::text like ${'%沙箱机器人%'}`);
  assert.deepEqual(rows, [{ status: 'sandbox' }]);
});

test('a digest of many long notifications stays within the robot markdown limit and counts what it could not list', () => {
  const lines = Array.from({ length: 30 }, (_, i) => `团队有新工单：[#20261206-${String(i).padStart(4, '0')} ${'空调外机噪音很大需要上门检修'.repeat(4)}](https://help.example.com/tickets/01a24cea-2c4f-74eb-97ce-${String(i).padStart(12, '0')})`);
  const content = digestMarkdown(lines, 45);
  assert.ok(Buffer.byteLength(content, 'utf8') <= 4096, `${Buffer.byteLength(content, 'utf8')} bytes`);
  const listed = content.split('\n').filter((l) => l.startsWith('> 团队有新工单')).length;
  assert.ok(listed > 0 && listed < 30);
  assert.match(content, new RegExp(`^\\*\\*最近 1 分钟另有 45 条通知`));
  assert.match(content, new RegExp(`> …（\\+${45 - listed}）$`));
});

test("an app clock ten minutes behind the database's: the held digest waits its minute on the database's clock instead of coming due again at every round", async () => {
  const team = await kit.t.team('售后二组');
  const set = await kit.t.api('PUT', `/api/v1/wecom/team-robots/${team}`, { body: { webhookKey: key, apiBaseUrl: kit.fake.url } });
  assert.equal(set.statusCode, 200, set.body);
  kit.clock.set(new Date(Date.now() - 10 * 60_000));
  for (let i = 0; i <= robotPerMinute; i++) await kit.t.createTicket({ subject: `时钟偏差 ${i}`, teamId: team });
  // With the wait stored as an app-clock time (ten minutes ago to the database), the digest was due
  // at once, found no room, and came back due at once: the drain never ended ("work keeps arriving").
  await kit.t.drain();
  const [digest] = await queryRows<{ wait: number }>(kit.t.database.db, sql`select extract(epoch from run_at - now())::float8 as wait from jobs where type = 'wecom.robot_digest' and state = 'pending' and payload->>'teamId' = ${team}`);
  assert.ok(digest && digest.wait > 0 && digest.wait <= 61, `the digest waits (up to a minute) from now on the database's clock: ${digest?.wait} s`);
  // Once the app's minute is over too, it goes.
  kit.clock.advanceMinutes(1.05);
  await releaseDueJobs();
  await kit.t.drain();
  const [sends] = await queryRows<{ n: number }>(kit.t.database.db, sql`select count(*)::int as n from channel_robot_sends where robot_key = ${`wecom:${team}`} and kind = 'digest'`);
  assert.equal(sends!.n, 1);
});
