import { and, arrayContains, asc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { containsPattern, escapeLike } from '../../db/like-pattern.js';
import { summarise, type ContactSummary } from './contact-views.js';
import { normalisePhone } from './identity-values.js';
import { afterCursor, encodeCursor, keysetKey, keysetOrder, type CustomerSort } from './keyset.js';
import { contactIdentities, contacts } from './schema.js';

/** Fewer digits than this match too many numbers to be a phone search. */
const minPhoneDigits = 3;

/**
 * The digit strings a phone search looks for inside stored numbers (`+8613800138000`): what was
 * typed (`138 0013 8000` → 13800138000), without a trunk `0` or `00` prefix, and normalised.
 */
export function phoneFragments(query: string): string[] {
  const digits = query.normalize('NFKC').replace(/\D/g, '');
  if (digits.length < minPhoneDigits) return [];
  const fragments = new Set([digits]);
  if (digits.startsWith('00')) fragments.add(digits.slice(2));
  else if (digits.startsWith('0')) fragments.add(digits.slice(1));
  const normalised = normalisePhone(query)?.replace(/^\+/, '').replace(/;ext=.*/, '');
  if (normalised) fragments.add(normalised);
  return [...fragments].filter((f) => f.length >= minPhoneDigits);
}

/** Contacts whose name contains the text (Chinese or not), with a phone containing its digits, or an email starting with it. */
function matchText(text: string): SQL {
  const lower = text.toLowerCase();
  const identityMatches: SQL[] = [sql`(i.kind = 'email' and i.value like ${`${escapeLike(lower)}%`})`];
  for (const fragment of phoneFragments(text)) identityMatches.push(sql`(i.kind = 'phone' and strpos(i.value, ${fragment}) > 0)`);
  identityMatches.push(sql`(i.kind not in ('email', 'phone') and i.value = ${text})`);
  return or(
    sql`${contacts.name} ilike ${containsPattern(text)}`,
    sql`exists (select 1 from ${contactIdentities} i where i.contact_id = ${contacts.id} and (${sql.join(identityMatches, sql` or `)}))`,
  )!;
}

/**
 * Find requesters while someone is on the phone: exact phone or email matches first, then names
 * starting with the text, then the rest by name.
 */
export async function searchContacts(db: Db, query: string, limit: number): Promise<ContactSummary[]> {
  const text = query.normalize('NFKC').trim();
  if (!text) return [];
  const exactPhone = normalisePhone(text) ?? '';
  const relevance = sql`case
    when exists (select 1 from ${contactIdentities} i where i.contact_id = ${contacts.id} and ((i.kind = 'phone' and i.value = ${exactPhone}) or (i.kind = 'email' and i.value = ${text.toLowerCase()}))) then 0
    when ${contacts.name} ilike ${`${escapeLike(text)}%`} then 1
    else 2 end`;
  const rows = await db
    .select()
    .from(contacts)
    .where(and(isNull(contacts.mergedIntoId), matchText(text)))
    .orderBy(relevance, asc(contacts.name), asc(contacts.id))
    .limit(limit);
  return summarise(db, rows);
}

export type ContactFilter = {
  q?: string;
  organizationId?: string;
  tierKey?: string;
  tag?: string;
  ownerId?: string;
  /** Custom field conditions (contact-field-filters.ts), already checked against the registry. */
  fieldConditions?: SQL[];
  sort: CustomerSort;
  cursor?: string;
  limit: number;
};

/** The customer list: filters combine with AND, keyset-paged in a total order. Merged contacts are hidden. */
export async function listContacts(db: Db, filter: ContactFilter): Promise<{ items: ContactSummary[]; nextCursor: string | null }> {
  const conditions: SQL[] = [isNull(contacts.mergedIntoId)];
  const text = filter.q?.normalize('NFKC').trim();
  if (text) conditions.push(matchText(text));
  if (filter.organizationId) conditions.push(eq(contacts.organizationId, filter.organizationId));
  if (filter.tierKey) conditions.push(eq(contacts.tierKey, filter.tierKey));
  if (filter.tag) conditions.push(arrayContains(contacts.tags, [filter.tag]));
  if (filter.ownerId) conditions.push(eq(contacts.ownerId, filter.ownerId));
  conditions.push(...(filter.fieldConditions ?? []));
  if (filter.cursor) conditions.push(afterCursor(filter.sort, filter.cursor, contacts));
  const rows = await db
    .select({ row: contacts, key: keysetKey(filter.sort, contacts) })
    .from(contacts)
    .where(and(...conditions))
    .orderBy(...keysetOrder(filter.sort, contacts))
    .limit(filter.limit + 1);
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    items: await summarise(db, page.map((r) => r.row)),
    nextCursor: rows.length > filter.limit && last ? encodeCursor(filter.sort, last.key, last.row.id) : null,
  };
}
