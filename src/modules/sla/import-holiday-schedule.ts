import { invalidField, Unprocessable } from '../../app/errors.js';
import type { Database } from '../../db/database.js';
import type { Actor } from '../auth/index.js';
import { validCalendarColumns } from './calendar-fields.js';
import type { ImportScheduleInput } from './calendar-http.js';
import { CHINA_SCHEDULE_YEARS, chinaHolidaySchedule, parseYearHolidaySchedule, withYearHolidaySchedule, type YearHolidaySchedule } from './calendar/index.js';
import { calendarFieldsOf, lockCalendar, type CalendarView } from './calendars.js';
import { assertCalendarVersion } from './if-match.js';
import { stateOf, writeCalendarChange } from './update-calendar.js';

/** `source: "china"` without day lists asks for the official schedule bundled with this build. */
export const BUNDLED_CHINA_SOURCE = 'china';

/** The year's schedule the request names: the bundled one, or the uploaded file after validation. */
export function scheduleToImport(input: ImportScheduleInput): YearHolidaySchedule {
  if (input.source === BUNDLED_CHINA_SOURCE && input.holidays === undefined && input.workdays === undefined) {
    const schedule = chinaHolidaySchedule(input.year);
    if (!schedule) throw new Unprocessable('sla.calendar.no_bundled_schedule', { year: input.year, years: CHINA_SCHEDULE_YEARS.join(', ') });
    return schedule;
  }
  if (input.holidays === undefined) throw invalidField('holidays', 'validation.required');
  if (input.workdays === undefined) throw invalidField('workdays', 'validation.required');
  return parseYearHolidaySchedule(input);
}

/**
 * Replace one year's holidays and 调休 workdays of a calendar with `schedule` (other years are
 * kept), if the calendar is still at `expectedVersion`.
 */
export async function importHolidaySchedule(database: Database, actor: Actor, id: string, expectedVersion: number, input: ImportScheduleInput): Promise<CalendarView> {
  const schedule = scheduleToImport(input);
  return database.transaction(async (tx) => {
    const before = await lockCalendar(tx, id);
    assertCalendarVersion(before.version, expectedVersion);
    const { holidays, workdays } = withYearHolidaySchedule(calendarFieldsOf(before), schedule);
    const next = { ...stateOf(before), holidays: [...holidays], workdays: [...workdays] };
    return writeCalendarChange(tx, actor, before, { ...next, ...validCalendarColumns(next) }, {
      import: { year: schedule.year, source: schedule.source ?? null, holidays: schedule.holidays.length, workdays: schedule.workdays.length },
    });
  });
}
