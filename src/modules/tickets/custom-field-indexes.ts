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
 *  - a single value: btree on `(coalesce(fields ->> key, '') collate "C", id)`, the very
 *    expressions the list filters (`in`) and sorts by (keyset) — see custom-field-filters.ts;
 *  - a multi select or cascader (a JSON array): GIN on `(fields -> key)` for `?|`.
 * On PostgreSQL it is built CONCURRENTLY (writes to tickets go on meanwhile; a build that failed
 * leaves an invalid index, dropped and built again on the retry). PGlite has one connection and no
 * concurrent writers to spare, so there it is a plain CREATE INDEX in its own transaction.
 * A field no longer filterable (or archived, or deleted) loses its index.
 */
type FieldFacts = { entity: string; key: string; type: string; filterable: boolean };

export function customFieldIndexName(key: string): string {
  return `tickets_f_${key.slice(0, 40)}_${createHash('sha256').update(key).digest('hex').slice(0, 8)}`;
}

const arrayTypes = new Set(['multiselect', 'cascader', 'attachments']);

async function run(database: Database, statement: string): Promise<void> {
  if (database.driver.engine === 'postgres') await database.db.execute(sql.raw(statement));
  else await database.transaction(async (tx) => void (await tx.execute(sql.raw(statement.replace(' concurrently', '')))));
}

export async function ensureCustomFieldIndex(database: Database, field: FieldFacts, wanted: boolean): Promise<void> {
  if (field.entity !== 'ticket' || !customKeyPattern.test(field.key)) return;
  const name = customFieldIndexName(field.key);
  const [existing] = await queryRows<{ valid: boolean }>(database.db, sql`select i.indisvalid as valid from pg_index i join pg_class c on c.oid = i.indexrelid where c.relname = ${name}`);
  if (existing && (!wanted || !existing.valid)) await run(database, `drop index concurrently if exists "${name}"`);
  if (!wanted || existing?.valid) return;
  const definition = arrayTypes.has(field.type) ? `using gin (("fields" -> '${field.key}'))` : `(( coalesce("fields" ->> '${field.key}', '') collate "C"), "id")`;
  await run(database, `create index concurrently if not exists "${name}" on "tickets" ${definition}`);
}

type FieldEvent = EnvelopeOf<typeof fieldCreated> | EnvelopeOf<typeof fieldChanged> | EnvelopeOf<typeof fieldArchived> | EnvelopeOf<typeof fieldDeleted>;

export async function handleFieldIndexEvent(event: FieldEvent, { database }: JobContext): Promise<void> {
  const gone = event.type === 'forms.field_archived' || event.type === 'forms.field_deleted';
  await ensureCustomFieldIndex(database, event.payload, event.payload.filterable && !gone);
}
