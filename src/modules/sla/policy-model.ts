import { z } from 'zod';
import { ticketStatuses } from '../tickets/index.js';

/**
 * The shape of an SLA policy's rules: which tickets it applies to (conditions), the time allowed
 * per priority (targets) and what happens when time runs out (escalation). These schemas check
 * shape only; what the values refer to (a priority key that exists, a category id) is checked
 * against the database in policy-references.ts.
 */

export const conditionFields = ['priority', 'categoryId', 'customerTier', 'channel', 'organizationId', 'contractType'] as const;
export type ConditionField = (typeof conditionFields)[number];
export const conditionOps = ['in', 'not_in'] as const;

const conditionValue = z.string().trim().min(1).max(100);

export const policyConditionSchema = z.strictObject({
  field: z.enum(conditionFields),
  op: z.enum(conditionOps).describe('`in`: the ticket has one of the values; `not_in`: it has none of them (a ticket without a category is `not_in` every category list).'),
  values: z.array(conditionValue).min(1).max(200),
});

export const policyConditionsSchema = z
  .strictObject({ all: z.array(policyConditionSchema).max(20).describe('Every condition must hold. Empty: the policy applies to every ticket.') })
  .meta({ id: 'SlaPolicyConditions' });

export type PolicyCondition = z.output<typeof policyConditionSchema>;
export type PolicyConditions = z.output<typeof policyConditionsSchema>;

/** A year of minutes is far beyond any real target; the bound only keeps arithmetic sane. */
const minutes = z.number().int().min(1).max(525_600);

export const priorityTargetsSchema = z
  .strictObject({
    firstResponseMinutes: minutes.optional(),
    nextResponseMinutes: minutes.optional().describe('After each customer message that awaits an answer.'),
    resolutionMinutes: minutes.optional(),
  })
  .meta({ id: 'SlaPriorityTargets' });

export type PriorityTargets = z.output<typeof priorityTargetsSchema>;

export const policyTargetsSchema = z
  .record(z.string().min(1).max(50), priorityTargetsSchema)
  .describe('Business minutes per priority key. A missing priority or a missing target: no target for it.');
export type PolicyTargets = Record<string, PriorityTargets>;

export const targetKinds = ['first_response', 'next_response', 'resolution'] as const;
export type TargetKind = (typeof targetKinds)[number];

const userId = z.uuid().optional().describe('Only with `to: "user"`, and then required.');

export const escalationActionSchema = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('notify'), to: z.enum(['assignee', 'team_lead', 'supervisors', 'user']), userId }),
    z.strictObject({ type: z.literal('reassign'), to: z.enum(['team_lead', 'user']), userId }),
    z.strictObject({ type: z.literal('set_priority'), priority: z.string().min(1).max(50) }),
  ])
  .meta({ id: 'SlaEscalationAction' });

export type EscalationAction = z.output<typeof escalationActionSchema>;

export const escalationStepSchema = z
  .strictObject({
    afterMinutes: z.number().int().min(0).max(525_600).describe('Wall-clock minutes after the breach (0: at the breach).'),
    target: z.enum([...targetKinds, 'any']).describe('Which target\'s breach starts this step; `any`: the breach of each target (and of each next-response cycle), each firing once.'),
    actions: z.array(escalationActionSchema).min(1).max(10),
    businessHoursOnly: z.boolean().default(true).describe('Hold notifications that fall outside the policy calendar\'s business hours until it opens.'),
  })
  .meta({ id: 'SlaEscalationStep' });

export type EscalationStep = z.output<typeof escalationStepSchema>;

export type TicketStatusKey = (typeof ticketStatuses)[number];
export const pauseStatusesSchema = z.array(z.enum(ticketStatuses)).max(ticketStatuses.length).describe('Ticket statuses that stop the clock, usually `pending` (waiting for the customer, 等待备件).');
