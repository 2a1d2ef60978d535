import { parseBusinessCalendar, type BusinessCalendar, type DaySchedule } from './business-calendar.js';
import { chinaHolidayDates } from './china-schedule.js';

const officeDay: DaySchedule = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '18:00' },
];

/**
 * The calendar a new installation starts with: Asia/Shanghai, Monday–Friday 09:00–12:00 and
 * 13:00–18:00 (lunch excluded), the official China holidays and 调休 workdays of 2024–2026
 * (make-up days work the Monday schedule). Frozen.
 */
export const DEFAULT_BUSINESS_CALENDAR: BusinessCalendar = parseBusinessCalendar({
  timeZone: 'Asia/Shanghai',
  weekly: [[], officeDay, officeDay, officeDay, officeDay, officeDay, []],
  ...chinaHolidayDates(),
});

/** A 24×7 calendar: every minute counts (holidays ignored). */
export const ALWAYS_OPEN_CALENDAR: BusinessCalendar = parseBusinessCalendar({
  timeZone: 'Asia/Shanghai',
  weekly: [[], [], [], [], [], [], []],
  holidays: [],
  workdays: [],
  alwaysOpen: true,
});
