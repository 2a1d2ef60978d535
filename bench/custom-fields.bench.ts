/**
 * `npm run bench` (part): what custom fields cost (issue 14 §8).
 *
 * 1. Create: the same ticket created over the API (in-process `inject`, one at a time, so the
 *    figure is the work of one create, not queueing) without a type and fields, and with a type
 *    whose form holds 30 custom fields of every kind and all 30 values — blocks of each
 *    interleaved, so load on the shared machine spreads over both. Prints the median and mean per
 *    create, the server process's CPU per create, and the ratio.
 * 2. The form definition endpoint: full answer and a revalidation (If-None-Match → 304).
 * 3. With BENCH_FIELDS_URL (a database loaded by `npx opencsm bench-data --tickets N` after the
 *    fields of step 1 were made there with BENCH_SETUP_ONLY=1): the first page of a list filtered
 *    by an indexed custom select, for a common and a rare option, p50/p95 over BENCH_ROUNDS.
 *
 * Environment: BENCH_DATABASE_URL (PostgreSQL server; a fresh database BENCH_DATABASE_NAME,
 * default opencsm_bench_fields, is created and dropped; without it the embedded engine is used),
 * BENCH_CREATES (per variant, default 1000), BENCH_WARMUP (unmeasured creates of each first, default 200), BENCH_FIELDS_URL, BENCH_SETUP_ONLY, BENCH_ROUNDS,
 * BENCH_AT_SCALE (with BENCH_FIELDS_URL: step 1 runs on that loaded database), BENCH_VARIANTS
 * (`with` or `without`: measure one side alone, e.g. to profile it), BENCH_JOBS=off (leave the
 * follow-up jobs queued), BENCH_PROFILE=<file> (a CPU profile of the measured creates),
 * BENCH_HEAP_PROFILE=<file> (what they allocate), BENCH_JOB_PROFILE=1 (the follow-up jobs'
 * statements and CPU by job type and statement kind, statement-accounting.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { pino } from 'pino';
import { loadConfig } from '../src/app/config.js';
import { createApp } from '../src/app/create-app.js';
import { queryRows } from '../src/db/database.js';
import { openDatabase } from '../src/db/open-database.js';
import { openPostgres } from '../src/db/postgres.js';
import { withDatabase } from '../src/db/test-database.js';
import { createApiToken, createUser, loadActor, type Actor } from '../src/modules/auth/index.js';
import { listTickets } from '../src/modules/tickets/index.js';
import { StatementAccounting } from './statement-accounting.js';

const serverUrl = process.env.BENCH_DATABASE_URL || undefined;
const databaseName = process.env.BENCH_DATABASE_NAME || 'opencsm_bench_fields';
const creates = Number(process.env.BENCH_CREATES ?? 1000);
// Creates of each variant before measuring, so that the figure is a warm server's: the form path
// runs more code than a plain create, and V8 compiles it over the first few hundred calls
// (BENCHMARKS.md, "Custom fields": 300 creates after 20 measured the ratio higher than 2 000 after 200).
const warmup = Math.ceil(Number(process.env.BENCH_WARMUP ?? 200) / 20) * 20;
const rounds = Number(process.env.BENCH_ROUNDS ?? 40);
const block = 20;

const label = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const options = (...names: string[]) => names.map((name, i) => ({ value: `o${i + 1}`, label: label(name, `Option ${i + 1}`) }));

/** 30 fields of every kind a service form uses; the first select is filterable (indexed). */
const benchFields: Array<Record<string, unknown>> = [
  { key: 'product_line', type: 'select', label: label('产品线', 'Product line'), filterable: true, options: options('打印机', '复印机', '扫描仪', '投影仪', '碎纸机', '考勤机', '收银机', '标签机') },
  { key: 'fault_kind', type: 'select', label: label('故障类型', 'Fault'), filterable: true, options: options('不开机', '卡纸', '异响', '漏墨', '联网失败', '其他') },
  ...['保修状态', '服务方式', '客户等级', '来源渠道', '紧急程度', '区域'].map((zh, i) => ({ key: `select_${i + 1}`, type: 'select', label: label(zh, `Select ${i + 1}`), options: options('甲', '乙', '丙', '丁') })),
  ...['配件', '症状'].map((zh, i) => ({ key: `multi_${i + 1}`, type: 'multiselect', label: label(zh, `Multi ${i + 1}`), options: options('硒鼓', '定影器', '搓纸轮', '主板', '电源') })),
  { key: 'location', type: 'cascader', label: label('发生地点', 'Location'), settings: { optionSource: 'china-regions', levels: 3 } },
  ...['序列号', '型号', '联系人', '工程师备注', '客户单位'].map((zh, i) => ({ key: `text_${i + 1}`, type: 'text', label: label(zh, `Text ${i + 1}`) })),
  { key: 'details', type: 'textarea', label: label('详细描述', 'Details') },
  ...['使用年限', '故障次数', '打印量'].map((zh, i) => ({ key: `number_${i + 1}`, type: 'number', label: label(zh, `Number ${i + 1}`) })),
  ...['报价', '实收'].map((zh, i) => ({ key: `money_${i + 1}`, type: 'money', label: label(zh, `Money ${i + 1}`) })),
  { key: 'bought_on', type: 'date', label: label('购买日期', 'Bought on') },
  { key: 'visit_at', type: 'datetime', label: label('上门时间', 'Visit at') },
  ...['需要上门', '在保'].map((zh, i) => ({ key: `check_${i + 1}`, type: 'checkbox', label: label(zh, `Check ${i + 1}`) })),
  { key: 'site_phone', type: 'phone', label: label('现场电话', 'Site phone') },
  { key: 'site_email', type: 'email', label: label('现场邮箱', 'Site email') },
  { key: 'order_url', type: 'url', label: label('订单链接', 'Order link') },
  { key: 'score', type: 'rating', label: label('评分', 'Score') },
];

