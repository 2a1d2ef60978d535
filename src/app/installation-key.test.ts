import assert from 'node:assert/strict';
import { createCipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { decryptSecret, installationSubKey, secretBox } from './installation-key.js';

/** What the email channel stored before the key service moved out of it: HKDF of the secret, AES-GCM. */
function sealedTheOldWay(master: Buffer, plaintext: string): string {
  const key = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'opencsm:mailbox-secrets', 32));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
}

test('a mailbox password stored before the move still opens with the platform key service', () => {
  const master = randomBytes(32);
  const config = { OPENCSM_SECRET_KEY: master.toString('hex'), OPENCSM_DATA_DIR: '/nonexistent' };
  const stored = sealedTheOldWay(master, 'smtp-密码');
  assert.equal(decryptSecret(installationSubKey(config, 'mailbox-secrets'), stored), 'smtp-密码');
  assert.equal(secretBox(config, 'mailbox-secrets').open(stored), 'smtp-密码');
});

test('each purpose has its own key: a channel secret does not open with the mailbox key', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'opencsm-key-'));
  try {
    const config = { OPENCSM_SECRET_KEY: undefined, OPENCSM_DATA_DIR: dir };
    const channels = secretBox(config, 'channel-secrets');
    const sealed = channels.seal('AppSecret-1');
    assert.equal(channels.open(sealed), 'AppSecret-1');
    assert.doesNotMatch(sealed, /AppSecret/);
    assert.throws(() => secretBox(config, 'mailbox-secrets').open(sealed));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
