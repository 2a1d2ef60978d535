import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';

export const slaTargetKinds = ['first_response', 'next_response', 'resolution'] as const;
export const slaTimerStates = ['running', 'warning', 'breached', 'paused', 'met'] as const;

/** One SLA target of a ticket as lists and the ticket page show it. */
export type TicketSlaEntry = {
  target: (typeof slaTargetKinds)[number];
  dueAt: Date | null;
  state: (typeof slaTimerStates)[number];
  /** Business minutes left (negative once overdue); frozen while paused or met. */
  remainingMinutes: number;
};

/**
 * How ticket reads learn about SLAs without depending on the SLA module: the SLA module depends on
 * tickets (it reacts to ticket events and selects policies from ticket facts), so tickets cannot
 * import it. Instead the SLA module provides this small read extension at boot (its AppModule
 * wiring calls `provideTicketSla`), and tickets compose it into presentation, sorting and views.
 * The SQL fragments are correlated with the list query's `tickets` row. Without a provider (a
 * tickets-only test), every ticket has `sla: []` and sorts as "no due time".
 *
 * One provider per process: the app that boots last provides it (tests boot one app per file).
 */
export type TicketSlaReader = {
  summaries(db: Db, ticketIds: readonly string[]): Promise<Map<string, TicketSlaEntry[]>>;
  /** The earliest due time among the ticket's running targets (null: none). */
  nextDueAt: SQL;
  /** Some running target is due within the hour, or past its warning, and none is breached yet. */
  dueSoon: SQL;
  /** Some target is past due and not met. */
  breached: SQL;
};

let provided: TicketSlaReader | undefined;

export function provideTicketSla(reader: TicketSlaReader | undefined): void {
  provided = reader;
}

export async function ticketSlaSummaries(db: Db, ticketIds: readonly string[]): Promise<Map<string, TicketSlaEntry[]>> {
  if (!provided || ticketIds.length === 0) return new Map();
  return provided.summaries(db, ticketIds);
}

/** A far-future stand-in for "no due time", so the sort key is never NULL (keyset pagination). */
const noDueTime = sql`'9999-12-31T00:00:00Z'::timestamptz`;

export function slaDueAtKey(): SQL {
  return provided ? sql`coalesce(${provided.nextDueAt}, ${noDueTime})` : noDueTime;
}

export function slaCondition(which: 'due_soon' | 'breached'): SQL {
  if (!provided) return sql`false`;
  return which === 'due_soon' ? provided.dueSoon : provided.breached;
}
