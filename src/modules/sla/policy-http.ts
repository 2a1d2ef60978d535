import { z } from 'zod';
import { escalationStepSchema, pauseStatusesSchema, policyConditionsSchema, policyTargetsSchema } from './policy-model.js';
import type { PolicyRow } from './policies.js';

/** HTTP shapes of the SLA policy API. What the values refer to is checked in policy-references.ts. */
export const policySchema = z
  .object({
    id: z.uuid(),
    nameZh: z.string(),
    nameEn: z.string(),
    position: z.number().int().describe('0-based; policies are tried in this order and the first match wins.'),
    active: z.boolean(),
    conditions: policyConditionsSchema,
    targets: policyTargetsSchema,
    calendarId: z.uuid().nullable().describe('Null: the default calendar.'),
    pauseStatuses: pauseStatusesSchema,
    warningPercent: z.number().int().nullable(),
    escalation: z.array(escalationStepSchema),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'SlaPolicy' });

const name = z.string().trim().min(1).max(100);
const warningPercent = z.number().int().min(1).max(99).nullable().describe('Warn when this share of a target has elapsed; null: no warning.');
const escalation = z.array(escalationStepSchema).max(20).describe('Steps at and after a breach, each firing once per ticket and target.');
const calendarId = z.uuid().nullable().describe('The calendar to count business time in; null: the default calendar.');

export const createPolicyBody = z.strictObject({
  nameZh: name,
  nameEn: z.string().trim().max(100).default(''),
  active: z.boolean().default(true),
  position: z.number().int().min(0).optional().describe('Where to insert (0: tried first); later policies move down. Default: last.'),
  conditions: policyConditionsSchema.default({ all: [] }),
  targets: policyTargetsSchema.default({}),
  calendarId: calendarId.default(null),
  pauseStatuses: pauseStatusesSchema.default(['pending']),
  warningPercent: warningPercent.default(null),
  escalation: escalation.default([]),
});

export const updatePolicyBody = z.strictObject({
  nameZh: name.optional(),
  nameEn: z.string().trim().max(100).optional(),
  active: z.boolean().optional(),
  conditions: policyConditionsSchema.optional(),
  targets: policyTargetsSchema.optional(),
  calendarId: calendarId.optional(),
  pauseStatuses: pauseStatusesSchema.optional(),
  warningPercent: warningPercent.optional(),
  escalation: escalation.optional(),
});

export const reorderBody = z.strictObject({
  ids: z.array(z.uuid()).max(1000).describe('Every policy id exactly once, in the new order.'),
});

export type CreatePolicyInput = z.output<typeof createPolicyBody>;
export type PolicyChanges = z.output<typeof updatePolicyBody>;

export function policyJson(row: PolicyRow): z.output<typeof policySchema> {
  return {
    id: row.id,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    position: row.position,
    active: row.active,
    conditions: row.conditions,
    targets: row.targets,
    calendarId: row.calendarId,
    pauseStatuses: row.pauseStatuses,
    warningPercent: row.warningPercent,
    escalation: row.escalation,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
