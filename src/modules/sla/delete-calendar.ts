import { asc, eq } from 'drizzle-orm';
import { Conflict } from '../../app/errors.js';
import type { Database } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { slaCalendarDeleted } from './events.js';
import type { Actor } from '../auth/index.js';
import { forgetCompiledCalendar, lockCalendar } from './calendars.js';
import { assertCalendarVersion } from './if-match.js';
import { slaCalendars, slaPolicies } from './schema.js';

/**
 * Delete a calendar other than the default (SLAs fall back to the default, so it must stay) and
 * not named by any policy (their timers would lose their clock). Policies read the calendar under
 * a share lock, which waits for the row lock taken here, so no policy can start pointing at the
 * calendar between this check and the delete; the foreign key backs this up.
 */
export async function deleteCalendar(database: Database, actor: Actor, id: string, expectedVersion: number | undefined): Promise<void> {
  await database.transaction(async (tx) => {
    const before = await lockCalendar(tx, id);
    assertCalendarVersion(before.version, expectedVersion);
    if (before.isDefault) throw new Conflict('sla.calendar.default_undeletable');
    const users = await tx.select({ nameZh: slaPolicies.nameZh }).from(slaPolicies).where(eq(slaPolicies.calendarId, id)).orderBy(asc(slaPolicies.position));
    if (users.length) throw new Conflict('sla.calendar.in_use', { policies: users.map((policy) => `“${policy.nameZh}”`).join('、') });
    await tx.delete(slaCalendars).where(eq(slaCalendars.id, id));
    await recordEvent(tx, slaCalendarDeleted, {
      aggregateId: id,
      cause: 'agent',
      actorId: actor.id,
      payload: { nameZh: before.nameZh, nameEn: before.nameEn, version: before.version },
    });
  });
  forgetCompiledCalendar(id);
}
