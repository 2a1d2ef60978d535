import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { searchDocument } from '../search/segment.js';
import { complaintText, type ComplaintText } from './complaint-texts.js';
import { prng } from './prng.js';

/**
 * `opencsm bench-data --tickets N`: bulk-load N realistic Chinese tickets with their messages and
 * search documents, through SQL in batches (one statement per table per batch, rows passed as one
 * JSON parameter), not through HTTP and the services: a million tickets must load in minutes, and
 * the point is to measure reads at scale. No events, timers or audit rows are written, so this is
 * for benchmark databases only, never for one holding real data.
 *
 * Tickets are spread over the last year (newest first: ticket i is i × 30 s old), 70 % of them
 * solved; each has 0–3 messages. Search documents are made by the same `searchDocument` the index
 * job uses, from the same fields.
 */
export type BenchDataOptions = {
  tickets: number;
  seed?: string;
  batchSize?: number;
  /** Also write search documents (default true; the exactness test indexes through the job instead). */
  index?: boolean;
  onProgress?: (loaded: number) => void;
};

const statuses = [['resolved', 50], ['closed', 20], ['open', 15], ['pending', 8], ['new', 7]] as const;
const priorities = [['normal', 70], ['high', 15], ['low', 10], ['urgent', 5]] as const;
const channels = [['email', 30], ['phone', 25], ['portal', 20], ['wechat', 15], ['api', 10]] as const;

export type BenchTicket = ComplaintText & { id: string; number: string; createdAt: Date; status: string; priority: string; channel: string };

const secondsApart = 30;

export async function loadBenchTickets(database: Database, options: BenchDataOptions): Promise<{ ids: string[] }> {
  const { tickets: count, seed = 'bench-data', batchSize = 1000, index = true } = options;
  const random = prng(seed);
  const now = Date.now();
  const ids: string[] = [];
  for (let start = 0; start < count; start += batchSize) {
    const batch: BenchTicket[] = [];
    for (let i = start; i < Math.min(count, start + batchSize); i++) {
      const createdAt = new Date(now - i * secondsApart * 1000);
      const day = createdAt.toISOString().slice(0, 10).replace(/-/g, '');
      batch.push({
        ...complaintText(random),
        id: randomUUID(),
        number: `${day}-${String(i + 1).padStart(7, '0')}`,
        createdAt,
        status: random.weighted(statuses),
        priority: random.weighted(priorities),
        channel: random.weighted(channels),
      });
    }
    await insertBatch(database, batch, index);
    ids.push(...batch.map((t) => t.id));
    options.onProgress?.(start + batch.length);
  }
  return { ids };
}

async function insertBatch(database: Database, batch: BenchTicket[], index: boolean): Promise<void> {
  const ticketRows = batch.map((t) => ({
    id: t.id, number: t.number, subject: t.subject, description: t.description, status: t.status, priority: t.priority, channel: t.channel,
    created_at: t.createdAt.toISOString(),
    // Replies come within the hour; solved tickets were solved then too.
    updated_at: new Date(t.createdAt.getTime() + t.messages.length * 600_000).toISOString(),
    resolved: t.status === 'resolved' || t.status === 'closed',
  }));
  const messageRows = batch.flatMap((t) => t.messages.map((body, k) => ({ id: randomUUID(), ticket_id: t.id, body, channel: t.channel, created_at: new Date(t.createdAt.getTime() + (k + 1) * 600_000).toISOString() })));
  await database.transaction(async (tx) => {
    await tx.execute(sql`
      insert into tickets (id, number, subject, description, status, priority, channel, created_at, updated_at, resolved_at)
      select id, number, subject, description, status, priority, channel, created_at, updated_at, case when resolved then updated_at end
      from jsonb_to_recordset(${JSON.stringify(ticketRows)}::jsonb)
        as r(id uuid, number text, subject text, description text, status text, priority text, channel text, created_at timestamptz, updated_at timestamptz, resolved boolean)`);
    if (messageRows.length) {
      await tx.execute(sql`
        insert into ticket_messages (id, ticket_id, body, channel, created_at)
        select id, ticket_id, body, channel, created_at
        from jsonb_to_recordset(${JSON.stringify(messageRows)}::jsonb) as r(id uuid, ticket_id uuid, body text, channel text, created_at timestamptz)`);
    }
    if (index) {
      const documents = batch.map((t) => ({
        ticket_id: t.id,
        document: searchDocument([
          { text: t.number, weight: 'A' },
          { text: t.subject, weight: 'A' },
          { text: t.description, weight: 'B' },
          ...t.messages.map((text) => ({ text, weight: 'C' as const })),
        ]),
      }));
      await tx.execute(sql`
        insert into ticket_search (ticket_id, document)
        select ticket_id, document::tsvector from jsonb_to_recordset(${JSON.stringify(documents)}::jsonb) as r(ticket_id uuid, document text)`);
    }
  });
}