/** One value per field, valid for its type (the create body's `fields`). */
const benchValues: Record<string, unknown> = {
  product_line: 'o1', fault_kind: 'o2', select_1: 'o1', select_2: 'o2', select_3: 'o3', select_4: 'o4', select_5: 'o1', select_6: 'o2',
  multi_1: ['o1', 'o3'], multi_2: ['o2'], location: ['44', '4403', '440305'],
  text_1: 'SN-20261206-0042', text_2: 'LaserJet M404dn', text_3: '王工', text_4: '需带定影器', text_5: '深圳某贸易公司',
  details: '客户反映打印机无法连接网络，重启后仍然脱机。', number_1: 3, number_2: 2, number_3: 12000, money_1: '380.00', money_2: '350.50',
  bought_on: '2024-03-15', visit_at: '2026-12-08T09:30:00+08:00', check_1: true, check_2: false, site_phone: '138 0013 8000', site_email: 'it@example.cn', order_url: 'https://example.cn/orders/42', score: 4,
};

/**
 * SQL statements sent to PostgreSQL (node-postgres; every pool query goes through Client.query):
 * counted around each measured create and around its follow-up jobs, so the two variants' round
 * trips can be compared. BENCH_JOB_PROFILE=1 also files the jobs' statements and CPU by job type.
 */
const accounting = new StatementAccounting();
/** CPU clock ticks so far of this process's main thread and of its other threads (Linux; undefined elsewhere). */
function threadTicks(): { main: number; others: number } | undefined {
  if (!existsSync('/proc/self/task')) return undefined;
  let main = 0;
  let others = 0;
  for (const tid of readdirSync('/proc/self/task')) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    } catch {
      continue; // the thread ended meanwhile
    }
    // After the command name in parentheses: state is the 3rd field, utime the 14th, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    if (Number(tid) === process.pid) main += ticks;
    else others += ticks;
  }
  return { main, others };
}

