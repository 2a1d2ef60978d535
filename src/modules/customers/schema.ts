import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { IdentityKind } from './identity-kinds.js';

/**
 * The customers module: one record that every channel, ticket, order, contract and device hangs
 * from. Organisations (企业客户) own contacts (联系人); a contact is found again through its
 * identities (email, phone, WeChat, WeCom, DingTalk); ERP data arrives as external records.
 */

/** Customer tiers (VIP / 重点 / 普通): admin-configurable, read later by SLA and routing. */
export const customerTiers = pgTable('customer_tiers', {
  key: text('key').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  /** 1 = most important. */
  rank: integer('rank').notNull(),
  color: text('color').notNull().default('default'),
  active: boolean('active').notNull().default(true),
});

/** What organisations and contacts share: tier, tags, account manager, notes, extra attributes. */
const profileColumns = () => ({
  tierKey: text('tier_key'),
  tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
  /** The account manager (客户经理), a user id. */
  ownerId: uuid('owner_id'),
  notes: text('notes').notNull().default(''),
  /** Extra attributes as validated JSON until the forms module brings typed custom fields. */
  attributes: jsonb('attributes').$type<Record<string, unknown>>().notNull().default({}),
  /**
   * Custom field values (客户行业, 客户来源 …) keyed by the registry's contact or organisation fields,
   * each in the form engine's one stored form (src/forms/field-values.ts), judged on every write.
   */
  fields: jsonb('fields').$type<Record<string, unknown>>().notNull().default({}),
  /** Set when merged into another record: this id then resolves (redirects) to the survivor. */
  mergedIntoId: uuid('merged_into_id'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    ...profileColumns(),
  },
  (t) => [
    index('organizations_updated_idx').on(t.updatedAt.desc(), t.id.desc()),
    index('organizations_name_idx').on(t.name, t.id),
    index('organizations_tags_idx').using('gin', t.tags),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull().default(''),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    ...profileColumns(),
    /** PIPL erasure: the profile and identities are gone; the id stays so ticket statistics hold. */
    anonymizedAt: timestamp('anonymized_at', { withTimezone: true }),
  },
  (t) => [
    index('contacts_updated_idx').on(t.updatedAt.desc(), t.id.desc()),
    index('contacts_name_idx').on(t.name, t.id),
    index('contacts_organization_idx').on(t.organizationId),
    index('contacts_tags_idx').using('gin', t.tags),
    // The list's custom field filters (`fields @> {"industry": "retail"}`), one index for every key.
    index('contacts_fields_idx').using('gin', t.fields.op('jsonb_path_ops')),
  ],
);

/**
 * How a contact reaches us. `value` is normalised (E.164 phones, lower-cased emails) and unique per
 * kind, so an inbound message finds exactly one customer; `display` keeps what was typed.
 */
export const contactIdentities = pgTable(
  'contact_identities',
  {
    id: uuid('id').primaryKey(),
    contactId: uuid('contact_id').notNull().references(() => contacts.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<IdentityKind>().notNull(),
    value: text('value').notNull(),
    display: text('display').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('contact_identities_kind_value_key').on(t.kind, t.value), index('contact_identities_contact_idx').on(t.contactId, t.createdAt)],
);

/**
 * Orders, contracts, devices and invoices from other systems, linked to an organisation and/or a
 * contact. (type, external_id) is the natural key an ERP sync upserts by.
 */
export const customerRecords = pgTable(
  'customer_records',
  {
    id: uuid('id').primaryKey(),
    type: text('type').notNull(),
    externalId: text('external_id').notNull(),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    status: text('status'),
    /** Order date, contract signing, installation: the record's main date. */
    occurredOn: date('occurred_on'),
    /** Warranty end, contract end, invoice due: when it runs out. */
    expiresOn: date('expires_on'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('customer_records_type_external_key').on(t.type, t.externalId),
    index('customer_records_organization_idx').on(t.organizationId, t.occurredOn),
    index('customer_records_contact_idx').on(t.contactId, t.occurredOn),
  ],
);
