import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { queryRows, type Tx } from '../../db/database.js';
import type { EventCause } from '../../jobs/event-definition.js';
import { recordEvents } from '../../jobs/events.js';
import { pastEvent, recordPastEvents, type PastEvent } from '../../jobs/past-events.js';
import { cleanAttachmentName } from './attachment-name.js';
import { normaliseTags } from './create-ticket.js';
import { ticketCreated, ticketImportRemoved, ticketMessageAdded } from './events.js';
import { reserveNumbers } from './import-ticket-history.js';
import { ticketAttachments, ticketEvents, ticketMessages, tickets } from './schema.js';
import { indexTicketsIn } from './search-index.js';
import type { TicketStatus } from './ticket-status.js';

/** A file of an imported message whose bytes are already in the attachment store. */
export type ImportedAttachment = { filename: string; contentType: string; size: number; sha256: string };
/** One message of an imported ticket: by an agent (`authorUserId`), the requester or another contact (`authorContactId`), or neither (the old system). */
export type ImportedMessage = { authorUserId: string | null; authorContactId: string | null; internal: boolean; body: string; bodyHtml: string | null; createdAt: Date; attachments: ImportedAttachment[] };
/**
 * A ticket as another system left it: its final state and times as they were, its messages in
 * order. `opening`: the first message is the requester's description (the `created` entry names it).
 */
export type ImportedTicket = {
  id: string;
  externalNumber: string | null;
  subject: string;
  description: string;
  status: TicketStatus;
  priority: string;
  categoryId: string | null;
  typeId: string | null;
  requesterId: string | null;
  teamId: string | null;
  assigneeId: string | null;
  tags: string[];
  fields: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
  closedAt: Date | null;
  opening: boolean;
  messages: ImportedMessage[];
};

/** Imported tickets' channel: neither a reply channel nor one a rule watches for. */
export const importedChannel = 'import';

/**
 * Write imported tickets inside the caller's transaction (an import batch, with its checkpoint), in
 * a handful of statements for the lot: tickets, messages, attachments, timeline, search documents.
 * Their events are recorded as already dispatched (recordPastEvents) with the import's cause, so
 * no subscriber ever sees them: no rule, notification, survey, webhook, SLA timer, assignment or
 * process reacts to a ticket that was closed years ago. Numbers come from each creation day's
 * counter (the same counter live tickets draw from: never a collision, and a ticket created on
 * 2019-03-05 is numbered 20190305-…); the old system's number is kept as `externalNumber` (原工单号).
 */
export async function writeImportedTickets(tx: Tx, cause: EventCause, input: readonly ImportedTicket[], timeZone: string): Promise<Map<string, string>> {
  const numbers = await reserveNumbers(tx, input, timeZone);
  if (input.length === 0) return numbers;
  const ticketRows: object[] = [];
  const messageRows: object[] = [];
  const attachmentRows: object[] = [];
  const timelineRows: object[] = [];
  const events: PastEvent[] = [];
  for (const ticket of input) {
    const number = numbers.get(ticket.id)!;
    const messageIds = ticket.messages.map(() => uuidv7());
    const firstResponse = ticket.messages.find((m) => m.authorUserId && !m.internal)?.createdAt ?? null;
    ticketRows.push({
      id: ticket.id, number, external_number: ticket.externalNumber, subject: ticket.subject, description: ticket.description, status: ticket.status,
      priority: ticket.priority, category_id: ticket.categoryId, channel: importedChannel, requester_id: ticket.requesterId, team_id: ticket.teamId,
      assignee_id: ticket.assigneeId, tags: normaliseTags(ticket.tags), type_id: ticket.typeId, fields: ticket.fields,
      created_at: ticket.createdAt.toISOString(), updated_at: ticket.updatedAt.toISOString(), first_response_at: firstResponse?.toISOString() ?? null,
      resolved_at: ticket.resolvedAt?.toISOString() ?? null, closed_at: ticket.closedAt?.toISOString() ?? null,
    });
    const openingId = ticket.opening ? messageIds[0]! : null;
    timelineRows.push({ id: uuidv7(), ticket_id: ticket.id, actor_id: null, type: 'created', message_id: openingId, new_value: { number, subject: ticket.subject, channel: importedChannel }, created_at: ticket.createdAt.toISOString() });
    events.push(pastEvent(ticketCreated, { aggregateId: ticket.id, cause, occurredAt: ticket.createdAt, payload: { number, teamId: ticket.teamId, assigneeId: ticket.assigneeId, priority: ticket.priority, channel: importedChannel, ...(openingId && { messageId: openingId }) } }));
    ticket.messages.forEach((message, i) => {
      const messageId = messageIds[i]!;
      const at = message.createdAt.toISOString();
      messageRows.push({ id: messageId, ticket_id: ticket.id, author_user_id: message.authorUserId, author_contact_id: message.authorContactId, internal: message.internal, body: message.body, body_html: message.bodyHtml, channel: message.internal ? 'agent' : importedChannel, created_at: at });
      const attachmentIds = message.attachments.map((file) => {
        const id = uuidv7();
        attachmentRows.push({ id, ticket_id: ticket.id, message_id: messageId, filename: cleanAttachmentName(file.filename), content_type: file.contentType, size: file.size, sha256: file.sha256, created_at: at });
        return id;
      });
      if (messageId === openingId) return;
      timelineRows.push({ id: uuidv7(), ticket_id: ticket.id, actor_id: message.authorUserId, type: 'message_added', message_id: messageId, new_value: { internal: message.internal }, created_at: at });
      events.push(pastEvent(ticketMessageAdded, {
        aggregateId: ticket.id, cause, actorId: message.authorUserId, contactId: message.authorContactId, occurredAt: message.createdAt,
        payload: { messageId, internal: message.internal, channel: importedChannel, deliver: false, ...(message.authorUserId && { authorUserId: message.authorUserId }), ...(message.authorContactId && { authorContactId: message.authorContactId }), attachmentIds },
      }));
    });
  }
  // Each list as one JSON parameter: one statement text, prepared once, whatever the batch holds.
  await tx.execute(sql`
    insert into ${tickets} (id, number, external_number, subject, description, status, priority, category_id, channel, requester_id, team_id, assignee_id, tags,
                            type_id, fields, created_at, updated_at, first_response_at, resolved_at, closed_at)
    select id, number, external_number, subject, description, status, priority, category_id, channel, requester_id, team_id, assignee_id,
           array(select jsonb_array_elements_text(tags)), type_id, fields, created_at, updated_at, first_response_at, resolved_at, closed_at
    from jsonb_to_recordset(${JSON.stringify(ticketRows)}::jsonb) as t(id uuid, number text, external_number text, subject text, description text, status text,
      priority text, category_id uuid, channel text, requester_id uuid, team_id uuid, assignee_id uuid, tags jsonb, type_id uuid, fields jsonb,
      created_at timestamptz, updated_at timestamptz, first_response_at timestamptz, resolved_at timestamptz, closed_at timestamptz)`);
  if (messageRows.length) {
    await tx.execute(sql`
      insert into ${ticketMessages} (id, ticket_id, author_user_id, author_contact_id, internal, body, body_html, channel, created_at)
      select id, ticket_id, author_user_id, author_contact_id, internal, body, body_html, channel, created_at
      from jsonb_to_recordset(${JSON.stringify(messageRows)}::jsonb) as m(id uuid, ticket_id uuid, author_user_id uuid, author_contact_id uuid, internal boolean,
        body text, body_html text, channel text, created_at timestamptz)`);
  }
  if (attachmentRows.length) {
    await tx.execute(sql`
      insert into ${ticketAttachments} (id, ticket_id, message_id, filename, content_type, size, sha256, created_at)
      select id, ticket_id, message_id, filename, content_type, size, sha256, created_at
      from jsonb_to_recordset(${JSON.stringify(attachmentRows)}::jsonb) as a(id uuid, ticket_id uuid, message_id uuid, filename text, content_type text, size bigint, sha256 text, created_at timestamptz)`);
  }
  await tx.execute(sql`
    insert into ${ticketEvents} (id, ticket_id, actor_id, type, message_id, new_value, created_at)
    select id, ticket_id, actor_id, type, message_id, new_value, created_at
    from jsonb_to_recordset(${JSON.stringify(timelineRows)}::jsonb) as e(id uuid, ticket_id uuid, actor_id uuid, type text, message_id uuid, new_value jsonb, created_at timestamptz)`);
  await recordPastEvents(tx, events);
  await indexTicketsIn(tx, input.map((t) => ({ id: t.id, number: numbers.get(t.id)!, externalNumber: t.externalNumber, subject: t.subject, description: t.description, fields: t.fields, bodies: t.messages.map((m) => m.body) })));
  return numbers;
}