/**
 * CPU time so far, in ms, of the PostgreSQL server that `pool` talks to, when it runs on this
 * machine (Linux): its backends serving this database (their process titles name it: the pool's
 * connections, autovacuum here) and its shared processes (checkpointer, WAL writer, background
 * writer, launchers). Backends of other databases are left out: the server is shared with other
 * engineers' test runs, whose CPU counted here before (2026-12-07: 9–15 ms "per create" under
 * their load against 4.5 ms quiet). Exited backends are not counted: the bench's pool keeps its
 * connections. With the API process's CPU and the follow-up jobs' it makes the whole cost of a
 * create, as issue 15 counts it ("~16 ms of CPU on PostgreSQL: ≈4 ms API process, 4 ms worker, 8 ms database").
 * Read from /proc/<pid>/schedstat (nanoseconds on a CPU), not /proc/<pid>/stat: its 10 ms ticks
 * are charged to whichever process runs when the tick falls, and backends that run for ~50 µs at a
 * time between the API's statements were charged 0.55 ms per create in one run and 1.8 ms in the
 * next for the same work (BENCHMARKS.md, "Custom fields", 2026-12-07 second pass).
 */
async function postgresCpuMs(db: Parameters<typeof queryRows>[0]): Promise<(() => number) | undefined> {
  if (!existsSync('/proc/self/schedstat')) return undefined;
  const [row] = await queryRows<{ pid: number; name: string }>(db, sql`select pg_backend_pid() as pid, current_database() as name`);
  const read = (path: string) => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined; // not on this machine, or the process ended meanwhile
    }
  };
  const parentOf = (pid: number | string) => {
    const stat = read(`/proc/${pid}/stat`);
    return stat === undefined ? undefined : Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]); // ppid, the 4th field
  };
  const postmaster = row ? parentOf(row.pid) : undefined;
  if (!row || postmaster === undefined) return undefined;
  const ours = (title: string) => title.includes(` ${row.name} `) || /^postgres: (checkpointer|background writer|walwriter|autovacuum launcher|logical replication launcher|archiver)/.test(title);
  return () => {
    let nanoseconds = 0;
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid) || parentOf(pid) !== postmaster || !ours((read(`/proc/${pid}/cmdline`) ?? '').replace(/\0/g, ' '))) continue;
      nanoseconds += Number((read(`/proc/${pid}/schedstat`) ?? '0').split(' ')[0]);
    }
    return nanoseconds / 1e6;
  };
}

const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]!;

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95), mean: values.reduce((a, b) => a + b, 0) / values.length };
};

async function freshDatabaseUrl(): Promise<string | undefined> {
  if (!serverUrl) return undefined;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`drop database if exists ${databaseName} with (force)`);
  await client.query(`create database ${databaseName}`);
  await client.end();
  return withDatabase(serverUrl, databaseName);
}

const dataDir = await mkdtemp(join(tmpdir(), 'opencsm-bench-fields-'));
// BENCH_AT_SCALE=1 with BENCH_FIELDS_URL: the creates run on that loaded database (issue 14 §8 asks
// for the figure at 1M tickets); its fields and type were made there by BENCH_SETUP_ONLY, and it is kept.
const atScale = Boolean(process.env.BENCH_AT_SCALE && process.env.BENCH_FIELDS_URL);
const databaseUrl = (process.env.BENCH_SETUP_ONLY || atScale) && process.env.BENCH_FIELDS_URL ? process.env.BENCH_FIELDS_URL : await freshDatabaseUrl();
const config = loadConfig({ LOG_LEVEL: 'silent', OPENCSM_DATA_DIR: dataDir, OPENCSM_TIMEZONE: 'Asia/Shanghai', ...(databaseUrl && { DATABASE_URL: databaseUrl }) });
const database = await openDatabase(config);
const app = await createApp(config, database, { log: pino({ level: 'silent' }) });
const user = await createUser(database, null, { email: `bench-${Date.now()}@example.cn`, name: 'bench', password: 'bench-password-1', role: 'admin' });
const actor = await loadActor(database.db, user.id);
const { token } = await createApiToken(database, actor!, { name: 'bench' });
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
// A body given as a string is sent as it is (the creates' bodies are serialised once: that is the
// client's work, not the server's, and the CPU figure is the server's).
const call = async (method: 'GET' | 'POST', url: string, body?: unknown, extra: Record<string, string> = {}) =>
  app.server.inject({ method, url, headers: { ...headers, ...(typeof body === 'string' && { 'content-type': 'application/json' }), ...extra }, ...(body !== undefined && { payload: typeof body === 'string' ? body : JSON.stringify(body) }) });

