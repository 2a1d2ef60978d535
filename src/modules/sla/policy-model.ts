import { z } from 'zod';
import { changeOperators } from '../../conditions/operators.js';
import { operators, type Operator } from '../../conditions/types.js';
import { ticketStatuses } from '../tickets/index.js';

/**
 * The shape of an SLA policy's rules: which tickets it applies to (conditions), the time allowed
 * per priority (targets) and what happens when time runs out (escalation). These schemas check
 * shape only; what the values refer to (a priority key that exists, a category id) is checked
 * against the database in policy-references.ts.
 */

/** Condition keys every installation has: the ticket's priority, category (with its ancestors) and channel, and the customer's facts. */
export const conditionFields = ['priority', 'categoryId', 'customerTier', 'channel', 'organizationId', 'contractType'] as const;
export type ConditionField = (typeof conditionFields)[number];
/** The condition language's operators a ticket's present state answers (not changes, not business hours). */
export const conditionOps = operators.filter((op) => !changeOperators.includes(op) && op !== 'within_business_hours') as [SlaOperator, ...SlaOperator[]];
type SlaOperator = Exclude<Operator, 'changed' | 'changed_from' | 'changed_to' | 'within_business_hours'>;

const conditionValue = z.union([z.string().trim().min(1).max(200), z.number(), z.boolean()]);

export const policyConditionSchema = z.strictObject({
  field: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .describe('A filterable field of the ticket from the field registry (`priority`, `categoryId` — the category with its ancestors —, `channel`, `type`, `team`, `assignee`, `requester`, `tags`, `created`, a custom field as `fields.<key>`) or a fact of its customer (`customerTier`, `organizationId`, `contractType`). `GET /api/v1/sla/condition-fields` lists them with their operators and options.'),
  op: z
    .enum(conditionOps)
    .describe('An operator of the condition language the field\'s type takes (docs/conditions.md): `in`: the ticket has one of the values; `not_in`: it has none of them (a ticket without a category is `not_in` every category list); `is`, `gt`, `between` …; `is_empty` takes no values.'),
  values: z.array(conditionValue).max(200).describe('The operands, always a list: one value for `is`, `gt` …, two for `between`, none for `is_empty`.'),
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
