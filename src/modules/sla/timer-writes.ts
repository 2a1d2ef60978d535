import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/database.js';
import { recordEvents } from '../../jobs/events.js';
import { setTicketsSlaDueAt } from '../tickets/index.js';
import { slaTimersChanged } from './events.js';
import type { TargetKind } from './policy-model.js';
import { slaTicketTimers } from './schema.js';
import type { TimerRow } from './timer-math.js';

/** Rows per insert: a timer row has 17 columns, so this stays far below PostgreSQL's 65 535 parameters. */
const rowsPerInsert = 500;

/**
 * What changing the timers of many tickets writes, gathered while the changes are made in memory
 * and written at the end in a few statements (issue 15: a batch of twenty created tickets starts
 * their timers with one insert, not two each). Rows are kept as the objects the changes mutate,
 * so a timer started and then changed again in the same batch is inserted once, as it ended up.
 */
export class TimerWrites {
  private readonly inserts = new Map<string, TimerRow>();
  private readonly updates = new Map<string, TimerRow>();
  private readonly deletes = new Set<string>();
  private readonly dueAt = new Map<string, Date | null>();
  private readonly changed: Array<{ ticketId: string; targets: TargetKind[] }> = [];

  insert(timer: TimerRow): void {
    this.inserts.set(timer.id, timer);
  }

  update(timer: TimerRow): void {
    // A row inserted by this batch is written as it ends up.
    if (!this.inserts.has(timer.id)) this.updates.set(timer.id, timer);
  }

  delete(timer: TimerRow): void {
    if (this.inserts.delete(timer.id)) return;
    this.updates.delete(timer.id);
    this.deletes.add(timer.id);
  }

  /** The ticket's next due time for lists (`tickets.sla_due_at`); the last one set wins. */
  setDueAt(ticketId: string, dueAt: Date | null): void {
    this.dueAt.set(ticketId, dueAt);
  }

  /** One `sla.timers_changed` event (open consoles refetch the ticket's SLA). */
  timersChanged(ticketId: string, targets: TargetKind[]): void {
    this.changed.push({ ticketId, targets });
  }

  /** Write everything gathered, in the caller's transaction: deletes before inserts (one row per ticket and target). */
  async flush(tx: Tx): Promise<void> {
    if (this.deletes.size) await tx.delete(slaTicketTimers).where(inArray(slaTicketTimers.id, [...this.deletes]));
    const inserts = [...this.inserts.values()];
    for (let start = 0; start < inserts.length; start += rowsPerInsert) await tx.insert(slaTicketTimers).values(inserts.slice(start, start + rowsPerInsert));
    for (const { id, ...values } of this.updates.values()) await tx.update(slaTicketTimers).set(values).where(eq(slaTicketTimers.id, id));
    await setTicketsSlaDueAt(tx, this.dueAt);
    await recordEvents(tx, slaTimersChanged, this.changed.map(({ ticketId, targets }) => ({ aggregateId: ticketId, cause: 'sla' as const, payload: { targets } })));
    this.inserts.clear();
    this.updates.clear();
    this.deletes.clear();
    this.dueAt.clear();
    this.changed.length = 0;
  }
}
