import { and, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { NotFound } from '../../app/errors.js';
import type { Db } from '../../db/database.js';
import { containsPattern } from '../../db/like-pattern.js';
import { findContactRow, identitiesOf, summarise, type ContactSummary } from './contact-views.js';
import { contactIdentities, contacts, organizations } from './schema.js';

export type DuplicateReason = 'same_phone' | 'same_email' | 'similar_name';
export type ContactDuplicate = { contact: ContactSummary; reasons: DuplicateReason[] };

/** 张 伟 / 张伟 / ＺＨＡＮＧ wei: compare names without width, case or spacing differences. */
export function comparableName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[\s·.\-_()（）]/g, '');
}

/** Same mailbox: case, `+tag` and (for Gmail) dots do not make a different person. */
export function comparableEmail(email: string): string {
  const [local = '', domain = ''] = email.toLowerCase().split('@');
  const base = local.replace(/\+.*$/, '');
  return `${['gmail.com', 'googlemail.com'].includes(domain) ? base.replace(/\./g, '') : base}@${domain}`;
}

/**
 * 张伟 ~ 张 伟 ~ 张伟（采购部）, but not 张伟 ~ 张伟国: a longer name only counts when what it adds is
 * set apart (brackets, a dash, a space), as people annotate a contact.
 */
const annotation = /^\s*[(（\-—·/\s]/;
const similarNames = (a: string, b: string) => {
  const x = comparableName(a);
  const y = comparableName(b);
  if (x.length < 2 || y.length < 2) return false;
  if (x === y) return true;
  const [short, long] = a.length <= b.length ? [a.trim(), b.trim()] : [b.trim(), a.trim()];
  return long.startsWith(short) && annotation.test(long.slice(short.length));
};

/**
 * Likely duplicates of a contact (identities are unique, so these are the near misses): the same
 * phone with another extension, the same mailbox written differently, a similar name in the same
 * organisation. Merged and anonymised contacts are left out.
 */
export async function findContactDuplicates(db: Db, contactId: string): Promise<ContactDuplicate[]> {
  const contact = await findContactRow(db, contactId);
  if (!contact || contact.mergedIntoId) throw new NotFound('contact.not_found');
  const identities = await identitiesOf(db, [contactId]);
  const reasons = new Map<string, Set<DuplicateReason>>();
  const add = (id: string, reason: DuplicateReason) => reasons.set(id, (reasons.get(id) ?? new Set()).add(reason));

  const phoneBases = [...new Set(identities.filter((i) => i.kind === 'phone').map((i) => i.value.replace(/;ext=.*/, '')))];
  for (const base of phoneBases) {
    const rows = await db
      .select({ contactId: contactIdentities.contactId })
      .from(contactIdentities)
      .where(and(eq(contactIdentities.kind, 'phone'), sql`(${contactIdentities.value} = ${base} or ${contactIdentities.value} like ${`${base};ext=%`})`, ne(contactIdentities.contactId, contactId)));
    for (const row of rows) add(row.contactId, 'same_phone');
  }
  const mailboxes = new Set(identities.filter((i) => i.kind === 'email').map((i) => comparableEmail(i.value)));
  for (const mailbox of mailboxes) {
    const [local, domain] = mailbox.split('@');
    const rows = await db
      .select({ contactId: contactIdentities.contactId, value: contactIdentities.value })
      .from(contactIdentities)
      .where(and(eq(contactIdentities.kind, 'email'), sql`split_part(${contactIdentities.value}, '@', 2) = ${domain}`, sql`replace(${contactIdentities.value}, '.', '') like ${`${local!.replace(/\./g, '')}%`}`, ne(contactIdentities.contactId, contactId)));
    for (const row of rows) if (comparableEmail(row.value) === mailbox) add(row.contactId, 'same_email');
  }
  if (contact.organizationId && comparableName(contact.name).length >= 2) {
    const colleagues = await db.select({ id: contacts.id, name: contacts.name }).from(contacts).where(and(eq(contacts.organizationId, contact.organizationId), ne(contacts.id, contactId), isNull(contacts.mergedIntoId)));
    for (const other of colleagues) if (similarNames(other.name, contact.name)) add(other.id, 'similar_name');
  }
  if (reasons.size === 0) return [];
  const rows = await db.select().from(contacts).where(and(inArray(contacts.id, [...reasons.keys()]), isNull(contacts.mergedIntoId), isNull(contacts.anonymizedAt)));
  const summaries = await summarise(db, rows);
  return summaries.map((summary) => ({ contact: summary, reasons: [...reasons.get(summary.id)!].sort() }));
}

/** 深圳华强电子有限公司 / 华强电子（深圳）有限公司: the name without legal-form suffixes and places in brackets. */
export function comparableOrganizationName(name: string): string {
  let core = comparableName(name.normalize('NFKC').replace(/\(.*?\)/g, ''));
  for (let previous = ''; previous !== core; ) {
    previous = core;
    core = core.replace(/(股份有限公司|有限责任公司|有限公司|集团|公司|co,?ltd|ltd|inc|corp(oration)?|limited)$/, '');
  }
  return core;
}

/** The two-character pieces of a name: candidates share at least one, wherever the place name sits. */
const bigrams = (text: string) => [...new Set(Array.from({ length: Math.max(1, text.length - 1) }, (_, i) => text.slice(i, i + 2)))].slice(0, 12);

/** Organisations whose names match once legal forms and bracketed places are ignored. */
export async function findOrganizationDuplicates(db: Db, organizationId: string): Promise<Array<{ id: string; name: string }>> {
  const [org] = await db.select().from(organizations).where(eq(organizations.id, organizationId));
  if (!org || org.mergedIntoId) throw new NotFound('organization.not_found');
  const core = comparableOrganizationName(org.name);
  if (core.length < 2) return [];
  const candidates = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(ne(organizations.id, organizationId), isNull(organizations.mergedIntoId), or(...bigrams(core).map((pair) => sql`${organizations.name} ilike ${containsPattern(pair)}`))))
    .limit(500);
  return candidates.filter((c) => {
    const other = comparableOrganizationName(c.name);
    return other === core || (other.length >= 4 && core.length >= 4 && (other.includes(core) || core.includes(other)));
  });
}
