import { z } from 'zod';
import { addBusinessMinutes, businessIntervalsOnDate, type BusinessCalendar } from '../sla/index.js';
import { ticketStatuses } from '../tickets/index.js';

/**
 * A time rule's (定时规则) trigger: how long after an anchor it is due. Anchors (what the common
 * rules need: 等待客户 N 个工作日, 未分配 30 分钟, 已解决 3 天后关闭, 客户 N 小时未回复):
 * - `status`: since the ticket's status became `status` (holds while it stays so);
 * - `unassigned`: since the ticket was created or left without an assignee (holds while it has none);
 * - `created`: since the ticket was created;
 * - `customer_replied` / `agent_replied`: since the last customer message / agent public reply.
 * Every anchor also needs the ticket not closed. Delays count calendar minutes and hours, or
 * business minutes, hours and days of one business calendar (holidays and 调休 included).
 */
export const timeAnchors = ['status', 'unassigned', 'created', 'customer_replied', 'agent_replied'] as const;
export type TimeAnchor = (typeof timeAnchors)[number];
export const delayUnits = ['minutes', 'hours', 'business_minutes', 'business_hours', 'business_days'] as const;
export type DelayUnit = (typeof delayUnits)[number];

export const timeTriggerSchema = z.object({
  anchor: z.enum(timeAnchors),
  /** Only for the `status` anchor. */
  status: z.enum(ticketStatuses).optional(),
  amount: z.number().int().min(1).max(100_000),
  unit: z.enum(delayUnits),
  /** Only for business units: the sla module's calendar. */
  calendarId: z.string().uuid().optional(),
});
export type TimeTrigger = z.output<typeof timeTriggerSchema>;

export const isBusinessUnit = (unit: DelayUnit) => unit.startsWith('business_');

/** Problems of a time trigger beyond its shape, each at its path under `timeTrigger`. */
export function timeTriggerProblems(trigger: TimeTrigger, knownCalendars: ReadonlySet<string>): Array<{ path: string; code: string }> {
  const problems: Array<{ path: string; code: string }> = [];
  if (trigger.anchor === 'status' && !trigger.status) problems.push({ path: 'timeTrigger.status', code: 'automation.time.status_required' });
  if (trigger.anchor === 'status' && trigger.status === 'closed') problems.push({ path: 'timeTrigger.status', code: 'automation.time.closed_status' });
  if (isBusinessUnit(trigger.unit)) {
    if (!trigger.calendarId) problems.push({ path: 'timeTrigger.calendarId', code: 'automation.time.calendar_required' });
    else if (!knownCalendars.has(trigger.calendarId.toLowerCase())) problems.push({ path: 'timeTrigger.calendarId', code: 'automation.rule.unknown_calendar' });
  }
  return problems;
}

// One formatter per time zone: making one costs ~100× formatting with it (a backfill counts
// thousands of due times a second).
const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterOf = (timeZone: string) => {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

const localParts = (calendar: BusinessCalendar, at: Date) => {
  const parts = Object.fromEntries(
    formatterOf(calendar.timeZone)
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, msOfDay: ((Number(parts.hour) * 60 + Number(parts.minute)) * 60 + Number(parts.second)) * 1000 + at.getUTCMilliseconds() };
};

const nextDate = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * N business days after `anchor`: the same local time of day on the N-th working day after the
 * anchor's date (weekends and holidays skipped, 调休 Saturdays counted), moved into that day's
 * business hours (before opening → the opening; after closing → the closing). A Friday 15:00 anchor
 * with 1 business day is due Monday 15:00.
 */
function addBusinessDays(calendar: BusinessCalendar, anchor: Date, days: number): Date {
  const { date: anchorDate, msOfDay } = localParts(calendar, anchor);
  let date = anchorDate;
  let intervals: Array<{ start: Date; end: Date }> = [];
  // Bounded: a calendar with no working day in ten years is refused rather than walked forever.
  for (let found = 0, steps = 0; found < days; steps += 1) {
    if (steps > 3660 + days * 7) throw new Error('calendar has no working days');
    date = nextDate(date);
    intervals = businessIntervalsOnDate(calendar, date);
    if (intervals.length) found += 1;
  }
  const first = intervals[0]!;
  const midnight = first.start.getTime() - localParts(calendar, first.start).msOfDay;
  const wanted = midnight + msOfDay;
  for (const interval of intervals) {
    if (wanted < interval.start.getTime()) return interval.start;
    if (wanted < interval.end.getTime()) return new Date(wanted);
  }
  return intervals.at(-1)!.end;
}

/** When a time rule anchored at `anchorAt` is due (`calendar`: its business calendar, for business units). */
export function dueAtOf(trigger: TimeTrigger, anchorAt: Date, calendar: BusinessCalendar | null): Date {
  switch (trigger.unit) {
    case 'minutes':
      return new Date(anchorAt.getTime() + trigger.amount * 60_000);
    case 'hours':
      return new Date(anchorAt.getTime() + trigger.amount * 3_600_000);
    default: {
      if (!calendar) throw new Error('a business delay needs its calendar');
      if (trigger.unit === 'business_days') return addBusinessDays(calendar, anchorAt, trigger.amount);
      return addBusinessMinutes(calendar, anchorAt, trigger.unit === 'business_hours' ? trigger.amount * 60 : trigger.amount);
    }
  }
}
