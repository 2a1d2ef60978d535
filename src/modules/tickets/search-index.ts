import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import type { EventEnvelope, JobContext } from '../../jobs/registry.js';
import { searchLexemes } from '../../search/segment.js';
import { ticketMessages, ticketSearch, tickets } from './schema.js';

/**
 * Job `tickets.index`: rebuild one ticket's search document from its subject (weight A),
 * description (B) and messages (C). Runs after every ticket event, retried on failure.
 * Internal notes are indexed too: only staff search tickets, and they see the notes anyway.
 */
export async function indexTicket(database: Database, ticketId: string): Promise<void> {
  const [ticket] = await database.db.select({ subject: tickets.subject, description: tickets.description, number: tickets.number }).from(tickets).where(eq(tickets.id, ticketId));
  if (!ticket) return; // deleted since: nothing to index
  const messages = await database.db.select({ body: ticketMessages.body }).from(ticketMessages).where(eq(ticketMessages.ticketId, ticketId));
  const weighted = (lexemes: string[], weight: 'A' | 'B' | 'C') =>
    sql`setweight(array_to_tsvector(${toPgArray(lexemes)}::text[]), ${weight}::"char")`;
  const document = sql`${weighted([...searchLexemes(ticket.subject), ticket.number], 'A')} || ${weighted(searchLexemes(ticket.description), 'B')} || ${weighted(searchLexemes(messages.map((m) => m.body).join('\n')), 'C')}`;
  await database.transaction((tx) =>
    tx.execute(sql`
      insert into ticket_search (ticket_id, document, indexed_at) values (${ticketId}, ${document}, now())
      on conflict (ticket_id) do update set document = excluded.document, indexed_at = now()`),
  );
}

/** A Postgres array literal; each element quoted, so any text is safe. */
function toPgArray(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

export async function handleTicketIndexJob(payload: Record<string, unknown>, context: JobContext): Promise<void> {
  const envelope = payload as unknown as EventEnvelope;
  await indexTicket(context.database, envelope.aggregateId);
}
