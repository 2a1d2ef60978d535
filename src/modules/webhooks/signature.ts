import { createHmac, randomBytes } from 'node:crypto';

/**
 * Standard Webhooks signing (https://www.standardwebhooks.com): a secret is `whsec_` + base64 of
 * random bytes; `webhook-signature` is `v1,` + base64 HMAC-SHA256, keyed with the secret's decoded
 * bytes, over `<webhook-id>.<webhook-timestamp>.<body>`; several signatures are separated by spaces
 * (two while a rotated secret is still valid).
 */
const prefix = 'whsec_';

/** 32 random bytes (the spec asks for 24 to 64). */
export function newWebhookSecret(): string {
  return `${prefix}${randomBytes(32).toString('base64')}`;
}

export function signWebhook(secret: string, messageId: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(secret.startsWith(prefix) ? secret.slice(prefix.length) : secret, 'base64');
  return `v1,${createHmac('sha256', key).update(`${messageId}.${timestampSeconds}.${body}`).digest('base64')}`;
}

/** The header's value: one signature per active secret, newest first. */
export function signatureHeader(secrets: readonly string[], messageId: string, timestampSeconds: number, body: string): string {
  return secrets.map((secret) => signWebhook(secret, messageId, timestampSeconds, body)).join(' ');
}
