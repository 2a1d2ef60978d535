import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/database.js';
import type { BusinessCalendar } from './calendar/index.js';
import { addBusinessMinutes } from './calendar/index.js';
import { nextNamedCheck } from './named-timers.js';
import { slaNamedTimers } from './schema.js';
import { loadCalendar } from './ticket-policy.js';
import { usedMinutesAt } from './timer-math.js';

/**
 * Named timers stop while their ticket's SLA is paused (a pause status of its policy) and run on
 * with the minutes they had when it runs again: the stage's countdown pauses where the ticket's
 * does. Called by the batch that follows ticket events (ticket-events.ts) with each ticket's
 * pause as it ended up; one query when none of the tickets has a named timer.
 */
export async function followTicketPauses(tx: Tx, pausedByTicket: ReadonlyMap<string, { paused: boolean; at: Date }>): Promise<void> {
  if (!pausedByTicket.size) return;
  const rows = await tx.select().from(slaNamedTimers).where(inArray(slaNamedTimers.ticketId, [...pausedByTicket.keys()])).for('update');
  const calendars = new Map<string, BusinessCalendar | null>();
  for (const row of rows) {
    const { paused, at } = pausedByTicket.get(row.ticketId)!;
    if (paused === (row.state === 'paused')) continue;
    if (!calendars.has(row.calendarId)) calendars.set(row.calendarId, ((await loadCalendar(tx, row.calendarId)) ?? (await loadCalendar(tx, null)))?.calendar ?? null);
    const calendar = calendars.get(row.calendarId);
    if (!calendar) continue;
    if (paused) {
      await tx.update(slaNamedTimers).set({ state: 'paused', usedMinutes: usedMinutesAt({ ...row, breachedAt: row.breachedAt }, calendar, at), runningSince: null, dueAt: null, nextCheckAt: null }).where(eq(slaNamedTimers.id, row.id));
      continue;
    }
    // A timer paused after its breach keeps its breach time as its due time.
    const over = row.usedMinutes >= row.targetMinutes;
    const running = { ...row, runningSince: at, dueAt: over ? (row.breachedAt ?? at) : addBusinessMinutes(calendar, at, row.targetMinutes - row.usedMinutes) };
    const state = over ? 'breached' : row.fired.includes('warning') ? 'warning' : 'running';
    await tx.update(slaNamedTimers).set({ state, runningSince: at, dueAt: running.dueAt, nextCheckAt: nextNamedCheck(running, calendar) }).where(eq(slaNamedTimers.id, row.id));
  }
}
