import type { components, paths } from '../../shared/api/schema';

export type Calendar = components['schemas']['BusinessCalendar'];
export type YearSchedule = components['schemas']['YearHolidaySchedule'];
export type Interval = { start: string; end: string };
export type CalendarBody = NonNullable<paths['/api/v1/sla/calendars']['post']['requestBody']>['content']['application/json'];

/** What the editor changes: a calendar without the server's bookkeeping. */
export type CalendarDraft = {
  nameZh: string;
  nameEn: string;
  timeZone: string;
  /** Index 0 = Sunday, as the server stores it; the editor shows Monday first. */
  weekly: Interval[][];
  holidays: string[];
  workdays: string[];
  /** null: make-up workdays work the Monday hours. */
  makeUpDaySchedule: Interval[] | null;
  alwaysOpen: boolean;
  isDefault: boolean;
};

/** Monday first, as Chinese calendars are read; values are the server's weekday indexes. */
export const weekdaysMondayFirst = [1, 2, 3, 4, 5, 6, 0] as const;

const officeDay: Interval[] = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '18:00' },
];

/** A new calendar starts as a Chinese office week with the official holidays the build ships. */
export function newDraft(bundled: readonly YearSchedule[]): CalendarDraft {
  return {
    nameZh: '',
    nameEn: '',
    timeZone: 'Asia/Shanghai',
    weekly: [[], officeDay, officeDay, officeDay, officeDay, officeDay, []],
    holidays: bundled.flatMap((year) => year.holidays.map((day) => day.date)).sort(),
    workdays: bundled.flatMap((year) => year.workdays.map((day) => day.date)).sort(),
    makeUpDaySchedule: null,
    alwaysOpen: false,
    isDefault: false,
  };
}

export function draftOf(calendar: Calendar): CalendarDraft {
  return {
    nameZh: calendar.nameZh,
    nameEn: calendar.nameEn,
    timeZone: calendar.timeZone,
    weekly: calendar.weekly.map((day) => day.map((interval) => ({ ...interval }))),
    holidays: [...calendar.holidays],
    workdays: [...calendar.workdays],
    makeUpDaySchedule: calendar.makeUpDaySchedule ? calendar.makeUpDaySchedule.map((interval) => ({ ...interval })) : null,
    alwaysOpen: calendar.alwaysOpen,
    isDefault: calendar.isDefault,
  };
}

/**
 * Intervals in time order, so a row added last may be earlier in the day. Applied to the draft
 * itself before saving so that the server's error paths (weekly.1.0.end) point at the rows shown.
 */
export function sortedDraft(draft: CalendarDraft): CalendarDraft {
  const sorted = (day: Interval[]) => [...day].sort((a, b) => a.start.localeCompare(b.start));
  return { ...draft, weekly: draft.weekly.map(sorted), makeUpDaySchedule: draft.makeUpDaySchedule ? sorted(draft.makeUpDaySchedule) : null };
}

export function bodyOf(draft: CalendarDraft): CalendarBody {
  return {
    nameZh: draft.nameZh.trim(),
    nameEn: draft.nameEn.trim(),
    timeZone: draft.timeZone,
    weekly: draft.weekly,
    holidays: draft.holidays,
    workdays: draft.workdays,
    makeUpDaySchedule: draft.makeUpDaySchedule,
    alwaysOpen: draft.alwaysOpen,
    isDefault: draft.isDefault,
  };
}

export function sameDraft(a: CalendarDraft, b: CalendarDraft): boolean {
  return JSON.stringify(bodyOf(sortedDraft(a))) === JSON.stringify(bodyOf(sortedDraft(b)));
}

/** 'HH:MM' from 00:00 to 24:00, the server's format. */
export function isWallTime(value: string): boolean {
  return /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/.test(value);
}

/** A date added to one list leaves the other (a day is a holiday or a make-up workday, not both). */
export function withDate(draft: CalendarDraft, list: 'holidays' | 'workdays', date: string): CalendarDraft {
  const other = list === 'holidays' ? 'workdays' : 'holidays';
  return {
    ...draft,
    [list]: [...new Set([...draft[list], date])].sort(),
    [other]: draft[other].filter((d) => d !== date),
  };
}

