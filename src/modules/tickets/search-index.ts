import { inArray, sql } from 'drizzle-orm';
import type { Database, Db, Tx } from '../../db/database.js';
import type { EventFacts } from '../../jobs/event-definition.js';
import { searchDocument, searchSegmenterVersion } from '../../search/segment.js';
import { listFieldFacts } from '../forms/index.js';
import { ticketMessages, tickets } from './schema.js';

/**
 * Job `tickets.index`: rebuild tickets' search documents from number and subject (weight A),
 * description and searchable custom text fields (B) and messages (C), each message a field of its own so a phrase never runs from
 * one message into the next (segment.ts). Runs after ticket events, many tickets per transaction
 * (a batch job: per-job transactions cost as much as creating the ticket, BENCHMARKS.md).
 * Internal notes are indexed too: only staff search tickets, and they see the notes anyway.
 */
export async function indexTickets(database: Database, ticketIds: readonly string[]): Promise<void> {
  const documents = await searchDocuments(database.db, ticketIds);
  if (documents.length) await database.transaction((tx) => writeSearchDocuments(tx, documents));
}

/** What a ticket's search document is made of (bodies: its messages, oldest first). */
export type SearchableTicket = { id: string; number: string; externalNumber: string | null; subject: string; description: string; fields: Record<string, unknown>; bodies: readonly string[] };

/**
 * Index tickets written in the caller's transaction from the text the caller holds (an import's
 * batch: its tickets are found as soon as they commit, without reading back what it just wrote).
 */
export async function indexTicketsIn(tx: Tx, input: readonly SearchableTicket[]): Promise<void> {
  if (input.length === 0) return;
  const searchable = await searchableKeys(tx, input);
  await writeSearchDocuments(tx, input.map((ticket) => documentOf(ticket, searchable)));
}

type Document = { ticket_id: string; document: string };

async function searchDocuments(db: Db, ticketIds: readonly string[]): Promise<Document[]> {
  const ids = [...new Set(ticketIds)];
  if (ids.length === 0) return [];
  // The tickets with their messages' bodies in one query (oldest first; none: an empty list).
  const rows = await db
    .select({
      id: tickets.id,
      subject: tickets.subject,
      description: tickets.description,
      number: tickets.number,
      externalNumber: tickets.externalNumber,
      fields: tickets.fields,
      bodies: sql<string[]>`coalesce((select json_agg(m.body order by m.created_at) from ${ticketMessages} m where m.ticket_id = ${tickets}.id), '[]'::json)`,
    })
    .from(tickets)
    .where(inArray(tickets.id, ids));
  if (rows.length === 0) return []; // deleted since: nothing to index
  const searchable = await searchableKeys(db, rows);
  return rows.map((ticket) => documentOf(ticket, searchable));
}

function documentOf(ticket: SearchableTicket, searchable: readonly string[]): Document {
  const document = searchDocument([
    { text: ticket.number, weight: 'A' },
    // 原工单号 of an imported ticket: people keep quoting the old system's number.
    ...(ticket.externalNumber ? [{ text: ticket.externalNumber, weight: 'A' as const }] : []),
    { text: ticket.subject, weight: 'A' },
    { text: ticket.description, weight: 'B' },
    // Text custom fields marked searchable (form values like 现场说明), each a field of its own.
    ...searchable.flatMap((key) => (typeof ticket.fields[key] === 'string' ? [{ text: ticket.fields[key], weight: 'B' as const }] : [])),
    ...ticket.bodies.map((text) => ({ text, weight: 'C' as const })),
  ]);
  return { ticket_id: ticket.id, document };
}

async function writeSearchDocuments(tx: Tx, documents: readonly Document[]): Promise<void> {
  // One JSON parameter: one statement text, prepared once, whatever the count.
  await tx.execute(sql`
    insert into ticket_search (ticket_id, document, segmenter, indexed_at)
    select ticket_id, document::tsvector, ${searchSegmenterVersion}, now() from jsonb_to_recordset(${JSON.stringify(documents)}::jsonb) as d(ticket_id uuid, document text)
    on conflict (ticket_id) do update set document = excluded.document, segmenter = excluded.segmenter, indexed_at = excluded.indexed_at`);
}

/** Keys of the ticket fields marked searchable, read only when a ticket of the batch holds custom values. */
async function searchableKeys(db: Db, rows: ReadonlyArray<{ fields: Record<string, unknown> }>): Promise<string[]> {
  if (!rows.some((row) => Object.keys(row.fields).length > 0)) return [];
  return (await listFieldFacts(db, 'ticket')).filter((field) => field.searchable).map((field) => field.key);
}

export const indexTicket = (database: Database, ticketId: string) => indexTickets(database, [ticketId]);

export async function handleTicketIndexJobs(events: EventFacts[], { database }: { database: Database }): Promise<void> {
  await indexTickets(database, events.map((event) => event.aggregateId));
}
