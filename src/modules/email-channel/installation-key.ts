import type { Config } from '../../app/config.js';
import { installationSubKey } from '../../app/installation-key.js';

export { decodeKey, decryptSecret, encryptSecret, installationSubKey } from '../../app/installation-key.js';

/**
 * The email channel's keys from the platform key service (src/app/installation-key.ts): one that
 * encrypts mailbox passwords, one that signs reply addresses. The purposes are the ones used since
 * the first release, so stored passwords and reply addresses stay valid.
 */
export type EmailKeys = { secrets: Buffer; replyAddress: Buffer };

const cache = new Map<string, EmailKeys>();

export function emailKeys(config: Pick<Config, 'OPENCSM_SECRET_KEY' | 'OPENCSM_DATA_DIR'>): EmailKeys {
  const cacheKey = `${config.OPENCSM_SECRET_KEY ?? ''}|${config.OPENCSM_DATA_DIR}`;
  let keys = cache.get(cacheKey);
  if (!keys) {
    keys = { secrets: installationSubKey(config, 'mailbox-secrets'), replyAddress: installationSubKey(config, 'reply-address') };
    cache.set(cacheKey, keys);
  }
  return keys;
}
