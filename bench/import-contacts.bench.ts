/**
 * Issue 21: how fast `runImport` brings contacts in from a GBK CSV (rows/s, the whole path:
 * decoding, csv-parse, cleaning with normalisePhone, dedup lookups, the customers module's bulk
 * writes with their events, the rows' outcomes and the checkpoint, 500 rows a transaction), and
 * the process's peak resident memory while it runs (streaming: it must not grow with the file).
 *
 * BENCH_IMPORT_ROWS rows (default 100 000; one in 20 repeats an earlier phone, so dedup finds it),
 * on PostgreSQL when BENCH_DATABASE_URL is set (a fresh database, dropped afterwards); PGlite too
 * when BENCH_IMPORT_PGLITE=1. Run: `BENCH_DATABASE_URL=postgresql://… npx tsx bench/import-contacts.bench.ts`.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createReadStream } from 'node:fs';
import iconv from 'iconv-lite';
import type { Database } from '../src/db/database.js';
import { runMigrations } from '../src/db/migrate.js';
import { createUser, loadActor } from '../src/modules/auth/index.js';
import { builtinFieldTypeRegistry } from '../src/modules/forms/index.js';
import { createImportJob, dryRunImport, runImport, startImport } from '../src/modules/imports/index.js';
import { onEachEngine } from './on-each-engine.js';

const rowCount = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);

async function writeFile(path: string): Promise<void> {
  const out = createWriteStream(path);
  const encoder = iconv.encodeStream('gbk');
  encoder.pipe(out);
  encoder.write('姓名,电话,邮箱,备注\r\n');
  for (let n = 0; n < rowCount; n += 1) {
    const phone = n % 20 === 19 ? n - 10 : n;
    const line = `客户${n},+86 139-${String(phone).padStart(8, '0').replace(/(\d{4})(\d{4})/, '$1-$2')},C${n}@Example.com,导入测试\r\n`;
    if (!encoder.write(line)) await new Promise<void>((resolve) => encoder.once('drain', () => resolve()));
  }
  encoder.end();
  await new Promise<void>((resolve) => out.on('finish', () => resolve()));
}

async function measure(engine: 'pglite' | 'postgres', database: Database, url?: string): Promise<void> {
  if (engine === 'pglite' && process.env.BENCH_IMPORT_PGLITE !== '1') return;
  await runMigrations(database, url);
  const dir = await mkdtemp(join(tmpdir(), 'opencsm-import-bench-'));
  try {
    const file = join(dir, 'contacts.csv');
    await writeFile(file);
    const user = await createUser(database, null, { email: 'bench@example.test', name: 'bench', password: 'password-123', role: 'admin' });
    const actor = (await loadActor(database.db, user.id))!;
    const deps = { database, fieldTypes: builtinFieldTypeRegistry(), dataDir: dir };
    const id = await createImportJob(database, dir, actor, { entity: 'contacts', upload: { stream: createReadStream(file), filename: 'contacts.csv' } });
    let peak = process.memoryUsage().rss;
    const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
    let started = performance.now();
    const report = await dryRunImport(deps, id);
    const dryRunSeconds = (performance.now() - started) / 1000;
    await startImport(database, actor, id);
    started = performance.now();
    const job = await runImport(deps, id);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sample);
    console.log(`${engine}: ${rowCount} rows — dry run ${dryRunSeconds.toFixed(1)} s (${Math.round(rowCount / dryRunSeconds)} rows/s); run ${seconds.toFixed(1)} s, ${Math.round(rowCount / seconds)} rows/s; peak RSS ${Math.round(peak / 1024 / 1024)} MB`);
    console.log(`  dry run ${JSON.stringify(report.counts)}; run ${JSON.stringify(job.counts)}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await onEachEngine('opencsm_bench_import', measure);
