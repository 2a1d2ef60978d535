import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../db/database.js';
import type { EnvelopeOf } from '../../jobs/event-definition.js';
import type { JobContext } from '../../jobs/registry.js';
import type { fieldArchived, fieldChanged, fieldCreated, fieldDeleted } from '../forms/index.js';
import { customKeyPattern } from './custom-field-filters.js';

/**
 * The index behind each filterable custom ticket field (issue 14 §7), kept by a job that follows
 * the registry's events, so it is built outside the admin's request and its transaction:
 *  - a single value: one btree on `(coalesce(fields ->> key, '') collate "C", updated_at desc,
 *    id desc)`, the very expressions the list filters by (`in`) and sorts by (keyset, see
 *    ticket-sort.ts): a filter in the list's default order (newest first) reads one page of it for
 *    any value, and a sort by the field walks it. Without the order in the index the planner walked
 *    the newest tickets testing each one: fast for a value spread over time, but 87 000 tickets
 *    read (p95 53 ms at 1M, BENCHMARKS.md) for one none of the newest held. It was once two
 *    indexes, `(value, id)` beside this one; every insert and every update of a ticket that moves
 *    an index column (the SLA's due time) wrote both, and the second served nothing this one
 *    cannot (migration 0038 dropped it);
 *  - a multi select or cascader (a JSON array): GIN on `(fields -> key)` for `?|`.
 * On PostgreSQL it is built CONCURRENTLY (writes to tickets go on meanwhile; a build that failed
 * leaves an invalid index, dropped and built again on the retry). PGlite has one connection and no
 * concurrent writers to spare, so there it is a plain CREATE INDEX in its own transaction.
 * A field no longer filterable (or archived, or deleted) loses its index.
 */
type FieldFacts = { entity: string; key: string; type: string; filterable: boolean };

/** The GIN index of a filterable array field (multi select, cascader); before migration 0038 also a single value's `(value, id)` btree. */
export function customFieldIndexName(key: string): string {
  return `tickets_f_${key.slice(0, 40)}_${keyHash(key)}`;
}

/** The index of a filterable single-value field, in the list's default order (migration 0036 spells it too). */
export function customFieldOrderedIndexName(key: string): string {
  return `tickets_fo_${key.slice(0, 40)}_${keyHash(key)}`;
}

const keyHash = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 8);

const arrayTypes = new Set(['multiselect', 'cascader', 'attachments']);

async function run(database: Database, statement: string): Promise<void> {
  if (database.driver.engine === 'postgres') await database.db.execute(sql.raw(statement));
  else await database.transaction(async (tx) => void (await tx.execute(sql.raw(statement.replace(' concurrently', '')))));
}

/** The index a filterable field wants, by name (a field's type never changes). */
function indexOf(field: FieldFacts): { name: string; definition: string } {
  const value = `( coalesce("fields" ->> '${field.key}', '') collate "C")`;
  if (arrayTypes.has(field.type)) return { name: customFieldIndexName(field.key), definition: `using gin (("fields" -> '${field.key}'))` };
  return { name: customFieldOrderedIndexName(field.key), definition: `(${value}, "updated_at" desc nulls last, "id" desc nulls last)` };
}

export async function ensureCustomFieldIndex(database: Database, field: FieldFacts, wanted: boolean): Promise<void> {
  if (field.entity !== 'ticket' || !customKeyPattern.test(field.key)) return;
  const { name, definition } = indexOf(field);
  const [existing] = await queryRows<{ valid: boolean }>(database.db, sql`select i.indisvalid as valid from pg_index i join pg_class c on c.oid = i.indexrelid where c.relname = ${name}`);
  if (existing && (!wanted || !existing.valid)) await run(database, `drop index concurrently if exists "${name}"`);
  if (wanted && !existing?.valid) await run(database, `create index concurrently if not exists "${name}" on "tickets" ${definition}`);
}

type FieldEvent = EnvelopeOf<typeof fieldCreated> | EnvelopeOf<typeof fieldChanged> | EnvelopeOf<typeof fieldArchived> | EnvelopeOf<typeof fieldDeleted>;

export async function handleFieldIndexEvent(event: FieldEvent, { database }: JobContext): Promise<void> {
  const gone = event.type === 'forms.field_archived' || event.type === 'forms.field_deleted';
  await ensureCustomFieldIndex(database, event.payload, event.payload.filterable && !gone);
}
