import { and, asc, gt, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { domainEvents } from '../../jobs/schema.js';
import type { ReportEvent } from './fold-events.js';
import { applyReportEvents, reportEventReaders } from './report-events.js';
import { rebuildRollups } from './rollups.js';

/**
 * `opencsm reports backfill`: rebuild the facts, the tickets' states and the rollups from the event
 * log, in the order recorded, a page at a time through the live path (applyReportEvents), then the
 * rollups once more from the facts. Run it on an installation that had tickets before reports, or
 * after changing what a fact records. Returns the events read and the facts written.
 */
export async function backfillReports(database: Database, defaultTimeZone: string, pageSize = 500): Promise<{ events: number; facts: number; unreadable: number }> {
  await database.transaction(async (tx) => {
    await tx.execute(sql`delete from report_facts`);
    await tx.execute(sql`delete from report_tickets`);
    await tx.execute(sql`delete from report_rollups`);
  });
  const readers = new Map(reportEventReaders.map((reader) => [reader.definition.name, reader]));
  const types = [...readers.keys()];
  let after = 0;
  let events = 0;
  let facts = 0;
  let unreadable = 0;
  for (;;) {
    const rows = await database.db.select().from(domainEvents).where(and(inArray(domainEvents.type, types), gt(domainEvents.id, after))).orderBy(asc(domainEvents.id)).limit(pageSize);
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    const batch: ReportEvent[] = [];
    for (const row of rows) {
      const reader = readers.get(row.type)!;
      const stored = { eventId: row.id, type: row.type, version: row.version, aggregateType: row.aggregateType, aggregateId: row.aggregateId, cause: row.cause, actorId: row.actorId, contactId: row.contactId, payload: row.payload, occurredAt: row.createdAt.toISOString() };
      // An event whose payload an erasure redacted cannot be read: it is skipped and counted, not fatal.
      let envelope: ReportEvent;
      try {
        envelope = reader.read(stored);
      } catch {
        unreadable += 1;
        continue;
      }
      // The relay's filters apply here too, so backfilled facts are the live path's.
      if (!reader.accepts || reader.accepts(stored)) batch.push(envelope);
    }
    events += rows.length;
    facts += await applyReportEvents(database, batch, defaultTimeZone);
  }
  await rebuildRollups(database, defaultTimeZone);
  return { events, facts, unreadable };
}
