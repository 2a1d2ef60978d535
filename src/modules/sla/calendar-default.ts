import { and, eq, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { slaCalendarUpdated } from './events.js';
import type { Actor } from '../auth/index.js';
import { slaCalendars } from './schema.js';

/**
 * Make room for `newDefaultId` to become the default: the current default stops being one, in
 * the caller's transaction, as a change of its own (new version, event).
 *
 * The advisory lock queues concurrent default switches: without it, two transactions could each
 * clear the old default and then both set theirs, and the partial unique index would fail one of
 * them with a 500.
 */
export async function releaseDefault(tx: Tx, actor: Actor, newDefaultId: string, now: Date): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('sla_calendars:default', 0))`);
  const released = await tx
    .update(slaCalendars)
    .set({ isDefault: false, version: sql`${slaCalendars.version} + 1`, updatedAt: now })
    .where(and(eq(slaCalendars.isDefault, true), ne(slaCalendars.id, newDefaultId)))
    .returning({ id: slaCalendars.id, version: slaCalendars.version });
  for (const calendar of released) {
    await recordEvent(tx, slaCalendarUpdated, {
      aggregateId: calendar.id,
      cause: 'agent',
      actorId: actor.id,
      payload: { fields: ['isDefault'], changes: { isDefault: { from: true, to: false } }, version: calendar.version, newDefaultId },
    });
  }
}
