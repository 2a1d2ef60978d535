import { eq, inArray, ne, and } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Db, Tx } from '../../db/database.js';
import { addBusinessMinutes, type BusinessCalendar } from './calendar/index.js';
import { slaNamedTimers, slaTicketTimers, type NamedTimerState } from './schema.js';
import { loadCalendar } from './ticket-policy.js';
import { usedMinutesAt } from './timer-math.js';

export type NamedTimerRow = typeof slaNamedTimers.$inferSelect;

/**
 * What another module asks of a named timer. `key` is the owner's (`stage:<instance>:<token>`,
 * `approval:<request>:<step>`) and names it in the events; `at` is the caller's clock (the move or
 * the request it belongs to). The warning comes at `warnAfterMinutes` business minutes, or at
 * `warnAtPercent` of the target; none when neither is given or it is not before the target.
 * `calendarId`: else the calendar the ticket's SLA counts in (its policy's), else the default.
 */
export type NamedTimerStart = { ticketId: string; key: string; targetMinutes: number; at: Date; warnAtPercent?: number; warnAfterMinutes?: number; calendarId?: string };

/** What the owner shows of a named timer: the due time follows the business calendar and the ticket's pauses. */
export type NamedTimerView = { key: string; targetMinutes: number; state: NamedTimerState; startedAt: Date; dueAt: Date | null; breachedAt: Date | null; remainingMinutes: number };

/**
 * Starts (or starts again, from nothing) the named timer `key` in the caller's transaction, so it
 * exists exactly when the caller's change commits. Starts paused while the ticket's SLA is paused
 * (a pause status of its policy). Answers null when no business calendar exists at all.
 */
export async function startNamedTimer(tx: Tx, input: NamedTimerStart): Promise<NamedTimerView | null> {
  const ticketTimers = await tx.select({ calendarId: slaTicketTimers.calendarId, state: slaTicketTimers.state }).from(slaTicketTimers).where(and(eq(slaTicketTimers.ticketId, input.ticketId), ne(slaTicketTimers.state, 'met')));
  const calendar = (input.calendarId && (await loadCalendar(tx, input.calendarId))) || (ticketTimers[0] && (await loadCalendar(tx, ticketTimers[0].calendarId))) || (await loadCalendar(tx, null));
  if (!calendar) return null;
  const paused = ticketTimers.some((timer) => timer.state === 'paused');
  const warnAfter = input.warnAfterMinutes ?? (input.warnAtPercent ? (input.targetMinutes * input.warnAtPercent) / 100 : null);
  const row: NamedTimerRow = {
    id: uuidv7(),
    key: input.key,
    ticketId: input.ticketId,
    calendarId: calendar.id,
    targetMinutes: input.targetMinutes,
    warnAfterMinutes: warnAfter !== null && warnAfter < input.targetMinutes ? warnAfter : null,
    state: paused ? 'paused' : 'running',
    startedAt: input.at,
    usedMinutes: 0,
    runningSince: paused ? null : input.at,
    dueAt: paused ? null : addBusinessMinutes(calendar.calendar, input.at, input.targetMinutes),
    breachedAt: null,
    nextCheckAt: null,
    fired: [],
  };
  row.nextCheckAt = nextNamedCheck(row, calendar.calendar);
  const { id: _id, key: _key, ...restart } = row;
  await tx.insert(slaNamedTimers).values(row).onConflictDoUpdate({ target: slaNamedTimers.key, set: restart });
  return presentNamedTimer(row, calendar.calendar, input.at);
}

/** Stops named timers (the stage was left, the approver decided): nothing of theirs fires after the caller commits. */
export async function stopNamedTimers(tx: Tx, keys: readonly string[]): Promise<void> {
  if (keys.length) await tx.delete(slaNamedTimers).where(inArray(slaNamedTimers.key, [...keys]));
}

export const stopNamedTimer = (tx: Tx, key: string) => stopNamedTimers(tx, [key]);

/** The named timers of these keys that run, by key, as of `at` (one query; calendars read once each). */
export async function readNamedTimers(db: Db, keys: readonly string[], at: Date): Promise<Map<string, NamedTimerView>> {
  const views = new Map<string, NamedTimerView>();
  if (!keys.length) return views;
  const rows = await db.select().from(slaNamedTimers).where(inArray(slaNamedTimers.key, [...keys]));
  const calendars = new Map<string, BusinessCalendar | null>();
  for (const row of rows) {
    if (!calendars.has(row.calendarId)) calendars.set(row.calendarId, ((await loadCalendar(db, row.calendarId)) ?? (await loadCalendar(db, null)))?.calendar ?? null);
    const calendar = calendars.get(row.calendarId);
    if (calendar) views.set(row.key, presentNamedTimer(row, calendar, at));
  }
  return views;
}

function presentNamedTimer(row: NamedTimerRow, calendar: BusinessCalendar, at: Date): NamedTimerView {
  const remainingMinutes = Math.round(row.targetMinutes - usedMinutesAt({ ...row, breachedAt: row.breachedAt }, calendar, at));
  return { key: row.key, targetMinutes: row.targetMinutes, state: row.state, startedAt: row.startedAt, dueAt: row.dueAt, breachedAt: row.breachedAt, remainingMinutes };
}

/** A named timer's firings while it runs: its warning (when it has one) and its breach at the due time. */
export function namedFirings(row: Pick<NamedTimerRow, 'runningSince' | 'dueAt' | 'usedMinutes' | 'warnAfterMinutes'>, calendar: BusinessCalendar): Array<{ kind: 'warning' | 'breach'; at: Date }> {
  if (!row.runningSince || !row.dueAt) return [];
  const firings: Array<{ kind: 'warning' | 'breach'; at: Date }> = [{ kind: 'breach', at: row.dueAt }];
  if (row.warnAfterMinutes !== null) firings.unshift({ kind: 'warning', at: addBusinessMinutes(calendar, row.runningSince, Math.max(0, row.warnAfterMinutes - row.usedMinutes)) });
  return firings;
}

/** The earliest firing not yet fired: the row's due-time row for the scheduler. */
export function nextNamedCheck(row: Pick<NamedTimerRow, 'runningSince' | 'dueAt' | 'usedMinutes' | 'warnAfterMinutes' | 'fired'>, calendar: BusinessCalendar): Date | null {
  const pending = namedFirings(row, calendar).filter((firing) => !row.fired.includes(firing.kind));
  return pending.reduce<Date | null>((min, firing) => (min && min <= firing.at ? min : firing.at), null);
}
