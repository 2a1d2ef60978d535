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

/**
 * A sign-in code is a login: without a mail relay it reaches the log only when a developer sets
 * OPENCSM_DEV_LOG_CODES=true, and the server says at start that codes cannot be delivered.
 */
type LogLine = { level: number; msg: string; code?: string; to?: string };
const warn = 40;

/** The real app with every log line (debug and up) captured as parsed JSON. */
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
  await database.transaction((tx) => findOrCreateContact(tx, { name: '冯女士', email: 'feng@example.cn' }, null));
  return {
    lines,
    async askCode() {
      const res = await app.server.inject({ method: 'POST', url: '/api/v1/portal/login-codes', payload: { email: 'feng@example.cn' }, remoteAddress: '198.51.100.77' });
      assert.equal(res.statusCode, 202, res.body);
      // The mail is "sent" after the answer, but without a relay that is one synchronous log call
      // made before the request handler returns, so its line is already captured here.
    },
    async close() {
      await app.worker.stop();
      await app.server.close();
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const codeIn = (line: LogLine) => typeof line.code === 'string' || /\b\d{6}\b/.test(line.msg);

test('without a relay and without the flag: a warning at start, and no code in the log', async () => {
  const app = await appWithLog({});
  try {
    const startWarning = app.lines.find((l) => l.level === warn && /OPENCSM_SMTP_URL/.test(l.msg));
    assert.ok(startWarning, 'a warn-level line at start');
    assert.match(startWarning.msg, /cannot mail sign-in codes/);
    assert.match(startWarning.msg, /无法发送登录验证码/);
    const mark = app.lines.length;
    await app.askCode();
    const after = app.lines.slice(mark);
    assert.ok(after.some((l) => /not sent/.test(l.msg) && l.to === 'feng@example.cn'), 'the log says a code could not be sent');
    assert.deepEqual(after.filter(codeIn), [], 'no code in any line');
  } finally {
    await app.close();
  }
});

test('with OPENCSM_DEV_LOG_CODES=true the code is in the log, and the start warning says so', async () => {
  const app = await appWithLog({ OPENCSM_DEV_LOG_CODES: 'true' });
  try {
    assert.ok(app.lines.some((l) => l.level === warn && /OPENCSM_DEV_LOG_CODES=true/.test(l.msg) && /仅限开发环境/.test(l.msg)));
    const mark = app.lines.length;
    await app.askCode();
    const line = app.lines.slice(mark).find((l) => l.code);
    assert.ok(line, 'the code is logged');
    assert.match(line.code!, /^\d{6}$/);
    assert.equal(line.to, 'feng@example.cn');
  } finally {
    await app.close();
  }
});

test('with a relay configured there is no warning at start', async () => {
  const app = await appWithLog({ OPENCSM_SMTP_URL: 'smtp://127.0.0.1:9' });
  try {
    assert.equal(app.lines.filter((l) => l.level >= warn && /OPENCSM_SMTP_URL|OPENCSM_DEV_LOG_CODES/.test(l.msg)).length, 0);
  } finally {
    await app.close();
  }
});
