import { z } from 'zod';
import { customValuesSchema } from '../../forms/definition.js';
import { defineEvent } from '../../jobs/event-definition.js';

/** The customers module's domain events (contacts, organisations, tiers, external records). */
const identity = z.object({ kind: z.string(), value: z.string() });
const fieldValues = customValuesSchema;
const moved = z.object({ identities: z.number().int(), records: z.number().int(), contacts: z.number().int() });
const recordKey = { type: z.string(), externalId: z.string() };
const tierFields = { key: z.string().optional(), nameZh: z.string().optional(), nameEn: z.string().optional(), rank: z.number().optional(), color: z.string().optional(), active: z.boolean().optional() };

export const contactCreated = defineEvent({
  name: 'contact.created',
  version: 1,
  aggregate: 'contact',
  payload: { name: z.string().optional(), identities: z.array(identity), source: z.literal('channel').optional(), fields: fieldValues.optional() },
});
export const contactUpdated = defineEvent({ name: 'contact.updated', version: 1, aggregate: 'contact', payload: { from: fieldValues, to: fieldValues } });
export const contactIdentityAdded = defineEvent({ name: 'contact.identity_added', version: 1, aggregate: 'contact', payload: identity.shape });
export const contactIdentityRemoved = defineEvent({ name: 'contact.identity_removed', version: 1, aggregate: 'contact', payload: identity.shape });
/** The duplicate's side of a merge; the tickets module moves its tickets to `targetId`. */
export const contactMerged = defineEvent({
  name: 'contact.merged',
  version: 1,
  aggregate: 'contact',
  payload: { sourceId: z.string(), targetId: z.string(), sourceName: z.string(), mergedIds: z.array(z.string()), moved, fieldsTaken: z.array(z.string()).optional() },
});
/** The survivor's side of a merge (its audit trail), same payload. */
export const contactAbsorbed = defineEvent({ name: 'contact.absorbed', version: 1, aggregate: 'contact', payload: contactMerged.readSchema.shape });
/** A contact erased on request (PIPL); the tickets module erases the person's words. */
export const contactAnonymized = defineEvent({ name: 'contact.anonymized', version: 1, aggregate: 'contact', payload: { contactIds: z.array(z.string()) } });
export const contactDeleted = defineEvent({ name: 'contact.deleted', version: 1, aggregate: 'contact', payload: {} });

export const organizationCreated = defineEvent({ name: 'organization.created', version: 1, aggregate: 'organization', payload: { name: z.string(), fields: fieldValues.optional() } });
export const organizationUpdated = defineEvent({ name: 'organization.updated', version: 1, aggregate: 'organization', payload: { from: fieldValues, to: fieldValues } });
export const organizationDeleted = defineEvent({ name: 'organization.deleted', version: 1, aggregate: 'organization', payload: { name: z.string() } });
const organizationMerge = { sourceId: z.string(), targetId: z.string(), sourceName: z.string(), moved, fieldsTaken: z.array(z.string()).optional() };
export const organizationMerged = defineEvent({ name: 'organization.merged', version: 1, aggregate: 'organization', payload: organizationMerge });
export const organizationAbsorbed = defineEvent({ name: 'organization.absorbed', version: 1, aggregate: 'organization', payload: organizationMerge });

export const customerTierCreated = defineEvent({ name: 'customer_tier.created', version: 1, aggregate: 'customer_tier', payload: tierFields });
export const customerTierUpdated = defineEvent({ name: 'customer_tier.updated', version: 1, aggregate: 'customer_tier', payload: tierFields });
export const customerTierDeleted = defineEvent({ name: 'customer_tier.deleted', version: 1, aggregate: 'customer_tier', payload: {} });

export const customerRecordCreated = defineEvent({ name: 'customer_record.created', version: 1, aggregate: 'customer_record', payload: recordKey });
export const customerRecordUpdated = defineEvent({ name: 'customer_record.updated', version: 1, aggregate: 'customer_record', payload: recordKey });
export const customerRecordDeleted = defineEvent({ name: 'customer_record.deleted', version: 1, aggregate: 'customer_record', payload: recordKey });
