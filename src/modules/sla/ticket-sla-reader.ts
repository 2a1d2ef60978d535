import { inArray } from 'drizzle-orm';
import type { Clock } from '../../app/clock.js';
import type { Db } from '../../db/database.js';
import type { TicketSlaEntry, TicketSlaReader } from '../tickets/index.js';
import type { BusinessCalendar } from './calendar/index.js';
import { slaTicketTimers } from './schema.js';
import { loadCalendar } from './ticket-policy.js';
import { remainingMinutesAt, type TimerRow } from './timer-math.js';

const targetOrder = { first_response: 0, next_response: 1, resolution: 2 } as const;

/** The state a reader sees now: overdue counts as breached even before the scheduler's round. */
export function stateAt(timer: TimerRow, now: Date): TicketSlaEntry['state'] {
  if (timer.state === 'met' || timer.state === 'paused') return timer.state;
  if (timer.breachedAt || (timer.dueAt && timer.dueAt <= now)) return 'breached';
  if (timer.state === 'warning' || timer.fired.includes(`${timer.cycle}:warning`)) return 'warning';
  return 'running';
}

export async function presentTimers(db: Db, timers: readonly TimerRow[], now: Date): Promise<Array<TicketSlaEntry & { timer: TimerRow }>> {
  const calendars = new Map<string, BusinessCalendar>();
  const entries = [];
  for (const timer of timers) {
    let calendar = calendars.get(timer.calendarId);
    if (!calendar) {
      calendar = ((await loadCalendar(db, timer.calendarId)) ?? (await loadCalendar(db, null)))!.calendar;
      calendars.set(timer.calendarId, calendar);
    }
    entries.push({ target: timer.target, dueAt: timer.dueAt, state: stateAt(timer, now), remainingMinutes: remainingMinutesAt(timer, calendar, now), timer });
  }
  // Running targets soonest first, then paused, then met.
  const rank = (e: TicketSlaEntry) => (e.state === 'met' ? 2 : e.state === 'paused' ? 1 : 0);
  return entries.sort((a, b) => rank(a) - rank(b) || (a.dueAt?.getTime() ?? 0) - (b.dueAt?.getTime() ?? 0) || targetOrder[a.target] - targetOrder[b.target]);
}

/** What tickets read about SLAs (see tickets' ticket-sla.ts): per-ticket summaries in one query. */
export function ticketSlaReader(clock: Clock): TicketSlaReader {
  return {
    async summaries(db, ticketIds) {
      const rows = await db.select().from(slaTicketTimers).where(inArray(slaTicketTimers.ticketId, [...ticketIds]));
      const presented = await presentTimers(db, rows, clock.now());
      const byTicket = new Map<string, TicketSlaEntry[]>();
      for (const { timer, ...entry } of presented) byTicket.set(timer.ticketId, [...(byTicket.get(timer.ticketId) ?? []), entry]);
      return byTicket;
    },
  };
}
