import { sql } from 'drizzle-orm';
import { ConfigError, loadConfig, type Config } from './app/config.js';
import { createApp, createLogger, startIngress } from './app/create-app.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import type { Database } from './db/database.js';
import { openDatabase } from './db/open-database.js';
import { ensureFirstAdmin } from './modules/auth/index.js';

const usage = `Usage: opencsm <command>

  start        API + web + background worker in one process (the default; embedded database)
  serve        HTTP (with DATABASE_URL: HTTP only, run workers as separate processes;
               on the embedded database it runs the worker too, as only one process may open it)
  worker       background worker only (beside other processes only with DATABASE_URL)
  migrate      apply database migrations and exit
  seed --demo  load the deterministic demo data set (演示数据)
  reindex-search
               rebuild every ticket's search document (after an upgrade that changes search, 重建搜索索引)
  reports backfill | reports check
               rebuild reporting facts and rollups from the event log / compare rollups with the facts (报表)
  import <file> --entity contacts|organisations [--template NAME] [--rule create|update|skip|merge] [--dry-run] [--as EMAIL]
               import contacts or organisations from .xlsx or .csv (UTF-8 or GBK), with a dry run's report first (数据导入)
  export <folder>
               export everything (tickets, messages, customers, knowledge, configuration, attachments) as
               JSON lines, files, manifest.json and summary.xlsx (数据导出, docs/migration.md)
  backup <file>
               a consistent backup of the embedded database and the data folder while the server runs (备份)
  restore <file> [--force]
               restore a backup into OPENCSM_DATA_DIR (empty, or replaced with --force; 恢复)
  bench-data --tickets N
               bulk-load N generated Chinese tickets with messages, for benchmarks only (压测数据)
`;

async function main(argv: string[]): Promise<void> {
  const [command = 'start', ...rest] = argv;
  if (command === '--help' || command === 'help') return void process.stdout.write(usage);
  const config = loadConfig();
  const log = createLogger(config);
  switch (command) {
    case 'start':
      return run(config, { http: true, worker: true });
    case 'serve':
      return run(config, { http: true, worker: !config.DATABASE_URL });
    case 'worker':
      return run(config, { http: false, worker: true });
    case 'migrate': {
      const database = await openDatabase(config);
      await database.close();
      log.info('migrations applied');
      return;
    }
    case 'seed': {
      if (!rest.includes('--demo')) throw new Error('seed needs --demo');
      const { seedDemoData } = await import('./demo/seed-demo.js');
      const database = await openDatabase(config);
      try {
        const summary = await seedDemoData(database, { timeZone: config.OPENCSM_TIMEZONE, keys: config });
        if (summary.status === 'skipped') process.stdout.write(`${summary.reason}\n`);
        else process.stdout.write(`Demo data loaded / 演示数据已加载:\n${JSON.stringify(summary, null, 2)}\n`);
      } finally {
        await database.close();
      }
      return;
    }
    case 'reindex-search': {
      const { reindexAllTickets } = await import('./demo/reindex-search.js');
      const database = await openDatabase(config);
      try {
        const count = await reindexAllTickets(database, (n) => log.info({ tickets: n }, 'reindex-search: indexed'));
        process.stdout.write(`Reindexed ${count} tickets / 已重建 ${count} 张工单的搜索索引\n`);
      } finally {
        await database.close();
      }
      return;
    }
    case 'reports': {
      const { backfillReports, checkRollups } = await import('./modules/reports/index.js');
      const database = await openDatabase(config);
      try {
        if (rest[0] === 'backfill') process.stdout.write(`${JSON.stringify(await backfillReports(database, config.OPENCSM_TIMEZONE))}\n`);
        else if (rest[0] === 'check') {
          const differences = await checkRollups(database, config.OPENCSM_TIMEZONE);
          process.stdout.write(differences.length ? `${JSON.stringify(differences, null, 2)}\nRollups differ from facts / 汇总与事实不一致\n` : 'Rollups equal the facts / 汇总与事实一致\n');
          if (differences.length) process.exitCode = 1;
        } else throw new Error('reports needs backfill or check');
      } finally {
        await database.close();
      }
      return;
    }
    case 'import': {
      const { runImportCommand } = await import('./modules/imports/index.js');
      return runImportCommand(config, rest, async () => {
        const database = await openDatabase(config);
        const app = await createApp(config, database, { log: createLogger({ LOG_LEVEL: 'silent' }) });
        return { database, fieldTypes: app.context.fieldTypes, close: async () => (await app.server.close(), await database.close()) };
      });
    }
    case 'export': {
      const { runExportCommand } = await import('./modules/exports/index.js');
      return runExportCommand(rest, async () => {
        const database = await openDatabase(config);
        const app = await createApp(config, database, { log: createLogger({ LOG_LEVEL: 'silent' }) });
        return { database, exporters: app.context.dataExporters.list(), publicUrl: config.OPENCSM_PUBLIC_URL ?? null, close: async () => (await app.server.close(), await database.close()) };
      });
    }
    case 'backup': {
      const { runBackupCommand } = await import('./modules/exports/index.js');
      return runBackupCommand(config, rest, () => openDatabase(config));
    }
    case 'restore': {
      const { runRestoreCommand } = await import('./modules/exports/index.js');
      return runRestoreCommand(config, rest);
    }
    case 'bench-data': {
      const count = Number(rest[rest.indexOf('--tickets') + 1]);
      if (!rest.includes('--tickets') || !Number.isInteger(count) || count < 1) throw new Error('bench-data needs --tickets N (a positive whole number)');
      const { loadBenchTickets } = await import('./demo/bench-data.js');
      const database = await openDatabase(config);
      try {
        const started = performance.now();
        const elapsed = () => (performance.now() - started) / 1000;
        const say = (line: string) => process.stdout.write(`${line}\n`);
        let reported = 0;
        await loadBenchTickets(database, {
          tickets: count,
          // Into an empty database (the usual case) indexes are built once at the end: far faster.
          deferIndexes: true,
          onStep: (step, seconds) => say(`  ${step}: ${seconds.toFixed(1)} s`),
          onProgress: (n) => {
            if (n - reported < 50_000 && n < count) return;
            reported = n;
            say(`  ${n} tickets in ${elapsed().toFixed(0)} s, ${Math.round(n / elapsed())} tickets/s`);
          },
        });
        const loadedAt = elapsed();
        // VACUUM also empties the GIN index's pending list: until then every search scans it (365 ms → 3 ms for a prefix at 200k tickets).
        for (const table of ['tickets', 'ticket_messages', 'ticket_search']) await database.db.execute(sql.raw(`vacuum analyze ${table}`));
        say(`  vacuum analyze: ${(elapsed() - loadedAt).toFixed(1)} s`);
        say(`Loaded ${count} tickets in ${elapsed().toFixed(0)} s (${Math.round(count / elapsed())} tickets/s) / 已导入 ${count} 张工单`);
      } finally {
        await database.close();
      }
      return;
    }
    default:
      process.stderr.write(`Unknown command: ${command}\n\n${usage}`);
      process.exitCode = 2;
  }
}

