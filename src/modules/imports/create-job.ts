import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { invalidField, PayloadTooLarge } from '../../app/errors.js';
import type { Database } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import type { Actor } from '../auth/index.js';
import { listFields } from '../forms/index.js';
import { autoMapping, fieldEntityOf, headerKey } from './auto-mapping.js';
import { detectHeader } from './detect-header.js';
import { importCreated } from './events.js';
import { detectEncoding, readSource, type SourceRow } from './read-source.js';
import { importJobs, importTemplates, type ColumnMapping, type ImportEntity, type ImportFileKind } from './schema.js';
import { importFolder, sourcePath } from './source-rows.js';

export type Upload = { stream: Readable & { truncated?: boolean }; filename: string };

/** Rows read to find the header (title rows, blank rows and a two-level header fit well within). */
const headerSearchRows = 30;

async function firstRows(path: string, kind: 'csv' | 'xlsx', encoding: 'utf-8' | 'gb18030', limit: number): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  for await (const row of readSource(path, kind, encoding)) {
    if (row.cells.some((c) => c.trim() !== '')) rows.push(row);
    if (rows.length >= limit) break;
  }
  return rows;
}

/**
 * Store an uploaded file under a new job (streamed to the data folder, never held in memory), find
 * its header and encoding, and map its columns: from the named template when given, else by name.
 */
export async function createImportJob(database: Database, dataDir: string, actor: Actor, input: { entity: ImportEntity; upload: Upload; templateName?: string; attachmentsDir?: string }): Promise<string> {
  const extension = extname(input.upload.filename).toLowerCase();
  const jsonLines = extension === '.jsonl' || extension === '.ndjson';
  // JSON lines hold tickets (with messages and attachments); spreadsheets any entity.
  if (!(extension === '.csv' || extension === '.xlsx' || (jsonLines && input.entity === 'tickets'))) throw invalidField('file', 'imports.file_type', { name: input.upload.filename });
  const fileKind: ImportFileKind = jsonLines ? 'jsonl' : extension === '.csv' ? 'csv' : 'xlsx';
  const id = uuidv7();
  const path = sourcePath(dataDir, { id, fileKind });
  await mkdir(importFolder(dataDir, id), { recursive: true });
  try {
    await pipeline(input.upload.stream, createWriteStream(path));
    if (input.upload.stream.truncated) throw new PayloadTooLarge('imports.file_too_large');
    const byteSize = (await stat(path)).size;
    if (byteSize === 0) throw invalidField('file', 'imports.file_empty');
    if (fileKind === 'jsonl') {
      const template = input.templateName ? await findTemplate(database, input.entity, input.templateName) : null;
      await insertJob(database, actor, { id, input, fileKind, encoding: 'utf-8', byteSize, headerRow: 0, headers: ['JSON'], mapping: [{ column: 0, header: 'JSON', target: 'json' }], template });
      return id;
    }
    const encoding = fileKind === 'csv' ? await detectEncoding(path) : 'utf-8';
    let rows: SourceRow[];
    try {
      rows = await firstRows(path, fileKind, encoding, headerSearchRows);
    } catch {
      throw invalidField('file', 'imports.file_unreadable', { name: input.upload.filename });
    }
    const header = detectHeader(rows);
    if (!header) throw invalidField('file', 'imports.no_header');
    const template = input.templateName ? await findTemplate(database, input.entity, input.templateName) : null;
    const fields = await listFields(database.db, fieldEntityOf(input.entity));
    const automatic = autoMapping(input.entity, header.headers, fields.filter((f) => !f.archived).map((f) => ({ key: f.key, labels: [f.label['zh-CN'], f.label.en].filter(Boolean) })));
    const byHeader = template ? new Map(Object.entries(template.columns).map(([h, target]) => [headerKey(h), target])) : null;
    const mapping = automatic.map((m) => (byHeader?.has(headerKey(m.header)) ? { ...m, target: byHeader.get(headerKey(m.header)) ?? null } : m));
    await insertJob(database, actor, { id, input, fileKind, encoding, byteSize, headerRow: header.rowNumber, headers: header.headers, mapping, template });
    return id;
  } catch (error) {
    await rm(importFolder(dataDir, id), { recursive: true, force: true });
    throw error;
  }
}

type NewJob = {
  id: string;
  input: { entity: ImportEntity; upload: Upload; attachmentsDir?: string };
  fileKind: ImportFileKind;
  encoding: string;
  byteSize: number;
  headerRow: number;
  headers: string[];
  mapping: ColumnMapping[];
  template: typeof importTemplates.$inferSelect | null;
};

async function insertJob(database: Database, actor: Actor, job: NewJob): Promise<void> {
  const { id, input, template } = job;
  await database.transaction(async (tx) => {
    await tx.insert(importJobs).values({
      id, entity: input.entity, fileName: input.upload.filename.slice(0, 255), fileKind: job.fileKind, encoding: job.encoding, byteSize: job.byteSize,
      headerRow: job.headerRow, headers: job.headers, mapping: job.mapping, attachmentsDir: input.attachmentsDir ?? null,
      valueMaps: template?.valueMaps ?? {}, dedupRule: template?.dedupRule ?? 'skip', templateId: template?.id ?? null, createdBy: actor.id,
    });
    await recordEvent(tx, importCreated, { aggregateId: id, cause: 'agent', actorId: actor.id, payload: { entity: input.entity, fileName: input.upload.filename, byteSize: job.byteSize } });
  });
}

async function findTemplate(database: Database, entity: ImportEntity, name: string) {
  const [template] = await database.db.select().from(importTemplates).where(eq(importTemplates.name, name));
  if (!template || template.entity !== entity) throw invalidField('template', 'imports.template_not_found', { name });
  return template;
}

/** The first data rows under the header, for the mapping step's samples. */
export async function sampleRows(dataDir: string, job: Pick<typeof importJobs.$inferSelect, 'id' | 'fileKind' | 'encoding' | 'headerRow'>, limit = 5): Promise<string[][]> {
  const samples: string[][] = [];
  // A JSON line may carry megabytes of base64: a sample shows its start.
  const shown = (cells: string[]) => (job.fileKind === 'jsonl' ? cells.map((c) => c.slice(0, 500)) : cells);
  for await (const row of readSource(sourcePath(dataDir, job), job.fileKind, job.encoding as 'utf-8' | 'gb18030')) {
    if (row.rowNumber <= job.headerRow || row.cells.every((c) => c.trim() === '')) continue;
    samples.push(shown(row.cells));
    if (samples.length >= limit) break;
  }
  return samples;
}
