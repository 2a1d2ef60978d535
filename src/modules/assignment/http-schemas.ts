import { z } from 'zod';
import { dayScheduleSchema } from '../sla/index.js';
import type { ChatChannel } from './chat-counters.js';
import { agentStatuses, assignmentStrategies } from './schema.js';

export const agentStatusSchema = z.enum(agentStatuses);
export const strategySchema = z.enum(assignmentStrategies);

export const myStatusSchema = z.object({ status: agentStatusSchema, paused: z.boolean(), statusChangedAt: z.date() });

export const teamAssignmentBody = z.strictObject({
  strategy: strategySchema,
  skillFields: z.array(z.string().trim().min(1).max(120)).max(10),
  /** Business minutes (team calendar) an assignee has for a first public reply before the ticket moves on. */
  reassignAfterMinutes: z.number().int().min(1).max(10_080).nullable(),
  calendarId: z.uuid().nullable(),
}).partial();

export const teamAssignmentSchema = z.object({
  teamId: z.string(),
  strategy: strategySchema,
  skillFields: z.array(z.string()),
  reassignAfterMinutes: z.number().int().nullable(),
  calendarId: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.date().nullable(),
  queued: z.number().int(),
});

const skillsSchema = z.record(z.string().trim().min(1).max(120), z.array(z.string().trim().min(1).max(200)).max(100));
/** Seven day schedules, Sunday first, in the team calendar's time zone (null: always on shift). */
export const weeklyShiftsSchema = z.tuple([dayScheduleSchema, dayScheduleSchema, dayScheduleSchema, dayScheduleSchema, dayScheduleSchema, dayScheduleSchema, dayScheduleSchema]).nullable();

/** The stored pattern as answered (seven days, Sunday first, or null). */
export const weeklyShiftsView = z.array(z.array(z.object({ start: z.string(), end: z.string() }))).nullable();

const chatLimit = z.number().int().min(0).max(100);
/** Chat limits by chat channel (微信 3, 企业微信 2); a channel left out takes `chatCapacity`. */
const chatCapacitiesBody = z.strictObject({ wechat: chatLimit.optional(), wecom: chatLimit.optional(), dingtalk: chatLimit.optional() } satisfies Record<ChatChannel, unknown>);

export const agentProfileBody = z.strictObject({
  capacity: z.number().int().min(0).max(1000),
  /** The chat limit of every chat channel without one of its own. */
  chatCapacity: chatLimit,
  /** Replaces the agent's per-channel chat limits. */
  chatCapacities: chatCapacitiesBody,
  weight: z.number().int().min(1).max(100),
  skills: skillsSchema,
  weeklyShifts: weeklyShiftsSchema,
}).partial();

export const agentSchema = z.object({
  userId: z.string(),
  name: z.string(),
  status: agentStatusSchema,
  statusChangedAt: z.date(),
  lastSeenAt: z.date().nullable(),
  paused: z.boolean(),
  capacity: z.number().int(),
  chatCapacity: z.number().int().describe('The chat limit of a chat channel without one of its own.'),
  weight: z.number().int(),
  skills: z.record(z.string(), z.array(z.string())),
  openCount: z.number().int(),
  chatCapacities: z.record(z.string(), z.number().int()).describe('Chat limits of their own by chat channel; a channel left out takes `chatCapacity`.'),
  chatCounts: z.record(z.string(), z.number().int()).describe('Open chats of every chat channel (wechat, wecom, dingtalk), 0 where none.'),
  weeklyShifts: weeklyShiftsView,
  version: z.number().int(),
});

export const shiftExceptionBody = z.strictObject({
  kind: z.enum(['leave', 'extra']),
  startsAt: z.coerce.date(),
  endsAt: z.coerce.date(),
  note: z.string().max(200).optional(),
}).refine((v) => v.startsAt < v.endsAt, { path: ['endsAt'], message: 'assignment.exception_ends_before_start' });

export const shiftExceptionSchema = z.object({ id: z.string(), userId: z.string(), kind: z.enum(['leave', 'extra']), startsAt: z.date(), endsAt: z.date(), note: z.string() });

export const queueItemSchema = z.object({
  ticketId: z.string(),
  number: z.string(),
  subject: z.string(),
  teamId: z.string(),
  urgency: z.number().int(),
  reason: z.enum(['new', 'reopened', 'reassign', 'unassigned']),
  queuedAt: z.date(),
});
