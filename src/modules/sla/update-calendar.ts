import { isDeepStrictEqual } from 'node:util';
import { and, eq, sql } from 'drizzle-orm';
import { Conflict, PreconditionFailed } from '../../app/errors.js';
import type { Database, Tx } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { slaCalendarUpdated } from './events.js';
import type { PayloadInputOf } from '../../jobs/event-definition.js';
import type { Actor } from '../auth/index.js';
import { releaseDefault } from './calendar-default.js';
import { validCalendarColumns, type CalendarColumns } from './calendar-fields.js';
import type { CalendarChanges } from './calendar-http.js';
import { lockCalendar, presentCalendar, type CalendarRow, type CalendarView } from './calendars.js';
import { assertCalendarVersion } from './if-match.js';
import { slaCalendars } from './schema.js';

/** A calendar row's editable state. */
export type CalendarState = CalendarColumns & { nameZh: string; nameEn: string; isDefault: boolean };

const fields = ['nameZh', 'nameEn', 'timeZone', 'weekly', 'holidays', 'workdays', 'makeUpDaySchedule', 'alwaysOpen', 'isDefault'] as const;

export function stateOf(row: CalendarRow): CalendarState {
  return {
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    isDefault: row.isDefault,
    timeZone: row.timeZone,
    weekly: row.weekly,
    holidays: row.holidays,
    workdays: row.workdays,
    makeUpDaySchedule: row.makeUpDaySchedule ?? null,
    alwaysOpen: row.alwaysOpen,
  };
}

/**
 * Change a calendar if it is still at `expectedVersion` (a stale version changes nothing: 412).
 * The result is validated as a whole by the engine, so a change that is fine on its own but not
 * with the rest (a new 调休 day that is already a holiday) is refused too.
 */
export async function updateCalendar(database: Database, actor: Actor, id: string, expectedVersion: number, changes: CalendarChanges): Promise<CalendarView> {
  return database.transaction(async (tx) => {
    const before = await lockCalendar(tx, id);
    assertCalendarVersion(before.version, expectedVersion);
    // There is always one default: it moves to another calendar, never to none.
    if (changes.isDefault === false && before.isDefault) throw new Conflict('sla.calendar.default_required');
    const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as CalendarChanges;
    const merged = { ...stateOf(before), ...given, isDefault: before.isDefault || given.isDefault === true };
    return writeCalendarChange(tx, actor, before, { ...merged, ...validCalendarColumns(merged) });
  });
}

/** Store `next` over `before` as one new version with its event; nothing changes when they are equal. */
export async function writeCalendarChange(tx: Tx, actor: Actor, before: CalendarRow, next: CalendarState, eventDetails: Pick<PayloadInputOf<typeof slaCalendarUpdated>, 'import'> = {}): Promise<CalendarView> {
  const previous = stateOf(before);
  // Deep equality, not JSON text: jsonb hands back object keys in its own order.
  const changed = fields.filter((field) => !isDeepStrictEqual(previous[field], next[field]));
  if (changed.length === 0) return presentCalendar(before);
  const now = new Date();
  if (next.isDefault && !before.isDefault) await releaseDefault(tx, actor, before.id, now);
  const set = Object.fromEntries(changed.map((field) => [field, next[field]]));
  const [row] = await tx
    .update(slaCalendars)
    .set({ ...set, version: sql`${slaCalendars.version} + 1`, updatedAt: now })
    .where(and(eq(slaCalendars.id, before.id), eq(slaCalendars.version, before.version)))
    .returning();
  // The row is locked, so this only happens if a caller forgot to lock it.
  if (!row) throw new PreconditionFailed('sla.calendar.version_mismatch', { current: before.version });
  await recordEvent(tx, slaCalendarUpdated, {
    aggregateId: before.id,
    cause: 'agent',
    actorId: actor.id,
    payload: { fields: changed, changes: Object.fromEntries(changed.map((field) => [field, describeChange(previous[field], next[field])])), version: row.version, ...eventDetails },
  });
  return presentCalendar(row);
}

/** Date lists change by a few days among hundreds: record which, not both whole lists. */
function describeChange(from: unknown, to: unknown): Record<string, unknown> {
  if (Array.isArray(from) && Array.isArray(to) && [...from, ...to].every((value) => typeof value === 'string')) {
    const [old, now] = [new Set<unknown>(from), new Set<unknown>(to)];
    return { added: to.filter((date) => !old.has(date)), removed: from.filter((date) => !now.has(date)) };
  }
  return { from, to };
}
