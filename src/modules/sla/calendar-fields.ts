import { parseBusinessCalendar, type DaySchedule, type WeeklySchedule } from './calendar/index.js';

/** The calendar columns of a row, as written. */
export type CalendarColumns = {
  timeZone: string;
  weekly: WeeklySchedule;
  holidays: string[];
  workdays: string[];
  makeUpDaySchedule: DaySchedule | null;
  alwaysOpen: boolean;
};

/** What a client sends: seven days by the edge schema, a week only once the engine agrees. */
export type CalendarColumnsInput = Omit<CalendarColumns, 'weekly'> & { weekly: readonly DaySchedule[] };

/**
 * Validate calendar columns with the engine (throws `Invalid` naming each bad field, e.g.
 * `weekly.1.1.start`) and return them ready to store. Dates are sorted only after validation so
 * the error paths point at the positions the client sent.
 */
export function validCalendarColumns(columns: CalendarColumnsInput): CalendarColumns {
  const calendar = parseBusinessCalendar({
    timeZone: columns.timeZone,
    weekly: columns.weekly,
    holidays: columns.holidays,
    workdays: columns.workdays,
    ...(columns.makeUpDaySchedule ? { makeUpDaySchedule: columns.makeUpDaySchedule } : {}),
    alwaysOpen: columns.alwaysOpen,
  });
  return {
    timeZone: calendar.timeZone,
    weekly: calendar.weekly,
    holidays: [...calendar.holidays].sort(),
    workdays: [...calendar.workdays].sort(),
    makeUpDaySchedule: calendar.makeUpDaySchedule ?? null,
    alwaysOpen: calendar.alwaysOpen === true,
  };
}
