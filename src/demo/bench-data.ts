import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type Database, type Tx } from '../db/database.js';
import { searchDocument, searchSegmenterVersion, sentenceMemo } from '../search/segment.js';
import { builtInOptionTrees, listFields, type CustomField } from '../modules/forms/index.js';
import { listTeams } from '../modules/auth/index.js';
import { benchFieldValues } from './bench-field-values.js';
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
 * solved; each has 0–3 messages. Every custom ticket field the installation defines gets values of
 * its type (bench-field-values.ts), so lists filter by them at scale. Search documents are made by the same `searchDocument` the index
 * job uses, from the same fields (with a per-sentence memo: same documents, half the time).
 *
 * Speed (BENCHMARKS.md): the next batch is generated while the previous one is written, and into
 * empty tables with `deferIndexes` the secondary indexes and foreign keys of the three tables are
 * dropped first and rebuilt once at the end — maintaining a GIN index and seven B-trees row by
 * row was most of the old loader's time (~625 tickets/s idle, ~175/s on the loaded machine).
 */
export type BenchDataOptions = {
  tickets: number;
  seed?: string;
  batchSize?: number;
  /** Also write search documents (default true; the exactness test indexes through the job instead). */
  index?: boolean;
  /**
   * Into empty tables only: drop secondary indexes and foreign keys of tickets, ticket_messages and
   * ticket_search before loading and recreate them (same definitions) after. Ignored when the
   * tickets table already has rows.
   */
  deferIndexes?: boolean;
  onProgress?: (loaded: number) => void;
  /** Told what the load does besides inserting (dropping and rebuilding indexes), with how long it took. */
  onStep?: (step: string, seconds: number) => void;
};

const statuses = [['resolved', 50], ['closed', 20], ['open', 15], ['pending', 8], ['new', 7]] as const;
const priorities = [['normal', 70], ['high', 15], ['low', 10], ['urgent', 5]] as const;
const channels = [['email', 30], ['phone', 25], ['portal', 20], ['wechat', 15], ['api', 10]] as const;

export type BenchTicket = ComplaintText & { id: string; number: string; createdAt: Date; status: string; priority: string; channel: string; fields: Record<string, unknown>; teamId: string | null };

/** An unsolved ticket's SLA is due this long after it came in (the list's SLA-sorted view needs due times to sort). */
const slaDueAfterMs = 8 * 3600_000;

const secondsApart = 30;

export async function loadBenchTickets(database: Database, options: BenchDataOptions): Promise<{ ids: string[] }> {
  const { tickets: count, seed = 'bench-data', batchSize = 1000, index = true } = options;
  const random = prng(seed);
  const segment = sentenceMemo();
  const now = Date.now();
  const ids: string[] = [];
  const customFields: CustomField[] = await listFields(database.db, 'ticket');
  // The teams that exist take the tickets in turn (none: no team), so team filters have something to find.
  const teamIds = (await listTeams(database.db)).map((team) => team.id);
  const trees = customFields.length ? builtInOptionTrees() : {};
  const deferred = options.deferIndexes ? await dropIndexesIfEmpty(database, options.onStep) : undefined;
  const writing: Promise<void>[] = [];
  const inFlight = database.engine === 'postgres' ? 2 : 1;
  try {
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
          fields: customFields.length ? benchFieldValues(customFields, random, trees, createdAt) : {},
          teamId: teamIds.length ? teamIds[i % teamIds.length]! : null,
        });
      }
      const rows = batchRows(batch, index ? segment : undefined);
      // Batches are written while the next ones are generated (two at once on PostgreSQL, where
      // each has its own connection): Node and the server each keep a core busy.
      if (writing.length >= inFlight) await writing.shift();
      const loaded = start + batch.length;
      writing.push(database.transaction((tx) => insertBatch(tx, rows)).then(() => options.onProgress?.(loaded)));
      ids.push(...batch.map((t) => t.id));
    }
    await Promise.all(writing);
  } finally {
    // Rebuilt even after a failed load: the database keeps the schema its migrations made.
    await Promise.allSettled(writing);
    if (deferred) await recreateIndexes(database, deferred, options.onStep);
  }
  return { ids };
}

type BatchRows = { tickets: string; messages: string | null; documents: string | null };

