// Test fixture (wechat-channel/wechat-token-race.test.ts): one server process of two racing for
// an expired access token. It opens the database (DATABASE_URL: PostgreSQL), loads the account,
// prints "ready", waits for "go" on stdin — the parent sends it to both children once both are
// ready, so they start together without a sleep — then asks for the account's token `count`
// times at once and prints the tokens it got as one JSON line.
import { loadConfig } from '../../../app/config.js';
import { readyThenGo } from '../../../app/racing-children.js';
import { systemClock } from '../../../app/clock.js';
import { openDatabase } from '../../../db/open-database.js';
import { channelSecrets, loadChannelAccount } from '../../channels/index.js';
import { wechatApi } from '../wechat-api.js';
import { wechatSettingsOf } from '../wechat-settings.js';

const [dataDir, accountId, count] = process.argv.slice(2);
const config = loadConfig({ OPENCSM_DATA_DIR: dataDir, DATABASE_URL: process.env.DATABASE_URL ?? '', LOG_LEVEL: 'silent', OPENCSM_OUTBOUND_ALLOW: '127.0.0.1' });
// The parent's database is migrated already; two children migrating at once would only wait on each other.
const database = await openDatabase(config, { migrate: false });
try {
  const account = await loadChannelAccount(database.db, channelSecrets(config), accountId!);
  if (!account) throw new Error(`no account ${accountId}`);
  const api = wechatApi({ database, config, clock: systemClock }, account.id, wechatSettingsOf(account.settings));
  await readyThenGo();
  const tokens = await Promise.all(Array.from({ length: Number(count) }, () => api.token()));
  process.stdout.write(`${JSON.stringify({ tokens })}\n`);
} finally {
  await database.close();
}
