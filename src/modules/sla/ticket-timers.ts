import { eq, inArray, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Tx } from '../../db/database.js';
import type { BusinessCalendar } from './calendar/index.js';
import type { TargetKind } from './policy-model.js';
import { slaTicketTimers, type TimerHistoryEntry } from './schema.js';
import type { TimerWrites } from './timer-writes.js';
import { loadCalendar, targetMinutesOf, type AppliedPolicy } from './ticket-policy.js';
import { nextCheckAt, plannedFirings, runningClock, startedClock, stoppedClock, type TimerRow } from './timer-math.js';

/** A history list stays readable: the oldest entries give way beyond this many. */
const maxHistory = 100;

/**
 * The timers of one ticket, loaded and locked for one change: the event handler mutates them in
 * memory (start, pause, resume, meet, retarget) and `save` hands what changed, each with its
 * history entry and its new due-time row (`next_check_at`), to a `TimerWrites` that the caller
 * flushes (one set of statements for a whole batch of tickets).
 */
export class TicketTimers {
  private readonly changed = new Set<TimerRow>();
  private readonly created = new Set<TimerRow>();
  private removedAny = false;

  private constructor(
    private readonly tx: Tx,
    readonly ticketId: string,
    readonly at: Date,
    readonly rows: Map<TargetKind, TimerRow>,
    private readonly writes: TimerWrites,
  ) {}

