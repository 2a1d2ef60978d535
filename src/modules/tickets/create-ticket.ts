import type { EventCause } from '../../jobs/event-definition.js';
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { Conflict } from '../../app/errors.js';
import type { FieldTypes } from '../../app/field-types.js';
import type { Database, Db, Tx } from '../../db/database.js';
import type { Actor } from '../auth/index.js';
import { findOrCreateContact, type ContactRef, type ContactSummary } from '../customers/index.js';
import { insertTicket } from './insert-ticket.js';
import { builtinValuesOf, judgeTicketFields } from './ticket-form.js';
import { assertTicketReferences, defaultPriority } from './references.js';
import { ticketIdempotencyKeys, tickets } from './schema.js';
import { nextTicketNumber } from './ticket-number.js';
import type { TicketRow } from './ticket-view.js';

export type NewTicket = {
  subject: string;
  description: string;
  priority?: string;
  categoryId?: string;
  teamId?: string;
  assigneeId?: string;
  tags?: string[];
  requester?: ContactRef;
  channel?: string;
  /** The ticket type's key (工单类型): its form judges `fields`, its defaults fill team and priority. */
  type?: string;
  /** Custom field values by key. */
  fields?: Record<string, unknown>;
  /** Phone intake: kept on the opening message's meta (e.g. `call`: direction, duration, recording). Not part of the HTTP body. */
  openingMeta?: Record<string, unknown>;
};

/** `fieldTypes`: the app's field types (context.fieldTypes), which parse the custom values. */
export type CreateTicketOptions = {
  timeZone: string;
  idempotencyKey?: string;
  fieldTypes: FieldTypes;
  /** Why it was created (an agent's by default; a rule's follow-up says `rule:<id>`). */
  cause?: EventCause;
  /** The ticket this one follows up (a rule's linked follow-up): named on its `created` entry and event. */
  followUpOf?: { id: string; number: string };
};

/**
 * What `createTicket` answers. `requester`, on a new ticket, is the requester as the transaction
 * read it (found or made, merges followed), so the caller can present the ticket without reading
 * the contact again (issue 15: two statements of every create's answer); absent on a replay.
 */
export type CreatedTicket = { ticket: TicketRow; replayed: boolean; requester?: ContactSummary | null };

/**
 * Create a ticket with its requester, timeline entry and `ticket.created` event in one
 * transaction. With an idempotency key, a retry (same caller, key and body) returns the ticket
 * the first call created, even when both calls race; the same key with another body is refused.
 */