async function run(config: Config, roles: { http: boolean; worker: boolean }): Promise<void> {
  const database = await openDatabase(config);
  const admin = await ensureFirstAdmin(database, { email: config.OPENCSM_ADMIN_EMAIL, password: config.OPENCSM_ADMIN_PASSWORD });
  const app = await createApp(config, database);
  if (roles.worker) app.worker.start();
  if (roles.http) await app.server.listen({ port: config.PORT, host: config.HOST });
  const stopIngress = roles.http ? await startIngress(app) : async () => {};
  printBanner(config, database, roles, admin);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.context.log.info({ signal }, 'shutting down');
    // A supervisor waits ~10 s before SIGKILL: whatever still holds on (a slow client, a stuck
    // job) gets until the deadline, then the database is flushed and closed regardless, so the
    // data folder is consistent and its lock released.
    const settle = (work: Promise<unknown>) => Promise.race([work.catch((error: unknown) => app.context.log.warn({ err: error }, 'shutdown step failed')), delay(shutdownStepMs)]);
    await settle(stopIngress());
    await settle(app.server.close());
    await settle(app.worker.stop());
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGHUP', () => void stop('SIGHUP'));
}

/** Each shutdown step's share of the ~10 s a process supervisor allows before SIGKILL. */
const shutdownStepMs = 2_500;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function printBanner(config: Config, database: Database, roles: { http: boolean; worker: boolean }, admin: { email: string; password: string | null } | null): void {
  const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`;
  const lines = [
    '',
    `OpenCSM is running / OpenCSM 已启动 (${database.engine === 'pglite' ? `embedded database in ${config.OPENCSM_DATA_DIR}` : 'PostgreSQL'}; ${[roles.http && 'http', roles.worker && 'worker'].filter(Boolean).join(' + ')})`,
  ];
  if (roles.http) lines.push(`  App / 应用:        ${url}/`, `  API docs / 接口文档: ${url}/api/docs`);
  if (roles.http && config.SMTP_PORT !== undefined) lines.push(`  SMTP / 收信:       ${config.SMTP_HOST}:${config.SMTP_PORT}`);
  if (admin) {
    lines.push(`  Admin login / 管理员登录: ${admin.email}`);
    lines.push(admin.password ? `  Password / 密码:   ${admin.password}   (shown once, change it after login / 仅显示一次，请登录后修改)` : '  Password / 密码:   (from OPENCSM_ADMIN_PASSWORD)');
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message =
    error instanceof ConfigError || error instanceof DataDirLockedError
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
  // Exit only once the message is flushed: stderr to a pipe is asynchronous.
  process.stderr.write(`${message}\n`, () => process.exit(1));
});