/** Why a rollback keeps an imported ticket: someone worked on it since (a change, a message, a note). */
export type ImportedTicketRefusal = 'changed';

/**
 * Remove imported tickets (a rolled-back batch) with their messages, attachment rows, timeline and
 * search documents, unless anything happened to one since the import: any event on it with
 * another cause than `cause` (the import's) keeps it, listed. Answers the attachment hashes no
 * ticket refers to any more: the caller deletes those files once this commits.
 */
export async function removeImportedTickets(tx: Tx, cause: EventCause, ids: readonly string[]): Promise<{ removed: string[]; refused: Map<string, ImportedTicketRefusal>; orphanedFiles: string[] }> {
  if (ids.length === 0) return { removed: [], refused: new Map(), orphanedFiles: [] };
  const idList = JSON.stringify(ids);
  const touched = await queryRows<{ id: string }>(tx, sql`
    select distinct aggregate_id as id from domain_events
    where aggregate_type = 'ticket' and aggregate_id in (select jsonb_array_elements_text(${idList}::jsonb)) and cause <> ${cause}`);
  const refused = new Map<string, ImportedTicketRefusal>(touched.map((t) => [t.id, 'changed']));
  const keep = ids.filter((id) => !refused.has(id));
  if (keep.length === 0) return { removed: [], refused, orphanedFiles: [] };
  const keepList = JSON.stringify(keep);
  const files = await queryRows<{ sha256: string }>(tx, sql`select distinct sha256 from ${ticketAttachments} where ticket_id in (select jsonb_array_elements_text(${keepList}::jsonb)::uuid)`);
  const gone = await queryRows<{ id: string; number: string }>(tx, sql`
    delete from ${tickets} where id in (select jsonb_array_elements_text(${keepList}::jsonb)::uuid) returning id::text as id, number`);
  const hashes = files.map((f) => f.sha256);
  // Content-addressed: a file another ticket still holds stays.
  const stillUsed = hashes.length
    ? await queryRows<{ sha256: string }>(tx, sql`select distinct sha256 from ${ticketAttachments} where sha256 in (select jsonb_array_elements_text(${JSON.stringify(hashes)}::jsonb))`)
    : [];
  const used = new Set(stillUsed.map((r) => r.sha256));
  await recordEvents(tx, ticketImportRemoved, gone.map((g) => ({ aggregateId: g.id, cause, payload: { number: g.number } })));
  return { removed: gone.map((g) => g.id), refused, orphanedFiles: hashes.filter((h) => !used.has(h)) };
}