for (const field of atScale ? [] : benchFields) {
  const res = await call('POST', '/api/v1/ticket-fields', field);
  if (res.statusCode !== 201) throw new Error(`field ${String(field.key)}: ${res.statusCode} ${res.body}`);
}
const form = { sections: [{ key: 'all', label: label('报修信息', 'Repair'), fields: benchFields.map((f) => ({ key: f.key, width: 'half' })) }], rules: [{ id: 'visit', when: { field: 'check_1', op: 'is', value: true }, then: [{ effect: 'require', field: 'visit_at' }] }] };
const typeRes = atScale ? null : await call('POST', '/api/v1/ticket-types', { key: 'repair', label: label('报修', 'Repair'), form });
if (typeRes && typeRes.statusCode !== 201) throw new Error(`type: ${typeRes.statusCode} ${typeRes.body}`);
await app.worker.runUntilIdle(); // the filterable fields' indexes

if (process.env.BENCH_SETUP_ONLY) {
  console.log(`custom fields: ${benchFields.length} fields and the type 'repair' made in ${databaseUrl ?? 'the embedded database'}; now run npx opencsm bench-data there`);
} else {
  if (atScale) {
    const [row] = await queryRows<{ count: string }>(database.db, sql`select reltuples::bigint as count from pg_class where relname = 'tickets'`);
    console.log(`\nat scale: the loaded database holds ~${Number(row?.count ?? 0).toLocaleString('en')} tickets`);
  }
  console.log(`\ncustom fields on ${database.engine}: ${cpus().length} CPUs, load average before ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
  const plain = { subject: '打印机无法连接网络', description: '财务部的打印机显示脱机，重启后仍无法打印。' };
  const variants = { without: plain, with: { ...plain, type: 'repair', fields: benchValues } } as const;
  const bodies = { without: JSON.stringify(variants.without), with: JSON.stringify(variants.with) };
  // BENCH_VARIANTS=with (or without) measures one side only, e.g. to profile it alone.
  // At scale the loaded database is kept: the tickets made here are deleted at the end, or the next
  // runs of the search bench would find thousands of identical newest tickets on top of the generator's.
  const createdIds: string[] = [];
  const measured = (['without', 'with'] as const).filter((name) => (process.env.BENCH_VARIANTS ?? 'without,with').split(',').includes(name));
  const times: Record<keyof typeof variants, number[]> = { without: [], with: [] };
  const cpu: Record<keyof typeof variants, number> = { without: 0, with: 0 };
  // Each block's CPU, so that adjacent blocks of the two variants can be compared pairwise: the
  // median of those ratios is steadier than the ratio of sums when the machine's speed drifts.
  const blockCpu: Record<keyof typeof variants, number[]> = { without: [], with: [] };
  // The same per block for the whole cost (API + jobs + database): one block that catches the
  // database's periodic work (a GIN pending-list merge of the search index, autovacuum) moves a
  // run's sum by ~0.1 ms per create; the median of the pairs does not follow it.
  const blockWhole: Record<keyof typeof variants, number[]> = { without: [], with: [] };
  const sent: Record<keyof typeof variants, number> = { without: 0, with: 0 };
  // The process's CPU split into the main thread and the others (V8's GC and compiler helpers,
  // libuv's pool), from /proc per thread: which side the custom values' extra CPU lands on.
  const threads: Record<keyof typeof variants, { main: number; others: number }> = { without: { main: 0, others: 0 }, with: { main: 0, others: 0 } };
  // The whole cost, as issue 15 counts a create's: the API process's CPU during the calls, the
  // follow-up jobs' (the block's jobs run right after it, in this process), and the database
  // server's CPU over both (nanoseconds on a CPU from /proc, summed per variant over all blocks).
  const postgresCpu = database.engine === 'postgres' ? await postgresCpuMs(database.db) : undefined;
  const whole: Record<keyof typeof variants, { jobs: number; database: number; statements: number }> = { without: { jobs: 0, database: 0, statements: 0 }, with: { jobs: 0, database: 0, statements: 0 } };
  // BENCH_PROFILE=<file>: a CPU profile (sampled every 100 µs) of the measured creates alone, e.g.
  // with BENCH_VARIANTS=with and BENCH_JOBS=off, to compare the two variants function by function.
  // BENCH_HEAP_PROFILE=<file>: a sampling heap profile of the same creates that keeps what the
  // collector freed too, i.e. what they allocate (garbage included), by the function allocating it.
  const profiler = process.env.BENCH_PROFILE || process.env.BENCH_HEAP_PROFILE ? new Session() : null;
  // With both variants profiled in one run, each measured block's time window (µs on the monotonic
  // clock the profile's timestamps use) is written beside the profile: the samples can then be
  // split by variant (interleaved, so the machine's drift falls on both sides alike).
  const windows: Array<{ variant: string; start: number; end: number }> = [];
  const nowUs = () => Number(process.hrtime.bigint() / 1000n);
  for (let done = -warmup; done < creates; done += block) {
    if (profiler && done === 0) {
      profiler.connect();
      if (process.env.BENCH_PROFILE) {
        await profiler.post('Profiler.enable');
        await profiler.post('Profiler.setSamplingInterval', { interval: 100 });
        await profiler.post('Profiler.start');
      } else {
        await profiler.post('HeapProfiler.enable');
        await profiler.post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
      }
    }
    for (const name of measured) {
      const ticksBefore = threadTicks();
      const postgresBefore = postgresCpu?.();
      const cpuOfBlock = cpu[name];
      const blockStart = nowUs();
      for (let i = 0; i < block; i++) {
        const cpuBefore = process.cpuUsage();
        const statementsBefore = accounting.statements;
        const started = performance.now();
        const res = await call('POST', '/api/v1/tickets', bodies[name]);
        const elapsed = performance.now() - started;
        // Read before the answer is parsed here: reading it is the client's work, and the answer
        // with 30 values is the longer one (~15 µs more to parse, BENCHMARKS.md, 2026-12-07 second pass).
        const used = process.cpuUsage(cpuBefore);
        if (done >= 0) sent[name] += accounting.statements - statementsBefore;
        if (res.statusCode !== 201) throw new Error(`create ${name}: ${res.statusCode} ${res.body}`);
        if (atScale) createdIds.push(res.json<{ id: string }>().id);
        if (done >= 0) {
          times[name].push(elapsed);
          cpu[name] += (used.user + used.system) / 1000;
        }
      }
      if (done >= 0) blockCpu[name].push(cpu[name] - cpuOfBlock);
      if (done >= 0 && profiler) windows.push({ variant: name, start: blockStart, end: nowUs() });
      if (done >= 0 && ticksBefore) {
        const ticksAfter = threadTicks()!;
        threads[name].main += ticksAfter.main - ticksBefore.main;
        threads[name].others += ticksAfter.others - ticksBefore.others;
      }
      // The follow-up jobs of the block, outside the measured calls (BENCH_JOBS=off leaves them
      // queued, so that a CPU profile of the run holds the creates alone).
      const jobsCpuBefore = process.cpuUsage();
      const jobStatementsBefore = accounting.statements;
      accounting.detail = done >= 0 && Boolean(process.env.BENCH_JOB_PROFILE);
      if (process.env.BENCH_JOBS !== 'off') await app.worker.runUntilIdle();
      accounting.detail = false;
      if (done >= 0) {
        const jobsCpu = process.cpuUsage(jobsCpuBefore);
        whole[name].jobs += (jobsCpu.user + jobsCpu.system) / 1000;
        whole[name].statements += accounting.statements - jobStatementsBefore;
        const databaseOfBlock = postgresBefore !== undefined ? postgresCpu!() - postgresBefore : 0;
        whole[name].database += databaseOfBlock;
        blockWhole[name].push(blockCpu[name].at(-1)! + (jobsCpu.user + jobsCpu.system) / 1000 + databaseOfBlock);
      }
    }
  }
  if (profiler) {
    if (process.env.BENCH_PROFILE) {
      const { profile } = await profiler.post('Profiler.stop');
      await writeFile(process.env.BENCH_PROFILE, JSON.stringify(profile));
      await writeFile(`${process.env.BENCH_PROFILE}.windows.json`, JSON.stringify(windows));
    } else {
      const { profile } = await profiler.post('HeapProfiler.stopSampling');
      await writeFile(process.env.BENCH_HEAP_PROFILE!, JSON.stringify(profile));
    }
    profiler.disconnect();
  }
  const without = stats(times.without);
  const withFields = stats(times.with);
  const line = (name: string, s: ReturnType<typeof stats>, cpuMs: number, sentCount: number) =>
    console.log(`${name.padEnd(22)} p50 ${s.p50.toFixed(2)} ms  mean ${s.mean.toFixed(2)} ms  p95 ${s.p95.toFixed(2)} ms  server CPU ${(cpuMs / creates).toFixed(2)} ms/create${database.engine === 'postgres' ? `  ${(sentCount / creates).toFixed(1)} statements/create` : ''}`);
  console.log(`create, one at a time, ${creates} of each in interleaved blocks of ${block}, after ${warmup} of each unmeasured:`);
  line('without type/fields', without, cpu.without, sent.without);
  line('with type + 30 fields', withFields, cpu.with, sent.with);
  console.log(`with / without: p50 ×${(withFields.p50 / without.p50).toFixed(2)}, mean ×${(withFields.mean / without.mean).toFixed(2)}, CPU ×${(cpu.with / cpu.without).toFixed(2)}`);
  const pairRatios = blockCpu.with.map((withCpu, i) => withCpu / blockCpu.without[i]!).filter(Number.isFinite);
  if (pairRatios.length) console.log(`CPU, median of ${pairRatios.length} adjacent block pairs: ×${stats(pairRatios).p50.toFixed(2)} (quartiles ×${quantile(pairRatios, 0.25).toFixed(2)}–×${quantile(pairRatios, 0.75).toFixed(2)})`);
  if (threads.without.main + threads.with.main > 0) {
    const perCreate = (ticks: number) => ((ticks * 10) / creates).toFixed(2); // 100 ticks a second
    console.log(`CPU by thread, ms/create (10 ms ticks): main ${perCreate(threads.without.main)} → ${perCreate(threads.with.main)}, other threads ${perCreate(threads.without.others)} → ${perCreate(threads.with.others)}`);
  }

  if (process.env.BENCH_JOBS !== 'off') {
    const total = (name: keyof typeof variants) => cpu[name] + whole[name].jobs + whole[name].database;
    const part = (name: keyof typeof variants) =>
      `API ${(cpu[name] / creates).toFixed(2)} + jobs ${(whole[name].jobs / creates).toFixed(2)}${postgresCpu ? ` + database ${(whole[name].database / creates).toFixed(2)}` : ''} = ${(total(name) / creates).toFixed(2)} ms` +
      (database.engine === 'postgres' ? `, statements API ${(sent[name] / creates).toFixed(1)} + jobs ${(whole[name].statements / creates).toFixed(1)}` : '');
    console.log(`whole cost of a create (CPU${postgresCpu ? '' : '; the database server is not on this machine or is embedded, so its part is in the API figure or missing'}): without ${part('without')}; with ${part('with')}; ×${(total('with') / total('without')).toFixed(2)}`);
    const wholePairs = blockWhole.with.map((withCost, i) => withCost / blockWhole.without[i]!).filter(Number.isFinite);
    if (wholePairs.length) console.log(`whole cost, median of ${wholePairs.length} adjacent block pairs: ×${stats(wholePairs).p50.toFixed(2)} (quartiles ×${quantile(wholePairs, 0.25).toFixed(2)}–×${quantile(wholePairs, 0.75).toFixed(2)})`);
  }

  // Filed over the measured blocks of every variant measured (BENCH_VARIANTS=without to see one).
  if (process.env.BENCH_JOB_PROFILE) for (const row of accounting.report(creates * measured.length, whole.without.jobs + whole.with.jobs)) console.log(row);

  const formTimes: number[] = [];
  const revalidations: number[] = [];
  let etag = '';
  for (let i = 0; i < 50; i++) {
    let started = performance.now();
    const full = await call('GET', '/api/v1/ticket-types/repair/form');
    formTimes.push(performance.now() - started);
    etag = String(full.headers.etag);
    started = performance.now();
    const again = await call('GET', '/api/v1/ticket-types/repair/form', undefined, { 'if-none-match': etag });
    revalidations.push(performance.now() - started);
    if (again.statusCode !== 304) throw new Error(`expected 304, got ${again.statusCode}`);
    if (i === 0) console.log(`form definition: ${full.body.length} bytes, ETag ${etag}`);
  }
  console.log(`GET /ticket-types/repair/form  full p50 ${stats(formTimes).p50.toFixed(2)} ms, 304 p50 ${stats(revalidations).p50.toFixed(2)} ms`);
  console.log(`load average after: ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
  if (atScale && createdIds.length) {
    await app.worker.runUntilIdle();
    await database.transaction(async (tx) => {
      await tx.execute(sql`delete from sla_ticket_timers where ticket_id = any(${sql.param(createdIds)}::uuid[])`);
      await tx.execute(sql`delete from tickets where id = any(${sql.param(createdIds)}::uuid[])`);
    });
    console.log(`at scale: the ${createdIds.length} tickets made by this run were deleted again`);
  }
}
await app.worker.stop();
await app.server.close();
await database.close();
await rm(dataDir, { recursive: true, force: true });
if (databaseUrl && !process.env.BENCH_SETUP_ONLY && !atScale && serverUrl) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`drop database if exists ${databaseName} with (force)`);
  await client.end();
}

