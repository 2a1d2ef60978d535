import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { EntityExporter } from '../../app/data-exporters.js';
import type { Database } from '../../db/database.js';
import { writeArchive } from './write-archive.js';

/** What `opencsm export` needs of the application; src/cli.ts opens it (no server starts). */
export type OpenedExport = { database: Database; exporters: readonly EntityExporter[]; publicUrl: string | null; close(): Promise<void> };

/**
 * `opencsm export <folder>`: the full archive into a folder, a progress line per entity (rewritten
 * in place on a terminal), then the counts. The embedded database is opened by one process at a
 * time: while the server runs, export from the console (设置 › 数据导出) instead.
 */
export async function runExportCommand(args: readonly string[], open: () => Promise<OpenedExport>): Promise<void> {
  const folder = args.find((arg) => !arg.startsWith('--'));
  if (!folder) throw new Error('export needs a folder: opencsm export <folder> / 请指定导出目录');
  if (existsSync(folder) && readdirSync(folder).length > 0) {
    process.stderr.write(`The export folder ${resolve(folder)} is not empty; choose a new one / 导出目录不是空的，请换一个目录\n`);
    process.exitCode = 1;
    return;
  }
  const app = await open();
  const tty = process.stdout.isTTY;
  const line = (text: string) => process.stdout.write(`${tty ? '\r\x1b[K' : ''}${text}\n`);
  let current = '';
  try {
    const manifest = await writeArchive(app.database.db, app.exporters, resolve(folder), {
      installation: { engine: app.database.engine, publicUrl: app.publicUrl },
      now: new Date(),
      onProgress: ({ entity, rows, entitiesDone, entities }) => {
        const text = `[${entitiesDone + (entity ? 1 : 0)}/${entities}] ${entity} ${rows}`;
        if (tty) return void process.stdout.write(`\r\x1b[K${text}`);
        // Not a terminal (a log, CI): one line per entity.
        if (entity && entity !== current) process.stdout.write(`${text}\n`);
        current = entity;
      },
    });
    const rows = manifest.entities.reduce((sum, entity) => sum + entity.rows, 0);
    line(`exported ${rows} rows of ${manifest.entities.length} entities and ${manifest.attachments.files} files to ${resolve(folder)} / 已导出`);
    if (manifest.attachments.missing > 0) line(`${manifest.attachments.missing} attachments had no file in the store / 个附件文件缺失`);
  } finally {
    await app.close();
  }
}
