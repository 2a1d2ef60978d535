import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '../../app/config.js';
import { decryptSecret, emailKeys, encryptSecret } from './installation-key.js';

test('secrets round-trip, differ each time, and a tampered one is refused', () => {
  const key = randomBytes(32);
  const a = encryptSecret(key, '邮箱密码-1');
  assert.notEqual(a, encryptSecret(key, '邮箱密码-1'));
  assert.equal(decryptSecret(key, a), '邮箱密码-1');
  const parts = a.split('.');
  const tampered = [...parts.slice(0, 3), Buffer.from('x').toString('base64url') + parts[3]!.slice(2)].join('.');
  assert.throws(() => decryptSecret(key, tampered));
  assert.throws(() => decryptSecret(randomBytes(32), a));
});

test('without OPENCSM_SECRET_KEY a key file is made once (mode 600) and reused; with it, the variable decides', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'opencsm-key-'));
  try {
    const first = emailKeys({ OPENCSM_DATA_DIR: dir, OPENCSM_SECRET_KEY: undefined });
    assert.equal((await stat(join(dir, 'secret.key'))).mode & 0o777, 0o600);
    const text = (await readFile(join(dir, 'secret.key'), 'utf8')).trim();
    const fromVariable = emailKeys({ OPENCSM_DATA_DIR: join(dir, 'other'), OPENCSM_SECRET_KEY: text });
    assert.deepEqual(fromVariable.secrets, first.secrets);
    assert.notDeepEqual(first.secrets, first.replyAddress, 'one sub-key per purpose');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('configuration: SMTP and key variables are checked at start-up', () => {
  assert.equal(loadConfig({}).SMTP_PORT, undefined);
  assert.equal(loadConfig({ SMTP_PORT: '2525' }).SMTP_PORT, 2525);
  assert.throws(() => loadConfig({ SMTP_PORT: 'x' }), ConfigError);
  assert.throws(() => loadConfig({ SMTP_TLS_KEY: '/k.pem' }), /SMTP_TLS_KEY/);
  assert.throws(() => loadConfig({ OPENCSM_SECRET_KEY: 'short' }), /OPENCSM_SECRET_KEY/);
  assert.equal(loadConfig({ OPENCSM_SECRET_KEY: randomBytes(32).toString('hex') }).OPENCSM_SECRET_KEY?.length, 64);
});
