import { eq, or, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Db, Tx } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { normaliseEmail, normalisePhone } from './contact-identity.js';
import { contacts } from './schema.js';

export type ContactRef = { name?: string; email?: string; phone?: string };
export type ContactView = { id: string; name: string; email: string | null; phone: string | null };

const contactColumns = { id: contacts.id, name: contacts.name, email: contacts.email, phone: contacts.phone };

/**
 * Find the contact with this email or phone, or create one, inside the caller's transaction.
 * Two requests for a new identity at the same moment end with one contact: the unique indexes
 * make the second insert a no-op, and it then reads the winner's row.
 */
export async function findOrCreateContact(tx: Tx, ref: ContactRef, actorId: string | null): Promise<ContactView | null> {
  const email = ref.email ? normaliseEmail(ref.email) : null;
  const phone = ref.phone ? normalisePhone(ref.phone) : null;
  if (!email && !phone) return null;
  const existing = await findByIdentity(tx, email, phone);
  if (existing) return existing;
  const id = uuidv7();
  const inserted = await tx
    .insert(contacts)
    .values({ id, name: ref.name?.trim() || email?.split('@')[0] || phone || '', email, phone })
    .onConflictDoNothing()
    .returning(contactColumns);
  if (inserted[0]) {
    await recordEvent(tx, { type: 'contact.created', aggregateType: 'contact', aggregateId: id, actorId, payload: { email, phone } });
    return inserted[0];
  }
  return findByIdentity(tx, email, phone);
}

async function findByIdentity(db: Db, email: string | null, phone: string | null): Promise<ContactView | null> {
  const conditions = [email ? eq(contacts.email, email) : undefined, phone ? eq(contacts.phone, phone) : undefined].filter(Boolean);
  // Prefer the email match when email and phone point at different contacts.
  const [row] = await db
    .select(contactColumns)
    .from(contacts)
    .where(or(...conditions))
    .orderBy(sql`(${contacts.email} = ${email ?? ''}) desc`)
    .limit(1);
  return row ?? null;
}

export async function getContactsByIds(db: Db, ids: string[]): Promise<Map<string, ContactView>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select(contactColumns).from(contacts).where(sql`${contacts.id} in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
  return new Map(rows.map((r) => [r.id, r]));
}
