import { and, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { Conflict, Forbidden, PreconditionFailed } from '../../app/errors.js';
import type { Database } from '../../db/database.js';
import type { TransitionGuards } from '../../app/transition-guards.js';
import type { EventCause } from '../../jobs/event-definition.js';
import { recordEvent } from '../../jobs/events.js';
import { ticketUpdated } from './events.js';
import { can, type Actor } from '../auth/index.js';
import { normaliseTags } from './create-ticket.js';
import { findVisibleTicketForUpdate } from './get-ticket.js';
import { assertTicketReferences } from './references.js';
import { ticketEvents, tickets } from './schema.js';
import { canTransition, type TicketStatus } from './ticket-status.js';
import type { TicketRow } from './ticket-view.js';

export type TicketChanges = {
  subject?: string;
  description?: string;
  status?: TicketStatus;
  priority?: string;
  categoryId?: string | null;
  teamId?: string | null;
  assigneeId?: string | null;
  tags?: string[];
};

/**
 * How a change is written: the app's transition guards (asked before a status change) and the
 * change's cause (an agent's by default; the SLA's escalations say 'sla', rules will say 'rule:<id>').
 */
export type UpdateHow = { guards: TransitionGuards; cause?: EventCause };

const trackedFields = ['subject', 'description', 'status', 'priority', 'categoryId', 'teamId', 'assigneeId', 'tags'] as const;

/**
 * Change a ticket's fields if it is still at `expectedVersion` (optimistic concurrency: a stale
 * version changes nothing and answers 412). Each changed field becomes a timeline event.
 */
export async function updateTicket(
  database: Database,
  actor: Actor,
  ticketId: string,
  expectedVersion: number,
  changes: TicketChanges,
  how: UpdateHow,
): Promise<TicketRow> {
  const cause = how.cause ?? 'agent';
  const otherThanStatus = Object.keys(changes).filter((field) => field !== 'status' && changes[field as keyof TicketChanges] !== undefined);
  if (otherThanStatus.length && !can(actor, 'tickets.update')) throw new Forbidden();
  return database.transaction(async (tx) => {
    // `ticketId` may be the human number: use the row's id from here on.
    const before = await findVisibleTicketForUpdate(tx, actor, ticketId);
    if (before.version !== expectedVersion) throw new PreconditionFailed('ticket.version_mismatch', { current: before.version });
    if (before.status === 'closed') throw new Conflict('ticket.closed_readonly');
    if (changes.status && !canTransition(before.status, changes.status)) {
      throw new Conflict('ticket.invalid_transition', { from: before.status, to: changes.status });
    }
    const next: TicketChanges = { ...changes, ...(changes.tags && { tags: normaliseTags(changes.tags) }) };
    // A new ticket that gets an assignee is being worked on.
    if (next.assigneeId && before.status === 'new' && !next.status) next.status = 'open';

    const diffs = trackedFields.filter((field) => next[field] !== undefined && JSON.stringify(next[field]) !== JSON.stringify(before[field]));
    if (diffs.length === 0) return before;
    await assertTicketReferences(tx, {
      priority: diffs.includes('priority') ? next.priority : undefined,
      categoryId: diffs.includes('categoryId') ? next.categoryId : undefined,
      teamId: diffs.includes('teamId') ? next.teamId : undefined,
      assigneeId: diffs.includes('assigneeId') ? next.assigneeId : undefined,
    });

    if (diffs.includes('status')) await how.guards.check(tx, { ticketId: before.id, from: before.status, to: next.status!, actorId: actor.id, cause });

    const now = new Date();
    const set: Partial<TicketRow> = Object.fromEntries(diffs.map((field) => [field, next[field]]));
    if (diffs.includes('status')) Object.assign(set, statusTimestamps(before.status, next.status!, now));
    const [after] = await tx
      .update(tickets)
      .set({ ...set, updatedAt: now, version: sql`${tickets.version} + 1` })
      .where(and(eq(tickets.id, before.id), eq(tickets.version, expectedVersion)))
      .returning();
    await tx.insert(ticketEvents).values(
      diffs.map((field) => ({ id: uuidv7(), ticketId: before.id, actorId: actor.id, type: 'field_changed', field, oldValue: before[field], newValue: after![field], createdAt: now })),
    );
    await recordEvent(tx, ticketUpdated, {
      aggregateId: before.id,
      cause,
      actorId: actor.id,
      payload: { fields: diffs, changes: Object.fromEntries(diffs.map((f) => [f, { from: before[f], to: after![f] }])) },
    });
    return after!;
  });
}

function statusTimestamps(from: TicketStatus, to: TicketStatus, now: Date): Partial<TicketRow> {
  if (to === 'resolved') return { resolvedAt: now };
  if (to === 'closed') return { closedAt: now, ...(from !== 'resolved' && { resolvedAt: now }) };
  if (from === 'resolved') return { resolvedAt: null }; // reopened
  return {};
}
