import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { FieldTypeKey, FieldEntity, FieldOption, FieldSettings, FormDefinition, Label } from '../../forms/definition.js';

/**
 * The field registry's custom fields, per entity (ticket, contact, organisation): a key is unique
 * within its entity and never changes. Values live in the entity's own `fields` JSONB column,
 * owned by its module; this table only describes them.
 */
export const customFields = pgTable(
  'custom_fields',
  {
    id: uuid('id').primaryKey(),
    entity: text('entity').$type<FieldEntity>().notNull(),
    key: text('key').notNull(),
    label: jsonb('label').$type<Label>().notNull(),
    help: jsonb('help').$type<Partial<Label>>(),
    type: text('type').$type<FieldTypeKey>().notNull(),
    /** Options of a select, multi select or cascader; deleted ones stay, marked, so old values keep their label. */
    options: jsonb('options').$type<FieldOption[]>(),
    settings: jsonb('settings').$type<FieldSettings>().notNull().default({}),
    filterable: boolean('filterable').notNull().default(false),
    searchable: boolean('searchable').notNull().default(false),
    customerVisible: boolean('customer_visible').notNull().default(false),
    /** Staff roles that may read / write it; empty: every staff role. */
    readRoles: text('read_roles').array().notNull().default(sql`'{}'::text[]`),
    writeRoles: text('write_roles').array().notNull().default(sql`'{}'::text[]`),
    archived: boolean('archived').notNull().default(false),
    position: integer('position').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('custom_fields_entity_key').on(t.entity, t.key), index('custom_fields_entity_position_idx').on(t.entity, t.position)],
);

/** Admin-defined ticket types (工单类型): 咨询, 报修, 投诉 … each with immutable published form versions. */
export const ticketTypes = pgTable(
  'ticket_types',
  {
    id: uuid('id').primaryKey(),
    key: text('key').notNull(),
    label: jsonb('label').$type<Label>().notNull(),
    active: boolean('active').notNull().default(true),
    position: integer('position').notNull().default(0),
    /** Given to new tickets of the type that name none. No FKs: teams, priorities and policies belong to other modules. */
    defaultTeamId: uuid('default_team_id'),
    defaultPriority: text('default_priority'),
    slaPolicyId: uuid('sla_policy_id'),
    /** The version new tickets get; null until the first publish. */
    currentVersion: integer('current_version'),
    /** The row's own version (If-Match), not the form's. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('ticket_types_key').on(t.key)],
);

/** A published form of a ticket type. Never updated: tickets remember the version they were made with. */
export const ticketTypeVersions = pgTable(
  'ticket_type_versions',
  {
    typeId: uuid('type_id')
      .notNull()
      .references(() => ticketTypes.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    form: jsonb('form').$type<FormDefinition>().notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    publishedBy: uuid('published_by'),
  },
  (t) => [primaryKey({ columns: [t.typeId, t.version] })],
);

/**
 * One counter every change of fields or types bumps in its own transaction: the form endpoints'
 * ETags derive from it, and a process knows its definitions are current when the counter is.
 */
export const formsRevision = pgTable(
  'forms_revision',
  {
    id: smallint('id').primaryKey().default(1),
    revision: bigint('revision', { mode: 'number' }).notNull().default(0),
  },
  (t) => [check('forms_revision_single_row', sql`${t.id} = 1`)],
);
