import { sql } from 'drizzle-orm';
import { queryRows, type Database, type Db } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import type { Actor } from '../auth/index.js';
import { reportSettingsUpdated } from './events.js';
import { rebuildRollups } from './rollups.js';

export type ReportSettingsView = { timeZone: string; version: number };

export async function getReportSettings(db: Db, defaultTimeZone: string): Promise<ReportSettingsView> {
  const [row] = await queryRows<{ time_zone: string; version: number }>(db, sql`select time_zone, version from report_settings where id = 1`);
  return row ? { timeZone: row.time_zone, version: row.version } : { timeZone: defaultTimeZone, version: 0 };
}

/**
 * Change the reporting time zone: the setting and its event in one transaction, then the rollups
 * rebuilt from the facts (days and hours are cut anew; the facts themselves do not change).
 */
export async function updateReportSettings(database: Database, actor: Actor, input: { timeZone: string }, defaultTimeZone: string, now: Date): Promise<ReportSettingsView> {
  const before = await getReportSettings(database.db, defaultTimeZone);
  const view = await database.transaction(async (tx) => {
    const [row] = await queryRows<{ version: number }>(tx, sql`
      insert into report_settings (id, time_zone, version, updated_at) values (1, ${input.timeZone}, 1, ${now.toISOString()}::timestamptz)
      on conflict (id) do update set time_zone = excluded.time_zone, version = report_settings.version + 1, updated_at = excluded.updated_at
      returning version`);
    await recordEvent(tx, reportSettingsUpdated, { aggregateId: 'reports', cause: 'agent', actorId: actor.id, payload: { timeZone: { from: before.timeZone, to: input.timeZone } } });
    return { timeZone: input.timeZone, version: row!.version };
  });
  if (before.timeZone !== input.timeZone) await rebuildRollups(database, defaultTimeZone);
  return view;
}
