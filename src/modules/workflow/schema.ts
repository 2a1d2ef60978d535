import { integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ProcessDefinition, ProcessLabel } from '../../workflow-model/definition.js';

/**
 * A process (流程) of a ticket type: one editable draft, and immutable published versions in
 * `process_versions`. The draft is any definition of the right shape (the designer saves half-drawn
 * work); publishing validates it. No FK to ticket types: they belong to the forms module.
 */
export const processes = pgTable(
  'processes',
  {
    id: uuid('id').primaryKey(),
    key: text('key').notNull(),
    name: jsonb('name').$type<ProcessLabel>().notNull(),
    /** The ticket type (forms' key) whose tickets run this process; one process per type. */
    ticketType: text('ticket_type').notNull(),
    draft: jsonb('draft').$type<ProcessDefinition>().notNull(),
    /** The version new tickets of the type start on; null before the first publish. */
    currentVersion: integer('current_version'),
    /** The row's own version (If-Match on the draft), not a published version. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('processes_key').on(t.key), uniqueIndex('processes_ticket_type').on(t.ticketType)],
);

/** A published definition. Never updated: a running instance stays on the version it started with. */
export const processVersions = pgTable(
  'process_versions',
  {
    processId: uuid('process_id')
      .notNull()
      .references(() => processes.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<ProcessDefinition>().notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    publishedBy: uuid('published_by'),
  },
  (t) => [primaryKey({ columns: [t.processId, t.version] })],
);
