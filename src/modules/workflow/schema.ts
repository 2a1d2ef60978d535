import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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

/**
 * A ticket's run of a process version (issue 19 §5). `revision` is the optimistic lock of
 * transitions: a transition names the revision it was offered at and moves it by one, so two at
 * once cannot both succeed. Join counts and who last left each stage live here (one row per ticket).
 */
export const processInstances = pgTable(
  'process_instances',
  {
    id: uuid('id').primaryKey(),
    ticketId: uuid('ticket_id').notNull(),
    processId: uuid('process_id')
      .notNull()
      .references(() => processes.id),
    version: integer('version').notNull(),
    status: text('status').$type<'running' | 'completed'>().notNull().default('running'),
    revision: integer('revision').notNull().default(1),
    joins: jsonb('joins').$type<Record<string, number>>().notNull().default({}),
    /** Stage id → the user who last took a transition out of it (for "回访 by someone other than the handler"). */
    stageActors: jsonb('stage_actors').$type<Record<string, string>>().notNull().default({}),
    /** The approval request the instance waits for (审批中): no transition is taken meanwhile. */
    approvalRequestId: uuid('approval_request_id'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('process_instances_ticket').on(t.ticketId), index('process_instances_version_idx').on(t.processId, t.version)],
);

/**
 * A token waiting at a stage (one per parallel branch). Who works on it is resolved when it enters
 * (a user, a team or a role), so "待我处理的环节" is an index lookup, not a judgement per ticket.
 */
export const processTokens = pgTable(
  'process_tokens',
  {
    id: uuid('id').primaryKey(),
    instanceId: uuid('instance_id')
      .notNull()
      .references(() => processInstances.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id').notNull(),
    processId: uuid('process_id').notNull(),
    stage: text('stage').notNull(),
    /** The parallel splits the token is inside, outermost first. */
    lineage: text('lineage').array().notNull().default(sql`'{}'::text[]`),
    assigneeUserId: uuid('assignee_user_id'),
    assigneeTeamId: uuid('assignee_team_id'),
    assigneeRole: text('assignee_role'),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('process_tokens_instance_idx').on(t.instanceId),
    index('process_tokens_stage_idx').on(t.processId, t.stage, t.enteredAt),
    // The ticket list's stage filter probes it per ticket it walks (stage-list-filter.ts): without it, a semi-join compared every token of the stage with every ticket.
    index('process_tokens_ticket_idx').on(t.ticketId, t.processId, t.stage),
    index('process_tokens_user_idx').on(t.assigneeUserId, t.enteredAt).where(sql`${t.assigneeUserId} is not null`),
    index('process_tokens_team_idx').on(t.assigneeTeamId, t.enteredAt).where(sql`${t.assigneeTeamId} is not null`),
    index('process_tokens_role_idx').on(t.assigneeRole, t.enteredAt).where(sql`${t.assigneeRole} is not null`),
  ],
);

export type ApprovalRequestStatus = 'pending' | 'approved' | 'rejected' | 'returned';
export type ApprovalStepStatus = 'waiting' | 'pending' | 'approved' | 'rejected' | 'returned' | 'closed';

/**
 * A transition waiting for its approval (审批, issue 19 §2). The plan is frozen when it is asked
 * for: the mode, how many approvals decide (`needed`), the tier the amount fell in, and one step
 * per approver resolved then. `revision` moves with every decision (a client's `expectedRevision`).
 * `needsAttention`: an approver could not be found or left and has no lead; admins see these.
 */
export const approvalRequests = pgTable(
  'approval_requests',
  {
    id: uuid('id').primaryKey(),
    instanceId: uuid('instance_id')
      .notNull()
      .references(() => processInstances.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id').notNull(),
    processId: uuid('process_id').notNull(),
    version: integer('version').notNull(),
    transition: text('transition').notNull(),
    fromStage: text('from_stage').notNull(),
    /** The token waiting at `fromStage` that moves when the plan is satisfied. */
    tokenId: uuid('token_id').notNull(),
    mode: text('mode').$type<'single' | 'chain' | 'countersign' | 'any' | 'n_of_m'>().notNull(),
    needed: integer('needed').notNull(),
    tier: integer('tier'),
    delegation: boolean('delegation').notNull(),
    /** Frozen from the approval: business minutes until a pending approver is reminded, and until it escalates (null: never). */
    reminderMinutes: integer('reminder_minutes'),
    escalateMinutes: integer('escalate_minutes'),
    status: text('status').$type<ApprovalRequestStatus>().notNull().default('pending'),
    needsAttention: boolean('needs_attention').notNull().default(false),
    /** Why it needs attention (`account_manager_unavailable`, `no_approvers`, `approver_inactive`). */
    attention: jsonb('attention').$type<string[]>().notNull().default([]),
    revision: integer('revision').notNull().default(1),
    requestedBy: uuid('requested_by').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** The reason of the decision that ended it (reject, return). */
    reason: text('reason'),
  },
  (t) => [
    index('approval_requests_ticket_idx').on(t.ticketId, t.requestedAt),
    index('approval_requests_attention_idx').on(t.requestedAt, t.id).where(sql`${t.needsAttention} and ${t.status} = 'pending'`),
  ],
);

/**
 * One approver's part of a request. `waiting`: a chain step not asked yet; `pending`: asked (in
 * 待我审批); `closed`: the request ended before it was decided. `delegatedFrom`: the absent approver
 * whose substitute this is; `reassignedFrom`: a deactivated approver (or one an admin replaced).
 */
export const approvalSteps = pgTable(
  'approval_steps',
  {
    id: uuid('id').primaryKey(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => approvalRequests.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id').notNull(),
    position: integer('position').notNull(),
    approverId: uuid('approver_id').notNull(),
    status: text('status').$type<ApprovalStepStatus>().notNull(),
    delegatedFrom: uuid('delegated_from'),
    reassignedFrom: uuid('reassigned_from'),
    /** Who added this signer (加签); null for the plan's own approvers. */
    addedBy: uuid('added_by'),
    askedAt: timestamp('asked_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    reason: text('reason'),
  },
  (t) => [
    index('approval_steps_request_idx').on(t.requestId, t.position),
    // 待我审批: my pending steps, oldest first (keyset on asked_at, id).
    index('approval_steps_pending_idx').on(t.approverId, t.askedAt, t.id).where(sql`${t.status} = 'pending'`),
  ],
);

/** A user's substitute while away (代理审批): requests asked of them in [startsAt, endsAt) go to the substitute. */
export const approvalDelegates = pgTable('approval_delegates', {
  userId: uuid('user_id').primaryKey(),
  substituteId: uuid('substitute_id').notNull(),
  startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
  endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Signed one-time links in an approver's notification email (同意 / 驳回 without signing in): each
 * bound to one step, its approver and one decision. Only the SHA-256 of the random token is kept;
 * `usedAt` makes it single use. A link is void once its step is no longer pending for its approver.
 */
export const approvalLinks = pgTable(
  'approval_links',
  {
    id: uuid('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => approvalRequests.id, { onDelete: 'cascade' }),
    stepId: uuid('step_id').notNull(),
    approverId: uuid('approver_id').notNull(),
    decision: text('decision').$type<'approve' | 'reject'>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('approval_links_token_idx').on(t.tokenHash), index('approval_links_request_idx').on(t.requestId)],
);
