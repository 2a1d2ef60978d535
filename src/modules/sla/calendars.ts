import { asc, desc, eq } from 'drizzle-orm';
import { NotFound } from '../../app/errors.js';
import type { Db } from '../../db/database.js';
import { holidayDataYears, parseBusinessCalendar, type BusinessCalendar } from './calendar/index.js';
import { slaCalendars } from './schema.js';

type CalendarRow = typeof slaCalendars.$inferSelect;

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
 * The engine caches a compiled calendar per object: keep one object per stored calendar version
 * so repeated requests reuse it instead of recompiling.
 */
const compiled = new Map<string, { version: number; calendar: BusinessCalendar }>();

function toCalendar(row: CalendarRow): BusinessCalendar {
  const cached = compiled.get(row.id);
  if (cached && cached.version === row.version) return cached.calendar;
  const calendar = parseBusinessCalendar({
    timeZone: row.timeZone,
    weekly: row.weekly,
    holidays: row.holidays,
    workdays: row.workdays,
    ...(row.makeUpDaySchedule ? { makeUpDaySchedule: row.makeUpDaySchedule } : {}),
    ...(row.alwaysOpen ? { alwaysOpen: true } : {}),
  });
  compiled.set(row.id, { version: row.version, calendar });
  return calendar;
}

function present(row: CalendarRow): CalendarView {
  const calendar = toCalendar(row);
  return { id: row.id, nameZh: row.nameZh, nameEn: row.nameEn, isDefault: row.isDefault, version: row.version, calendar, holidayYears: holidayDataYears(calendar) };
}

/** Every calendar, the default first. */
export async function listCalendars(db: Db): Promise<CalendarView[]> {
  const rows = await db.select().from(slaCalendars).orderBy(desc(slaCalendars.isDefault), asc(slaCalendars.nameZh), asc(slaCalendars.id));
  return rows.map(present);
}

export async function getCalendar(db: Db, id: string): Promise<CalendarView> {
  const [row] = await db.select().from(slaCalendars).where(eq(slaCalendars.id, id));
  if (!row) throw new NotFound('sla.calendar.not_found');
  return present(row);
}
