import { sql } from 'drizzle-orm';
import { queryRows, type Database, type Tx } from '../../db/database.js';
import { readEnvelope, type EventCause, type StoredEnvelope } from '../../jobs/event-definition.js';
import { pastEvent, recordPastEvents, type PastEvent } from '../../jobs/past-events.js';
import { getContactsByIds } from '../customers/index.js';
import type { AttachmentStore, StoredFile } from './attachment-store.js';
import { normaliseTags } from './create-ticket.js';
import { pastAttachmentRows, savePastAttachments, type PastAttachment } from './import-attachments.js';
import { deliveredInHistory } from './reply-channel.js';
import { ticketCreated, ticketMessageAdded, ticketUpdated, type TicketEventEnvelope } from './events.js';
import { ticketAttachments, ticketCategories, ticketEvents, ticketMessages, tickets } from './schema.js';
import { indexTickets } from './search-index.js';
import type { TicketSnapshot } from './ticket-activity.js';
import { dayInZone } from './ticket-number.js';
import { canTransition, type TicketStatus } from './ticket-status.js';
import type { TicketRow } from './ticket-view.js';

/** A change of fields, as updateTicket takes it (ids already resolved). */
export type PastChanges = { status?: TicketStatus; priority?: string; teamId?: string | null; assigneeId?: string | null; tags?: string[] };

/**
 * What happened to a ticket, and when: an agent's reply or note (`meta`: the channel's facts of
 * its delivery, e.g. a sandbox account's), a change of fields, or a message the requester sent on
 * the ticket's channel (a chat; `meta`: the channel's facts, as its inbound job would keep them).
 */
export type PastStep =
  | { kind: 'message'; at: Date; byUserId: string; internal: boolean; body: string; meta?: Record<string, unknown> }
  | { kind: 'update'; at: Date; byUserId: string; changes: PastChanges }
  | { kind: 'customer_message'; at: Date; body: string; meta?: Record<string, unknown>; attachments?: PastAttachment[] };

/** A ticket as it was created (by an agent, or by the customer when `createdBy` is null), then its history. */
export type PastTicket = {
  id: string;
  subject: string;
  description: string;
  priority: string;
  categoryId: string | null;
  channel: string;
  requesterId: string | null;
  teamId: string | null;
  assigneeId: string | null;
  tags: string[];
  createdBy: string | null;
  createdAt: Date;
  steps: PastStep[];
  /**
   * The requester's message that made the ticket (a chat channel's first message: the description
   * is its text), stored as the opening message the `created` entry names, with the channel's facts.
   */
  opening?: { meta: Record<string, unknown>; attachments?: PastAttachment[] };
};

export type ImportOptions = {
  /** Service time zone, for ticket numbers (the day the ticket was created there). */
  timeZone: string;
  /** Id of each message and timeline row, in history order (pass a seeded generator for stable ids). */
  newId: (at: Date) => string;
  /** Names the load in every event's cause (`import:<batch>`), e.g. `demo`. */
  batch: string;
  /** Where the bytes of the requesters' attachments go (needed only when a history holds any). */
  store?: AttachmentStore;
};

/** Each recorded event with the ticket as that event left it (what SLA timers replay). */
export type ImportedHistory = { ticketId: string; number: string; steps: { event: TicketEventEnvelope; ticket: TicketSnapshot }[] };

const trackedFields = ['status', 'priority', 'teamId', 'assigneeId', 'tags'] as const;

/**
 * Write tickets that already have a past (the demo data set, a migration from another help desk)
 * in a few multi-row statements instead of one service call per change (300 tickets: minutes →
 * seconds). Each history is folded exactly as createTicket, addMessage and updateTicket would
 * have written it at those times — status rules, first response, resolved/closed times,
 * versions, timeline entries and domain events with the same payloads — and the search index is
 * built before returning. The events are recorded as already dispatched (recordPastEvents): old
 * replies are not delivered again; SLA timers are the caller's to replay from the returned
 * histories. Ticket numbers are taken from each creation day's counter, in creation order.
 */
