import { inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import type { EventEnvelope } from '../../jobs/registry.js';
import { searchLexemes, tsvectorLiteral } from '../../search/segment.js';
import { ticketMessages, tickets } from './schema.js';

/**
 * Job `tickets.index`: rebuild tickets' search documents from subject and number (weight A),
 * description (B) and messages (C). Runs after ticket events, many tickets per transaction
 * (a batch job: per-job transactions cost as much as creating the ticket, BENCHMARKS.md).
 * Internal notes are indexed too: only staff search tickets, and they see the notes anyway.
 */
export async function indexTickets(database: Database, ticketIds: readonly string[]): Promise<void> {
  const ids = [...new Set(ticketIds)];
  if (ids.length === 0) return;
  const rows = await database.db.select({ id: tickets.id, subject: tickets.subject, description: tickets.description, number: tickets.number }).from(tickets).where(inArray(tickets.id, ids));
  if (rows.length === 0) return; // deleted since: nothing to index
  const messages = await database.db.select({ ticketId: ticketMessages.ticketId, body: ticketMessages.body }).from(ticketMessages).where(inArray(ticketMessages.ticketId, ids)).orderBy(ticketMessages.createdAt);
  // Lexemes need a position to carry a weight: without one ts_rank scores a subject hit like a
  // description hit.
  const weighted = (lexemes: string[], weight: 'A' | 'B' | 'C') => sql`setweight(${tsvectorLiteral(lexemes)}::tsvector, ${weight}::"char")`;
  const documents = rows.map((ticket) => {
    const subject = new Set([...searchLexemes(ticket.subject), ...searchLexemes(ticket.number)]);
    const bodies = messages.filter((m) => m.ticketId === ticket.id).map((m) => m.body).join('\n');
    const a = capped([...subject], 16_000);
    const b = capped(searchLexemes(ticket.description), 200_000);
    const c = capped(searchLexemes(bodies), 400_000);
    return sql`(${ticket.id}::uuid, ${weighted(a, 'A')} || ${weighted(b, 'B')} || ${weighted(c, 'C')}, now())`;
  });
  await database.transaction((tx) =>
    tx.execute(sql`
      insert into ticket_search (ticket_id, document, indexed_at) values ${sql.join(documents, sql`, `)}
      on conflict (ticket_id) do update set document = excluded.document, indexed_at = excluded.indexed_at`),
  );
}

export const indexTicket = (database: Database, ticketId: string) => indexTickets(database, [ticketId]);

/**
 * A tsvector holds at most 1 MB; a ticket with pasted logs can produce more lexemes than that.
 * Keep the first ones within a byte budget per weight (the rest of such a ticket is not searchable).
 */
function capped(lexemes: string[], maxBytes: number): string[] {
  const kept: string[] = [];
  let bytes = 0;
  for (const lexeme of lexemes) {
    bytes += Buffer.byteLength(lexeme) + 8; // + position and entry overhead
    if (bytes > maxBytes) break;
    kept.push(lexeme);
  }
  return kept;
}

export async function handleTicketIndexJobs(payloads: Array<Record<string, unknown>>, { database }: { database: Database }): Promise<void> {
  await indexTickets(database, payloads.map((p) => (p as unknown as EventEnvelope).aggregateId));
}
