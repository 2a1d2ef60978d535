/**
 * The process definition (流程定义, issue 19 §1–2): what an admin draws in the designer and what a
 * published version freezes. Pure (zod and the condition language's types only), so the console's
 * designer parses, validates and simulates with the server's own code. The layout (x/y of every
 * node, bends of every transition) is part of the stored definition, so the designer gets back
 * exactly the drawing it saved.
 */
import { z } from 'zod';
import type { Condition } from '../conditions/types.js';

/** Both languages of what a person reads (a stage's name, a transition's button). */
export const processLabelSchema = z.object({ 'zh-CN': z.string().trim().min(1).max(200), en: z.string().trim().max(200).default('') });
export type ProcessLabel = z.infer<typeof processLabelSchema>;

/** Node and transition ids: stable keys the designer makes, never renamed (instances point at them). */
export const processKeySchema = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'workflow.invalid_key');

const positionSchema = z.object({ x: z.number().finite(), y: z.number().finite() });
const fieldKeySchema = z.string().min(1).max(120);

/**
 * An action run on entering or leaving a stage or on taking a transition: automation's action
 * shape (`{type, ...}`), checked against automation's registry by the workflow module on save;
 * the model keeps it opaque so it stays pure.
 */
export const processActionSchema = z.object({ type: z.string().min(1).max(64) }).catchall(z.unknown());
export type ProcessAction = z.infer<typeof processActionSchema>;

/** Who works on a stage, resolved when a ticket enters it. */
export const stageAssigneeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('team'), teamId: z.uuid() }),
  z.object({ kind: z.literal('role'), role: z.string().min(1).max(64) }),
  z.object({ kind: z.literal('user_field'), field: fieldKeySchema }),
  z.object({ kind: z.literal('account_manager') }),
]);
export type StageAssignee = z.infer<typeof stageAssigneeSchema>;

/** An approver chosen at run time from the ticket (issue 19 §2): never a frozen list of names unless `user`. */
export const approverRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), userId: z.uuid() }),
  z.object({ kind: z.literal('user_field'), field: fieldKeySchema }),
  /** The lead of that team, or of the ticket's team when absent. */
  z.object({ kind: z.literal('team_lead'), teamId: z.uuid().optional() }),
  z.object({ kind: z.literal('account_manager') }),
  z.object({ kind: z.literal('role'), role: z.string().min(1).max(64) }),
]);
export type ApproverRule = z.infer<typeof approverRuleSchema>;

/**
 * How the approvers of one approval decide: `single` (one approver), `chain` (one after another,
 * in order), `countersign` (会签: all must approve), `any` (或签: the first approval decides),
 * `n_of_m` (n approvals out of the resolved approvers).
 */
export const approvalModes = ['single', 'chain', 'countersign', 'any', 'n_of_m'] as const;
export type ApprovalMode = (typeof approvalModes)[number];

export const approvalPlanSchema = z.object({
  mode: z.enum(approvalModes),
  n: z.number().int().min(1).max(50).optional(),
  approvers: z.array(approverRuleSchema).min(1).max(20),
});
export type ApprovalPlan = z.infer<typeof approvalPlanSchema>;

/** A tier: applies while the tier field's value is ≤ `upTo` (a decimal string); `upTo` null is "above the rest". */
export const approvalTierSchema = approvalPlanSchema.extend({ upTo: z.string().regex(/^-?\d+(\.\d{1,2})?$/).nullable() });
export type ApprovalTier = z.infer<typeof approvalTierSchema>;

/**
 * Reminding a pending approver (催办) and escalating to the ticket team's lead (marks the request
 * 需关注), after that many business hours of the ticket's calendar since they were asked; counted
 * by the SLA module's named timers. Absent: never.
 */
const approvalTimingShape = {
  reminderAfterHours: z.number().int().min(1).max(720).optional(),
  escalateAfterHours: z.number().int().min(1).max(720).optional(),
};

export const approvalSchema = z.discriminatedUnion('kind', [
  approvalPlanSchema.extend({ kind: z.literal('fixed'), delegation: z.boolean().default(true), ...approvalTimingShape }),
  /** Tiers by a number or money field (赔偿金额 ≤ 500 / ≤ 5000 / above), in ascending order. */
  z.object({ kind: z.literal('tiered'), field: fieldKeySchema, tiers: z.array(approvalTierSchema).min(1).max(10), delegation: z.boolean().default(true), ...approvalTimingShape }),
]);
export type Approval = z.infer<typeof approvalSchema>;

/** Who may take a transition: any of `allow`, and none of `exclude` (回访 by someone other than the handler). */
export const actorRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stage_assignee') }),
  z.object({ kind: z.literal('role'), role: z.string().min(1).max(64) }),
  z.object({ kind: z.literal('team'), teamId: z.uuid() }),
  z.object({ kind: z.literal('user_field'), field: fieldKeySchema }),
  /** Whoever took a transition out of that stage last (the handler of 执行赔偿). */
  z.object({ kind: z.literal('stage_actor'), stage: processKeySchema }),
]);
export type ActorRule = z.infer<typeof actorRuleSchema>;

