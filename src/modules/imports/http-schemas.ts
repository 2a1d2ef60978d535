import { z } from 'zod';

/** The imports API's shapes (zod: validated in, serialised out, and the OpenAPI document). */
export const entitySchema = z.enum(['contacts', 'organisations', 'tickets']).describe('What the file holds. Tickets: .csv/.xlsx (one row a ticket) or .jsonl (docs/migration.md, "JSON lines").');
export const dedupRuleSchema = z.enum(['create', 'update', 'skip', 'merge']).describe('A row matching an existing record (phone, email, external id; organisations also by name): `create` rejects it as a duplicate, `skip` leaves the record, `update` overwrites with the row\'s values, `merge` fills only empty values and adds new identities.');
const countsSchema = z.object({ created: z.number().int(), updated: z.number().int(), skipped: z.number().int(), rejected: z.number().int() });
const valueMapsSchema = z.record(z.string().max(100), z.record(z.string().max(500), z.string().max(500))).describe('Per target (`fields.industry`), a source value → the value stored (e.g. an option key).');
const mappingSchema = z.object({ column: z.number().int().min(0), header: z.string(), target: z.string().nullable() });

export const importJobSchema = z.object({
  id: z.uuid(),
  entity: entitySchema,
  state: z.enum(['uploaded', 'running', 'done', 'failed']),
  fileName: z.string(),
  fileKind: z.enum(['csv', 'xlsx', 'jsonl']),
  encoding: z.string(),
  byteSize: z.number().int(),
  headerRow: z.number().int(),
  headers: z.array(z.string()),
  mapping: z.array(mappingSchema),
  valueMaps: valueMapsSchema,
  dedupRule: dedupRuleSchema,
  settingsVersion: z.number().int(),
  checkpointRow: z.number().int(),
  counts: countsSchema,
  totalRows: z.number().int().nullable(),
  dryRun: z.object({ settingsVersion: z.number().int(), counts: countsSchema }).nullable(),
  error: z.string().nullable(),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
});

export const batchSchema = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  firstRow: z.number().int(),
  lastRow: z.number().int(),
  counts: countsSchema,
  committedAt: z.date(),
  rolledBackAt: z.date().nullable(),
  refused: z.array(z.object({ row: z.number().int(), entityId: z.string(), reason: z.string() })).nullable(),
});

export const importDetailSchema = importJobSchema.extend({
  samples: z.array(z.array(z.string())).describe('The first data rows under the header.'),
  targets: z.array(z.object({ key: z.string(), label: z.string() })).describe('Where a column can go: built-in targets and the entity\'s custom fields.'),
  batches: z.array(batchSchema),
  warnings: z.array(z.object({ row: z.number().int(), reason: z.string(), message: z.string() })).describe('What the run left out of rows it imported (an oversized attachment …), first 200.'),
});

export const rejectionSchema = z.object({ row: z.number().int(), reason: z.string(), message: z.string(), cells: z.array(z.string()) });
export const dryRunSchema = z.object({
  settingsVersion: z.number().int(),
  totalRows: z.number().int(),
  counts: countsSchema,
  rejected: z.array(rejectionSchema).describe('The first 200 rejected rows; all of them in GET …/rejected.xlsx?of=dry-run.'),
  warnings: z.array(z.object({ row: z.number().int(), reason: z.string(), message: z.string() })).describe('What the run would leave out of rows it imports (tickets: an oversized attachment), first 200.'),
});

export const settingsBody = z.strictObject({
  mapping: z.array(z.strictObject({ column: z.number().int().min(0).max(1000), target: z.string().max(100).nullable() })).max(1000).optional(),
  valueMaps: valueMapsSchema.optional(),
  dedupRule: dedupRuleSchema.optional(),
});

export const templateSchema = z.object({
  id: z.uuid(),
  entity: entitySchema,
  name: z.string(),
  columns: z.record(z.string(), z.string().nullable()),
  valueMaps: valueMapsSchema,
  dedupRule: dedupRuleSchema,
  version: z.number().int(),
  updatedAt: z.date(),
});
export const templateBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  entity: entitySchema,
  columns: z.record(z.string().max(200), z.string().max(100).nullable()).describe('Header text → target (null: ignored).'),
  valueMaps: valueMapsSchema.default({}),
  dedupRule: dedupRuleSchema.default('skip'),
});

export const rollbackBody = z.strictObject({ batchId: z.uuid().optional().describe('One batch; without it every batch not yet rolled back, newest first.') });
export const rollbackSchema = z.object({
  batches: z.array(z.object({ batchId: z.uuid(), removed: z.number().int(), restored: z.number().int(), refused: z.array(z.object({ row: z.number().int(), entityId: z.string(), reason: z.string() })) })),
});
