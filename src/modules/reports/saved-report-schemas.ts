import { z } from 'zod';
import { roleNames } from '../auth/index.js';
import { builderMeasures, relativeRanges, reportDefinitionSchema } from './report-definition.js';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'report.schedule.at_format');

export const savedReportBody = z.strictObject({
  name: z.string().trim().min(1).max(120),
  definition: reportDefinitionSchema,
  sharedRoles: z.array(z.enum(roleNames)).max(roleNames.length).default([]),
  pinned: z.boolean().default(false),
});
export const savedReportPatch = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  definition: reportDefinitionSchema.optional(),
  sharedRoles: z.array(z.enum(roleNames)).max(roleNames.length).optional(),
  pinned: z.boolean().optional(),
});
export const scheduleBody = z.strictObject({
  frequency: z.enum(['daily', 'weekly', 'monthly']),
  at: hhmm,
  weekday: z.number().int().min(1).max(7).optional(),
  monthDay: z.number().int().min(1).max(28).optional(),
  recipientUserIds: z.array(z.uuid()).max(50).default([]),
  recipientEmails: z.array(z.email().max(254)).max(20).default([]),
});

const scheduleSchema = z.object({
  frequency: z.enum(['daily', 'weekly', 'monthly']), at: z.string(), weekday: z.number().int().nullable(), monthDay: z.number().int().nullable(),
  recipientUserIds: z.array(z.string()), recipientEmails: z.array(z.string()), dueAt: z.string(), lastSentAt: z.string().nullable(),
});
/** A definition as answered (the request schema transforms on the way in, which a response cannot). */
const definitionOut = z.object({
  measure: z.enum(builderMeasures), statistic: z.enum(['mean', 'median', 'p90']), clock: z.enum(['business', 'calendar']),
  dimensions: z.array(z.string()), filter: z.unknown().optional(),
  range: z.union([z.object({ last: z.enum(relativeRanges) }), z.object({ from: z.string(), to: z.string() })]),
  comparison: z.enum(['none', 'previous']), chart: z.enum(['table', 'bar', 'line', 'pie', 'pivot']),
});
export const savedReportSchema = z.object({
  id: z.string(), name: z.string(), definition: definitionOut, sharedRoles: z.array(z.enum(roleNames)), pinned: z.boolean(),
  owner: z.object({ id: z.string(), name: z.string() }), version: z.number().int(), createdAt: z.string(), updatedAt: z.string(),
  schedule: scheduleSchema.nullable(), abilities: z.object({ edit: z.boolean() }),
});
export const reportResultSchema = z.object({
  from: z.string(), to: z.string(), previous: z.object({ from: z.string(), to: z.string() }).nullable(), timeZone: z.string(),
  unit: z.enum(['count', 'percent', 'minutes', 'score']), dimensionNames: z.array(z.string()),
  rows: z.array(z.object({ keys: z.array(z.string()), labels: z.array(z.string()), value: z.number().nullable(), count: z.number(), previous: z.number().nullable().optional(), span: z.object({ from: z.string(), to: z.string() }).optional() })),
});
