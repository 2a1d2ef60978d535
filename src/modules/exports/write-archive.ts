import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { EntityExporter } from '../../app/data-exporters.js';
import type { Db } from '../../db/database.js';
import { archiveFileName } from './archive-names.js';
import { SummaryCounts, writeSummaryWorkbook } from './summary-workbook.js';

/** The archive's format; docs/migration.md describes it. A reader refuses a version it does not know. */
export const exportFormatVersion = 1;

export type ExportProgress = { entity: string; rows: number; entitiesDone: number; entities: number };

export type ArchiveManifest = {
  format: 'opencsm-export';
  formatVersion: number;
  createdAt: string;
  installation: { engine: string; publicUrl: string | null };
  entities: Array<{ entity: string; file: string; rows: number }>;
  attachments: { files: number; bytes: number; missing: number };
};

export type ArchiveOptions = {
  installation: ArchiveManifest['installation'];
  now: Date;
  /** Awaited: the next rows are read once it resolves. */
  onProgress?(progress: ExportProgress): void | Promise<void>;
};

/**
 * Writes every registered entity into `folder` (which must be empty or absent): `<entity>.jsonl`
 * (one JSON object a line, in key order), `attachments/<id>/<filename>`, `manifest.json` and
 * `summary.xlsx`. Rows stream from each module's exporter page by page into the file, so memory
 * holds one page and the summary's counters, whatever the installation's size.
 */
export async function writeArchive(db: Db, exporters: readonly EntityExporter[], folder: string, options: ArchiveOptions): Promise<ArchiveManifest> {
  await mkdir(folder, { recursive: true });
  if ((await readdir(folder)).length > 0) throw new Error(`The export folder ${folder} is not empty / 导出目录不是空的`);
  const summary = new SummaryCounts();
  const manifest: ArchiveManifest = {
    format: 'opencsm-export',
    formatVersion: exportFormatVersion,
    createdAt: options.now.toISOString(),
    installation: options.installation,
    entities: [],
    attachments: { files: 0, bytes: 0, missing: 0 },
  };
  for (const [index, exporter] of exporters.entries()) {
    const file = `${exporter.entity}.jsonl`;
    const out = createWriteStream(join(folder, file));
    let rows = 0;
    const report = async () => options.onProgress?.({ entity: exporter.entity, rows, entitiesDone: index, entities: exporters.length });
    await report();
    for await (const row of exporter.rows(db)) {
      await writeLine(out, `${JSON.stringify(row)}\n`);
      rows += 1;
      summary.add(exporter.entity, exporter.summarise?.(row));
      if (exporter.file) await copyFile(folder, exporter.file(row), manifest.attachments);
      if (rows % 5000 === 0) await report();
    }
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    manifest.entities.push({ entity: exporter.entity, file, rows });
    summary.total(exporter.entity, rows);
  }
  await options.onProgress?.({ entity: '', rows: 0, entitiesDone: exporters.length, entities: exporters.length });
  await writeSummaryWorkbook(join(folder, 'summary.xlsx'), summary);
  await writeWhole(join(folder, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

async function copyFile(folder: string, file: ReturnType<NonNullable<EntityExporter['file']>>, counts: ArchiveManifest['attachments']): Promise<void> {
  if (!file) return;
  const dir = join(folder, 'attachments', file.id);
  let source;
  try {
    source = await file.open();
  } catch (error) {
    // A row whose bytes are gone (a store restored without them) is counted, not fatal: the rest of the archive is still the user's.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return void (counts.missing += 1);
    throw error;
  }
  await mkdir(dir, { recursive: true });
  const target = createWriteStream(join(dir, archiveFileName(file.filename)));
  await pipeline(source, target);
  counts.files += 1;
  counts.bytes += target.bytesWritten;
}

function writeLine(out: WriteStream, line: string): Promise<void> {
  if (out.write(line)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => (out.off('drain', onDrain), reject(error));
    const onDrain = () => (out.off('error', onError), resolve());
    out.once('drain', onDrain);
    out.once('error', onError);
  });
}

async function writeWhole(path: string, text: string): Promise<void> {
  const out = createWriteStream(path);
  await new Promise<void>((resolve, reject) => {
    out.once('error', reject);
    out.end(text, resolve);
  });
}
