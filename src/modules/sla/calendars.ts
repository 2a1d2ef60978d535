import { asc, desc, eq } from 'drizzle-orm';
import { NotFound } from '../../app/errors.js';
import type { Db, Tx } from '../../db/database.js';
import { holidayDataYears, parseBusinessCalendar, type BusinessCalendar } from './calendar/index.js';
import { slaCalendars } from './schema.js';

export type CalendarRow = typeof slaCalendars.$inferSelect;

export type CalendarView = {
  id: string;
  nameZh: string;
  nameEn: string;
  isDefault: boolean;
  version: number;
  calendar: BusinessCalendar;
  /** Years with holiday data; other years count as plain weekdays (the UI warns about them). */
  holidayYears: number[];
};

/**
 * The engine caches a compiled calendar per object: keep one object per stored calendar so
 * repeated requests reuse it instead of recompiling. Keyed by the calendar's content, not its
 * version: a transaction that presents a row and then rolls back leaves a version number that a
 * later, different change will reuse, and a version-keyed entry would then be stale.
 */
const compiled = new Map<string, { content: string; calendar: BusinessCalendar }>();

/** The stored fields the engine reads, as they are in a row. */
export function calendarFieldsOf(row: CalendarRow): BusinessCalendar {
  return {
    timeZone: row.timeZone,
    weekly: row.weekly,
    holidays: row.holidays,
    workdays: row.workdays,
    ...(row.makeUpDaySchedule ? { makeUpDaySchedule: row.makeUpDaySchedule } : {}),
    ...(row.alwaysOpen ? { alwaysOpen: true } : {}),
  };
}

function toCalendar(row: CalendarRow): BusinessCalendar {
  const fields = calendarFieldsOf(row);
  const content = JSON.stringify(fields);
  const cached = compiled.get(row.id);
  if (cached?.content === content) return cached.calendar;
  const calendar = parseBusinessCalendar(fields);
  compiled.set(row.id, { content, calendar });
  return calendar;
}

/** Drop a deleted calendar's compiled form (ids are never reused, so this only frees memory). */
export function forgetCompiledCalendar(id: string): void {
  compiled.delete(id);
}

export function presentCalendar(row: CalendarRow): CalendarView {
  const calendar = toCalendar(row);
  return { id: row.id, nameZh: row.nameZh, nameEn: row.nameEn, isDefault: row.isDefault, version: row.version, calendar, holidayYears: holidayDataYears(calendar) };
}

/** Every calendar, the default first. */
export async function listCalendars(db: Db): Promise<CalendarView[]> {
  const rows = await db.select().from(slaCalendars).orderBy(desc(slaCalendars.isDefault), asc(slaCalendars.nameZh), asc(slaCalendars.id));
  return rows.map(presentCalendar);
}

export async function getCalendar(db: Db, id: string): Promise<CalendarView> {
  const [row] = await db.select().from(slaCalendars).where(eq(slaCalendars.id, id));
  if (!row) throw new NotFound('sla.calendar.not_found');
  return presentCalendar(row);
}

/** The row, locked until the transaction ends (the caller is about to change it). */
export async function lockCalendar(tx: Tx, id: string): Promise<CalendarRow> {
  const [row] = await tx.select().from(slaCalendars).where(eq(slaCalendars.id, id)).for('update');
  if (!row) throw new NotFound('sla.calendar.not_found');
  return row;
}