/**
 * A stage's escalation when its SLA target is missed (issue 19 §1), run as automation actions:
 * notify the stage's assignee, the lead of the stage's (else the ticket's) team, the supervisors;
 * move the ticket to a team; raise its priority.
 */
export const stageEscalationRecipients = ['assignee', 'team_lead', 'supervisors'] as const;
export const stageEscalationSchema = z.object({
  notify: z.array(z.enum(stageEscalationRecipients)).max(3).default([]),
  reassignTeamId: z.uuid().optional(),
  /** A priority key (the scale is data, 设置 › 优先级). */
  raisePriority: z.string().min(1).max(64).optional(),
});
export type StageEscalation = z.infer<typeof stageEscalationSchema>;

const stageSchema = z.object({
  kind: z.literal('stage'),
  id: processKeySchema,
  name: processLabelSchema,
  position: positionSchema,
  /** The section of the ticket type's form shown at this stage; absent shows the whole form. */
  formSection: z.string().min(1).max(64).optional(),
  requiredFields: z.array(fieldKeySchema).max(100).default([]),
  readOnlyFields: z.array(fieldKeySchema).max(100).default([]),
  assignee: stageAssigneeSchema.optional(),
  /** The stage's own SLA target in business minutes of the ticket's calendar (its SLA policy's, else the default). */
  slaTargetMinutes: z.number().int().min(1).max(525_600).optional(),
  /** Warn the stage's assignee when this share of the target is used. */
  slaWarningPercent: z.number().int().min(1).max(99).optional(),
  /** What happens when the target is missed, besides telling the stage's assignee. */
  slaEscalation: stageEscalationSchema.optional(),
  entryActions: z.array(processActionSchema).max(20).default([]),
  exitActions: z.array(processActionSchema).max(20).default([]),
});

/**
 * Gateways move tokens without anyone's input: `exclusive` takes its first outgoing transition
 * whose condition holds, else its default; `parallel` sends a token down every outgoing
 * transition; `join` waits at the end of its split's branches for all, any one, or n of them.
 */
const gatewaySchema = z.discriminatedUnion('gateway', [
  z.object({ kind: z.literal('gateway'), gateway: z.literal('exclusive'), id: processKeySchema, name: processLabelSchema.optional(), position: positionSchema, defaultTransition: processKeySchema.optional() }),
  z.object({ kind: z.literal('gateway'), gateway: z.literal('parallel'), id: processKeySchema, name: processLabelSchema.optional(), position: positionSchema }),
  z.object({
    kind: z.literal('gateway'),
    gateway: z.literal('join'),
    id: processKeySchema,
    name: processLabelSchema.optional(),
    position: positionSchema,
    /** The parallel gateway whose branches meet here. */
    split: processKeySchema.optional(),
    join: z.enum(['all', 'any', 'n']).default('all'),
    n: z.number().int().min(1).max(50).optional(),
  }),
]);

const endSchema = z.object({ kind: z.literal('end'), id: processKeySchema, name: processLabelSchema, position: positionSchema });

export const processNodeSchema = z.union([stageSchema, gatewaySchema, endSchema]);
export type ProcessNode = z.infer<typeof processNodeSchema>;
export type StageNode = z.infer<typeof stageSchema>;
export type GatewayNode = z.infer<typeof gatewaySchema>;
export type EndNode = z.infer<typeof endSchema>;

export const processTransitionSchema = z.object({
  id: processKeySchema,
  from: processKeySchema,
  to: processKeySchema,
  /** `return` sends the ticket back to an earlier stage and needs a reason when taken. */
  kind: z.enum(['forward', 'return']).default('forward'),
  label: processLabelSchema,
  allow: z.array(actorRuleSchema).max(20).default([{ kind: 'stage_assignee' }]),
  exclude: z.array(actorRuleSchema).max(20).default([]),
  /** A tree of the condition language (src/conditions), checked against the field registry by validate. */
  condition: z.custom<Condition>((value) => typeof value === 'object' && value !== null).optional(),
  requiredFields: z.array(fieldKeySchema).max(100).default([]),
  approval: approvalSchema.optional(),
  actions: z.array(processActionSchema).max(20).default([]),
  /** Bends of the drawn line, for the designer. */
  points: z.array(positionSchema).max(50).default([]),
});
export type ProcessTransition = z.infer<typeof processTransitionSchema>;

export const processDefinitionSchema = z.object({
  /** The stage every instance starts in. */
  start: processKeySchema,
  nodes: z.array(processNodeSchema).min(1).max(200),
  transitions: z.array(processTransitionSchema).max(500),
});
export type ProcessDefinition = z.infer<typeof processDefinitionSchema>;
/** What a client sends (defaults not yet applied). */
export type ProcessDefinitionInput = z.input<typeof processDefinitionSchema>;
