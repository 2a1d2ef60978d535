// Test fixture (wechat-channel/wechat-crash.test.ts): one life of the server, killed on purpose.
//   receive  create the WeChat account, take 100 follower messages through the callback (each
//            stored before it is answered) and exit without processing them
//   process  run the worker over them and die (SIGKILL) at the 60th commit, in the middle of the
//            processing, some messages on tickets and one follower's lease held
// Database: DATABASE_URL when set (PostgreSQL), else the embedded one in the given data folder.
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { loadConfig } from '../../../app/config.js';
import { createApp } from '../../../app/create-app.js';
import { killedAfterCommit } from '../../../app/killed-after-commit.js';
import { openDatabase } from '../../../db/open-database.js';
import { createApiToken, createUser } from '../../auth/index.js';
import { wechatSignature } from '../wechat-crypto.js';
import { crashFollowers, crashSettings, crashTextXml } from './crash-messages.js';

const [mode, dataDir] = process.argv.slice(2);
const config = loadConfig({ OPENCSM_DATA_DIR: dataDir, DATABASE_URL: process.env.DATABASE_URL ?? '', LOG_LEVEL: 'silent', OPENCSM_OUTBOUND_ALLOW: '127.0.0.1' });
const log = pino({ level: 'silent' });
const database = await openDatabase(config);

if (mode === 'receive') {
  const app = await createApp(config, database, { log });
  const user = await createUser(database, null, { email: 'crash-admin@example.test', name: 'admin', password: 'password-123', role: 'admin' });
  const { token } = await createApiToken(database, { id: user.id, email: 'crash-admin@example.test', name: 'admin', role: 'admin', locale: 'zh-CN', teamIds: [] }, { name: 'crash' });
  const created = await app.server.inject({ method: 'POST', url: '/api/v1/channels/wechat/accounts', headers: { authorization: `Bearer ${token}` }, payload: { name: '服务号', settings: { ...crashSettings, mode: 'plain' } } });
  if (created.statusCode !== 201) throw new Error(created.body);
  const accountId = created.json().id as string;
  const timestamp = String(Math.floor(Date.now() / 1000));
  const answers = await Promise.all(
    crashFollowers.flatMap((openid, f) =>
      Array.from({ length: 10 }, async (_, n) => {
        const nonce = randomBytes(6).toString('hex');
        const query = new URLSearchParams({ timestamp, nonce, signature: wechatSignature(crashSettings.token, timestamp, nonce), openid });
        const response = await app.server.inject({ method: 'POST', url: `/api/v1/channels/wechat/${accountId}/callback?${query}`, headers: { 'content-type': 'text/xml' }, payload: crashTextXml(openid, f, n, Number(timestamp)) });
        return response.statusCode;
      }),
    ),
  );
  process.stdout.write(`answered ${answers.filter((s) => s === 200).length}\n`);
  await app.server.close();
  await database.close();
} else {
  const crashing = killedAfterCommit(database, 60);
  const app = await createApp(config, crashing, { log });
  await app.worker.runUntilIdle();
  process.stdout.write('finished without crashing\n');
  process.exit(3);
}