export async function importTicketHistories(database: Database, input: readonly PastTicket[], options: ImportOptions): Promise<ImportedHistory[]> {
  const files = input.flatMap((t) => [...(t.opening?.attachments ?? []), ...t.steps.flatMap((s) => (s.kind === 'customer_message' ? (s.attachments ?? []) : []))]);
  const saved = await savePastAttachments(files, options.store);
  const histories = await database.transaction(async (tx) => {
    const numbers = await reserveNumbers(tx, input, options.timeZone);
    const categoryPaths = await loadCategoryPaths(tx);
    const requesterIds = [...new Set(input.flatMap((t) => (t.requesterId ? [t.requesterId] : [])))];
    const requesters = requesterIds.length ? await getContactsByIds(tx, requesterIds) : new Map();
    const rows: (typeof tickets.$inferInsert)[] = [];
    const messages: (typeof ticketMessages.$inferInsert)[] = [];
    const attachments: (typeof ticketAttachments.$inferInsert)[] = [];
    const timeline: (typeof ticketEvents.$inferInsert)[] = [];
    const events: PastEvent[] = [];
    const envelopes: Array<(eventId: number) => TicketEventEnvelope> = [];
    const folded = input.map((ticket) => {
      const hasEmail = Boolean(ticket.requesterId && requesters.get(ticket.requesterId)?.email);
      const result = foldHistory(ticket, numbers.get(ticket.id)!, categoryPaths, hasEmail, saved, options);
      rows.push(result.row);
      messages.push(...result.messages);
      attachments.push(...result.attachments);
      timeline.push(...result.timeline);
      events.push(...result.events);
      envelopes.push(...result.envelopes);
      return result;
    });
    for (const chunk of chunks(rows, 1_000)) await tx.insert(tickets).values(chunk);
    for (const chunk of chunks(messages, 2_000)) await tx.insert(ticketMessages).values(chunk);
    for (const chunk of chunks(attachments, 2_000)) await tx.insert(ticketAttachments).values(chunk);
    for (const chunk of chunks(timeline, 3_000)) await tx.insert(ticketEvents).values(chunk);
    const eventIds = await recordPastEvents(tx, events);
    let next = 0;
    return folded.map(({ row, snapshots }): ImportedHistory => ({
      ticketId: row.id,
      number: row.number,
      steps: snapshots.map(({ ticket }) => {
        const envelope = envelopes[next]!(eventIds[next]!);
        next++;
        return { event: envelope, ticket };
      }),
    }));
  });
  for (const chunk of chunks(input.map((t) => t.id), 500)) await indexTickets(database, chunk);
  return histories;
}

type Folded = {
  row: typeof tickets.$inferInsert & { id: string; number: string };
  messages: (typeof ticketMessages.$inferInsert)[];
  attachments: (typeof ticketAttachments.$inferInsert)[];
  timeline: (typeof ticketEvents.$inferInsert)[];
  events: PastEvent[];
  /** Each event as a subscriber would read it, once its id is known. */
  envelopes: Array<(eventId: number) => TicketEventEnvelope>;
  snapshots: { ticket: TicketSnapshot }[];
};

