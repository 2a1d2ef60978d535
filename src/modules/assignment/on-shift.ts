import { isBusinessTime, nextBusinessInstant, type BusinessCalendar, type WeeklySchedule } from '../sla/index.js';

/** An agent's weekly pattern (0 = Sunday) and their leave / extra shifts, as the decision reads them. */
export type ShiftFacts = {
  weekly: ReadonlyArray<ReadonlyArray<{ start: string; end: string }>> | null;
  exceptions: ReadonlyArray<{ kind: 'leave' | 'extra'; startsAt: Date; endsAt: Date }>;
};

/**
 * Whether an agent is on shift at `instant`, judged in the team's business calendar:
 * - leave (请假) wins over everything, an extra shift (加班) puts them on shift;
 * - no weekly pattern at all: always on shift (a team that does not plan shifts);
 * - else their pattern of that weekday, except on the calendar's holidays (nobody's pattern
 *   applies) and on its make-up workdays (调休: their Monday pattern applies, whatever the weekday),
 *   local to the calendar's time zone. This is the SLA engine's own arithmetic on a calendar made
 *   of the agent's pattern and the team calendar's holidays and workdays.
 */
export function isOnShift(facts: ShiftFacts, team: BusinessCalendar, instant: Date): boolean {
  const at = instant.getTime();
  const exception = facts.exceptions.find((e) => e.startsAt.getTime() <= at && at < e.endsAt.getTime() && e.kind === 'leave')
    ?? facts.exceptions.find((e) => e.startsAt.getTime() <= at && at < e.endsAt.getTime());
  if (exception) return exception.kind === 'extra';
  if (facts.weekly === null) return true;
  const calendar = shiftCalendar(facts.weekly, team);
  return calendar !== null && isBusinessTime(calendar, instant);
}

/**
 * When the agent's next shift starts after `instant` (or now, when on shift): what a team's
 * waiting tickets are offered again at. Null when they have no shift to come that we can see
 * (no pattern and no extra shift ahead).
 */
export function nextShiftStart(facts: ShiftFacts, team: BusinessCalendar, instant: Date): Date | null {
  const at = instant.getTime();
  const starts: number[] = facts.exceptions.filter((e) => e.kind === 'extra' && e.endsAt.getTime() > at).map((e) => Math.max(at, e.startsAt.getTime()));
  const leave = facts.exceptions.find((e) => e.kind === 'leave' && e.startsAt.getTime() <= at && at < e.endsAt.getTime());
  if (facts.weekly === null) {
    starts.push(leave ? leave.endsAt.getTime() : at);
  } else {
    const calendar = shiftCalendar(facts.weekly, team);
    if (calendar) starts.push(nextBusinessInstant(calendar, leave ? leave.endsAt : instant).getTime());
  }
  return starts.length ? new Date(Math.min(...starts)) : null;
}

/** Compiled calendars are cached by the engine per object: one object per (pattern, team calendar). */
const calendars = new WeakMap<BusinessCalendar, Map<string, BusinessCalendar | null>>();

function shiftCalendar(weekly: NonNullable<ShiftFacts['weekly']>, team: BusinessCalendar): BusinessCalendar | null {
  let byPattern = calendars.get(team);
  if (!byPattern) calendars.set(team, (byPattern = new Map()));
  const key = JSON.stringify(weekly);
  if (byPattern.has(key)) return byPattern.get(key)!;
  const day = (i: number) => weekly[i] ?? [];
  const days: WeeklySchedule = [day(0), day(1), day(2), day(3), day(4), day(5), day(6)];
  // A pattern with no hours at all has no business time to find (the engine would search forever).
  const calendar: BusinessCalendar | null = days.every((d) => d.length === 0)
    ? null
    : Object.freeze({ timeZone: team.timeZone, weekly: days, holidays: team.holidays, workdays: team.workdays, makeUpDaySchedule: days[1] });
  if (byPattern.size > 500) byPattern.clear();
  byPattern.set(key, calendar);
  return calendar;
}
