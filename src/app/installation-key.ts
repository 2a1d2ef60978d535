import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config.js';

/**
 * The installation's key service (platform code, used by every module that keeps a secret): the
 * installation secret is `OPENCSM_SECRET_KEY` (32 bytes, base64 or hex), else a key file made once
 * in the data folder (`secret.key`, mode 600). Several machines on one PostgreSQL must share it
 * through the variable. Each purpose gets its own sub-key (HKDF-SHA256, info `opencsm:<purpose>`),
 * so the key that encrypts mailbox passwords is not the one that signs reply addresses or the one
 * that encrypts a WeChat AppSecret. (It lived in the email channel until channel accounts needed
 * it; the derivation is unchanged, so stored mailbox passwords still decrypt.)
 */
export type KeyConfig = Pick<Config, 'OPENCSM_SECRET_KEY' | 'OPENCSM_DATA_DIR'>;

/** A 32-byte key derived from the installation secret for one purpose. */
export function installationSubKey(config: KeyConfig, purpose: string): Buffer {
  const master = config.OPENCSM_SECRET_KEY ? decodeKey(config.OPENCSM_SECRET_KEY) : keyFile(config.OPENCSM_DATA_DIR);
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `opencsm:${purpose}`, 32));
}

/** Seal and open secrets of one purpose (e.g. `channel-secrets`) at rest. */
export type SecretBox = { seal(plaintext: string): string; open(stored: string): string };

export function secretBox(config: KeyConfig, purpose: string): SecretBox {
  const key = installationSubKey(config, purpose);
  return { seal: (plaintext) => encryptSecret(key, plaintext), open: (stored) => decryptSecret(key, stored) };
}

export function decodeKey(value: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (key.length !== 32) throw new Error('OPENCSM_SECRET_KEY must be 32 bytes (64 hex digits or base64)');
  return key;
}

function keyFile(dataDir: string): Buffer {
  const path = join(dataDir, 'secret.key');
  try {
    return decodeKey(readFileSync(path, 'utf8').trim());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(path, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error; // another process made it first
  }
  return decodeKey(readFileSync(path, 'utf8').trim());
}

/** `v1.<iv>.<tag>.<ciphertext>` (base64url), AES-256-GCM. */
export function encryptSecret(key: Buffer, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
}

export function decryptSecret(key: Buffer, stored: string): string {
  const [version, iv, tag, data] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('unreadable stored secret');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}
