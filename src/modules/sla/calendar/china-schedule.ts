import chineseDays from 'chinese-days';
import type { YearHolidaySchedule } from './holiday-schedule.js';

/**
 * The official mainland-China holiday schedule (法定节假日 and 调休 make-up workdays), from the
 * maintained `chinese-days` package (https://github.com/vsme/chinese-days, pinned in
 * package.json), which transcribes the State Council General Office's yearly notice
 * (国务院办公厅关于 YYYY 年部分节假日安排的通知) published on www.gov.cn:
 *   2024 https://www.gov.cn/zhengce/content/202310/content_6911527.htm
 *   2025 https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm (国办发明电〔2024〕12号)
 *   2026 https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm (dated 2025-11-04)
 * The package has no data for years whose notice is not out (2027 at the time of writing) and
 * treats them as plain weekdays; admins import such a year (see holiday-schedule.ts).
 * Use the default import: the package is CommonJS and its named ESM exports are not reliable.
 */
export const CHINA_SCHEDULE_SOURCE = 'chinese-days (State Council General Office notices, www.gov.cn)';

/** Years this build ships the official schedule for. */
export const CHINA_SCHEDULE_YEARS: readonly number[] = [2024, 2025, 2026];

/** chinese-days names days 'Spring Festival,春节,4' (English, Chinese, length in days). */
function chineseNameOf(date: string): string {
  const name = chineseDays.getDayDetail(date).name;
  const parts = name.split(',');
  return (parts.length >= 2 ? parts[1] : parts[0])?.trim() || name;
}

function isWeekend(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/**
 * One year of the official schedule in the import format, or undefined when the package has no
 * data for that year. Holidays are the official days off (weekend days inside a block included);
 * workdays are the weekend days declared working (调休).
 */
export function chinaHolidaySchedule(year: number): YearHolidaySchedule | undefined {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const holidays = chineseDays.getHolidaysInRange(first, last, false);
  const workdays = chineseDays.getWorkdaysInRange(first, last, true).filter(isWeekend);
  if (holidays.length === 0 && workdays.length === 0) return undefined;
  return {
    year,
    source: CHINA_SCHEDULE_SOURCE,
    holidays: holidays.map((date) => ({ date, name: chineseNameOf(date) })),
    workdays: workdays.map((date) => ({ date, name: chineseNameOf(date) })),
  };
}

/** Holidays and make-up workdays of the given years, as the calendar's date sets. */
export function chinaHolidayDates(years: readonly number[] = CHINA_SCHEDULE_YEARS): { holidays: string[]; workdays: string[] } {
  const schedules = years.map(chinaHolidaySchedule).filter((schedule) => schedule !== undefined);
  return {
    holidays: schedules.flatMap((schedule) => schedule.holidays.map((day) => day.date)),
    workdays: schedules.flatMap((schedule) => schedule.workdays.map((day) => day.date)),
  };
}
