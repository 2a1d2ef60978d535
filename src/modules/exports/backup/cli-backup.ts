import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from '../../../app/config.js';
import type { Database } from '../../../db/database.js';
import { requestBackup } from './control-socket.js';
import { restoreBackup, RestoreRefused } from './restore-backup.js';
import { writeBackup, type BackupResult } from './write-backup.js';

const postgresAdvice = {
  backup:
    'opencsm backup is for the embedded database. With PostgreSQL (DATABASE_URL) use its own tools, e.g.\n' +
    '  pg_dump --format=custom --file=opencsm.dump "$DATABASE_URL"\n' +
    'and copy the data folder (attachments, secret.key) beside it; see docs/operations.md.\n' +
    'opencsm backup 仅用于内置数据库；使用 PostgreSQL 时请用 pg_dump 备份数据库，并同时复制数据目录（附件、secret.key），见 docs/operations.md。\n',
  restore:
    'opencsm restore is for the embedded database. With PostgreSQL (DATABASE_URL) use\n' +
    '  pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" opencsm.dump\n' +
    'and put the data folder back; see docs/operations.md.\n' +
    'opencsm restore 仅用于内置数据库；使用 PostgreSQL 时请用 pg_restore 恢复，并放回数据目录，见 docs/operations.md。\n',
};

function refuse(message: string): void {
  process.stderr.write(message.endsWith('\n') ? message : `${message}\n`);
  process.exitCode = 1;
}

function describe(result: BackupResult, file: string): string {
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  return `backup written to ${file}: ${mb(result.bytes)} MB (database ${mb(result.databaseBytes)} MB, ${result.files} files) in ${(result.milliseconds / 1000).toFixed(1)} s / 备份完成\n`;
}

/**
 * `opencsm backup <file>`: with a server running on the data folder, the server writes it (the
 * control socket, so it keeps serving); without one, this process opens the folder and writes it.
 */
export async function runBackupCommand(config: Config, args: readonly string[], open: () => Promise<Database>): Promise<void> {
  if (config.DATABASE_URL) return refuse(postgresAdvice.backup);
  const given = args.find((arg) => !arg.startsWith('--'));
  if (!given) return refuse('backup needs a file: opencsm backup <file> / 请指定备份文件');
  const file = resolve(given);
  if (existsSync(file)) return refuse(`${file} exists; choose a new file / 文件已存在，请换一个文件名`);
  const answer = await requestBackup(resolve(config.OPENCSM_DATA_DIR), file);
  if (answer?.ok === false) return refuse(`backup failed / 备份失败: ${answer.error}`);
  if (answer) return void process.stdout.write(describe(answer, file));
  const database = await open();
  try {
    process.stdout.write(describe(await writeBackup(database, resolve(config.OPENCSM_DATA_DIR), file, new Date()), file));
  } finally {
    await database.close();
  }
}

/** `opencsm restore <file> [--force]` into OPENCSM_DATA_DIR (refused while a server runs on it). */
export async function runRestoreCommand(config: Config, args: readonly string[]): Promise<void> {
  if (config.DATABASE_URL) return refuse(postgresAdvice.restore);
  const given = args.find((arg) => !arg.startsWith('--'));
  if (!given) return refuse('restore needs a file: opencsm restore <file> [--force] / 请指定备份文件');
  try {
    const { files } = await restoreBackup(resolve(given), config.OPENCSM_DATA_DIR, { force: args.includes('--force') });
    process.stdout.write(`restored ${resolve(given)} into ${resolve(config.OPENCSM_DATA_DIR)} (${files} files) / 恢复完成\n`);
  } catch (error) {
    if (error instanceof RestoreRefused) return refuse(error.message);
    throw error;
  }
}
