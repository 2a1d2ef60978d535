import { z } from 'zod';
import { translate, type Locale } from '../../app/i18n/catalogue.js';
import { ruleActionSchema } from './actions/index.js';
import type { FiringRow } from './firing-log.js';
import type { RuleRow } from './rules.js';
import { ruleStateSchema } from './rule-state.js';
import type { RuleVersionRow } from './rule-versions.js';
import { timeTriggerSchema } from './time-trigger.js';
import { ruleKinds, ruleTriggers } from './triggers.js';

export const idParams = z.object({ id: z.uuid() });
export const ifMatchHeaders = z.object({ 'if-match': z.string().optional() });
export const pageQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), before: z.uuid().optional() });

export const createRuleBody = ruleStateSchema;
/** Fields sent replace the stored ones whole; absent ones stay. */
export const updateRuleBody = z.object({
  name: ruleStateSchema.shape.name.optional(),
  description: z.string().max(2000).optional(),
  kind: z.enum(ruleKinds).optional(),
  triggers: z.array(z.enum(ruleTriggers)).max(ruleTriggers.length).optional(),
  timeTrigger: timeTriggerSchema.nullable().optional(),
  conditions: ruleStateSchema.shape.conditions.unwrap().optional(),
  actions: ruleStateSchema.shape.actions.optional(),
  stopAfter: z.boolean().optional(),
  enabled: z.boolean().optional(),
});
export const reorderBody = z.object({ ids: z.array(z.uuid()).max(1000) });
export const enabledBody = z.object({ enabled: z.boolean() });

export const ruleSchema = z.object({
  id: z.uuid(),
  kind: z.enum(ruleKinds),
  name: z.string(),
  description: z.string(),
  triggers: z.array(z.enum(ruleTriggers)),
  /** A time rule's anchor and delay (null for event rules). */
  timeTrigger: timeTriggerSchema.nullable(),
  conditions: z.unknown(),
  actions: z.array(ruleActionSchema),
  position: z.number().int(),
  stopAfter: z.boolean(),
  enabled: z.boolean(),
  version: z.number().int(),
  createdBy: z.uuid().nullable(),
  updatedBy: z.uuid().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export const ruleJson = (row: RuleRow) => row;

export const versionSchema = z.object({ id: z.uuid(), ruleId: z.uuid(), version: z.number().int(), change: z.string(), fields: z.array(z.string()), snapshot: z.record(z.string(), z.unknown()), actorId: z.uuid().nullable(), at: z.date() });
export const versionJson = (row: RuleVersionRow) => row;

export const firingSchema = z.object({
  id: z.uuid(),
  ruleId: z.uuid(),
  ruleVersion: z.number().int(),
  ticketId: z.uuid(),
  eventId: z.number().int(),
  eventType: z.string(),
  eventCause: z.string(),
  depth: z.number().int(),
  status: z.string(),
  actions: z.array(z.object({ type: z.string(), ok: z.boolean(), detail: z.record(z.string(), z.unknown()).optional(), error: z.string().optional() })),
  error: z.string().nullable(),
  /** `error` as the reader's language says it when it is a message code (`automation.firing.rule_off` → 执行中断后…), else as stored. */
  errorText: z.string().nullable(),
  durationMs: z.number().int().nullable(),
  firedAt: z.date(),
  /** A time rule's firing: the due time it fired for (null for event rules). */
  dueAt: z.date().nullable(),
});
export const firingJson = (locale: Locale) => (row: FiringRow) => ({ ...row, errorText: row.error === null ? null : translate(locale, row.error) });

/** A page of a newest-first list: `nextBefore` asks for the next page (absent: none). */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextBefore: z.uuid().optional() });

export const previewBody = z.object({
  conditions: ruleStateSchema.shape.conditions.unwrap(),
  /** Where the rule listens (changes are only judged for ticket updates); default: ticket created. */
  triggers: z.array(z.enum(ruleTriggers)).max(ruleTriggers.length).optional(),
});
export const previewSchema = z.object({ count: z.number().int(), sample: z.array(z.object({ id: z.uuid(), number: z.string(), subject: z.string() })) });

export const explainBody = z.object({
  ticketId: z.string().min(1).max(64),
  /** The rule as it is being edited (unsaved); without it, the stored rule of the path. */
  rule: z.object({ triggers: ruleStateSchema.shape.triggers, conditions: ruleStateSchema.shape.conditions.unwrap(), actions: ruleStateSchema.shape.actions }).optional(),
});
export const explainSchema = z.object({
  ticket: z.object({ id: z.uuid(), number: z.string() }),
  matches: z.boolean(),
  leaves: z.array(z.object({ path: z.string(), field: z.string(), op: z.string(), result: z.boolean(), reason: z.string().optional() })),
  actions: z.array(ruleActionSchema),
});

export const ruleFieldSchema = z.object({
  key: z.string(),
  label: z.object({ 'zh-CN': z.string(), en: z.string() }),
  type: z.string(),
  options: z.array(z.object({ value: z.string() })).optional(),
  source: z.string(),
  /** A preview over stored tickets can test it (false: judged only when a rule fires). */
  queryable: z.boolean(),
});