/** Play one history in memory with the services' rules (create-ticket.ts, add-message.ts, update-ticket.ts). */
function foldHistory(ticket: PastTicket, number: string, categoryPaths: Map<string, string[]>, requesterHasEmail: boolean, saved: Map<PastAttachment, StoredFile>, { newId, batch }: ImportOptions): Folded {
  const state = {
    status: (ticket.assigneeId ? 'open' : 'new') as TicketStatus,
    priority: ticket.priority,
    teamId: ticket.teamId,
    assigneeId: ticket.assigneeId,
    tags: normaliseTags(ticket.tags),
    version: 1,
    updatedAt: ticket.createdAt,
    firstResponseAt: null as Date | null,
    resolvedAt: null as Date | null,
    closedAt: null as Date | null,
  };
  const out: Folded = { row: { id: ticket.id, number, subject: '', description: '', priority: '' }, messages: [], attachments: [], timeline: [], events: [], envelopes: [], snapshots: [] };
  const categoryPath = ticket.categoryId ? (categoryPaths.get(ticket.categoryId) ?? [ticket.categoryId]) : [];
  const snapshot = () => out.snapshots.push({ ticket: { id: ticket.id, status: state.status, priority: state.priority, channel: ticket.channel, requesterId: ticket.requesterId, teamId: state.teamId, assigneeId: state.assigneeId, categoryPath, createdAt: ticket.createdAt, firstResponseAt: state.firstResponseAt, version: state.version } });
  const cause: EventCause = `import:${batch}`;
  const record = (event: PastEvent, envelope: (stored: StoredEnvelope) => TicketEventEnvelope) => {
    out.events.push(event);
    out.envelopes.push((eventId) => envelope({ ...storedOf(event), eventId }));
  };

  const openingMessageId = ticket.opening ? newId(ticket.createdAt) : undefined;
  if (openingMessageId) {
    out.messages.push({ id: openingMessageId, ticketId: ticket.id, authorContactId: ticket.requesterId, internal: false, body: ticket.description, channel: ticket.channel, meta: ticket.opening!.meta, createdAt: ticket.createdAt });
    out.attachments.push(...pastAttachmentRows(ticket.opening!.attachments, { ticketId: ticket.id, messageId: openingMessageId, at: ticket.createdAt }, saved, newId));
  }
  out.timeline.push({ id: newId(ticket.createdAt), ticketId: ticket.id, actorId: ticket.createdBy, type: 'created', messageId: openingMessageId ?? null, newValue: { number, subject: ticket.subject, channel: ticket.channel }, createdAt: ticket.createdAt });
  const created = pastEvent(ticketCreated, { aggregateId: ticket.id, cause, actorId: ticket.createdBy, occurredAt: ticket.createdAt, payload: { number, teamId: ticket.teamId, assigneeId: ticket.assigneeId, priority: ticket.priority, channel: ticket.channel, ...(openingMessageId && { messageId: openingMessageId }) } });
  record(created, (stored) => readEnvelope(ticketCreated, stored));
  snapshot();

  let previous = ticket.createdAt;
  for (const step of ticket.steps) {
    if (step.at < previous) throw new Error(`import: ticket ${ticket.id}: a step at ${step.at.toISOString()} comes before the one at ${previous.toISOString()}`);
    previous = step.at;
    if (state.status === 'closed') throw new Error(`import: ticket ${ticket.id} is closed at ${step.at.toISOString()}; nothing may follow`);
    if (step.kind === 'customer_message') {
      foldCustomerMessage(ticket, step, state, out, { newId, cause, record, snapshot, saved });
    } else if (step.kind === 'message') {
      // Where the reply went (planReply's preferred way, as if every channel worked): the ticket's channel if it delivers or is the
      // portal, else e-mail when the requester has an address, else the portal.
      const replyChannel = deliveredInHistory(ticket.channel) || ticket.channel === 'portal' ? ticket.channel : requesterHasEmail ? 'email' : 'portal';
      const channel = step.internal ? 'agent' : replyChannel;
      const delivered = !step.internal && deliveredInHistory(channel);
      const messageId = newId(step.at);
      out.messages.push({ id: messageId, ticketId: ticket.id, authorUserId: step.byUserId, internal: step.internal, body: step.body, channel, meta: step.meta ?? {}, deliveryStatus: delivered ? 'sent' : null, deliveredAt: delivered ? step.at : null, createdAt: step.at });
      const opens = !step.internal && state.status === 'new';
      if (!step.internal && !state.firstResponseAt) state.firstResponseAt = step.at;
      state.updatedAt = step.at;
      out.timeline.push({ id: newId(step.at), ticketId: ticket.id, actorId: step.byUserId, type: 'message_added', messageId, newValue: { internal: step.internal }, createdAt: step.at });
      if (opens) {
        state.status = 'open';
        state.version += 1;
        out.timeline.push({ id: newId(step.at), ticketId: ticket.id, actorId: step.byUserId, type: 'field_changed', field: 'status', oldValue: 'new', newValue: 'open', createdAt: step.at });
      }
      const added = pastEvent(ticketMessageAdded, { aggregateId: ticket.id, cause, actorId: step.byUserId, occurredAt: step.at, payload: { messageId, internal: step.internal, channel, deliver: delivered, authorUserId: step.byUserId, attachmentIds: [] } });
      record(added, (stored) => readEnvelope(ticketMessageAdded, stored));
    } else {
      const next: PastChanges = { ...step.changes, ...(step.changes.tags && { tags: normaliseTags(step.changes.tags) }) };
      if (next.assigneeId && state.status === 'new' && !next.status) next.status = 'open';
      if (next.status && !canTransition(state.status, next.status)) throw new Error(`import: ticket ${ticket.id}: ${state.status} → ${next.status} is not allowed`);
      const diffs = trackedFields.filter((field) => next[field] !== undefined && JSON.stringify(next[field]) !== JSON.stringify(state[field]));
      if (diffs.length === 0) continue;
      const before = { ...state };
      for (const field of diffs) Object.assign(state, { [field]: next[field] });
      if (diffs.includes('status')) Object.assign(state, statusTimestamps(before.status, state.status, step.at));
      state.version += 1;
      state.updatedAt = step.at;
      for (const field of diffs) out.timeline.push({ id: newId(step.at), ticketId: ticket.id, actorId: step.byUserId, type: 'field_changed', field, oldValue: before[field], newValue: state[field], createdAt: step.at });
      const updated = pastEvent(ticketUpdated, { aggregateId: ticket.id, cause, actorId: step.byUserId, occurredAt: step.at, payload: { fields: diffs, changes: Object.fromEntries(diffs.map((f) => [f, { from: before[f], to: state[f] }])) } });
      record(updated, (stored) => readEnvelope(ticketUpdated, stored));
    }
    snapshot();
  }
  out.row = {
    id: ticket.id,
    number,
    subject: ticket.subject,
    description: ticket.description,
    status: state.status,
    priority: state.priority,
    categoryId: ticket.categoryId,
    channel: ticket.channel,
    requesterId: ticket.requesterId,
    teamId: state.teamId,
    assigneeId: state.assigneeId,
    tags: state.tags,
    createdBy: ticket.createdBy,
    createdAt: ticket.createdAt,
    updatedAt: state.updatedAt,
    firstResponseAt: state.firstResponseAt,
    resolvedAt: state.resolvedAt,
    closedAt: state.closedAt,
    version: state.version,
  };
  return out;
}

