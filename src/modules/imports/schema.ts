import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { RecordImage } from './decide-rows.js';

/**
 * Data imports (数据导入, issue 21): a job reads one uploaded file in batches; each batch commits
 * its rows' writes, their outcomes and the job's checkpoint together, so a crash resumes exactly
 * where the last commit ended and a batch can be undone from what it recorded. Contacts and
 * organisations first; tickets, messages and the connectors add entities on the same tables.
 */

export type ImportEntity = 'contacts' | 'organisations' | 'tickets';
export type ImportFileKind = 'csv' | 'xlsx' | 'jsonl';
/** Something a row's import left out but did not reject it for (an oversized attachment), with its catalogue key. */
export type RowWarning = { reason: string; params?: Record<string, string | number> };
export type DedupRule = 'create' | 'update' | 'skip' | 'merge';
export type ImportState = 'uploaded' | 'running' | 'done' | 'failed';
/** One column of the file: its header, where it goes (`name`, `phone`, `fields.industry` …; null: ignored). */
export type ColumnMapping = { column: number; header: string; target: string | null };
/** Per target, source value → stored value (e.g. 零售 → retail for a select field). */
export type ValueMaps = Record<string, Record<string, string>>;
export type ImportCounts = { created: number; updated: number; skipped: number; rejected: number };

export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey(),
    entity: text('entity').$type<ImportEntity>().notNull(),
    state: text('state').$type<ImportState>().notNull().default('uploaded'),
    fileName: text('file_name').notNull(),
    /** `csv`, `xlsx` or `jsonl` (tickets in the JSON-lines format); the file itself is in the data folder under imports/<id>/. */
    fileKind: text('file_kind').$type<ImportFileKind>().notNull(),
    /** Where a JSON-lines file's attachment `path`s are read from (the CLI: the file's folder); null: only inline (base64) attachments. */
    attachmentsDir: text('attachments_dir'),
    /** `utf-8` or `gb18030` (csv; detected at upload). */
    encoding: text('encoding').notNull(),
    byteSize: bigint('byte_size', { mode: 'number' }).notNull(),
    headerRow: integer('header_row').notNull(),
    headers: jsonb('headers').$type<string[]>().notNull(),
    mapping: jsonb('mapping').$type<ColumnMapping[]>().notNull(),
    valueMaps: jsonb('value_maps').$type<ValueMaps>().notNull().default({}),
    dedupRule: text('dedup_rule').$type<DedupRule>().notNull().default('skip'),
    /** Bumped by every change of mapping, value maps or rule: batches and dry runs name the settings they used. */
    settingsVersion: integer('settings_version').notNull().default(1),
    templateId: uuid('template_id'),
    /** The last source row number whose outcome committed (0: none); a run resumes after it. */
    checkpointRow: integer('checkpoint_row').notNull().default(0),
    /** Sums of the committed batches' outcomes, written in each batch's transaction. */
    counts: jsonb('counts').$type<ImportCounts>().notNull().default({ created: 0, updated: 0, skipped: 0, rejected: 0 }),
    /** Rows of data in the file (after the header), known once read to the end. */
    totalRows: integer('total_rows'),
    dryRun: jsonb('dry_run').$type<{ settingsVersion: number; counts: ImportCounts } | null>(),
    error: text('error'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('import_jobs_created_idx').on(t.createdAt.desc(), t.id.desc())],
);

/** One committed batch of a run: its rows' range and counts; rolled back as a whole. */
export const importBatches = pgTable(
  'import_batches',
  {
    id: uuid('id').primaryKey(),
    jobId: uuid('job_id').notNull().references(() => importJobs.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    firstRow: integer('first_row').notNull(),
    lastRow: integer('last_row').notNull(),
    counts: jsonb('counts').$type<ImportCounts>().notNull(),
    settingsVersion: integer('settings_version').notNull(),
    committedAt: timestamp('committed_at', { withTimezone: true }).notNull().defaultNow(),
    rolledBackAt: timestamp('rolled_back_at', { withTimezone: true }),
    /** Rows a rollback left alone (changed since, in use), with the reason. */
    refused: jsonb('refused').$type<Array<{ row: number; entityId: string; reason: string }>>(),
  },
  (t) => [uniqueIndex('import_batches_job_seq_key').on(t.jobId, t.seq)],
);

export type RowOutcome = 'created' | 'updated' | 'skipped' | 'rejected';

/**
 * What happened to each row of a run: the record written and, for an update, its image before and
 * the version the import left (a rollback restores it only while the record still has that version).
 */
export const importRows = pgTable(
  'import_rows',
  {
    jobId: uuid('job_id').notNull().references(() => importJobs.id, { onDelete: 'cascade' }),
    rowNumber: integer('row_number').notNull(),
    batchId: uuid('batch_id').notNull(),
    outcome: text('outcome').$type<RowOutcome>().notNull(),
    entityId: uuid('entity_id'),
    /** A rejection's catalogue key (imports.reject.*) and its parameters. */
    reason: text('reason'),
    params: jsonb('params').$type<Record<string, string | number>>(),
    /** The rejected row's cells, for the rejected-rows workbook. */
    cells: jsonb('cells').$type<string[]>(),
    before: jsonb('before').$type<RecordImage>(),
    afterVersion: integer('after_version'),
    /** What the row's import left out without rejecting the row (tickets: an oversized attachment). */
    warnings: jsonb('warnings').$type<RowWarning[]>(),
    /** Other records the row created (a ticket's new requester): removed with it by a rollback. */
    madeContactIds: jsonb('made_contact_ids').$type<string[]>(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.rowNumber] }), index('import_rows_batch_idx').on(t.batchId), index('import_rows_entity_idx').on(t.entityId)],
);

/** A source's own ids (外部编号) → our records, so a later run or another file finds them again. */
export const importExternalIds = pgTable(
  'import_external_ids',
  {
    entity: text('entity').$type<ImportEntity>().notNull(),
    externalId: text('external_id').notNull(),
    entityId: uuid('entity_id').notNull(),
    batchId: uuid('batch_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.entity, t.externalId] }), index('import_external_ids_batch_idx').on(t.batchId)],
);

/** A reusable mapping (导入模板): targets by header text, value maps and the dedup rule. */
export const importTemplates = pgTable(
  'import_templates',
  {
    id: uuid('id').primaryKey(),
    entity: text('entity').$type<ImportEntity>().notNull(),
    name: text('name').notNull(),
    columns: jsonb('columns').$type<Record<string, string | null>>().notNull(),
    valueMaps: jsonb('value_maps').$type<ValueMaps>().notNull().default({}),
    dedupRule: text('dedup_rule').$type<DedupRule>().notNull(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('import_templates_entity_name_key').on(t.entity, t.name)],
);
