import { asc, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { normalisePhone } from './contact-identity.js';
import type { ContactView } from './contacts.js';
import { contacts } from './schema.js';

/** Fewer digits than this match too many numbers to be a phone search. */
const minPhoneDigits = 3;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The digit strings a phone search looks for inside stored numbers (`+8613800138000`): what was
 * typed (`138 0013 8000` → 13800138000), without a trunk `0` or `00` prefix, and normalised.
 */
export function phoneFragments(query: string): string[] {
  const digits = query.replace(/\D/g, '');
  if (digits.length < minPhoneDigits) return [];
  const fragments = new Set([digits]);
  if (digits.startsWith('00')) fragments.add(digits.slice(2));
  else if (digits.startsWith('0')) fragments.add(digits.slice(1));
  const normalised = normalisePhone(query)?.replace(/^\+/, '');
  if (normalised) fragments.add(normalised);
  return [...fragments].filter((f) => f.length >= minPhoneDigits);
}

/**
 * Find requesters while someone is on the phone: by part of the name (Chinese or not), by a phone
 * number written any way, or by the start of an email address. Exact phone or email matches come
 * first, then names starting with the text, then the rest by name.
 */
export async function searchContacts(db: Db, query: string, limit: number): Promise<ContactView[]> {
  const text = query.trim();
  if (!text) return [];
  const lower = text.toLowerCase();
  const matches: SQL[] = [sql`${contacts.name} ilike ${`%${escapeLike(text)}%`}`, sql`${contacts.email} like ${`${escapeLike(lower)}%`}`];
  const fragments = phoneFragments(text);
  for (const fragment of fragments) matches.push(sql`strpos(${contacts.phone}, ${fragment}) > 0`);
  const exactPhone = normalisePhone(text) ?? '';
  const relevance = sql`case
    when ${contacts.phone} = ${exactPhone} or ${contacts.email} = ${lower} then 0
    when ${contacts.name} ilike ${`${escapeLike(text)}%`} then 1
    else 2 end`;
  return db
    .select({ id: contacts.id, name: contacts.name, email: contacts.email, phone: contacts.phone })
    .from(contacts)
    .where(or(...matches))
    .orderBy(relevance, asc(contacts.name), asc(contacts.id))
    .limit(limit);
}
