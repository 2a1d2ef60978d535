import { inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
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
  const ids = [...new Set(ticketIds)];
  if (ids.length === 0) return;
  // The tickets with their messages' bodies in one query (oldest first; none: an empty list).
  const rows = await database.db
    .select({
      id: tickets.id,
      subject: tickets.subject,
      description: tickets.description,
      number: tickets.number,
      fields: tickets.fields,
      bodies: sql<string[]>`coalesce((select json_agg(m.body order by m.created_at) from ${ticketMessages} m where m.ticket_id = ${tickets}.id), '[]'::json)`,
    })
    .from(tickets)
    .where(inArray(tickets.id, ids));
  if (rows.length === 0) return; // deleted since: nothing to index
  const searchable = await searchableKeys(database, rows);
  const documents = rows.map((ticket) => {
    const bodies = ticket.bodies;
    const document = searchDocument([
      { text: ticket.number, weight: 'A' },
      { text: ticket.subject, weight: 'A' },
      { text: ticket.description, weight: 'B' },
      // Text custom fields marked searchable (form values like 现场说明), each a field of its own.
      ...searchable.flatMap((key) => (typeof ticket.fields[key] === 'string' ? [{ text: ticket.fields[key], weight: 'B' as const }] : [])),
      ...bodies.map((text) => ({ text, weight: 'C' as const })),
    ]);
    return sql`(${ticket.id}::uuid, ${document}::tsvector, ${searchSegmenterVersion}, now())`;
  });
  await database.transaction((tx) =>
    tx.execute(sql`
      insert into ticket_search (ticket_id, document, segmenter, indexed_at) values ${sql.join(documents, sql`, `)}
      on conflict (ticket_id) do update set document = excluded.document, segmenter = excluded.segmenter, indexed_at = excluded.indexed_at`),
  );
}

/** Keys of the ticket fields marked searchable, read only when a ticket of the batch holds custom values. */
async function searchableKeys(database: Database, rows: ReadonlyArray<{ fields: Record<string, unknown> }>): Promise<string[]> {
  if (!rows.some((row) => Object.keys(row.fields).length > 0)) return [];
  return (await listFieldFacts(database.db, 'ticket')).filter((field) => field.searchable).map((field) => field.key);
}

export const indexTicket = (database: Database, ticketId: string) => indexTickets(database, [ticketId]);

export async function handleTicketIndexJobs(events: EventFacts[], { database }: { database: Database }): Promise<void> {
  await indexTickets(database, events.map((event) => event.aggregateId));
}
