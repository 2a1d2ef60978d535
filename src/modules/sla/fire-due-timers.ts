import { asc, eq, inArray, lte } from 'drizzle-orm';
import type { Clock } from '../../app/clock.js';
import type { Database, Tx } from '../../db/database.js';
import { fireDueNamedTimers } from './fire-named-timers.js';
import { recordEvent } from '../../jobs/events.js';
import { slaBreached, slaEscalated, slaWarning } from './events.js';
import type { DueRowSource } from '../../jobs/registry.js';
import { getTicketSnapshot, recordTicketActivity } from '../tickets/index.js';
import { slaPolicies, slaTicketTimers } from './schema.js';
import type { BusinessCalendar } from './calendar/index.js';
import { loadCalendar } from './ticket-policy.js';
import { nextCheckAt, plannedFirings, type PlannedFiring, type PolicyRules, type TimerRow } from './timer-math.js';

/** Timers handled per round: one transaction, a few dozen rows, so a busy minute is many short rounds. */
const roundSize = 50;

/**
 * The SLA scheduler, polled by every worker round: picks timers whose next check is due
 * (`next_check_at <= now`, its partial index, FOR UPDATE SKIP LOCKED so workers share them) and
 * fires every planned step that is due and not yet in `fired`, oldest first. A step's effects (the
 * ticket's timeline entry, the `sla.*` domain event that notifications and escalation actions
 * follow) and its key in `fired` commit together, so a step fires exactly once: two workers never
 * pick the same row, and after a crash or downtime the missed steps are simply due and fire once.
 * When nothing is due the cost is one index probe, outside any transaction.
 */
export function slaDueTimers(clock: Clock): DueRowSource {
  return async ({ database }) => {
    const now = clock.now();
    // Other modules' named timers (named-timers.ts) are claimed the same way in the same round.
    return (await fireDueTicketTimers(database, now)) + (await fireDueNamedTimers(database, now));
  };
}

async function fireDueTicketTimers(database: Database, now: Date): Promise<number> {
  const [anyDue] = await database.db.select({ id: slaTicketTimers.id }).from(slaTicketTimers).where(lte(slaTicketTimers.nextCheckAt, now)).limit(1);
  if (!anyDue) return 0;
  return database.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(slaTicketTimers)
      .where(lte(slaTicketTimers.nextCheckAt, now))
      .orderBy(asc(slaTicketTimers.nextCheckAt))
      .limit(roundSize)
      .for('update', { skipLocked: true });
    if (due.length === 0) return 0;
    const policyIds = [...new Set(due.map((t) => t.policyId))];
    const policies = new Map((await tx.select().from(slaPolicies).where(inArray(slaPolicies.id, policyIds))).map((p) => [p.id, p]));
    const calendars = new Map<string, BusinessCalendar | null>();
    for (const timer of due) {
      if (!calendars.has(timer.calendarId)) calendars.set(timer.calendarId, ((await loadCalendar(tx, timer.calendarId)) ?? (await loadCalendar(tx, null)))?.calendar ?? null);
      await fireDue(tx, timer, policies.get(timer.policyId) ?? null, calendars.get(timer.calendarId) ?? null, now);
    }
    return due.length;
  });
}

async function fireDue(tx: Tx, timer: TimerRow, rules: PolicyRules | null, calendar: BusinessCalendar | null, now: Date): Promise<void> {
  if (!calendar) {
    // No calendar at all (none is default): nothing can be counted; stop looking at this timer.
    await tx.update(slaTicketTimers).set({ nextCheckAt: null, updatedAt: now }).where(eq(slaTicketTimers.id, timer.id));
    return;
  }
  const planned = plannedFirings(timer, rules, calendar);
  const firing = planned.filter((f) => f.at <= now && !timer.fired.includes(f.key));
  const fired = [...timer.fired];
  const history = [...timer.history];
  let { state, breachedAt } = timer;
  const ticket = firing.length ? await getTicketSnapshot(tx, timer.ticketId) : null;
  for (const f of firing) {
    fired.push(f.key);
    history.push({ at: now.toISOString(), event: f.kind === 'escalation' ? `escalation:${f.step}:${f.part}` : f.kind, detail: { dueAt: f.at.toISOString() } });
    if (f.kind === 'breach') {
      state = 'breached';
      breachedAt = f.at;
    } else if (f.kind === 'warning' && state === 'running') state = 'warning';
    if (ticket) await recordFiring(tx, timer, f, now, { assigneeId: ticket.assigneeId, teamId: ticket.teamId });
  }
  await tx
    .update(slaTicketTimers)
    .set({ state, breachedAt, fired, history: history.slice(-100), nextCheckAt: nextCheckAt(planned, fired), updatedAt: now })
    .where(eq(slaTicketTimers.id, timer.id));
}

/** One firing on the ticket's timeline and as a domain event (what notifications and actions follow). */
async function recordFiring(tx: Tx, timer: TimerRow, f: PlannedFiring, now: Date, ticket: { assigneeId: string | null; teamId: string | null }): Promise<void> {
  const base = { target: timer.target, cycle: timer.cycle, timerId: timer.id, dueAt: timer.dueAt?.toISOString() ?? null, plannedAt: f.at.toISOString(), ...ticket };
  const on = { aggregateId: timer.ticketId, cause: 'sla' as const };
  if (f.kind === 'escalation') {
    const detail = { ...base, event: 'escalated' as const, step: f.step, part: f.part, actions: f.actions, stepAt: f.stepAt.toISOString(), heldForBusinessHours: f.at > f.stepAt };
    await recordTicketActivity(tx, { ticketId: timer.ticketId, type: 'sla', detail, at: now });
    await recordEvent(tx, slaEscalated, { ...on, payload: detail });
  } else if (f.kind === 'breach') {
    const detail = { ...base, event: 'breached' as const };
    await recordTicketActivity(tx, { ticketId: timer.ticketId, type: 'sla', detail, at: now });
    await recordEvent(tx, slaBreached, { ...on, payload: detail });
  } else {
    const detail = { ...base, event: 'warning' as const };
    await recordTicketActivity(tx, { ticketId: timer.ticketId, type: 'sla', detail, at: now });
    await recordEvent(tx, slaWarning, { ...on, payload: detail });
  }
}
