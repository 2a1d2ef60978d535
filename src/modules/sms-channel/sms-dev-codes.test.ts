import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { pino } from 'pino';
import { loadConfig } from '../../app/config.js';
import { createApp } from '../../app/create-app.js';
import { openTestDatabase } from '../../db/test-database.js';
import { findOrCreateContact } from '../customers/index.js';
import { listLocalSmsMessages } from './sms-sends.js';

/**
 * Without an SMS account, a sign-in code is shown only when a developer says so with
 * OPENCSM_SMS_DEV_CODES=true (in the log and the console's sandbox list), never silently; without
 * the flag the portal offers no SMS sign-in and a request is a 503 that names no number.
 */
type LogLine = { level: number; msg: string; code?: string; to?: string };
const warn = 40;

async function appWithLog(env: Record<string, string>) {
  const lines: LogLine[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'opencsm-test-'));
  const database = await openTestDatabase();
  const config = loadConfig({ OPENCSM_DATA_DIR: dataDir, ...env });
  const app = await createApp(config, database, { log: pino({ level: 'debug' }, sink) });
  await database.transaction((tx) => findOrCreateContact(tx, { name: '冯女士', phone: '13800138201' }, null));
  const inject = (method: 'GET' | 'POST', url: string, payload?: object) => app.server.inject({ method, url, ...(payload && { payload }), remoteAddress: '198.51.100.88' });
  return {
    lines,
    inject,
    database,
    drain: () => app.worker.runUntilIdle(),
    async close() {
      await app.worker.stop();
      await app.server.close();
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const codeIn = (line: LogLine) => typeof line.code === 'string' || /\b\d{6}\b/.test(line.msg);

test('without an SMS account and without the flag: no SMS sign-in is offered, a request is 503, and no code is made or logged', async () => {
  const app = await appWithLog({});
  try {
    assert.deepEqual((await app.inject('GET', '/api/v1/portal/sign-in-methods')).json(), { email: true, sms: false });
    const refused = await app.inject('POST', '/api/v1/portal/sms-login-codes', { phone: '13800138201' });
    assert.equal(refused.statusCode, 503);
    assert.equal(refused.json().code, 'sms.not_configured');
    assert.equal(refused.json().title, '暂未开通短信登录，请使用邮箱登录');
    await app.drain();
    assert.deepEqual(app.lines.filter(codeIn), []);
  } finally {
    await app.close();
  }
});

test('with OPENCSM_SMS_DEV_CODES=true: a warning at start, the code in the log and the sandbox list, and it signs in; an unknown number gets nothing', async () => {
  const app = await appWithLog({ OPENCSM_SMS_DEV_CODES: 'true' });
  try {
    assert.ok(app.lines.some((l) => l.level === warn && /OPENCSM_SMS_DEV_CODES=true/.test(l.msg) && /仅限开发环境/.test(l.msg)), 'said at start');
    assert.deepEqual((await app.inject('GET', '/api/v1/portal/sign-in-methods')).json(), { email: true, sms: true });
    assert.equal((await app.inject('POST', '/api/v1/portal/sms-login-codes', { phone: '13900139201' })).statusCode, 202);
    assert.equal((await app.inject('POST', '/api/v1/portal/sms-login-codes', { phone: '138 0013 8201' })).statusCode, 202);
    await app.drain();
    const logged = app.lines.filter((l) => l.code);
    assert.equal(logged.length, 1, 'only the known number got a code');
    assert.equal(logged[0]!.to, '+8613800138201');
    assert.equal(logged[0]!.level, warn);
    // What the console's sandbox list reads: the development provider's messages, codes included.
    const local = await listLocalSmsMessages(app.database.db, 10);
    assert.deepEqual(local.map((m) => [m.phoneE164, m.status, m.params?.code]), [['+8613800138201', 'dev', logged[0]!.code]]);
    const signedIn = await app.inject('POST', '/api/v1/portal/sms-sessions', { phone: '13800138201', code: logged[0]!.code! });
    assert.equal(signedIn.statusCode, 200, signedIn.body);
    assert.equal(signedIn.json().name, '冯女士');
  } finally {
    await app.close();
  }
});
