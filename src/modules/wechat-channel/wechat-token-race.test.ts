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
import { createApiToken, createUser } from '../auth/index.js';
import { channelSecrets } from '../channels/index.js';
import { crashSettings } from './crash/crash-messages.js';
import { startFakeWechatServer } from './fake-wechat-server.js';

/**
 * Issue 16 §2, "a token refresh race between two processes is tested", with two real server
 * processes on one PostgreSQL database: the account's cached token has expired, both processes
 * ask for it eight times at once, and the vendor's stable-token API is called once in all. What
 * serialises them is the cache row's lock in the database (channels/access-token.ts), the only
 * thing two processes share. PGlite lets one process own its data folder, so there is no second
 * process to race there.
 */
const workspace = crashWorkspace('opencsm-token-race-');
const child = new URL('./crash/token-race-child.ts', import.meta.url);
const callsPerProcess = 8;


test('two server processes on one PostgreSQL database refresh an expired token once between them', { skip: !process.env.TEST_DATABASE_URL && 'needs TEST_DATABASE_URL (PostgreSQL): PGlite lets one process own its data folder', timeout: 120_000 }, async () => {
  const fake = await startFakeWechatServer({ appId: crashSettings.appId, appSecret: crashSettings.appSecret });
  const config = loadConfig({ OPENCSM_DATA_DIR: workspace.dataDir, DATABASE_URL: workspace.databaseUrl ?? '', LOG_LEVEL: 'silent', OPENCSM_OUTBOUND_ALLOW: '127.0.0.1' });
  const database = await openDatabase(config);
  const children: RacingChild[] = [];
  try {
    const app = await createApp(config, database, { log: pino({ level: 'silent' }) });
    const user = await createUser(database, null, { email: 'race-admin@example.test', name: 'admin', password: 'password-123', role: 'admin' });
    const { token } = await createApiToken(database, { id: user.id, email: 'race-admin@example.test', name: 'admin', role: 'admin', locale: 'zh-CN', teamIds: [] }, { name: 'race' });
    const created = await app.server.inject({ method: 'POST', url: '/api/v1/channels/wechat/accounts', headers: { authorization: `Bearer ${token}` }, payload: { name: '服务号', settings: { ...crashSettings, mode: 'plain', apiBaseUrl: fake.url } } });
    await app.server.close();
    assert.equal(created.statusCode, 201, created.body);
    const accountId = created.json().id as string;
    // The cache row as a process left it two hours ago: a token that expired an hour ago.
    const expired = channelSecrets(config).seal('expired-token');
    await database.transaction((tx) => tx.execute(sql`insert into channel_access_tokens (account_id, token, expires_at, refreshed_at, refreshes) values (${accountId}, ${expired}, now() - interval '1 hour', now() - interval '3 hours', 1)`));

    for (let i = 0; i < 2; i += 1) children.push(startRacingChild(child, [workspace.dataDir, accountId, String(callsPerProcess)], workspace.childEnv()));
    // Both open the database and load the account before either starts: the race is between them.
    const answers = (await race(children)).map((line) => JSON.parse(line) as { tokens: string[] });

    const tokens = answers.flatMap((a) => a.tokens);
    assert.equal(tokens.length, 2 * callsPerProcess);
    assert.deepEqual(new Set(tokens), new Set(['token-1']), 'every caller in both processes got the one new token');
    assert.equal(fake.calls.filter((c) => c.path === '/cgi-bin/stable_token').length, 1, 'one refresh between the two processes');
    const [row] = await queryRows<{ refreshes: number; fresh: boolean }>(database.db, sql`select refreshes, expires_at > now() + interval '1 hour' as fresh from channel_access_tokens where account_id = ${accountId}`);
    assert.deepEqual(row, { refreshes: 2, fresh: true }, 'the row holds the new token, refreshed once more');
  } finally {
    killRacingChildren(children);
    await database.close();
    await fake.close();
  }
});
