// The business-calendar engine: plain calendar data, validation, and pure business-time arithmetic.
export {
  businessCalendarSchema,
  calendarErrorCodes,
  dayScheduleSchema,
  parseBusinessCalendar,
  workingIntervalSchema,
  type BusinessCalendar,
  type DaySchedule,
  type WeeklySchedule,
  type WorkingInterval,
} from './business-calendar.js';
export { addBusinessMinutes, businessIntervalsOnDate, businessMinutesBetween, isBusinessTime, nextBusinessInstant } from './business-time.js';
export { CHINA_SCHEDULE_SOURCE, CHINA_SCHEDULE_YEARS, chinaHolidayDates, chinaHolidaySchedule } from './china-schedule.js';
export { ALWAYS_OPEN_CALENDAR, DEFAULT_BUSINESS_CALENDAR } from './default-calendar.js';
export {
  holidayDataYears,
  parseYearHolidaySchedule,
  withYearHolidaySchedule,
  yearHolidayScheduleSchema,
  yearsWithoutHolidayData,
  type HolidayScheduleDay,
  type YearHolidaySchedule,
} from './holiday-schedule.js';
