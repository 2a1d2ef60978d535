import { asc, eq, lte } from 'drizzle-orm';
import type { Database, Tx } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import type { BusinessCalendar } from './calendar/index.js';
import { slaNamedTimerBreached, slaNamedTimerWarning } from './events.js';
import { namedFirings, nextNamedCheck, type NamedTimerRow } from './named-timers.js';
import { slaNamedTimers } from './schema.js';
import { loadCalendar } from './ticket-policy.js';

const roundSize = 50;

/**
 * The named timers' part of the SLA scheduler round (fire-due-timers.ts): the same claim — rows
 * whose `next_check_at` has come, `FOR UPDATE SKIP LOCKED`, so workers share them — and each due
 * firing's event written with its key in `fired`, in one transaction: once, across processes and
 * restarts. The owner follows the events (`sla.named_timer_warning`, `sla.named_timer_breached`).
 */
export async function fireDueNamedTimers(database: Database, now: Date): Promise<number> {
  const [anyDue] = await database.db.select({ id: slaNamedTimers.id }).from(slaNamedTimers).where(lte(slaNamedTimers.nextCheckAt, now)).limit(1);
  if (!anyDue) return 0;
  return database.transaction(async (tx) => {
    const due = await tx.select().from(slaNamedTimers).where(lte(slaNamedTimers.nextCheckAt, now)).orderBy(asc(slaNamedTimers.nextCheckAt)).limit(roundSize).for('update', { skipLocked: true });
    const calendars = new Map<string, BusinessCalendar | null>();
    for (const timer of due) {
      if (!calendars.has(timer.calendarId)) calendars.set(timer.calendarId, ((await loadCalendar(tx, timer.calendarId)) ?? (await loadCalendar(tx, null)))?.calendar ?? null);
      await fireNamedTimer(tx, timer, calendars.get(timer.calendarId) ?? null, now);
    }
    return due.length;
  });
}

async function fireNamedTimer(tx: Tx, timer: NamedTimerRow, calendar: BusinessCalendar | null, now: Date): Promise<void> {
  if (!calendar) {
    await tx.update(slaNamedTimers).set({ nextCheckAt: null }).where(eq(slaNamedTimers.id, timer.id));
    return;
  }
  const fired = [...timer.fired];
  let { state, breachedAt } = timer;
  for (const firing of namedFirings(timer, calendar).filter((f) => f.at <= now && !timer.fired.includes(f.kind))) {
    fired.push(firing.kind);
    const payload = { key: timer.key, targetMinutes: timer.targetMinutes, startedAt: timer.startedAt.toISOString(), dueAt: timer.dueAt?.toISOString() ?? null, plannedAt: firing.at.toISOString() };
    const on = { aggregateId: timer.ticketId, cause: 'sla' as const, payload };
    if (firing.kind === 'breach') {
      state = 'breached';
      breachedAt = firing.at;
      await recordEvent(tx, slaNamedTimerBreached, on);
    } else {
      if (state === 'running') state = 'warning';
      await recordEvent(tx, slaNamedTimerWarning, on);
    }
  }
  await tx.update(slaNamedTimers).set({ state, breachedAt, fired, nextCheckAt: nextNamedCheck({ ...timer, fired }, calendar) }).where(eq(slaNamedTimers.id, timer.id));
}
