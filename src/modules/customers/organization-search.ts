import { and, arrayContains, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { containsPattern } from '../../db/like-pattern.js';
import { afterCursor, encodeCursor, keysetKey, keysetOrder, type CustomerSort } from './keyset.js';
import type { FieldReader } from './customer-fields.js';
import { presentOrganizations, type OrganizationView } from './organizations.js';
import { organizations } from './schema.js';

export type OrganizationFilter = { q?: string; tierKey?: string; tag?: string; ownerId?: string; sort: CustomerSort; cursor?: string; limit: number };

/** Organisations by part of the name (Chinese or not), tier, tag and account manager; merged ones hidden. */
export async function listOrganizations(db: Db, filter: OrganizationFilter, reader?: FieldReader): Promise<{ items: OrganizationView[]; nextCursor: string | null }> {
  const conditions: SQL[] = [isNull(organizations.mergedIntoId)];
  const text = filter.q?.normalize('NFKC').trim();
  if (text) conditions.push(sql`${organizations.name} ilike ${containsPattern(text)}`);
  if (filter.tierKey) conditions.push(eq(organizations.tierKey, filter.tierKey));
  if (filter.tag) conditions.push(arrayContains(organizations.tags, [filter.tag]));
  if (filter.ownerId) conditions.push(eq(organizations.ownerId, filter.ownerId));
  if (filter.cursor) conditions.push(afterCursor(filter.sort, filter.cursor, organizations));
  const rows = await db
    .select({ row: organizations, key: keysetKey(filter.sort, organizations) })
    .from(organizations)
    .where(and(...conditions))
    .orderBy(...keysetOrder(filter.sort, organizations))
    .limit(filter.limit + 1);
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    items: await presentOrganizations(db, page.map((r) => r.row), reader),
    nextCursor: rows.length > filter.limit && last ? encodeCursor(filter.sort, last.key, last.row.id) : null,
  };
}
