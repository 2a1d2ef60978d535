/**
 * Calendar dates and wall-clock times without a time zone.
 *
 * A local date is carried as a *day number*: days since 1970-01-01 in the proleptic Gregorian
 * calendar, so "the next day" is `day + 1` and the weekday is arithmetic. `day * MS_PER_DAY` is
 * the date's midnight written as if it were UTC ("wall milliseconds"), which `time-zone.ts`
 * turns into a real instant.
 */
export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;
export const MINUTES_PER_DAY = 1440;

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const wallTimePattern = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;

/** Day number of a 'YYYY-MM-DD' date, or undefined when the text is not a real date. */
export function dayNumberOf(isoDate: string): number | undefined {
  const match = isoDatePattern.exec(isoDate);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return Math.floor(date.getTime() / MS_PER_DAY);
}

/** 'YYYY-MM-DD' of a day number. */
export function isoDateOf(dayNumber: number): string {
  const date = new Date(dayNumber * MS_PER_DAY);
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** Minutes after midnight of 'HH:MM' ('24:00' = 1440), or undefined when malformed. */
export function minuteOfDay(wallTime: string): number | undefined {
  const match = wallTimePattern.exec(wallTime);
  if (!match) return undefined;
  return match[3] ? MINUTES_PER_DAY : Number(match[1]) * 60 + Number(match[2]);
}
