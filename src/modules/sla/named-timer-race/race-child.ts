// Test fixture (sla/named-timers-race.test.ts): one worker process of two firing due named timers
// on one PostgreSQL database. It opens the database (DATABASE_URL), prints "ready", waits for "go"
// — sent to both children once both are ready — then runs the SLA scheduler round with a clock
// fixed at `now` until nothing is due, and prints how many timer rows its rounds claimed.
import { pino } from 'pino';
import { ManualClock } from '../../../app/clock.js';
import { loadConfig } from '../../../app/config.js';
import { readyThenGo } from '../../../app/racing-children.js';
import { openDatabase } from '../../../db/open-database.js';
import { slaDueTimers } from '../fire-due-timers.js';

const [dataDir, now] = process.argv.slice(2);
const config = loadConfig({ OPENCSM_DATA_DIR: dataDir, DATABASE_URL: process.env.DATABASE_URL ?? '', LOG_LEVEL: 'silent' });
const database = await openDatabase(config, { migrate: false });
try {
  const round = slaDueTimers(new ManualClock(now!));
  const log = pino({ level: 'silent' });
  await readyThenGo();
  let claimed = 0;
  for (let got = await round({ database, log }); got !== 0; got = await round({ database, log })) claimed += got;
  process.stdout.write(`${claimed}\n`);
} finally {
  await database.close();
}