  /**
   * Lock the timers of `ticketIds` for a change and read them, in two statements whatever their
   * number. One change of a ticket's timers at a time, also when the ticket has none yet (an
   * advisory lock per ticket, taken in one order by every batch, so two batches never deadlock).
   */
  static async lockTickets(tx: Tx, ticketIds: readonly string[]): Promise<Map<string, TimerRow[]>> {
    const ids = [...new Set(ticketIds)].sort();
    const byTicket = new Map<string, TimerRow[]>(ids.map((id) => [id, []]));
    if (ids.length === 0) return byTicket;
    const keys = ids.map((id) => sql`${`sla:ticket:${id}`}`);
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(key, 0)) from unnest(array[${sql.join(keys, sql`, `)}]::text[]) as key`);
    const rows = await tx.select().from(slaTicketTimers).where(ids.length === 1 ? eq(slaTicketTimers.ticketId, ids[0]!) : inArray(slaTicketTimers.ticketId, ids)).for('update');
    for (const row of rows) byTicket.get(row.ticketId)?.push(row);
    return byTicket;
  }

  /** One ticket's timers as `lockTickets` read them, changed at `at`; `save` hands the writes to `writes`. */
  static of(tx: Tx, ticketId: string, at: Date, rows: readonly TimerRow[], writes: TimerWrites): TicketTimers {
    return new TicketTimers(tx, ticketId, at, new Map(rows.map((r) => [r.target, r])), writes);
  }

  static async lock(tx: Tx, ticketId: string, at: Date, writes: TimerWrites): Promise<TicketTimers> {
    const rows = (await TicketTimers.lockTickets(tx, [ticketId])).get(ticketId) ?? [];
    return TicketTimers.of(tx, ticketId, at, rows, writes);
  }

  /**
   * The same ticket's timers at a later moment, as `previous` left them once saved, without
   * reloading: for a caller that still holds the lock in the same transaction (a batch, a bulk replay).
   */
  static continueFrom(previous: TicketTimers, at: Date): TicketTimers {
    return new TicketTimers(previous.tx, previous.ticketId, at, previous.rows, previous.writes);
  }

  get(target: TargetKind): TimerRow | undefined {
    return this.rows.get(target);
  }

  unmet(): TimerRow[] {
    return [...this.rows.values()].filter((t) => t.state !== 'met');
  }

  private note(timer: TimerRow, event: string, detail?: Record<string, unknown>): void {
    timer.history = [...timer.history, { at: this.at.toISOString(), event, ...(detail && { detail }) } satisfies TimerHistoryEntry].slice(-maxHistory);
    timer.updatedAt = this.at;
    this.changed.add(timer);
  }

  /** Start `target` (a new cycle if it ran before), paused from the start when the status pauses. */
  start(target: TargetKind, applied: AppliedPolicy, minutes: number, paused: boolean): void {
    const existing = this.rows.get(target);
    const clock = startedClock(applied.calendar, this.at, minutes, paused);
    const base = { policyId: applied.policy.id, calendarId: applied.calendarId, startedAt: this.at, metAt: null, ...clock };
    if (existing) {
      Object.assign(existing, base, { cycle: existing.cycle + 1 });
      this.note(existing, 'started', { cycle: existing.cycle, targetMinutes: minutes, paused });
      return;
    }
    const row: TimerRow = { id: uuidv7(), ticketId: this.ticketId, target, cycle: 1, nextCheckAt: null, fired: [], history: [], updatedAt: this.at, ...base };
    this.rows.set(target, row);
    this.created.add(row);
    this.note(row, 'started', { cycle: 1, targetMinutes: minutes, paused });
  }

  pause(timer: TimerRow, calendar: BusinessCalendar, reason: string): void {
    if (timer.state === 'paused' || timer.state === 'met') return;
    Object.assign(timer, stoppedClock(timer, calendar, this.at), { state: 'paused', pausedAt: this.at, dueAt: null });
    this.note(timer, 'paused', { reason, usedMinutes: Math.round(timer.usedMinutes) });
  }

  /** Run again (after a pause, a reopening, or with a new target or calendar); the used minutes stay. */
  run(timer: TimerRow, applied: AppliedPolicy, minutes: number, event: string): void {
    const wasMet = timer.state === 'met';
    Object.assign(timer, { policyId: applied.policy.id, calendarId: applied.calendarId, targetMinutes: minutes, pausedAt: null, metAt: null });
    Object.assign(timer, runningClock({ ...timer, state: wasMet ? 'running' : timer.state }, applied.calendar, this.at, minutes));
    this.note(timer, event, { targetMinutes: minutes, dueAt: timer.dueAt?.toISOString() });
  }

  /** Stop the clock first, in the calendar it ran in, so the minutes used so far are kept. */
  async settle(timer: TimerRow): Promise<void> {
    if (!timer.runningSince) return;
    const calendar = await this.calendarOf(timer);
    Object.assign(timer, stoppedClock(timer, calendar, this.at));
  }

  async meet(timer: TimerRow, reason: string): Promise<void> {
    if (timer.state === 'met') return;
    await this.settle(timer);
    Object.assign(timer, { state: 'met', metAt: this.at, pausedAt: null });
    this.note(timer, 'met', { reason, usedMinutes: Math.round(timer.usedMinutes), breached: timer.breachedAt !== null });
  }

  async remove(timer: TimerRow): Promise<void> {
    this.rows.delete(timer.target);
    this.changed.delete(timer);
    this.created.delete(timer);
    this.removedAny = true;
    this.writes.delete(timer);
  }

  private calendars = new Map<string, BusinessCalendar>();
  async calendarOf(timer: TimerRow, applied?: AppliedPolicy | null): Promise<BusinessCalendar> {
    if (applied && applied.calendarId === timer.calendarId) return applied.calendar;
    const cached = this.calendars.get(timer.calendarId);
    if (cached) return cached;
    // A calendar deleted since (no policy uses it any more): the default one counts instead.
    const found = (await loadCalendar(this.tx, timer.calendarId)) ?? (await loadCalendar(this.tx, null));
    if (!found) throw new Error('no business calendar');
    this.calendars.set(timer.calendarId, found.calendar);
    return found.calendar;
  }

  /**
   * Hand every changed timer, with its next due-time row, and the ticket's next due time for lists
   * to the writes (written when the caller flushes them, in its transaction).
   */
  async save(applied: AppliedPolicy | null): Promise<void> {
    const running = [...this.rows.values()].filter((t) => t.dueAt && (t.state === 'running' || t.state === 'warning' || t.state === 'breached'));
    const next = running.reduce<Date | null>((min, t) => (min && min <= t.dueAt! ? min : t.dueAt), null);
    this.writes.setDueAt(this.ticketId, next);
    for (const timer of this.changed) {
      const rules = applied && applied.policy.id === timer.policyId ? applied.policy : null;
      timer.nextCheckAt = nextCheckAt(plannedFirings(timer, rules, await this.calendarOf(timer, applied)), timer.fired);
      if (this.created.has(timer)) this.writes.insert(timer);
      else this.writes.update(timer);
    }
    // Timers follow ticket events in a job, after the ticket's own live update went out: this event
    // (on the ticket, so the live stream forwards it) tells open consoles to fetch the new SLA.
    if (this.changed.size || this.removedAny) this.writes.timersChanged(this.ticketId, [...this.changed].map((timer) => timer.target));
  }
}

export { targetMinutesOf };
