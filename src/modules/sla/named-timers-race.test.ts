import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { loadConfig } from '../../app/config.js';
import { crashWorkspace } from '../../app/crash-workspace.js';
import { killRacingChildren, race, startRacingChild, type RacingChild } from '../../app/racing-children.js';
import { queryRows } from '../../db/database.js';
import { openDatabase } from '../../db/open-database.js';
import { startNamedTimer } from './named-timers.js';

/**
 * Named timers fire exactly once with two worker processes on one PostgreSQL database: 120 timers
 * (a warning and a breach each) are due when both children run the SLA scheduler round at once;
 * every timer's warning and breach are recorded once, and the claims add up to the timers (each
 * row is claimed by one process per firing round). PGlite lets one process own its data folder:
 * nothing to race.
 */
const workspace = crashWorkspace('opencsm-named-timer-race-');
const child = new URL('./named-timer-race/race-child.ts', import.meta.url);

test('120 due named timers, two processes firing at once: each warning and breach recorded once', { skip: !process.env.TEST_DATABASE_URL && 'needs TEST_DATABASE_URL (PostgreSQL): PGlite lets one process own its data folder', timeout: 120_000 }, async () => {
  const config = loadConfig({ OPENCSM_DATA_DIR: workspace.dataDir, DATABASE_URL: workspace.databaseUrl ?? '', LOG_LEVEL: 'silent' });
  const database = await openDatabase(config);
  const children: RacingChild[] = [];
  try {
    // Monday 2026-03-02 09:00 in Shanghai, 60 business minutes, warning at half: both due by 10:00.
    const at = new Date('2026-03-02T09:00:00+08:00');
    const keys = Array.from({ length: 120 }, (_, i) => `race:${i}`);
    await database.transaction(async (tx) => {
      for (const key of keys) await startNamedTimer(tx, { ticketId: uuidv7(), key, targetMinutes: 60, warnAtPercent: 50, at });
    });
    for (let i = 0; i < 2; i += 1) children.push(startRacingChild(child, [workspace.dataDir, '2026-03-02T10:30:00+08:00'], workspace.childEnv()));
    const claimed = (await race(children)).map(Number);
    assert.ok(claimed.every((count) => Number.isInteger(count)), `${claimed}`);
    const fired = await queryRows<{ type: string; key: string; count: number }>(database.db, sql`
      select type, payload->>'key' as key, count(*)::int as count from domain_events where type like 'sla.named_timer_%' group by type, payload->>'key'`);
    for (const type of ['sla.named_timer_warning', 'sla.named_timer_breached']) {
      const ofType = fired.filter((row) => row.type === type);
      assert.deepEqual(ofType.map((row) => row.key).sort(), [...keys].sort(), `${type}: every timer`);
      assert.ok(ofType.every((row) => row.count === 1), `${type}: each once`);
    }
    assert.equal(claimed.reduce((a, b) => a + b, 0), keys.length, 'each row claimed once: both firings were due in the same round');
    const [left] = await queryRows<{ due: number }>(database.db, sql`select count(*)::int as due from sla_named_timers where next_check_at is not null`);
    assert.equal(left!.due, 0);
  } finally {
    killRacingChildren(children);
    await database.close();
  }
});
