import { and, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { Conflict, Forbidden, PreconditionFailed } from '../../app/errors.js';
import type { Database, Tx } from '../../db/database.js';
import { describeTicketTypes, type WhichForm } from '../forms/index.js';
import { builtinValuesOf, judgeTicketFields } from './ticket-form.js';
import type { FieldTypes } from '../../app/field-types.js';
import type { WriteRules } from '../../app/write-rules.js';
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
  /** Another ticket type by key (null: none). Every custom value is kept; the new type's form judges them. */
  type?: string | null;
  /** Custom field values by key; null or "" clears one. */
  fields?: Record<string, unknown>;
};

/**
 * How a change is written: the app's transition guards (asked before a status change), its field
 * types (which parse custom values) and the change's cause (an agent's by default; the SLA's
 * escalations say 'sla', rules will say 'rule:<id>').
 */
export type UpdateHow = WriteRules & { cause?: EventCause; /** The installation's time zone (form rules on dates); default Asia/Shanghai. */ timeZone?: string };

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
  assertMayChange(actor, changes);
  return database.transaction(async (tx) => {
    // `ticketId` may be the human number: use the row's id from here on.
    const before = await findVisibleTicketForUpdate(tx, actor, ticketId);
    if (before.version !== expectedVersion) throw new PreconditionFailed('ticket.version_mismatch', { current: before.version });
    const now = new Date();
    const { next, diffs, custom } = await planTicketUpdate(database, tx, actor, before, changes, { timeZone: how.timeZone ?? 'Asia/Shanghai', now, fieldTypes: how.fieldTypes });
    if (diffs.length === 0 && custom.entries.length === 0) return before;

    if (diffs.includes('status')) await how.guards.check(tx, { ticketId: before.id, from: before.status, to: next.status!, actorId: actor.id, cause });

    const set: Partial<TicketRow> = { ...Object.fromEntries(diffs.map((field) => [field, next[field]])), ...custom.set };
    if (diffs.includes('status')) Object.assign(set, statusTimestamps(before.status, next.status!, now));
    const [after] = await tx
      .update(tickets)
      .set({ ...set, updatedAt: now, version: sql`${tickets.version} + 1` })
      .where(and(eq(tickets.id, before.id), eq(tickets.version, expectedVersion)))
      .returning();
    const entries = [...diffs.map((field) => ({ field: field as string, from: before[field], to: after![field] })), ...custom.entries];
    await tx.insert(ticketEvents).values(
      entries.map((entry) => ({ id: uuidv7(), ticketId: before.id, actorId: actor.id, type: 'field_changed', field: entry.field, oldValue: entry.from, newValue: entry.to, createdAt: now })),
    );
    await recordEvent(tx, ticketUpdated, {
      aggregateId: before.id,
      cause,
      actorId: actor.id,
      payload: { fields: entries.map((e) => e.field), changes: Object.fromEntries(entries.map((e) => [e.field, { from: e.from, to: e.to }])) },
    });
    return after!;
  });
}

type CustomChanges = { set: Partial<TicketRow>; entries: Array<{ field: string; from: unknown; to: unknown }> };

/** Only status changes need no `tickets.update` (a field engineer may change status alone). */
export function assertMayChange(actor: Actor, changes: TicketChanges): void {
  const otherThanStatus = Object.keys(changes).filter((field) => field !== 'status' && changes[field as keyof TicketChanges] !== undefined);
  if (otherThanStatus.length && !can(actor, 'tickets.update')) throw new Forbidden();
}

/** What an update would change, judged as the write judges it (used by the write and by previews, which write nothing). */
export type PlannedUpdate = { next: TicketChanges; diffs: Array<(typeof trackedFields)[number]>; custom: CustomChanges };

/**
 * Every check of an update but the transition guards and the version: a closed ticket, the
 * status transition, custom values judged by the ticket's form, and the references (priority,
 * category, team, assignee) of the fields that change. Reads only.
 */
