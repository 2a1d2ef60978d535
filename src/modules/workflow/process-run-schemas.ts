import { z } from 'zod';

/** The answer of `GET /api/v1/tickets/{id}/process` (process-run-view.ts): what the ticket page's process panel draws. */
const label = z.object({ 'zh-CN': z.string(), en: z.string() });
const namedField = z.object({ key: z.string().describe('Registry key: `priority`, `fields.<key>`.'), label });

const transitionOption = z.object({
  id: z.string(),
  label,
  kind: z.enum(['forward', 'return']).describe('A return needs `reason` when taken.'),
  needsApproval: z.boolean(),
  available: z.boolean().describe('Taking it now, without values, would succeed for the caller.'),
  reasons: z.array(z.object({
    code: z.enum(['not_allowed', 'fields_missing', 'condition_not_met', 'approval_pending']),
    message: z.string().describe('In the reader\'s language, e.g. 需要先填写 勘察结果.'),
    fields: z.array(namedField).optional().describe('`fields_missing`: the empty required fields.'),
  })).describe('Why it is not available; empty when it is.'),
  fields: z.array(namedField).describe('What must hold a value once taken (the stage\'s and the transition\'s required fields): send them as `values`.'),
});

const runStage = z.object({
  stage: z.string(),
  name: label,
  enteredAt: z.date(),
  assigneeUserId: z.string().nullable(),
  assigneeTeamId: z.string().nullable(),
  assigneeRole: z.string().nullable(),
  formSection: z.string().nullable().describe('The form section shown at this stage; null: the whole form.'),
  requiredFields: z.array(namedField),
  readOnlyFields: z.array(namedField),
  sla: z
    .object({
      targetMinutes: z.number().int().describe('Business minutes.'),
      dueAt: z.date().nullable().describe('From the stage\'s SLA timer: the target in business time of the ticket\'s calendar (its SLA policy\'s, else the default); null while the ticket\'s SLA is paused.'),
      state: z.enum(['running', 'warning', 'breached', 'paused']).describe('`breached`: the target was missed (已超时).'),
      remainingMinutes: z.number().int().describe('Business minutes left now; negative once overdue.'),
    })
    .nullable()
    .describe('Null: the stage has no target.'),
  transitions: z.array(transitionOption),
});

export const processRunSchema = z.object({
  processId: z.string(),
  version: z.number().int(),
  status: z.string(),
  revision: z.number().int().describe('Send it back as `expectedRevision`.'),
  approvalRequestId: z.string().nullable().describe('The approval the run waits for (审批中), else null.'),
  stages: z.array(runStage).describe('The stages the ticket waits at (several inside a parallel split).'),
  doneStages: z.array(z.string()).describe('Stages the ticket has left and is not back at.'),
  map: z.object({
    nodes: z.array(z.object({ id: z.string(), kind: z.enum(['stage', 'gateway', 'end']), gateway: z.enum(['exclusive', 'parallel', 'join']).nullable(), name: label.nullable(), position: z.object({ x: z.number(), y: z.number() }) })),
    transitions: z.array(z.object({ id: z.string(), from: z.string(), to: z.string(), kind: z.enum(['forward', 'return']) })),
  }).describe('The version\'s drawing, for the map.'),
});
