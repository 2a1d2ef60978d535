import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { getUserNames } from '../auth/index.js';
import { fieldReadability, readableValues, type FieldReader } from './customer-fields.js';
import type { IdentityKind } from './identity-kinds.js';
import { contactIdentities, contacts, organizations } from './schema.js';

export type IdentityView = { id: string; kind: IdentityKind; value: string; display: string; createdAt: Date };
export type OrganizationRef = { id: string; name: string };

/** A contact as tickets and lists show it: who it is and how to reach them. */
export type ContactSummary = {
  id: string;
  name: string;
  /** The first email and phone identities (normalised: a phone is E.164, e.g. +8613800138000). */
  email: string | null;
  phone: string | null;
  organization: OrganizationRef | null;
  tierKey: string | null;
  anonymized: boolean;
};

export type ContactDetail = ContactSummary & {
  tags: string[];
  owner: { id: string; name: string } | null;
  notes: string;
  attributes: Record<string, unknown>;
  /** Custom values the reader may read (none without a reader). */
  fields: Record<string, unknown>;
  identities: IdentityView[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

export type ContactRow = typeof contacts.$inferSelect;

export async function identitiesOf(db: Db, contactIds: readonly string[]): Promise<IdentityView[]> {
  if (contactIds.length === 0) return [];
  return db
    .select({ id: contactIdentities.id, kind: contactIdentities.kind, value: contactIdentities.value, display: contactIdentities.display, createdAt: contactIdentities.createdAt })
    .from(contactIdentities)
    .where(inArray(contactIdentities.contactId, [...contactIds]))
    .orderBy(asc(contactIdentities.createdAt), asc(contactIdentities.id));
}

async function organizationNames(db: Db, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Rows → summaries with two more queries (organisations, first email/phone), whatever the count. */
export async function summarise(db: Db, rows: readonly ContactRow[]): Promise<ContactSummary[]> {
  const ids = rows.map((r) => r.id);
  const reach = ids.length
    ? await db
        .select({ contactId: contactIdentities.contactId, kind: contactIdentities.kind, value: contactIdentities.value, display: contactIdentities.display })
        .from(contactIdentities)
        .where(and(inArray(contactIdentities.contactId, ids), sql`${contactIdentities.kind} in ('email', 'phone')`))
        .orderBy(asc(contactIdentities.createdAt), asc(contactIdentities.id))
    : [];
  const first = new Map<string, { email?: string; phone?: string }>();
  for (const identity of reach) {
    const entry = first.get(identity.contactId) ?? {};
    if (identity.kind === 'email') entry.email ??= identity.value;
    else entry.phone ??= identity.value;
    first.set(identity.contactId, entry);
  }
  const orgNames = await organizationNames(db, rows.map((r) => r.organizationId));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    email: first.get(row.id)?.email ?? null,
    phone: first.get(row.id)?.phone ?? null,
    organization: row.organizationId ? { id: row.organizationId, name: orgNames.get(row.organizationId) ?? '' } : null,
    tierKey: row.tierKey,
    anonymized: row.anonymizedAt !== null,
  }));
}

/**
 * Summaries by id (tickets load their requesters this way). A merged contact answers as its
 * survivor, so tickets read correctly even before they are moved to it.
 */
export async function getContactsByIds(db: Db, ids: readonly string[]): Promise<Map<string, ContactSummary>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select().from(contacts).where(inArray(contacts.id, unique));
  const survivorIds = rows.map((r) => r.mergedIntoId).filter((id): id is string => Boolean(id));
  const survivors = survivorIds.length ? await db.select().from(contacts).where(inArray(contacts.id, survivorIds)) : [];
  const summaries = new Map((await summarise(db, [...rows.filter((r) => !r.mergedIntoId), ...survivors])).map((s) => [s.id, s]));
  const result = new Map<string, ContactSummary>();
  for (const row of rows) {
    const summary = summaries.get(row.mergedIntoId ?? row.id);
    if (summary) result.set(row.id, summary);
  }
  return result;
}

export async function presentContact(db: Db, row: ContactRow, reader?: FieldReader): Promise<ContactDetail> {
  const [summary] = await summarise(db, [row]);
  const identities = await identitiesOf(db, [row.id]);
  const ownerName = row.ownerId ? (await getUserNames(db, [row.ownerId])).get(row.ownerId) : undefined;
  const readable = await fieldReadability(db, 'contact', reader, [row.fields]);
  return {
    ...summary!,
    tags: row.tags,
    owner: row.ownerId ? { id: row.ownerId, name: ownerName ?? '' } : null,
    notes: row.notes,
    attributes: row.attributes,
    fields: readableValues(row.fields, readable),
    identities,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function findContactRow(db: Db, id: string): Promise<ContactRow | undefined> {
  const [row] = await db.select().from(contacts).where(eq(contacts.id, id));
  return row;
}