export async function planTicketUpdate(database: Database, tx: Tx, actor: Actor, before: TicketRow, changes: TicketChanges, options: { timeZone: string; now: Date; fieldTypes: FieldTypes }): Promise<PlannedUpdate> {
  if (before.status === 'closed') throw new Conflict('ticket.closed_readonly');
  if (changes.status && !canTransition(before.status, changes.status)) {
    throw new Conflict('ticket.invalid_transition', { from: before.status, to: changes.status });
  }
  const next: TicketChanges = { ...changes, ...(changes.tags && { tags: normaliseTags(changes.tags) }) };
  // A new ticket that gets an assignee is being worked on.
  if (next.assigneeId && before.status === 'new' && !next.status) next.status = 'open';

  const diffs = trackedFields.filter((field) => next[field] !== undefined && JSON.stringify(next[field]) !== JSON.stringify(before[field]));
  const custom = await judgeCustomChanges(database, tx, actor, before, next, options);
  if (diffs.length === 0 && custom.entries.length === 0) return { next, diffs, custom };
  await assertTicketReferences(tx, {
    priority: diffs.includes('priority') ? next.priority : undefined,
    categoryId: diffs.includes('categoryId') ? next.categoryId : undefined,
    teamId: diffs.includes('teamId') ? next.teamId : undefined,
    assigneeId: diffs.includes('assigneeId') ? next.assigneeId : undefined,
  });
  return { next, diffs, custom };
}

/**
 * The type and custom field part of an update, judged by the form of the ticket's type (the version
 * it follows; the new type's current version when the type changes) with the built-in values as
 * they will be. A typed ticket is judged on every change, since its rules may test built-in fields.
 * Each changed value is its own timeline entry (`fields.<key>`), like a built-in field.
 */
async function judgeCustomChanges(database: Database, tx: Tx, actor: Actor, before: TicketRow, next: TicketChanges, options: { timeZone: string; now: Date; fieldTypes: FieldTypes }): Promise<CustomChanges> {
  if (next.fields === undefined && next.type === undefined && before.typeId === null) return { set: {}, entries: [] };
  const current: WhichForm = before.typeId !== null && before.typeVersion !== null ? { typeId: before.typeId, version: before.typeVersion } : null;
  const types = next.type !== undefined || before.typeId ? await describeTicketTypes(tx, before.typeId ? [before.typeId] : []) : new Map<string, { key: string }>();
  const currentKey = before.typeId ? (types.get(before.typeId)?.key ?? null) : null;
  const typeChanges = next.type !== undefined && next.type !== currentKey;
  const which: WhichForm = typeChanges ? (next.type === null ? null : { typeKey: next.type! }) : current;
  const judged = await judgeTicketFields(
    database,
    tx,
    which,
    { input: next.fields ?? {}, previous: before.fields, audience: { kind: 'staff', role: actor.role }, builtinValues: builtinValuesOf(afterChanges(before, next)) },
    options,
  );
  const entries = judged.changed.map((key) => ({ field: `fields.${key}`, from: before.fields[key] ?? null, to: judged.values[key] ?? null }));
  if (typeChanges) entries.unshift({ field: 'type', from: currentKey, to: judged.type?.key ?? null });
  const set: Partial<TicketRow> = {
    ...(judged.changed.length && { fields: judged.values }),
    ...(typeChanges && { typeId: judged.type?.id ?? null, typeVersion: judged.type?.version ?? null }),
  };
  return { set, entries };
}

/** The built-in values as the update leaves them (what the form's rules judge). */
function afterChanges(before: TicketRow, next: TicketChanges): TicketRow {
  const pick = <K extends keyof TicketChanges & keyof TicketRow>(key: K) => (next[key] !== undefined ? next[key] : before[key]);
  return { ...before, subject: pick('subject'), description: pick('description'), status: pick('status'), priority: pick('priority'), categoryId: pick('categoryId'), teamId: pick('teamId'), assigneeId: pick('assigneeId'), tags: pick('tags') };
}

function statusTimestamps(from: TicketStatus, to: TicketStatus, now: Date): Partial<TicketRow> {
  if (to === 'resolved') return { resolvedAt: now };
  if (to === 'closed') return { closedAt: now, ...(from !== 'resolved' && { resolvedAt: now }) };
  if (from === 'resolved') return { resolvedAt: null }; // reopened
  return {};
}