const filterUrl = process.env.BENCH_FIELDS_URL;
if (filterUrl && !process.env.BENCH_SETUP_ONLY) {
  const loaded = await openPostgres(filterUrl, 2);
  const reader: Actor = { id: '00000000-0000-7000-8000-000000000000', email: 'bench@example.com', name: 'bench', role: 'admin', locale: 'zh-CN', teamIds: [] };
  const cases = [['product_line = 打印机 (common)', 'o1'], ['product_line = 收银机 (rare)', 'o7']] as const;
  const filterTimes = new Map<string, number[]>(cases.map(([name]) => [name, []]));
  for (let i = 0; i < rounds + 2; i++) {
    for (const [name, value] of cases) {
      const started = performance.now();
      await listTickets(loaded.db, reader, { limit: 25, fields: { product_line: [value] } });
      if (i >= 2) filterTimes.get(name)!.push(performance.now() - started);
    }
  }
  console.log(`list filtered by an indexed custom select, first page of 25 newest first, ${rounds} rounds:`);
  for (const [name] of cases) {
    const s = stats(filterTimes.get(name)!);
    console.log(`${name.padEnd(30)} p50 ${s.p50.toFixed(1)} ms  p95 ${s.p95.toFixed(1)} ms`);
  }
  await loaded.close();
}