export function withoutDate(draft: CalendarDraft, list: 'holidays' | 'workdays', date: string): CalendarDraft {
  return { ...draft, [list]: draft[list].filter((d) => d !== date) };
}

/**
 * The years the holiday editor shows: every year with dates, every bundled year, and this year
 * and the next (so an admin sees "no data for next year" before it starts).
 */
export function yearsToShow(draft: CalendarDraft, bundledYears: readonly number[], today: Date): number[] {
  const years = new Set<number>([...bundledYears, today.getFullYear(), today.getFullYear() + 1]);
  for (const date of [...draft.holidays, ...draft.workdays]) years.add(Number(date.slice(0, 4)));
  return [...years].sort((a, b) => b - a);
}

export function datesInYear(dates: readonly string[], year: number): string[] {
  return dates.filter((date) => date.startsWith(`${year}-`));
}

/** Where a server field error points, in words: e.g. weekly.1.1.start → Monday, interval 2, start. */
export type FieldPlace =
  | { kind: 'interval'; weekday: number; index: number; part: 'start' | 'end' | null }
  | { kind: 'makeUp'; index: number; part: 'start' | 'end' | null }
  | { kind: 'date'; list: 'holidays' | 'workdays'; date: string | null }
  | { kind: 'field'; field: string };

export function placeOf(path: string, draft: CalendarDraft): FieldPlace {
  const parts = path.split('.');
  const part = (value: string | undefined) => (value === 'start' || value === 'end' ? value : null);
  if (parts[0] === 'weekly' && parts.length >= 3) return { kind: 'interval', weekday: Number(parts[1]), index: Number(parts[2]), part: part(parts[3]) };
  if (parts[0] === 'makeUpDaySchedule' && parts.length >= 2) return { kind: 'makeUp', index: Number(parts[1]), part: part(parts[2]) };
  if ((parts[0] === 'holidays' || parts[0] === 'workdays') && parts.length >= 2) {
    return { kind: 'date', list: parts[0], date: draft[parts[0]][Number(parts[1])] ?? null };
  }
  return { kind: 'field', field: parts[0] ?? '' };
}

/** The paths of the intervals the server refused, as `weekday.index` keys for highlighting. */
export function refusedIntervals(paths: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const path of paths) {
    const match = /^(weekly\.\d+|makeUpDaySchedule)\.(\d+)/.exec(path);
    if (match) keys.add(`${match[1]}.${match[2]}`);
  }
  return keys;
}

/** Which bundled year schedule names a date ('春节'), for labels. */
export function officialNameOf(bundled: readonly YearSchedule[], date: string): string | undefined {
  const year = bundled.find((schedule) => date.startsWith(`${schedule.year}-`));
  return year?.holidays.find((day) => day.date === date)?.name ?? year?.workdays.find((day) => day.date === date)?.name;
}

/** Consecutive days (Monday first) with the same hours, for a one-line summary: Mon–Fri 09:00–12:00, 13:00–18:00. */
export function summariseWeek(weekly: readonly (readonly Interval[])[]): { days: number[]; intervals: Interval[] }[] {
  const groups: { days: number[]; intervals: Interval[] }[] = [];
  for (const weekday of weekdaysMondayFirst) {
    const intervals = [...(weekly[weekday] ?? [])];
    const last = groups.at(-1);
    if (last && JSON.stringify(last.intervals) === JSON.stringify(intervals)) last.days.push(weekday);
    else groups.push({ days: [weekday], intervals });
  }
  return groups.filter((group) => group.intervals.length > 0);
}

/** This year and the next when the calendar has no holiday data for them (24×7 calendars need none). */
export function yearsMissingData(calendar: Pick<Calendar, 'alwaysOpen' | 'holidayYears'>, today: Date): number[] {
  if (calendar.alwaysOpen) return [];
  return [today.getFullYear(), today.getFullYear() + 1].filter((year) => !calendar.holidayYears.includes(year));
}
