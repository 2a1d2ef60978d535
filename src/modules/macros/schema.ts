import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** What applying a macro changes on the ticket (macro-actions.ts validates it). */
export type MacroActions = {
  status?: 'new' | 'open' | 'pending' | 'resolved' | 'closed';
  priority?: string;
  teamId?: string | null;
  assigneeId?: string | null;
  tagsAdd?: string[];
  tagsRemove?: string[];
  /** Custom ticket field values by key (null clears one), judged by the ticket's form when applied. */
  fields?: Record<string, unknown>;
};

/**
 * 宏 / 快捷回复: a reply text with variables plus optional ticket changes. Personal macros belong
 * to their owner alone (`owner_id`); shared ones (`owner_id` null) reach every agent, or only the
 * members of `team_ids` when it is not empty, and are managed with `macros.manage`. Few rows
 * (hundreds), so the composer's search scans the visible ones.
 */
export const macros = pgTable(
  'macros',
  {
    id: uuid('id').primaryKey(),
    scope: text('scope').$type<'personal' | 'shared'>().notNull(),
    ownerId: uuid('owner_id'),
    teamIds: uuid('team_ids').array().notNull().default(sql`'{}'::uuid[]`),
    name: text('name').notNull(),
    /** Typed after `/` in the composer to find it first (e.g. `退款`); optional. */
    shortcut: text('shortcut'),
    body: text('body').notNull().default(''),
    /** Whether the text lands in the composer as a public reply or an internal note. */
    bodyKind: text('body_kind').$type<'reply' | 'note'>().notNull().default('reply'),
    actions: jsonb('actions').$type<MacroActions>().notNull().default({}),
    active: boolean('active').notNull().default(true),
    usageCount: integer('usage_count').notNull().default(0),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('macros_owner_idx').on(t.ownerId), index('macros_scope_usage_idx').on(t.scope, t.usageCount.desc(), t.id)],
);
