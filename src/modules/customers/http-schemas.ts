import { z } from 'zod';
import { customValuesSchema } from '../../forms/definition.js';
import { optionalIfMatchVersion } from '../../app/http/if-match.js';
import { identityKinds } from './identity-kinds.js';
import { customerSorts } from './keyset.js';

const dateTime = z.date();
export const idParams = z.object({ id: z.uuid() });
const tag = z.string().trim().min(1).max(50);
const tierKey = z.string().trim().min(1).max(40).regex(/^[a-z0-9_-]+$/);

/** Extra attributes: a flat-ish JSON object (values of any JSON type), bounded in the service. */
const attributes = z.record(z.string().min(1).max(100), z.unknown());

/** Custom values by field key (`GET /contact-fields`, `/organisation-fields`); each judged by the form engine. */
const customFieldValues = customValuesSchema;

export const fieldsDescription =
  '`fields`: custom field values by key (the registry: `GET /api/v1/contact-fields` or `/organisation-fields`) in the form engine\'s stored forms (money `"1280.50"`, phones E.164, selects by option value, cascaders as the path); on update only the keys sent change, `null` clears one. A bad value, an unknown key, an archived field or one the caller\'s role may not write answers 400 with an error at `fields.<key>`.';

export const profileBody = {
  tierKey: tierKey.nullable().optional(),
  tags: z.array(tag).max(50).optional(),
  ownerId: z.uuid().nullable().optional(),
  notes: z.string().max(20_000).optional(),
  attributes: attributes.optional(),
  fields: customFieldValues.optional(),
};

export const identityKindSchema = z.enum(identityKinds);
export const identityInput = z.strictObject({ kind: identityKindSchema, value: z.string().trim().min(1).max(254) });

const organizationRef = z.object({ id: z.uuid(), name: z.string() });

export const contactSummarySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    organization: organizationRef.nullable(),
    tierKey: z.string().nullable(),
    anonymized: z.boolean(),
  })
  .meta({ id: 'ContactSummary' });

export const identitySchema = z
  .object({ id: z.uuid(), kind: identityKindSchema, value: z.string(), display: z.string(), createdAt: dateTime })
  .meta({ id: 'ContactIdentity' });

export const contactSchema = contactSummarySchema
  .extend({
    tags: z.array(z.string()),
    owner: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    notes: z.string(),
    attributes: z.record(z.string(), z.unknown()),
    fields: customFieldValues.describe('Custom field values the caller may read (a field\'s read roles), by key.'),
    identities: z.array(identitySchema),
    version: z.number().int(),
    createdAt: dateTime,
    updatedAt: dateTime,
  })
  .meta({ id: 'Contact' });

export const organizationSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    tierKey: z.string().nullable(),
    tags: z.array(z.string()),
    owner: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    notes: z.string(),
    attributes: z.record(z.string(), z.unknown()),
    fields: customFieldValues.describe('Custom field values the caller may read (a field\'s read roles), by key.'),
    contactCount: z.number().int(),
    version: z.number().int(),
    createdAt: dateTime,
    updatedAt: dateTime,
  })
  .meta({ id: 'Organization' });

export const recordTypeSchema = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, { message: 'customer_record.invalid_type' });
const isoDate = z.iso.date();

export const customerRecordSchema = z
  .object({
    id: z.uuid(),
    type: z.string(),
    externalId: z.string(),
    organizationId: z.uuid().nullable(),
    contactId: z.uuid().nullable(),
    title: z.string(),
    status: z.string().nullable(),
    occurredOn: z.string().nullable(),
    expiresOn: z.string().nullable(),
    payload: z.record(z.string(), z.unknown()),
    version: z.number().int(),
    createdAt: dateTime,
    updatedAt: dateTime,
  })
  .meta({ id: 'CustomerRecord' });

export const recordBody = z.strictObject({
  organizationId: z.uuid().nullable().optional(),
  contactId: z.uuid().nullable().optional(),
  title: z.string().trim().min(1).max(300),
  status: z.string().trim().max(50).nullable().optional(),
  occurredOn: isoDate.nullable().optional(),
  expiresOn: isoDate.nullable().optional(),
  payload: z.record(z.string(), z.unknown()).optional(),
});

export const tierSchema = z
  .object({ key: z.string(), nameZh: z.string(), nameEn: z.string(), rank: z.number().int(), color: z.string(), active: z.boolean() })
  .meta({ id: 'CustomerTier' });
export const tierBody = z.strictObject({
  nameZh: z.string().trim().min(1).max(50),
  nameEn: z.string().trim().min(1).max(50),
  rank: z.number().int().min(1).max(100),
  color: z.string().trim().min(1).max(20).optional(),
  active: z.boolean().optional(),
});
export const tierKeySchema = tierKey;

export const historyEntrySchema = z
  .object({ id: z.number().int(), type: z.string(), actor: z.object({ id: z.uuid(), name: z.string() }).nullable(), payload: z.record(z.string(), z.unknown()), createdAt: dateTime })
  .meta({ id: 'CustomerHistoryEntry' });

export const listQuery = {
  q: z.string().trim().max(100).optional(),
  tierKey: tierKey.optional(),
  tag: tag.optional(),
  ownerId: z.uuid().optional(),
  sort: z.enum(customerSorts).default('-updatedAt'),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
};

export const mergeBody = z.strictObject({ sourceId: z.uuid(), targetId: z.uuid() });
export const movedSchema = z.object({ identities: z.number().int(), records: z.number().int(), contacts: z.number().int() });

/** `If-Match: "3"` → 3; optional for customers (last writer wins without it). */
export function optionalIfMatch(header: string | undefined): number | undefined {
  return optionalIfMatchVersion(header);
}
