import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Condition } from '../../conditions/types.js';
import type { RuleAction } from './actions/index.js';
import type { ActionOutcome } from './firing-outcome.js';
import type { TimeAnchor, TimeTrigger } from './time-trigger.js';
import type { RuleKind, RuleTrigger } from './triggers.js';

/**
 * Automation rules (触发器; 定时规则 next round, hence `kind`). Tried in `position` order (dense,
 * 0..n-1, kept so under one advisory lock); `stop_after` ends the pass for the event that fired it.
 * `triggers` are the events an event rule listens to; `conditions` a tree of the condition
 * language; `actions` a list checked by the action registry's schemas.
 */
export const automationRules = pgTable(
  'automation_rules',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').$type<RuleKind>().notNull().default('event'),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    triggers: text('triggers').array().$type<RuleTrigger[]>().notNull().default(sql`'{}'::text[]`),
    /** A time rule's anchor and delay (time-trigger.ts); null for event rules. */
    timeTrigger: jsonb('time_trigger').$type<TimeTrigger>(),
    conditions: jsonb('conditions').$type<Condition>().notNull().default({ all: [] }),
    actions: jsonb('actions').$type<RuleAction[]>().notNull().default([]),
    position: integer('position').notNull(),
    stopAfter: boolean('stop_after').notNull().default(false),
    enabled: boolean('enabled').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    updatedBy: uuid('updated_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('automation_rules_position_idx').on(t.position)],
);

/** One immutable snapshot per save (who, when, what): a rule's history, kept after the rule is deleted. */
export const automationRuleVersions = pgTable(
  'automation_rule_versions',
  {
    id: uuid('id').primaryKey(),
    ruleId: uuid('rule_id').notNull(),
    version: integer('version').notNull(),
    /** created | updated | enabled | disabled | deleted */
    change: text('change').notNull(),
    /** The fields this save changed (empty on create and delete). */
    fields: text('fields').array().notNull().default(sql`'{}'::text[]`),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('automation_rule_versions_rule_version_idx').on(t.ruleId, t.version, t.change)],
);

/**
 * The firing log: one row per (rule, event) — the unique index is the loop guard's first half (a
 * rule never fires twice for the same change). `depth` is the chain's length at this firing (an
 * agent's change fires at 1; a change made by a rule fired at d fires the next at d + 1).
 */
export const automationRuleFirings = pgTable(
  'automation_rule_firings',
  {
    id: uuid('id').primaryKey(),
    ruleId: uuid('rule_id').notNull(),
    ruleVersion: integer('rule_version').notNull(),
    ticketId: uuid('ticket_id').notNull(),
    eventId: bigint('event_id', { mode: 'number' }).notNull(),
    eventType: text('event_type').notNull(),
    eventCause: text('event_cause').notNull(),
    depth: integer('depth').notNull(),
    /** running (claimed, actions under way) | done | failed */
    status: text('status').notNull(),
    actions: jsonb('actions').$type<ActionOutcome[]>().notNull().default([]),
    error: text('error'),
    durationMs: integer('duration_ms'),
    firedAt: timestamp('fired_at', { withTimezone: true }).notNull().defaultNow(),
    /** A time rule's firing: the due time it fired for (its event is the `rule.time_due` it recorded). */
    dueAt: timestamp('due_at', { withTimezone: true }),
  },
  // Plain ascending indexes: read backwards they give `order by id desc` exactly (a `.desc()` index
  // is DESC NULLS LAST, which a plain DESC does not use; docs/ARCHITECTURE.md, known traps).
  (t) => [
    uniqueIndex('automation_rule_firings_rule_event_idx').on(t.ruleId, t.eventId),
    index('automation_rule_firings_rule_idx').on(t.ruleId, t.id),
    index('automation_rule_firings_ticket_idx').on(t.ticketId, t.ruleId, t.id),
    // A time rule fires once per (rule, ticket, due time), whichever worker or retry gets there.
    uniqueIndex('automation_rule_firings_time_idx').on(t.ruleId, t.ticketId, t.dueAt).where(sql`due_at is not null`),
    // The time rules' sweep of firings a crash interrupted (fire-time-rules.ts): only those still running.
    index('automation_rule_firings_running_time_idx').on(t.firedAt).where(sql`status = 'running' and due_at is not null`),
  ],
);

/**
 * The actions of a firing that are done: one row per (firing, action index), written in the same
 * transaction as the action's effect (fire-rule.ts), before it. A firing that a crash interrupted
 * is resumed by the retried job, which skips the actions with a row: each action runs exactly once
 * per firing. A second worker resuming at the same moment waits on the row's key, then skips.
 * `outcome`: what the action did, for the firing log of the run that finishes the firing.
 */
export const automationFiringActions = pgTable(
  'automation_firing_actions',
  {
    firingId: uuid('firing_id').notNull(),
    actionIndex: integer('action_index').notNull(),
    outcome: jsonb('outcome').$type<ActionOutcome>(),
    doneAt: timestamp('done_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.firingId, t.actionIndex] })],
);

/**
 * One row: bumped by every rule change in its transaction, with the triggers some enabled event
 * rule listens to. Workers read it at most once a second (trigger-cache.ts), so an installation
 * whose rules listen to nothing makes no job per ticket event.
 */
export const automationRevision = pgTable('automation_revision', {
  id: integer('id').primaryKey(),
  revision: integer('revision').notNull(),
  triggers: text('triggers').array().$type<RuleTrigger[]>().notNull().default(sql`'{}'::text[]`),
  /** The anchors some enabled time rule watches: an event that moves none makes no job. */
  timeAnchors: text('time_anchors').array().$type<TimeAnchor[]>().notNull().default(sql`'{}'::text[]`),
});

/**
 * When a time rule is due on a ticket: one row per (ticket, rule, anchor), written by the job that
 * follows the events moving an anchor (a moved anchor replaces the row) and picked, once due, by
 * every worker's poll with FOR UPDATE SKIP LOCKED (fire-time-rules.ts). `rule_version`: the
 * version `due_at` was computed with (a changed rule's rows are recomputed, page by page).
 */
export const automationTimeDue = pgTable(
  'automation_time_due',
  {
    ticketId: uuid('ticket_id').notNull(),
    ruleId: uuid('rule_id').notNull(),
    anchorAt: timestamp('anchor_at', { withTimezone: true }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    ruleVersion: integer('rule_version').notNull(),
  },
  (t) => [
    uniqueIndex('automation_time_due_ticket_rule_anchor_idx').on(t.ticketId, t.ruleId, t.anchorAt),
    index('automation_time_due_due_idx').on(t.dueAt),
    index('automation_time_due_rule_idx').on(t.ruleId, t.ticketId),
  ],
);

/**
 * A time rule's backfill (补算): the tickets already holding its anchor when it was created,
 * enabled or given another anchor get their due rows, a page per job (time-backfill.ts). One row
 * per rule, the latest run: `state` running | done | stopped (the rule was disabled, deleted or
 * re-anchored meanwhile: a newer run, if any, replaces it); `scanned` tickets read, `added` due rows
 * written (a ticket with a row already, or one the rule fired on since its anchor, adds none).
 */
export const automationTimeBackfills = pgTable('automation_time_backfills', {
  ruleId: uuid('rule_id').primaryKey(),
  ruleVersion: integer('rule_version').notNull(),
  state: text('state').$type<'running' | 'done' | 'stopped'>().notNull(),
  scanned: integer('scanned').notNull().default(0),
  added: integer('added').notNull().default(0),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});
