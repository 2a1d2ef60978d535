import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database.js';
import { tickets } from './schema.js';

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
 * import it. Two small seams instead:
 *  - the SLA module keeps `tickets.sla_due_at` (the earliest due time of the running targets)
 *    through `setTicketSlaDueAt`, so lists sort and filter by it from an index;
 *  - it provides this reader as the app context's `ticketSla` read model (src/app/read-models.ts)
 *    at boot, which presentation uses for each ticket's `sla` targets. Without a provider (a
 *    tickets-only app) every ticket has `sla: []`.
 */
export type TicketSlaReader = {
  summaries(db: Db, ticketIds: readonly string[]): Promise<Map<string, TicketSlaEntry[]>>;
};

/** The sort key, never NULL (keyset pagination): no running target sorts last. Spelled as the index. */
export const slaDueAtKey = sql`coalesce(${tickets.slaDueAt}, '9999-12-31 00:00:00+00'::timestamptz)`;

/** 即将超时: the next due time is within the hour; 已超时: it has passed (a running target is overdue). */
export function slaCondition(which: 'due_soon' | 'breached'): SQL {
  return which === 'breached'
    ? sql`${slaDueAtKey} <= now()`
    : sql`${slaDueAtKey} > now() and ${slaDueAtKey} <= now() + interval '1 hour'`;
}

/** Called by the SLA module in its transaction whenever a ticket's running targets change. */
export async function setTicketSlaDueAt(tx: Tx, ticketId: string, dueAt: Date | null): Promise<void> {
  await tx.update(tickets).set({ slaDueAt: dueAt }).where(and(eq(tickets.id, ticketId), sql`${tickets.slaDueAt} is distinct from ${dueAt?.toISOString() ?? null}::timestamptz`));
}

/**
 * `setTicketSlaDueAt` for several tickets in one statement (the SLA module's batch of ticket
 * events); a ticket whose value is already right is not written.
 */
export async function setTicketsSlaDueAt(tx: Tx, dueAt: ReadonlyMap<string, Date | null>): Promise<void> {
  if (dueAt.size === 0) return;
  const rows = [...dueAt].map(([ticketId, due]) => sql`(${ticketId}::uuid, ${due?.toISOString() ?? null}::timestamptz)`);
  await tx.execute(sql`
    update ${tickets} set sla_due_at = wanted.due_at
    from (values ${sql.join(rows, sql`, `)}) as wanted (ticket_id, due_at)
    where ${tickets.id} = wanted.ticket_id and ${tickets.slaDueAt} is distinct from wanted.due_at`);
}
