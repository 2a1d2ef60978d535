import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { invalidField } from '../../app/errors.js';

/**
 * Keyset pages for customer lists: by name (A→Z, then id) or most recently updated (then id).
 * The cursor carries the last row's key exactly (timestamps to the microsecond) and its sort, so a
 * cursor from another sort is refused instead of skipping rows.
 */
export type CustomerSort = 'name' | '-updatedAt';
export const customerSorts = ['name', '-updatedAt'] as const satisfies readonly CustomerSort[];

type Columns = { name: SQLWrapper; updatedAt: SQLWrapper; id: SQLWrapper };

export function keysetOrder(sort: CustomerSort, t: Columns): SQL[] {
  // Spelled exactly as the indexes (name, id) and (updated_at desc nulls last, id desc nulls last),
  // or PostgreSQL sorts the whole table instead of reading the index (measured: 105 ms → 3 ms at 100k).
  return sort === 'name' ? [sql`${t.name} asc`, sql`${t.id} asc`] : [sql`${t.updatedAt} desc nulls last`, sql`${t.id} desc nulls last`];
}

/** The first key of a row as exact text, for the next cursor. */
export function keysetKey(sort: CustomerSort, t: Columns): SQL<string> {
  return sort === 'name' ? sql<string>`${t.name}` : sql<string>`to_char(${t.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

export function encodeCursor(sort: CustomerSort, key: string, id: string): string {
  return Buffer.from(JSON.stringify([sort, key, id])).toString('base64url');
}

export function afterCursor(sort: CustomerSort, cursor: string, t: Columns): SQL {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidField('cursor', 'validation.invalid');
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || parsed[0] !== sort || typeof parsed[1] !== 'string' || !/^[0-9a-f-]{36}$/.test(String(parsed[2]))) {
    throw invalidField('cursor', 'validation.invalid');
  }
  const [, key, id] = parsed as [string, string, string];
  return sort === 'name'
    ? sql`(${t.name}, ${t.id}) > (${key}, ${id}::uuid)`
    : sql`(${t.updatedAt}, ${t.id}) < (${key}::timestamptz, ${id}::uuid)`;
}
