import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { loadConfig } from '../../app/config.js';
import { createApp } from '../../app/create-app.js';
import { crashWorkspace } from '../../app/crash-workspace.js';
import { killRacingChildren, race, startRacingChild, type RacingChild } from '../../app/racing-children.js';
import { queryRows } from '../../db/database.js';
import { openDatabase } from '../../db/open-database.js';
import { createApiToken, createTeam, createUser, type Actor } from '../auth/index.js';

/**
 * Issue 18 §2, fair under concurrency, with two real server processes on one PostgreSQL database:
 * both create their tickets at once and run their workers side by side. 200 tickets of a
 * round-robin team of 4 spread within ±1 of even (50 each); 60 tickets of a team of 3 with a
 * capacity of 15 fill each agent to exactly 15 and leave 15 waiting; 40 WeChat and 40 WeCom chats
 * of a team of 2 with chat limits 微信 4 and 企业微信 3 fill each agent's WeChat and WeCom counters
 * to exactly those limits, each channel on its own. Decisions are serialised
 * by the team's settings row and the capacity check is the counter's own update, so neither
 * depends on which process decides. PGlite lets one process own its data folder: nothing to race.
 */
const workspace = crashWorkspace('opencsm-assignment-race-');
const child = new URL('./fairness/fairness-child.ts', import.meta.url);


test('200 tickets through two server processes: round robin within ±1 of even, nobody over capacity', { skip: !process.env.TEST_DATABASE_URL && 'needs TEST_DATABASE_URL (PostgreSQL): PGlite lets one process own its data folder', timeout: 240_000 }, async () => {
  const config = loadConfig({ OPENCSM_DATA_DIR: workspace.dataDir, DATABASE_URL: workspace.databaseUrl ?? '', LOG_LEVEL: 'silent' });
  const database = await openDatabase(config);
  const children: RacingChild[] = [];
  try {
    const app = await createApp(config, database, { log: pino({ level: 'silent' }) });
    const admin = await createUser(database, null, { email: 'fair-admin@example.test', name: 'admin', password: 'password-123', role: 'admin' });
    const adminActor: Actor = { id: admin.id, email: 'fair-admin@example.test', name: 'admin', role: 'admin', locale: 'zh-CN', teamIds: [] };
    const { token } = await createApiToken(database, adminActor, { name: 'fair' });
    const call = async (method: 'PUT', url: string, payload: Record<string, unknown>, bearer = token) => {
      const res = await app.server.inject({ method, url, headers: { authorization: `Bearer ${bearer}` }, payload });
      assert.equal(res.statusCode, 200, res.body);
    };
    async function team(name: string, size: number, capacity: number, chatCapacities: Record<string, number> = {}): Promise<{ id: string; agents: string[] }> {
      const agents: string[] = [];
      for (let i = 0; i < size; i += 1) {
        const email = `${name}-${i}@example.test`;
        const user = await createUser(database, null, { email, name: `${name}${i}`, password: 'password-123', role: 'agent' });
        const agentToken = (await createApiToken(database, { id: user.id, email, name: user.name, role: 'agent', locale: 'zh-CN', teamIds: [] }, { name: 'fair' })).token;
        await call('PUT', '/api/v1/me/status', { status: 'online' }, agentToken);
        await call('PUT', `/api/v1/users/${user.id}/assignment`, { capacity, chatCapacities });
        agents.push(user.id);
      }
      const created = await createTeam(database, adminActor, { name, memberIds: agents });
      await call('PUT', `/api/v1/teams/${created.id}/assignment`, { strategy: 'round_robin' });
      return { id: created.id, agents };
    }
    const roundRobin = await team('rr', 4, 1000);
    const limited = await team('cap', 3, 15);
    const chats = await team('chat', 2, 1000, { wechat: 4, wecom: 3 });
    await app.server.close();

    const plan: Array<[string, number, string?]> = [[roundRobin.id, 100], [limited.id, 30], [chats.id, 20, 'wechat'], [chats.id, 20, 'wecom']];
    for (let i = 0; i < 2; i += 1) children.push(startRacingChild(child, [workspace.dataDir, token, JSON.stringify(plan)], workspace.childEnv()));
    assert.deepEqual(await race(children), ['done', 'done']);
    // No drain here: the two processes' workers did all of it between them.
    const assigned = await queryRows<{ team_id: string; assignee_id: string | null; count: number }>(database.db, sql`
      select team_id, assignee_id, count(*)::int as count from tickets where team_id in (${roundRobin.id}, ${limited.id}) group by team_id, assignee_id`);
    const countsOf = (teamId: string) => new Map(assigned.filter((r) => r.team_id === teamId).map((r) => [r.assignee_id, r.count]));
    const spread = countsOf(roundRobin.id);
    assert.equal(spread.get(null), undefined, 'every round-robin ticket found an agent');
    assert.deepEqual([...spread.keys()].sort(), [...roundRobin.agents].sort());
    assert.ok(Math.max(...spread.values()) - Math.min(...spread.values()) <= 1, `within ±1 of even: ${JSON.stringify([...spread])}`);
    const capped = countsOf(limited.id);
    assert.deepEqual(limited.agents.map((id) => capped.get(id)), [15, 15, 15], 'each agent filled to capacity, not over');
    assert.equal(capped.get(null), 15, 'the rest wait');
    const [queued] = await queryRows<{ count: number }>(database.db, sql`select count(*)::int as count from assignment_queue where team_id = ${limited.id}`);
    assert.equal(queued!.count, 15, 'in the queue');
    const counters = await queryRows<{ user_id: string; open_count: number }>(database.db, sql`select user_id, open_count from assignment_agents where user_id in (${sql.join([...roundRobin.agents, ...limited.agents].map((id) => sql`${id}::uuid`), sql`, `)})`);
    for (const { user_id, open_count } of counters) {
      assert.equal(open_count, spread.get(user_id) ?? capped.get(user_id), 'the counter is the agent\'s open tickets');
    }
    const perChannel = await queryRows<{ assignee_id: string | null; channel: string; count: number }>(database.db, sql`
      select assignee_id, channel, count(*)::int as count from tickets where team_id = ${chats.id} group by assignee_id, channel`);
    const held = (agent: string | null, channel: string) => perChannel.find((r) => r.assignee_id === agent && r.channel === channel)?.count ?? 0;
    for (const agent of chats.agents) {
      assert.deepEqual([held(agent, 'wechat'), held(agent, 'wecom')], [4, 3], 'each channel filled to its own limit, not over');
    }
    assert.deepEqual([held(null, 'wechat'), held(null, 'wecom')], [32, 34], 'the rest wait');
    const chatCounters = await queryRows<{ chat_counts: Record<string, number> }>(database.db, sql`select chat_counts from assignment_agents where user_id in (${sql.join(chats.agents.map((id) => sql`${id}::uuid`), sql`, `)})`);
    assert.deepEqual(chatCounters.map((r) => r.chat_counts), [{ wechat: 4, wecom: 3 }, { wechat: 4, wecom: 3 }], 'the counters are the agents\' open chats per channel');
  } finally {
    killRacingChildren(children);
    await database.close();
  }
});