function batchRows(batch: BenchTicket[], segment: ReturnType<typeof sentenceMemo> | undefined): BatchRows {
  const ticketRows = batch.map((t) => ({
    id: t.id, number: t.number, subject: t.subject, description: t.description, status: t.status, priority: t.priority, channel: t.channel, fields: t.fields,
    created_at: t.createdAt.toISOString(),
    // Replies come within the hour; solved tickets were solved then too.
    updated_at: new Date(t.createdAt.getTime() + t.messages.length * 600_000).toISOString(),
    resolved: t.status === 'resolved' || t.status === 'closed',
    team_id: t.teamId,
    sla_due_at: t.status === 'resolved' || t.status === 'closed' ? null : new Date(t.createdAt.getTime() + slaDueAfterMs).toISOString(),
  }));
  const messageRows = batch.flatMap((t) => t.messages.map((body, k) => ({ id: randomUUID(), ticket_id: t.id, body, channel: t.channel, created_at: new Date(t.createdAt.getTime() + (k + 1) * 600_000).toISOString() })));
  const documents = segment
    ? batch.map((t) => ({
        ticket_id: t.id,
        document: searchDocument(
          [
            { text: t.number, weight: 'A' },
            { text: t.subject, weight: 'A' },
            { text: t.description, weight: 'B' },
            ...t.messages.map((text) => ({ text, weight: 'C' as const })),
          ],
          segment,
        ),
      }))
    : undefined;
  return { tickets: JSON.stringify(ticketRows), messages: messageRows.length ? JSON.stringify(messageRows) : null, documents: documents ? JSON.stringify(documents) : null };
}

async function insertBatch(tx: Tx, rows: BatchRows): Promise<void> {
  // A lost batch on a crash costs nothing here (the load is rerun); a flush per batch costs time.
  await tx.execute(sql`set local synchronous_commit = off`);
  await tx.execute(sql`
    insert into tickets (id, number, subject, description, status, priority, channel, fields, created_at, updated_at, resolved_at, team_id, sla_due_at)
    select id, number, subject, description, status, priority, channel, fields, created_at, updated_at, case when resolved then updated_at end, team_id, sla_due_at
    from jsonb_to_recordset(${rows.tickets}::jsonb)
      as r(id uuid, number text, subject text, description text, status text, priority text, channel text, fields jsonb, created_at timestamptz, updated_at timestamptz, resolved boolean, team_id uuid, sla_due_at timestamptz)`);
  if (rows.messages) {
    await tx.execute(sql`
      insert into ticket_messages (id, ticket_id, body, channel, created_at)
      select id, ticket_id, body, channel, created_at
      from jsonb_to_recordset(${rows.messages}::jsonb) as r(id uuid, ticket_id uuid, body text, channel text, created_at timestamptz)`);
  }
  if (rows.documents) {
    await tx.execute(sql`
      insert into ticket_search (ticket_id, document, segmenter)
      select ticket_id, document::tsvector, ${searchSegmenterVersion} from jsonb_to_recordset(${rows.documents}::jsonb) as r(ticket_id uuid, document text)`);
  }
}

const loadedTables = ['tickets', 'ticket_messages', 'ticket_search'];
type Deferred = { indexes: Array<{ name: string; definition: string }>; foreignKeys: Array<{ table: string; name: string; definition: string }> };

/** Secondary indexes (not those behind a primary key or constraint) and foreign keys of the loaded tables, dropped. */
async function dropIndexesIfEmpty(database: Database, onStep: BenchDataOptions['onStep']): Promise<Deferred | undefined> {
  const started = performance.now();
  const deferred = await database.transaction(async (tx) => {
    const [existing] = await queryRows<{ any: boolean }>(tx, sql`select exists (select 1 from tickets) as any`);
    if (existing!.any) return undefined;
    const tables = sql.join(loadedTables.map((t) => sql`${t}::regclass`), sql`, `);
    const indexes = await queryRows<{ name: string; definition: string }>(tx, sql`
      select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition from pg_index i
      where i.indrelid in (${tables}) and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`);
    const foreignKeys = await queryRows<{ table: string; name: string; definition: string }>(tx, sql`
      select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as definition from pg_constraint
      where contype = 'f' and conrelid in (${tables})`);
    for (const fk of foreignKeys) await tx.execute(sql`alter table ${sql.identifier(fk.table)} drop constraint ${sql.identifier(fk.name)}`);
    for (const index of indexes) await tx.execute(sql`drop index ${sql.identifier(index.name)}`);
    return { indexes, foreignKeys };
  });
  if (deferred) onStep?.(`dropped ${deferred.indexes.length} indexes and ${deferred.foreignKeys.length} foreign keys`, (performance.now() - started) / 1000);
  return deferred;
}

async function recreateIndexes(database: Database, deferred: Deferred, onStep: BenchDataOptions['onStep']): Promise<void> {
  for (const index of deferred.indexes) {
    const started = performance.now();
    await database.transaction(async (tx) => {
      // A GIN index over a million documents builds several times faster with room to sort in.
      await tx.execute(sql`set local maintenance_work_mem = '512MB'`);
      await tx.execute(sql.raw(index.definition));
    });
    onStep?.(`index ${index.name}`, (performance.now() - started) / 1000);
  }
  for (const fk of deferred.foreignKeys) {
    const started = performance.now();
    await database.transaction((tx) => tx.execute(sql`alter table ${sql.identifier(fk.table)} add constraint ${sql.identifier(fk.name)} ${sql.raw(fk.definition)}`));
    onStep?.(`foreign key ${fk.name}`, (performance.now() - started) / 1000);
  }
}
