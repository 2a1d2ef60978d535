import type { Readable } from 'node:stream';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/database.js';
import { keysetRows, type KeysetOptions } from '../db/keyset-rows.js';

/** One row of an archive's JSON-lines file: column names in camel case, dates as ISO 8601 strings. */
export type ExportRow = Record<string, unknown>;

/** The bytes a row stands for (an attachment): written as `attachments/<id>/<filename>`. */
export type ExportFile = { id: string; filename: string; open(): Promise<Readable> };

/**
 * What one module contributes to the full export (退出机制, issue 21 §5): one entity, one file
 * `<entity>.jsonl`. The module reads its own tables; the exports module never does.
 */
export type EntityExporter = {
  /** The file's name without `.jsonl`: a plural snake-case noun (`tickets`, `ticket_events`). */
  entity: string;
  /** Every row, in a stable order, read in pages (never a whole table in memory). */
  rows(db: Db): AsyncIterable<ExportRow>;
  /** What summary.xlsx counts a row under: its status and the month (UTC) it was created. */
  summarise?(row: ExportRow): { status?: string; createdAt?: unknown };
  /** The file a row carries, if any. */
  file?(row: ExportRow): ExportFile | undefined;
};

const entityPattern = /^[a-z][a-z0-9_]{1,59}$/;

/**
 * The full export's entities, by name. Modules add theirs in registerJobs; the exports module
 * walks them in registration order (the app's module order). One instance per app (AppContext).
 */
export class DataExporters {
  private readonly exporters = new Map<string, EntityExporter>();

  register(exporter: EntityExporter): void {
    if (!entityPattern.test(exporter.entity)) throw new Error(`Export entity ${exporter.entity} must be a snake-case word`);
    if (this.exporters.has(exporter.entity)) throw new Error(`Export entity ${exporter.entity} is registered twice`);
    this.exporters.set(exporter.entity, exporter);
  }

  list(): EntityExporter[] {
    return [...this.exporters.values()];
  }
}

/** An exporter of one table of the registering module, walked by its key (keysetRows). */
export function tableExporter(entity: string, table: PgTable, options: KeysetOptions & Pick<EntityExporter, 'summarise' | 'file'>): EntityExporter {
  const { summarise, file, ...walk } = options;
  return { entity, rows: (db) => keysetRows(db, table, walk), summarise, file };
}

/** summary.xlsx's grouping for rows with a `status` and a `createdAt` column. */
export function byStatusAndMonth(row: ExportRow): { status?: string; createdAt?: unknown } {
  return { status: typeof row.status === 'string' ? row.status : undefined, createdAt: row.createdAt };
}
