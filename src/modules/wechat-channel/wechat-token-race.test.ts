import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { loadConfig } from '../../app/config.js';
import { createApp } from '../../app/create-app.js';
import { crashWorkspace } from '../../app/crash-workspace.js';
import { nodeArgsForScript } from '../../app/test-child.js';
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
const child = nodeArgsForScript(new URL('./crash/token-race-child.ts', import.meta.url));
const callsPerProcess = 8;

type Child = { process: ChildProcessWithoutNullStreams; lines: AsyncIterator<string>; stderr: () => string };

function startChild(accountId: string): Child {
  const process_ = spawn(process.execPath, [...child, workspace.dataDir, accountId, String(callsPerProcess)], { env: workspace.childEnv() });
  let stderr = '';
  process_.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return { process: process_, lines: createInterface({ input: process_.stdout })[Symbol.asyncIterator](), stderr: () => stderr };
}

async function nextLine(c: Child): Promise<string> {
  const line = await c.lines.next();
  if (line.done) throw new Error(`the child ended without answering: ${c.stderr()}`);
  return line.value;
}

test('two server processes on one PostgreSQL database refresh an expired token once between them', { skip: !process.env.TEST_DATABASE_URL && 'needs TEST_DATABASE_URL (PostgreSQL): PGlite lets one process own its data folder', timeout: 120_000 }, async () => {
  const fake = await startFakeWechatServer({ appId: crashSettings.appId, appSecret: crashSettings.appSecret });
  const config = loadConfig({ OPENCSM_DATA_DIR: workspace.dataDir, DATABASE_URL: workspace.databaseUrl ?? '', LOG_LEVEL: 'silent', OPENCSM_OUTBOUND_ALLOW: '127.0.0.1' });
  const database = await openDatabase(config);
  const children: Child[] = [];
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

    children.push(startChild(accountId), startChild(accountId));
    // Both open the database and load the account before either starts: the race is between them.
    for (const c of children) assert.equal(await nextLine(c), 'ready', c.stderr());
    for (const c of children) c.process.stdin.write('go\n');
    const answers = await Promise.all(children.map(async (c) => JSON.parse(await nextLine(c)) as { tokens: string[] }));
    const exits = await Promise.all(children.map(async (c) => (c.process.exitCode ?? (await once(c.process, 'exit'))[0]) as number));
    assert.deepEqual(exits, [0, 0], children.map((c) => c.stderr()).join('\n'));

    const tokens = answers.flatMap((a) => a.tokens);
    assert.equal(tokens.length, 2 * callsPerProcess);
    assert.deepEqual(new Set(tokens), new Set(['token-1']), 'every caller in both processes got the one new token');
    assert.equal(fake.calls.filter((c) => c.path === '/cgi-bin/stable_token').length, 1, 'one refresh between the two processes');
    const [row] = await queryRows<{ refreshes: number; fresh: boolean }>(database.db, sql`select refreshes, expires_at > now() + interval '1 hour' as fresh from channel_access_tokens where account_id = ${accountId}`);
    assert.deepEqual(row, { refreshes: 2, fresh: true }, 'the row holds the new token, refreshed once more');
  } finally {
    for (const c of children) if (c.process.exitCode === null) c.process.kill('SIGKILL');
    await database.close();
    await fake.close();
  }
});
