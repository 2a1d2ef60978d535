import { createReadStream } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import { translate } from '../../app/i18n/catalogue.js';
import { listUsers, loadActor } from '../auth/index.js';
import { createImportJob } from './create-job.js';
import { dryRunImport } from './dry-run.js';
import type { ImportDeps } from './import-deps.js';
import { startImport, updateImportSettings } from './job-settings.js';
import { runImport, type ImportProgress } from './run-import.js';
import { importJobs, type DedupRule, type ImportCounts, type ImportEntity } from './schema.js';
import { ImportCheckpointMoved } from './write-batch.js';

/**
 * `opencsm import <file> --entity contacts|organisations|tickets [--template NAME] [--rule R] [--dry-run]`:
 * the wizard's steps without the console, as an active admin (`--as <email>` names one). The run
 * is also queued (due a minute later), so a killed CLI is finished by the next worker from its checkpoint.
 */
export type CliImportOptions = { file: string; entity: ImportEntity; template?: string; rule?: DedupRule; dryRun: boolean; as?: string };
export type CliOutput = { line(text: string): void; progress(text: string): void };

const summary = (c: ImportCounts) => `created ${c.created}, updated ${c.updated}, skipped ${c.skipped}, rejected ${c.rejected}`;

function bar(progress: ImportProgress): string {
  const width = 30;
  const done = progress.processed;
  if (!progress.total) return `${done} rows`;
  const share = Math.min(1, done / progress.total);
  return `[${'#'.repeat(Math.round(share * width)).padEnd(width, '.')}] ${Math.round(share * 100)}% ${done}/${progress.total}`;
}

export async function cliImport(deps: ImportDeps, options: CliImportOptions, out: CliOutput): Promise<ImportCounts> {
  const { database, dataDir } = deps;
  const admins = await listUsers(database.db, { role: 'admin', active: true });
  const user = options.as ? admins.find((u) => u.email === options.as) : admins[0];
  if (!user) throw new Error(options.as ? `no active admin ${options.as}` : 'no active admin: start the server once to create one');
  const actor = (await loadActor(database.db, user.id))!;
  // A JSON-lines file's attachment paths are relative to its folder, which the CLI (unlike an upload) can read.
  const id = await createImportJob(database, dataDir, actor, { entity: options.entity, upload: { stream: createReadStream(options.file), filename: basename(options.file) }, attachmentsDir: dirname(resolve(options.file)), ...(options.template && { templateName: options.template }) });
  if (options.rule) await updateImportSettings(database, actor, id, undefined, { dedupRule: options.rule });
  const [job] = await database.db.select().from(importJobs).where(eq(importJobs.id, id));
  out.line(`import ${id}: ${job!.fileName} (${job!.encoding}), header on row ${job!.headerRow}, rule ${job!.dedupRule}`);
  for (const m of job!.mapping) out.line(`  ${m.header} → ${m.target ?? '(ignored)'}`);
  let shown = 0;
  const report = await dryRunImport(deps, id, (d) => {
    if (shown++ < 20) out.line(`  row ${d.rowNumber}: ${translate(actor.locale === 'en' ? 'en' : 'zh-CN', d.reason ?? '', d.params ?? {})}`);
  });
  if (report.counts.rejected > 20) out.line(`  … ${report.counts.rejected - 20} more rejected rows (GET /api/v1/imports/${id}/rejected.xlsx?of=dry-run)`);
  if (options.dryRun) {
    out.line(`dry run, nothing written: ${summary(report.counts)}`);
    return report.counts;
  }
  await startImport(database, actor, id, { runAt: new Date(Date.now() + 60_000) });
  let finished;
  try {
    finished = await runImport(deps, id, { onProgress: (p) => out.progress(bar(p)) });
  } catch (error) {
    if (!(error instanceof ImportCheckpointMoved)) throw error;
    // A worker took the run over: it reports progress on the job.
    out.line('a worker continues this import; see GET /api/v1/imports/' + id);
    [finished] = await database.db.select().from(importJobs).where(eq(importJobs.id, id));
  }
  out.line(summary(finished!.counts));
  return finished!.counts;
}