/**
 * The requester wrote on the ticket's channel, as receiveInboundMessage stores it: their message,
 * and a ticket waiting on them (pending) or told it is solved (resolved) is open again (the
 * transition guards are not asked: a history is what happened). Agents' first response and the
 * version of a plain message stay as they were.
 */
function foldCustomerMessage(
  ticket: PastTicket,
  step: Extract<PastStep, { kind: 'customer_message' }>,
  state: { status: TicketStatus; version: number; updatedAt: Date; resolvedAt: Date | null },
  out: Folded,
  how: { newId: (at: Date) => string; cause: EventCause; record: (event: PastEvent, envelope: (stored: StoredEnvelope) => TicketEventEnvelope) => void; snapshot: () => void; saved: Map<PastAttachment, StoredFile> },
): void {
  const { newId, cause, record, snapshot } = how;
  const messageId = newId(step.at);
  const contactId = ticket.requesterId;
  out.messages.push({ id: messageId, ticketId: ticket.id, authorContactId: contactId, internal: false, body: step.body, channel: ticket.channel, meta: step.meta ?? {}, createdAt: step.at });
  const files = pastAttachmentRows(step.attachments, { ticketId: ticket.id, messageId, at: step.at }, how.saved, newId);
  out.attachments.push(...files);
  out.timeline.push({ id: newId(step.at), ticketId: ticket.id, actorId: null, type: 'message_added', messageId, newValue: { internal: false, channel: ticket.channel }, createdAt: step.at });
  state.updatedAt = step.at;
  const added = pastEvent(ticketMessageAdded, { aggregateId: ticket.id, cause, contactId, occurredAt: step.at, payload: { messageId, internal: false, authorContactId: contactId, channel: ticket.channel, attachmentIds: files.map((f) => f.id!) } });
  record(added, (stored) => readEnvelope(ticketMessageAdded, stored));
  if (state.status !== 'pending' && state.status !== 'resolved') return;
  // Two events: each is replayed with the ticket as it left it (the caller snapshots after the second).
  snapshot();
  const from = state.status;
  Object.assign(state, { status: 'open', resolvedAt: null, version: state.version + 1 });
  out.timeline.push({ id: newId(step.at), ticketId: ticket.id, actorId: null, type: 'field_changed', field: 'status', oldValue: from, newValue: 'open', createdAt: step.at });
  const reopened = pastEvent(ticketUpdated, { aggregateId: ticket.id, cause, contactId, occurredAt: step.at, payload: { fields: ['status'], changes: { status: { from, to: 'open' } } } });
  record(reopened, (stored) => readEnvelope(ticketUpdated, stored));
}

