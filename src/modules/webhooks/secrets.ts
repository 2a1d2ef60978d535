import { uuidv7 } from 'uuidv7';
import type { Config } from '../../app/config.js';
import { secretBox, type SecretBox } from '../../app/installation-key.js';
import type { StoredWebhookSecret } from './schema.js';
import { newWebhookSecret } from './signature.js';

/** The box that seals endpoint secrets and custom header values (one purpose of the installation key). */
export function webhookSecretBox(config: Pick<Config, 'OPENCSM_SECRET_KEY' | 'OPENCSM_DATA_DIR'>): SecretBox {
  return secretBox(config, 'webhook-secrets');
}

/** A new secret: the plain one (shown once) and its sealed row. */
export function makeSecret(box: SecretBox, now: Date): { plain: string; stored: StoredWebhookSecret } {
  const plain = newWebhookSecret();
  return { plain, stored: { id: uuidv7(), sealed: box.seal(plain), createdAt: now.toISOString(), expiresAt: null } };
}

/** The secrets that sign at `now`, newest first: the current one and a rotated one not yet expired. */
export function activeSecrets(secrets: readonly StoredWebhookSecret[], now: Date): StoredWebhookSecret[] {
  return secrets.filter((s) => s.expiresAt === null || new Date(s.expiresAt) > now).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/**
 * After a rotation: the new secret, and the previous current one valid until `previousExpiresAt`
 * (at most two active: a secret rotated out earlier is dropped now).
 */
export function rotatedSecrets(secrets: readonly StoredWebhookSecret[], fresh: StoredWebhookSecret, now: Date, previousExpiresAt: Date): StoredWebhookSecret[] {
  const current = activeSecrets(secrets, now).find((s) => s.expiresAt === null);
  const kept = current && previousExpiresAt > now ? [{ ...current, expiresAt: previousExpiresAt.toISOString() }] : [];
  return [fresh, ...kept];
}

/** Custom headers as stored: the values sealed together, the names readable for the masked answer. */
export function sealHeaders(box: SecretBox, headers: Record<string, string>): { headersSealed: string | null; headerNames: string[] } {
  const names = Object.keys(headers);
  return { headersSealed: names.length ? box.seal(JSON.stringify(headers)) : null, headerNames: names };
}

export function openHeaders(box: SecretBox, sealed: string | null): Record<string, string> {
  if (!sealed) return {};
  const parsed: unknown = JSON.parse(box.open(sealed));
  if (typeof parsed !== 'object' || parsed === null) return {};
  return Object.fromEntries(Object.entries(parsed).filter((pair): pair is [string, string] => typeof pair[1] === 'string'));
}
