// Test fixture (assignment/two-processes.test.ts): one server process of two creating tickets at
// once on one PostgreSQL database and running its worker. It opens the database (DATABASE_URL),
// builds the app, prints "ready", waits for "go" on stdin — the parent sends it to both children
// once both are ready, so they start together without a sleep — then creates its tickets all at
// once through its HTTP routes (`inject`), works its queue until idle and prints "done".
import { pino } from 'pino';
import { loadConfig } from '../../../app/config.js';
import { readyThenGo } from '../../../app/racing-children.js';
import { createApp } from '../../../app/create-app.js';
import { openDatabase } from '../../../db/open-database.js';

const [dataDir, token, plan] = process.argv.slice(2);
/** `plan`: JSON `[[teamId, count, channel?], …]`, the tickets this process creates for each team (on that channel). */
const teams = JSON.parse(plan!) as Array<[string, number, string?]>;
const config = loadConfig({ OPENCSM_DATA_DIR: dataDir, DATABASE_URL: process.env.DATABASE_URL ?? '', LOG_LEVEL: 'silent' });
const database = await openDatabase(config, { migrate: false });
try {
  const app = await createApp(config, database, { log: pino({ level: 'silent' }) });
  await readyThenGo();
  const created = await Promise.all(teams.flatMap(([teamId, count, channel]) => Array.from({ length: count }, (_, i) =>
    app.server.inject({ method: 'POST', url: '/api/v1/tickets', headers: { authorization: `Bearer ${token}` }, payload: { subject: `并发来单 ${process.pid}-${i}`, teamId, ...(channel && { channel }) } }))));
  const refused = created.filter((res) => res.statusCode !== 201);
  if (refused.length) throw new Error(`creates refused: ${refused[0]!.statusCode} ${refused[0]!.body}`);
  await app.worker.runUntilIdle();
  await app.server.close();
  process.stdout.write('done\n');
} finally {
  await database.close();
}
