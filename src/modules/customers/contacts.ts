import { isDeepStrictEqual } from 'node:util';
import type { FieldTypes } from '../../app/field-types.js';
import { and, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { Conflict, invalidField, MovedPermanently, NotFound, PreconditionFailed } from '../../app/errors.js';
import type { Database, Db, Tx } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { contactCreated, contactIdentityAdded, contactIdentityRemoved, contactUpdated } from './events.js';
import type { Actor } from '../auth/index.js';
import { findContactRow, getContactsByIds, presentContact, type ContactDetail, type ContactRow, type ContactSummary } from './contact-views.js';
import type { IdentityKind } from './identity-kinds.js';
import { normaliseIdentity, type IdentityValue } from './identity-values.js';
import { findLiveOrganization } from './organizations.js';
import { checkProfile, profileChanges, type ProfileInput } from './profile.js';
import { contactIdentities, contacts } from './schema.js';
import { judgeCustomerFields, type FieldReader } from './customer-fields.js';

export type IdentityInput = { kind: IdentityKind; value: string };
/** How a channel names a customer: any of email, phone or platform identities, and a name. */
export type ContactRef = { name?: string; email?: string; phone?: string; identities?: IdentityInput[] };
/** `fields`: custom values by key (null or "" clears one), judged by the form engine. */
export type NewContact = ProfileInput & { name: string; organizationId?: string | null; identities?: IdentityInput[]; fields?: Record<string, unknown> };
export type ContactChanges = ProfileInput & { name?: string; organizationId?: string | null; fields?: Record<string, unknown> };

type Normalised = IdentityValue & { kind: IdentityKind };

/** Where an identity was in the request: `identities.0.value` in a list, `value` on its own. */
type PathOf = (index: number) => string;
const inList: PathOf = (index) => `identities.${index}.value`;
const alone: PathOf = () => 'value';

/** Validate and normalise identities; a bad one is a 400 naming its field. */
export function normaliseIdentities(inputs: readonly IdentityInput[], pathOf: PathOf = inList): Normalised[] {
  const seen = new Set<string>();
  const result: Normalised[] = [];
  inputs.forEach((input, index) => {
    const normalised = normaliseIdentity(input.kind, input.value);
    if (!normalised) throw invalidField(pathOf(index), `identity.invalid_${input.kind === 'email' || input.kind === 'phone' ? input.kind : 'platform_id'}`);
    const key = `${input.kind}:${normalised.value}`;
    if (seen.has(key)) return;
    seen.add(key);
    result.push({ kind: input.kind, ...normalised });
  });
  return result;
}

/** The contact holding any of these identities (its survivor if it was merged), or null. */
async function findByIdentities(db: Db, identities: readonly Normalised[]): Promise<ContactRow | null> {
  if (identities.length === 0) return null;
  const matches = sql.join(identities.map((i) => sql`(${i.kind}, ${i.value})`), sql`, `);
  // Prefer the first identity given (channels pass the one they are sure of first, e.g. email).
  const order = sql.join(identities.map((i, n) => sql`when ${contactIdentities.kind} = ${i.kind} and ${contactIdentities.value} = ${i.value} then ${n}`), sql` `);
  const [hit] = await db
    .select({ contactId: contactIdentities.contactId })
    .from(contactIdentities)
    .where(sql`(${contactIdentities.kind}, ${contactIdentities.value}) in (${matches})`)
    .orderBy(sql`case ${order} end`)
    .limit(1);
  if (!hit) return null;
  const row = await findContactRow(db, hit.contactId);
  return row?.mergedIntoId ? ((await findContactRow(db, row.mergedIntoId)) ?? null) : (row ?? null);
}

function refIdentities(ref: ContactRef): Normalised[] {
  const inputs: IdentityInput[] = [
    ...(ref.email ? [{ kind: 'email' as const, value: ref.email }] : []),
    ...(ref.phone ? [{ kind: 'phone' as const, value: ref.phone }] : []),
    ...(ref.identities ?? []),
  ];
  // Channels hand over what the customer typed; an unusable value is dropped, not fatal.
  return inputs.flatMap((input) => {
    const normalised = normaliseIdentity(input.kind, input.value);
    return normalised ? [{ kind: input.kind, ...normalised }] : [];
  });
}

/**
 * The contact a channel message belongs to: found by any of its identities, else created with all
 * of them, inside the caller's transaction. Known identities are never attached to someone else
 * (a web form cannot claim a stranger's phone). Two messages from a new identity at the same moment
 * make one contact: the unique (kind, value) index makes the later insert wait and then do
 * nothing; that transaction removes the contact it just made and takes the winner's.
 */
export async function findOrCreateContact(tx: Tx, ref: ContactRef, actorId: string | null): Promise<ContactSummary | null> {
  const identities = refIdentities(ref);
  if (identities.length === 0) return null;
  const existing = await findByIdentities(tx, identities);
  if (existing) {
    // Held until the caller commits, so a concurrent delete of this contact waits and then sees its ticket.
    const [held] = await tx.select({ id: contacts.id }).from(contacts).where(eq(contacts.id, existing.id)).for('key share');
    if (held) return summaryOf(tx, existing.id);
  }
  const id = uuidv7();
  const fallbackName = identities[0]!.kind === 'email' ? identities[0]!.value.split('@')[0]! : identities[0]!.display;
  await tx.insert(contacts).values({ id, name: ref.name?.trim() || fallbackName });
  const inserted = await insertIdentities(tx, id, identities);
  if (inserted.length < identities.length) {
    await tx.delete(contacts).where(eq(contacts.id, id));
    const winner = await findByIdentities(tx, identities);
    return winner ? summaryOf(tx, winner.id) : null;
  }
  // Made because a customer wrote (a channel), or by the agent entering their message (phone intake).
  await recordEvent(tx, contactCreated, { aggregateId: id, ...(actorId ? { cause: 'agent', actorId } : { cause: 'customer', contactId: id }), payload: { identities: identities.map(({ kind, value }) => ({ kind, value })), source: 'channel' } });
  return summaryOf(tx, id);
}

async function summaryOf(db: Db, id: string): Promise<ContactSummary | null> {
  return (await getContactsByIds(db, [id])).get(id) ?? null;
}

function insertIdentities(tx: Tx, contactId: string, identities: readonly Normalised[]) {
  if (identities.length === 0) return Promise.resolve([]);
  return tx
    .insert(contactIdentities)
    .values(identities.map((i) => ({ id: uuidv7(), contactId, kind: i.kind, value: i.value, display: i.display })))
    .onConflictDoNothing()
    .returning({ id: contactIdentities.id });
}

/** Which of these identities already belong to someone: a 409 naming the first and its owner. */
async function assertIdentitiesFree(db: Db, identities: readonly Normalised[], pathOf: PathOf, exceptContactId?: string): Promise<void> {
  for (const [index, identity] of identities.entries()) {
    const [owner] = await db
      .select({ contactId: contactIdentities.contactId })
      .from(contactIdentities)
      .where(and(eq(contactIdentities.kind, identity.kind), eq(contactIdentities.value, identity.value)));
    if (owner && owner.contactId !== exceptContactId) {
      throw new Conflict('contact.identity_taken', { kind: identity.kind, value: identity.display, contactId: owner.contactId }, [
        { path: pathOf(index), code: 'contact.identity_taken', params: { kind: identity.kind, value: identity.display, contactId: owner.contactId } },
      ]);
    }
  }
}

/** `fieldTypes`: the app's field types (context.fieldTypes), which parse the custom values. */
export async function createContact(database: Database, actor: Actor, input: NewContact, fieldTypes: FieldTypes): Promise<ContactDetail> {
  const identities = normaliseIdentities(input.identities ?? []);
  return database.transaction(async (tx) => {
    await checkProfile(tx, input);
    if (input.organizationId) await findLiveOrganization(tx, input.organizationId, 'organizationId');
    await assertIdentitiesFree(tx, identities, inList);
    const judged = input.fields && Object.keys(input.fields).length ? await judgeCustomerFields(database, tx, 'contact', { input: input.fields, actor }, fieldTypes) : null;
    const id = uuidv7();
    await tx.insert(contacts).values({ id, name: input.name.trim(), organizationId: input.organizationId ?? null, ...profileChanges(input), fields: judged?.values ?? {} });
    const inserted = await insertIdentities(tx, id, identities);
    // A concurrent request took one of them between the check and the insert.
    if (inserted.length < identities.length) await assertIdentitiesFree(tx, identities, inList, id);
    await recordEvent(tx, contactCreated, { aggregateId: id, cause: 'agent', actorId: actor.id, payload: { name: input.name, identities: identities.map(({ kind, value }) => ({ kind, value })), ...(judged?.changed.length && { fields: judged.to }) } });
    return presentContact(tx, (await findContactRow(tx, id))!, actor);
  });
}

/** A contact to change: locked, not merged away (409), not anonymised, at the expected version. */
export async function lockContactForUpdate(tx: Tx, id: string, expectedVersion?: number): Promise<ContactRow> {
  const [row] = await tx.select().from(contacts).where(eq(contacts.id, id)).for('update');
  if (!row) throw new NotFound('contact.not_found');
  if (row.mergedIntoId) throw new Conflict('contact.merged', { mergedIntoId: row.mergedIntoId });
  if (row.anonymizedAt) throw new Conflict('contact.anonymized');
  if (expectedVersion !== undefined && row.version !== expectedVersion) throw new PreconditionFailed('contact.version_mismatch', { current: row.version });
  return row;
}

export async function updateContact(database: Database, actor: Actor, id: string, expectedVersion: number | undefined, changes: ContactChanges, fieldTypes: FieldTypes): Promise<ContactDetail> {
  return database.transaction(async (tx) => {
    const before = await lockContactForUpdate(tx, id, expectedVersion);
    await checkProfile(tx, changes);
    if (changes.organizationId) await findLiveOrganization(tx, changes.organizationId, 'organizationId');
    const judged = changes.fields !== undefined ? await judgeCustomerFields(database, tx, 'contact', { input: changes.fields, previous: before.fields, actor }, fieldTypes) : null;
    const set = { ...profileChanges(changes), ...(changes.name !== undefined && { name: changes.name.trim() }), ...(changes.organizationId !== undefined && { organizationId: changes.organizationId }) };
    const changed = Object.fromEntries(Object.entries(set).filter(([key, value]) => !isDeepStrictEqual(value, before[key as keyof ContactRow])));
    if (Object.keys(changed).length === 0 && !judged?.changed.length) return presentContact(tx, before, actor);
    const [row] = await tx
      .update(contacts)
      .set({ ...changed, ...(judged?.changed.length && { fields: judged.values }), version: sql`${contacts.version} + 1`, updatedAt: sql`now()` })
      .where(eq(contacts.id, id))
      .returning();
    // Custom values are recorded one key each (`fields.industry`), so the history reads each change.
    const from = { ...Object.fromEntries(Object.keys(changed).map((key) => [key, before[key as keyof ContactRow]])), ...judged?.from };
    await recordEvent(tx, contactUpdated, { aggregateId: id, cause: 'agent', actorId: actor.id, payload: { from, to: { ...changed, ...judged?.to } } });
    return presentContact(tx, row!, actor);
  });
}

export async function addIdentity(database: Database, actor: Actor, contactId: string, input: IdentityInput): Promise<ContactDetail> {
  const [identity] = normaliseIdentities([input], alone);
  return database.transaction(async (tx) => {
    await lockContactForUpdate(tx, contactId);
    await assertIdentitiesFree(tx, [identity!], alone, contactId);
    const inserted = await insertIdentities(tx, contactId, [identity!]);
    if (inserted.length === 0) await assertIdentitiesFree(tx, [identity!], alone, contactId); // raced, or already ours
    if (inserted.length) {
      await tx.update(contacts).set({ version: sql`${contacts.version} + 1`, updatedAt: sql`now()` }).where(eq(contacts.id, contactId));
      await recordEvent(tx, contactIdentityAdded, { aggregateId: contactId, cause: 'agent', actorId: actor.id, payload: { kind: identity!.kind, value: identity!.value } });
    }
    return presentContact(tx, (await findContactRow(tx, contactId))!, actor);
  });
}

export async function removeIdentity(database: Database, actor: Actor, contactId: string, identityId: string): Promise<ContactDetail> {
  return database.transaction(async (tx) => {
    await lockContactForUpdate(tx, contactId);
    const [removed] = await tx
      .delete(contactIdentities)
      .where(and(eq(contactIdentities.id, identityId), eq(contactIdentities.contactId, contactId)))
      .returning({ kind: contactIdentities.kind, value: contactIdentities.value });
    if (!removed) throw new NotFound('identity.not_found');
    await tx.update(contacts).set({ version: sql`${contacts.version} + 1`, updatedAt: sql`now()` }).where(eq(contacts.id, contactId));
    await recordEvent(tx, contactIdentityRemoved, { aggregateId: contactId, cause: 'agent', actorId: actor.id, payload: removed });
    return presentContact(tx, (await findContactRow(tx, contactId))!, actor);
  });
}

/** One contact; a merged id answers 308 to its survivor. Custom values only for a `reader` (see FieldReader). */
export async function getContact(db: Db, id: string, reader?: FieldReader): Promise<ContactDetail> {
  const row = await findContactRow(db, id);
  if (!row) throw new NotFound('contact.not_found');
  if (row.mergedIntoId) throw new MovedPermanently('contact.merged', `/api/v1/contacts/${row.mergedIntoId}`, { mergedIntoId: row.mergedIntoId });
  return presentContact(db, row, reader);
}

/** The contact behind an identity, written any way (`GET /contacts/lookup?phone=…`). */
export async function lookupContact(db: Db, input: IdentityInput): Promise<ContactSummary | null> {
  const normalised = normaliseIdentity(input.kind, input.value);
  if (!normalised) throw invalidField(input.kind, `identity.invalid_${input.kind === 'email' || input.kind === 'phone' ? input.kind : 'platform_id'}`);
  const row = await findByIdentities(db, [{ kind: input.kind, ...normalised }]);
  return row ? summaryOf(db, row.id) : null;
}

/** Ids of the contacts merged into this one (directly or through earlier merges). */
export async function mergedContactIds(db: Db, survivorId: string): Promise<string[]> {
  const rows = await db.select({ id: contacts.id }).from(contacts).where(eq(contacts.mergedIntoId, survivorId));
  return rows.map((r) => r.id);
}

export async function contactIdsOfOrganization(db: Db, organizationId: string): Promise<string[]> {
  const rows = await db.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.organizationId, organizationId)));
  return rows.map((r) => r.id);
}

export { getContactsByIds };
