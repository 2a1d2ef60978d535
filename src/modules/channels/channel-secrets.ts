import type { Config } from '../../app/config.js';
import { secretBox, type SecretBox } from '../../app/installation-key.js';

/** The secret box of every channel account's secrets and cached tokens (one purpose of the installation key). */
export function channelSecrets(config: Pick<Config, 'OPENCSM_SECRET_KEY' | 'OPENCSM_DATA_DIR'>): SecretBox {
  return secretBox(config, 'channel-secrets');
}
