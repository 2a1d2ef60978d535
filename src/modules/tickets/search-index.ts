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
  // Lexemes need a position to carry a weight: `array_to_tsvector` gives none, and ts_rank then
  // scores a subject hit like a description hit.
  const weighted = (lexemes: string[], weight: 'A' | 'B' | 'C') => sql`setweight(${toTsvectorLiteral(lexemes)}::tsvector, ${weight}::"char")`;
  const subject = new Set([...searchLexemes(ticket.subject), ...searchLexemes(ticket.number)]);
  const document = sql`${weighted([...subject], 'A')} || ${weighted(searchLexemes(ticket.description), 'B')} || ${weighted(searchLexemes(messages.map((m) => m.body).join('\n')), 'C')}`;
  await database.transaction((tx) =>
    tx.execute(sql`
      insert into ticket_search (ticket_id, document, indexed_at) values (${ticketId}, ${document}, now())
      on conflict (ticket_id) do update set document = excluded.document, indexed_at = now()`),
  );
}

const maxPosition = 16_383;

/** A tsvector literal (`'word':1 'other':2`); each lexeme quoted, so any text is safe. */
function toTsvectorLiteral(lexemes: string[]): string {
  return lexemes.map((l, i) => `'${l.replace(/\\/g, '\\\\').replace(/'/g, "''")}':${Math.min(i + 1, maxPosition)}`).join(' ');
}

export async function handleTicketIndexJob(payload: Record<string, unknown>, context: JobContext): Promise<void> {
  const envelope = payload as unknown as EventEnvelope;
  await indexTicket(context.database, envelope.aggregateId);
}
