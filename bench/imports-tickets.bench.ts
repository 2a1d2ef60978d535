/**
 * Issue 21 §7: how fast `runImport` brings tickets in from the JSON-lines format (tickets/s, the
 * whole path: reading lines, zod, planning with the dictionary, sanitising HTML, requesters found or
 * created, tickets with their messages, timeline, past events and search documents written in
 * multi-row statements, the rows' outcomes and the checkpoint, 500 tickets a transaction), and the
 * process's peak resident memory (streaming: it must not grow with the file).
 *
 * BENCH_TICKETS (default 50 000) tickets of BENCH_MESSAGES messages each (default 3: the customer's
 * question, an agent's HTML reply, the customer's answer), one in 10 with a small inline
 * attachment; one requester in 4 repeats an earlier one. On PostgreSQL when BENCH_DATABASE_URL is
 * set (a fresh database, dropped afterwards); PGlite too when BENCH_IMPORT_PGLITE=1.
 * Run: `BENCH_DATABASE_URL=postgresql://… npx tsx bench/imports-tickets.bench.ts` (add
 * `--cpu-prof` to node for a profile).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Database } from '../src/db/database.js';
import { runMigrations } from '../src/db/migrate.js';
import { createUser, loadActor } from '../src/modules/auth/index.js';
import { builtinFieldTypeRegistry } from '../src/modules/forms/index.js';
import { createImportJob, runImport, startImport } from '../src/modules/imports/index.js';
import { onEachEngine } from './on-each-engine.js';

const ticketCount = Number(process.env.BENCH_TICKETS ?? 50_000);
const messagesPerTicket = Number(process.env.BENCH_MESSAGES ?? 3);
const attachment = Buffer.from('一份小附件的内容，导入测试用。'.repeat(8)).toString('base64');

function line(n: number, agentEmail: string): string {
  const who = n % 4 === 3 ? n - 3 : n;
  const day = `2022-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`;
  const messages = Array.from({ length: messagesPerTicket }, (_, i) =>
    i % 2 === 1
      ? { authorKind: 'agent', author: agentEmail, html: `<p>您好，关于工单 ${n} 的第 ${i} 条回复：<b>已处理</b>。</p>`, createdAt: `${day}T${String(9 + i).padStart(2, '0')}:00:00+08:00` }
      : { authorKind: 'contact', body: `打印机第 ${n} 次卡纸，第 ${i} 条消息，三楼东侧。`, createdAt: `${day}T${String(9 + i).padStart(2, '0')}:00:00+08:00`, ...(i === 0 && n % 10 === 0 && { attachments: [{ filename: `photo-${n}.txt`, base64: attachment }] }) },
  );
  return JSON.stringify({
    externalId: `OLD-${n}`, subject: `旧系统工单 ${n}：打印机卡纸`, status: n % 3 ? 'closed' : 'open', priority: ['紧急', '高', '中', '低'][n % 4],
    requester: { name: `客户${who}`, phone: `136${String(who).padStart(8, '0')}`, email: `c${who}@example.com` }, tags: ['迁移'],
    createdAt: `${day}T09:00:00+08:00`, ...(n % 3 && { closedAt: `${day}T18:00:00+08:00` }), messages,
  });
}

async function writeFile(path: string, agentEmail: string): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  for (let n = 0; n < ticketCount; n += 1) {
    const text = line(n, agentEmail) + '\n';
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  out.end();
  await new Promise<void>((resolve) => out.on('finish', () => resolve()));
  return bytes;
}

async function measure(engine: 'pglite' | 'postgres', database: Database, url?: string): Promise<void> {
  if (engine === 'pglite' && process.env.BENCH_IMPORT_PGLITE !== '1') return;
  await runMigrations(database, url);
  const dir = await mkdtemp(join(tmpdir(), 'opencsm-ticket-import-bench-'));
  try {
    const user = await createUser(database, null, { email: 'bench@example.test', name: 'bench', password: 'password-123', role: 'admin' });
    const agentUser = await createUser(database, null, { email: 'agent@example.test', name: '王客服', password: 'password-123', role: 'agent' });
    const file = join(dir, 'tickets.jsonl');
    const bytes = await writeFile(file, agentUser.email);
    const actor = (await loadActor(database.db, user.id))!;
    const deps = { database, fieldTypes: builtinFieldTypeRegistry(), dataDir: dir, timeZone: 'Asia/Shanghai', maxAttachmentBytes: 25 * 1024 * 1024 };
    const id = await createImportJob(database, dir, actor, { entity: 'tickets', upload: { stream: createReadStream(file), filename: 'tickets.jsonl' } });
    await startImport(database, actor, id);
    let peak = process.memoryUsage().rss;
    const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
    const started = performance.now();
    const job = await runImport(deps, id);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sample);
    console.log(`${engine}: ${ticketCount} tickets × ${messagesPerTicket} messages (${Math.round(bytes / 1024 / 1024)} MB) — ${seconds.toFixed(1)} s, ${Math.round(ticketCount / seconds)} tickets/s (${Math.round((ticketCount * messagesPerTicket) / seconds)} messages/s); peak RSS ${Math.round(peak / 1024 / 1024)} MB`);
    console.log(`  ${JSON.stringify(job.counts)}`);
    console.log(JSON.stringify(Object.fromEntries(Object.entries((globalThis as any).__T ?? {}).map(([k, v]) => [k, Math.round(v as number)]))));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await onEachEngine('opencsm_bench_import_tickets', measure);
