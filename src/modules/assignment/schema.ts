import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The assignment module's tables. Nothing here points at another module's tables with a foreign
 * key: teams, users and tickets are named by id and kept honest by the events that follow them.
 */

export const assignmentStrategies = ['off', 'round_robin', 'least_open', 'skills', 'weighted'] as const;
export type AssignmentStrategy = (typeof assignmentStrategies)[number];

/**
 * One row per team that has assignment settings (设置 › 分配). Every decision for the team locks
 * this row (`FOR UPDATE`), so two workers never hand the same agent's last free place out twice,
 * and the round-robin pointer lives here.
 */
export const assignmentTeamSettings = pgTable('assignment_team_settings', {
  teamId: uuid('team_id').primaryKey(),
  strategy: text('strategy').$type<AssignmentStrategy>().notNull().default('off'),
  /** Ticket fields an agent's skills must match (`priority`, `channel`, `fields.<key>`), for the skills strategy. */
  skillFields: text('skill_fields').array().notNull().default(sql`'{}'::text[]`),
  /** Reassign when the assignee sent no public reply within this many business minutes (null: never). */
  reassignAfterMinutes: integer('reassign_after_minutes'),
  /** The SLA module's calendar shifts and business minutes are judged in (null: the default calendar). */
  calendarId: uuid('calendar_id'),
  /** Round robin: the agent who got the team's last ticket. */
  lastAssigneeId: uuid('last_assignee_id'),
  /** When waiting tickets should be offered again because a member's shift starts (a due row). */
  handoutAt: timestamp('handout_at', { withTimezone: true }),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
}, (t) => [index('assignment_team_settings_handout').on(t.handoutAt).where(sql`${t.handoutAt} is not null`)]);

export const agentStatuses = ['online', 'busy', 'away', 'offline'] as const;
export type AgentStatus = (typeof agentStatuses)[number];

/** Open chats per chat channel (`{"wechat": 2, "wecom": 1}`), or the limits of an agent by channel. */
export type ChatCounts = Record<string, number>;

/**
 * Per agent: status, pause, capacity, weight, skills and the load counters. `openCount` /
 * `chatCounts` are kept in the transaction of every change of load (`assignment_loads`), never
 * counted per candidate.
 */
export const assignmentAgents = pgTable('assignment_agents', {
  userId: uuid('user_id').primaryKey(),
  status: text('status').$type<AgentStatus>().notNull().default('offline'),
  statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
  /** The last sign of life from the console (heartbeat): idle agents become away, then offline. */
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
  paused: boolean('paused').notNull().default(false),
  pausedBy: uuid('paused_by'),
  /** Most open tickets at once; a chat ticket (WeChat, WeCom, DingTalk) also counts against its channel's chat limit. */
  capacity: integer('capacity').notNull().default(20),
  /** The chat limit of a chat channel the agent has no limit of its own for (`chatCapacities`). */
  chatCapacity: integer('chat_capacity').notNull().default(5),
  /** Chat limits by channel (微信 3, 企业微信 2): each channel counts on its own. */
  chatCapacities: jsonb('chat_capacities').$type<ChatCounts>().notNull().default({}),
  weight: smallint('weight').notNull().default(1),
  /** Skill values by ticket field (`{"fields.language": ["en"], "priority": ["high"]}`). */
  skills: jsonb('skills').$type<Record<string, string[]>>().notNull().default({}),
  openCount: integer('open_count').notNull().default(0),
  /** Open chats by channel: raised and lowered with the load rows, never counted per candidate. */
  chatCounts: jsonb('chat_counts').$type<ChatCounts>().notNull().default({}),
  lastAssignedAt: timestamp('last_assigned_at', { withTimezone: true }),
  /** Weekly shift pattern (0 = Sunday, intervals 'HH:MM'); null: always on shift. */
  weeklyShifts: jsonb('weekly_shifts').$type<Array<Array<{ start: string; end: string }>>>(),
  version: integer('version').notNull().default(1),
}, (t) => [
  index('assignment_agents_idle').on(t.lastSeenAt).where(sql`${t.status} <> 'offline'`),
  check('assignment_agents_weight', sql`${t.weight} between 1 and 100`),
]);

/** Exceptions to an agent's weekly shifts: leave (请假, off) or an extra shift (加班, on), as instants. */
export const assignmentShiftExceptions = pgTable('assignment_shift_exceptions', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  kind: text('kind').$type<'leave' | 'extra'>().notNull(),
  startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
  endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  note: text('note').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('assignment_shift_exceptions_user').on(t.userId, t.endsAt), check('assignment_shift_exceptions_order', sql`${t.startsAt} < ${t.endsAt}`)]);

/** What counts against whom: one row per open assigned ticket (the counters are its sums). */
export const assignmentLoads = pgTable('assignment_loads', {
  ticketId: uuid('ticket_id').primaryKey(),
  userId: uuid('user_id').notNull(),
  /** The chat channel whose counter it raised (null: not a chat). */
  chatChannel: text('chat_channel'),
});

/** Tickets waiting for an agent (the real queue), handed out most urgent first, then oldest. */
export const assignmentQueue = pgTable('assignment_queue', {
  ticketId: uuid('ticket_id').primaryKey(),
  teamId: uuid('team_id').notNull(),
  /** The priority's rank when queued (higher: more urgent). */
  urgency: integer('urgency').notNull().default(0),
  queuedAt: timestamp('queued_at', { withTimezone: true }).notNull(),
  reason: text('reason').$type<'new' | 'reopened' | 'reassign' | 'unassigned'>().notNull(),
}, (t) => [index('assignment_queue_order').on(t.teamId, t.urgency.desc(), t.queuedAt)]);

/** An assignee's first public reply is awaited until `dueAt` (business minutes of the team's calendar). */
export const assignmentReplyWatch = pgTable('assignment_reply_watch', {
  ticketId: uuid('ticket_id').primaryKey(),
  assigneeId: uuid('assignee_id').notNull(),
  teamId: uuid('team_id').notNull(),
  dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
}, (t) => [index('assignment_reply_watch_due').on(t.dueAt)]);

/** Bumped by every settings change: workers re-read which teams have a strategy when it moves. */
export const assignmentRevision = pgTable('assignment_revision', {
  id: smallint('id').primaryKey().default(1),
  revision: integer('revision').notNull().default(0),
});

