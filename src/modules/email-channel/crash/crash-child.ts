// Test fixture (email-channel/crash.test.ts): one life of the server, killed on purpose.
//   receive  start the SMTP listener and print its port; the parent sends a mail, gets 250, kills us
//   process  run the processing job and die (SIGKILL) right after the ticket transaction commits,
//            before the job records the mail and finishes
// Database: DATABASE_URL when set (PostgreSQL), else the embedded one in the given data folder.
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { uuidv7 } from 'uuidv7';
import { builtinFieldTypeRegistry } from '../../forms/index.js';
import { TransitionGuards } from '../../../app/transition-guards.js';
import { loadConfig } from '../../../app/config.js';
import { killedAfterCommit } from '../../../app/killed-after-commit.js';
import { openDatabase } from '../../../db/open-database.js';
import { JobRegistry } from '../../../jobs/registry.js';
import { Worker } from '../../../jobs/worker.js';
import { processInboundJob } from '../inbound-store.js';
import { processInboundHandler } from '../process-inbound.js';
import { startSmtpListener } from '../smtp-listener.js';

const [mode, dataDir] = process.argv.slice(2);
const config = loadConfig({ OPENCSM_DATA_DIR: dataDir, DATABASE_URL: process.env.DATABASE_URL ?? '', LOG_LEVEL: 'silent', SMTP_PORT: '0', EMAIL_DNS_SERVERS: 'none' });
const log = pino({ level: 'silent' });
const database = await openDatabase(config);

if (mode === 'receive') {
  await database.transaction((tx) => tx.execute(sql`insert into email_mailboxes (id, address, name) values (${uuidv7()}, 'support@acme.test', '客服') on conflict do nothing`));
  const listener = await startSmtpListener(database, config, log);
  process.stdout.write(`port ${listener.port}\n`);
} else {
  // The first commit of the job is the ticket itself (receiveInboundMessage).
  const crashing = killedAfterCommit(database, 1);
  const registry = new JobRegistry();
  // No guards and only the built-in field types: this child only processes mail, and no module of a full app added any.
  const handler = processInboundHandler(config, { guards: new TransitionGuards(), fieldTypes: builtinFieldTypeRegistry() });
  registry.handle(processInboundJob, (payload, context) => handler(payload, { ...context, database: crashing }));
  await new Worker(database, registry, log).runUntilIdle();
  process.stdout.write('finished without crashing\n');
  process.exit(3);
}
