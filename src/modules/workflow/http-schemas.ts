import { z } from 'zod';
import { processKeySchema, processLabelSchema } from '../../workflow-model/definition.js';

/**
 * Shapes of 设置 › 流程's API. A definition travels as plain JSON in the OpenAPI document (its
 * condition trees are recursive); the server parses it with the model's schema
 * (src/workflow-model/definition.ts), which the designer imports too.
 */
const definitionJson = z.record(z.string(), z.unknown()).describe('A process definition `{start, nodes, transitions}` (docs/workflow.md; schema: src/workflow-model/definition.ts).');
const labelOut = z.object({ 'zh-CN': z.string(), en: z.string() });

export const processIdParams = z.object({ id: z.uuid() });

export const processSummarySchema = z.object({
  id: z.string(),
  key: z.string(),
  name: labelOut,
  ticketType: z.string(),
  currentVersion: z.number().int().nullable().describe('The version new tickets of the type start on; null before the first publish.'),
  version: z.number().int().describe('The draft row\'s version, for If-Match.'),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const issueSchema = z.object({ path: z.string(), code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional(), message: z.string() });

export const processDetailSchema = processSummarySchema.extend({
  definition: definitionJson.describe('The draft.'),
  issues: z.array(issueSchema).describe('What would stop the draft from being published, each at its path into `definition` (empty: publishable).'),
  versions: z.array(z.object({ version: z.number().int(), publishedAt: z.date(), publishedBy: z.string().nullable() })).describe('Published versions, newest first.'),
});

export const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), cursor: processKeySchema.optional().describe('`nextCursor` of the previous page.') });

export const newProcessBody = z.strictObject({ key: processKeySchema, name: processLabelSchema, ticketType: z.string().min(1).max(63), definition: definitionJson });
export const processChangesBody = z.strictObject({ name: processLabelSchema.optional(), definition: definitionJson.optional() });

export const processVersionSchema = z.object({ version: z.number().int(), definition: definitionJson, publishedAt: z.date(), publishedBy: z.string().nullable() });

export const exportSchema = z.object({
  format: z.literal('opencsm.process'),
  formatVersion: z.literal(1),
  key: z.string(),
  name: labelOut,
  ticketType: z.string(),
  sourceVersion: z.number().int().nullable(),
  definition: definitionJson,
});

export const historySchema = z.object({
  items: z.array(z.object({ id: z.number(), type: z.string(), actorId: z.string().nullable(), payload: z.record(z.string(), z.unknown()), createdAt: z.date() })),
});