/** As updateTicket stamps them. */
function statusTimestamps(from: TicketStatus, to: TicketStatus, at: Date): Partial<Pick<TicketRow, 'resolvedAt' | 'closedAt'>> {
  if (to === 'resolved') return { resolvedAt: at };
  if (to === 'closed') return { closedAt: at, ...(from !== 'resolved' && { resolvedAt: at }) };
  if (from === 'resolved') return { resolvedAt: null };
  return {};
}

/** Numbers per creation day, in creation order; each day's block is taken from its counter in one statement. */
export async function reserveNumbers(tx: Tx, input: ReadonlyArray<{ id: string; createdAt: Date }>, timeZone: string): Promise<Map<string, string>> {
  const byDay = new Map<string, Array<{ id: string; createdAt: Date }>>();
  for (const ticket of input) {
    const day = dayInZone(ticket.createdAt, timeZone);
    const list = byDay.get(day);
    if (list) list.push(ticket);
    else byDay.set(day, [ticket]);
  }
  const numbers = new Map<string, string>();
  if (byDay.size === 0) return numbers;
  const counts = [...byDay].map(([day, list]) => sql`(${day}, ${list.length}::int)`);
  const blocks = await queryRows<{ day: string; last: number }>(tx, sql`
    insert into ticket_number_counters (day, last) values ${sql.join(counts, sql`, `)}
    on conflict (day) do update set last = ticket_number_counters.last + excluded.last
    returning day, last`);
  for (const { day, last } of blocks) {
    const list = [...byDay.get(day)!].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    list.forEach((ticket, i) => numbers.set(ticket.id, `${day}-${String(last - list.length + 1 + i).padStart(4, '0')}`));
  }
  return numbers;
}

/** Each category's id with its ancestors' (as getTicketSnapshot reads it). */
async function loadCategoryPaths(tx: Tx): Promise<Map<string, string[]>> {
  const rows = await tx.select({ id: ticketCategories.id, parentId: ticketCategories.parentId }).from(ticketCategories);
  const parents = new Map(rows.map((r) => [r.id, r.parentId]));
  const paths = new Map<string, string[]>();
  for (const { id } of rows) {
    const path: string[] = [];
    for (let at: string | null | undefined = id; at && path.length <= 20; at = parents.get(at)) path.push(at);
    paths.set(id, path);
  }
  return paths;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A past event as the relay would store it in a job (what readEnvelope reads). */
function storedOf(event: PastEvent) {
  const { occurredAt, type, version, aggregateType, aggregateId, cause, actorId, contactId, payload } = event;
  return { type, version, aggregateType, aggregateId, cause, actorId, contactId, payload, occurredAt: occurredAt.toISOString() };
}