export async function createTicket(database: Database, actor: Actor, input: NewTicket, options: CreateTicketOptions): Promise<CreatedTicket> {
  // The body's fingerprint tells a retry from another request under the same key (none: no key).
  const requestHash = options.idempotencyKey ? createHash('sha256').update(JSON.stringify(input)).digest('hex') : '';
  // A retry of a finished request is answered before any work, and bad references are refused
  // before a number is taken, so neither leaves a gap in the day's numbers.
  if (options.idempotencyKey) {
    const replay = await findIdempotentReplay(database.db, actor.id, options.idempotencyKey, requestHash);
    if (replay) return { ticket: replay, replayed: true };
  }
  await assertTicketReferences(database.db, input);
  const now = new Date();
  // Judged before a number is taken, like the references: a refused value leaves no gap.
  const judged =
    input.type !== undefined || input.fields !== undefined
      ? await judgeTicketFields(
          database,
          database.db,
          input.type !== undefined ? { typeKey: input.type } : null,
          { input: input.fields ?? {}, audience: { kind: 'staff', role: actor.role }, builtinValues: builtinValuesOf({ ...input, channel: input.channel ?? 'api', status: input.assigneeId ? 'open' : 'new' }) },
          { timeZone: options.timeZone, now, fieldTypes: options.fieldTypes },
        )
      : null;
  const type = judged?.type ?? null;
  if (type?.defaultTeamId && !input.teamId) await assertTicketReferences(database.db, { teamId: type.defaultTeamId });
  // The number is taken in its own statement, before the transaction: inside it, the day's
  // counter row stayed locked until commit and every concurrent creation queued behind it
  // (BENCHMARKS.md, "First bottleneck"). A creation that fails afterwards leaves a gap; numbers
  // stay unique and are never reused. (On PGlite the counter's WAL record precedes the ticket's
  // commit, so the commit's fsync makes it durable too.)
  const number = await nextTicketNumber(database.db, options.timeZone, now);
  return database.transaction(async (tx) => {
    const id = uuidv7();
    if (options.idempotencyKey) {
      const claimed = await claimIdempotencyKey(tx, actor.id, options.idempotencyKey, requestHash, id);
      if (claimed !== id) {
        const [existing] = await tx.select().from(tickets).where(eq(tickets.id, claimed));
        return { ticket: existing!, replayed: true };
      }
    }
    const priority = input.priority ?? type?.defaultPriority ?? (await defaultPriority(tx));
    const requester = input.requester ? await findOrCreateContact(tx, input.requester, actor.id) : null;
    // A phone ticket is the customer's report, taken down by the agent: its description becomes the
    // customer's opening message ("电话报修，客服代录"), shown once, never as a public agent reply.
    const openingMessage =
      input.channel === 'phone' && requester && input.description.trim()
        ? { id: uuidv7(), authorContactId: requester.id, internal: false, body: input.description, channel: 'phone', meta: { ...input.openingMeta, enteredBy: { userId: actor.id } }, createdAt: now }
        : undefined;
    const ticket = await insertTicket(tx, {
      id,
      number,
      subject: input.subject,
      description: input.description,
      status: input.assigneeId ? 'open' : 'new',
      priority,
      categoryId: input.categoryId ?? null,
      channel: input.channel ?? 'api',
      requesterId: requester?.id ?? null,
      teamId: input.teamId ?? type?.defaultTeamId ?? null,
      assigneeId: input.assigneeId ?? null,
      tags: normaliseTags(input.tags ?? []),
      createdBy: actor.id,
      createdAt: now,
      ...(judged && { typeId: type?.id ?? null, typeVersion: type?.version ?? null, fields: judged.values, typeKey: type?.key }),
      ...(openingMessage && { openingMessage }),
      ...(options.followUpOf && { followUpOf: options.followUpOf }),
      ...(options.cause && { cause: options.cause }),
    });
    return { ticket, replayed: false, requester };
  });
}

async function findIdempotentReplay(db: Db, actorKey: string, key: string, requestHash: string): Promise<TicketRow | null> {
  const [existing] = await db.select().from(ticketIdempotencyKeys).where(and(eq(ticketIdempotencyKeys.actorKey, actorKey), eq(ticketIdempotencyKeys.key, key)));
  if (!existing) return null;
  if (existing.requestHash !== requestHash) throw new Conflict('idempotency.key_reused');
  const [ticket] = await db.select().from(tickets).where(eq(tickets.id, existing.ticketId));
  return ticket ?? null;
}

/** Returns the ticket id the key belongs to: `ticketId` if we claimed it, else the first caller's. */
async function claimIdempotencyKey(tx: Tx, actorKey: string, key: string, requestHash: string, ticketId: string): Promise<string> {
  const inserted = await tx.insert(ticketIdempotencyKeys).values({ actorKey, key, requestHash, ticketId }).onConflictDoNothing().returning({ ticketId: ticketIdempotencyKeys.ticketId });
  if (inserted[0]) return ticketId;
  const [existing] = await tx.select().from(ticketIdempotencyKeys).where(and(eq(ticketIdempotencyKeys.actorKey, actorKey), eq(ticketIdempotencyKeys.key, key)));
  if (!existing || existing.requestHash !== requestHash) throw new Conflict('idempotency.key_reused');
  return existing.ticketId;
}

/** Tags are trimmed, lower-cased (Latin), de-duplicated and sorted so filters match reliably. */
export function normaliseTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().toLowerCase()).filter(Boolean))].sort();
}
