// Test fixture (imports/resume.test.ts): one life of an import, killed on purpose.
//   admin   <dataDir>             create an admin (for the CLI test)
//   prepare <dataDir> <file> [entity]  create an admin and the job from the file (contacts, or tickets), start it; print the job id
//   run     <dataDir> <id> <n>    run it and die (SIGKILL) right after the n-th batch commits
//   resume  <dataDir> <id>        run it to the end; print what the database holds as JSON
// Database: DATABASE_URL when set (PostgreSQL), else the embedded one in the data folder.
import { createReadStream } from 'node:fs';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../../app/config.js';
import { killedAfterCommit } from '../../../app/killed-after-commit.js';
import { queryRows } from '../../../db/database.js';
import { openDatabase } from '../../../db/open-database.js';
import { createUser, loadActor } from '../../auth/index.js';
import { builtinFieldTypeRegistry } from '../../forms/index.js';
import { createImportJob } from '../create-job.js';
import { startImport } from '../job-settings.js';
import { runImport } from '../run-import.js';

const [mode, dataDir, arg, commits] = process.argv.slice(2);
const entity = mode === 'prepare' && commits === 'tickets' ? 'tickets' : 'contacts';
const config = loadConfig({ OPENCSM_DATA_DIR: dataDir, DATABASE_URL: process.env.DATABASE_URL ?? '', LOG_LEVEL: 'silent' });
const database = await openDatabase(config);
const deps = (db = database) => ({ database: db, fieldTypes: builtinFieldTypeRegistry(), dataDir: dataDir! });

if (mode === 'admin') {
  await createUser(database, null, { email: 'cli-admin@example.test', name: '导入管理员', password: 'password-123', role: 'admin' });
  await database.close();
} else if (mode === 'prepare') {
  const admin = await createUser(database, null, { email: 'import-admin@example.test', name: '导入管理员', password: 'password-123', role: 'admin' });
  const actor = (await loadActor(database.db, admin.id))!;
  const id = await createImportJob(database, dataDir!, actor, { entity, upload: { stream: createReadStream(arg!), filename: entity === 'tickets' ? 'resume.jsonl' : 'resume.csv' } });
  await startImport(database, actor, id);
  process.stdout.write(`${id}\n`);
} else if (mode === 'run') {
  await runImport(deps(killedAfterCommit(database, Number(commits))), arg!, { batchSize: 100 });
  process.stdout.write('finished without crashing\n');
  process.exit(3);
} else {
  const before = await queryRows<{ checkpoint: number }>(database.db, sql`select checkpoint_row as checkpoint from import_jobs where id = ${arg}`);
  const job = await runImport(deps(), arg!, { batchSize: 100 });
  const [facts] = await queryRows<Record<string, number>>(database.db, sql`
    select (select count(*)::int from contacts) as contacts,
           (select count(*)::int from contact_identities where kind = 'phone') as phones,
           (select count(*)::int from import_rows where job_id = ${arg}) as rows,
           (select count(distinct row_number)::int from import_rows where job_id = ${arg}) as distinct_rows,
           (select min(row_number)::int from import_rows where job_id = ${arg}) as first_row,
           (select max(row_number)::int from import_rows where job_id = ${arg}) as last_row,
           (select count(*)::int from import_batches where job_id = ${arg}) as batches,
           (select count(*)::int from tickets) as tickets,
           (select count(distinct external_number)::int from tickets) as ticket_numbers,
           (select count(*)::int from ticket_messages) as messages,
           (select count(*)::int from ticket_attachments) as attachments,
           (select count(*)::int from ticket_search) as search_documents`);
  process.stdout.write(`${JSON.stringify({ resumedFrom: before[0]!.checkpoint, state: job.state, counts: job.counts, ...facts })}\n`);
  await database.close();
}
