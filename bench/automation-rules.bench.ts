/**
 * Rule evaluation per event with 200 active rules (issue 18 §7: p50 < 1 ms).
 *
 * 1. In memory: 200 enabled rules listening to ticket events, of the shapes admins write (channel
 *    and category, priority in a list, tags, a custom select, a subject word, a change of
 *    priority, and/or/not), judged against BENCH_EVENTS events (default 20 000) of varied tickets:
 *    the time to judge every rule listening to one event (`ruleHolds`, what the batch job does per
 *    event and rule once its facts are read). p50 / p95 / p99 per event and the firing rate.
 * 2. The batch job on the embedded engine (PGlite, a fresh data folder): the same 200 rules
 *    created through the API, BENCH_TICKETS tickets (default 400), their `ticket.created`
 *    events handed to the real `automation.rules` handler in batches of 20 (as a worker round
 *    does): per event, everything — rule cache, snapshots, type keys, judging, and the firings
 *    of the rules that hold (each a few statements and the ticket update through the service);
 *    then the same events again, when every firing is already claimed: the job's own cost.
 *
 * 3. A time-rule pass (定时规则) on the same database: one poll of `automation.time_rules` with 50
 *    rows due (each fires: add a tag through the tickets service), first among no other waiting
 *    rows, then among BENCH_TIME_WAITING (default 200 000) rows due later (tickets waiting), and
 *    the idle poll (nothing due) among them: wall time and statements. The aim: a pass costs
 *    what is due, not what is waiting.
 *
 *   npx tsx bench/automation-rules.bench.ts
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { loadConfig } from '../src/app/config.js';
import { createApp } from '../src/app/create-app.js';
import { writeRulesOf } from '../src/app/write-rules.js';
import { validateCondition } from '../src/conditions/validate.js';
import { fieldLookup, type FieldDescriptor } from '../src/conditions/types.js';
import { openDatabase } from '../src/db/open-database.js';
import { countStatements } from '../src/db/statement-count.js';
import { ManualClock } from '../src/app/clock.js';
import { timeRuleDueRows } from '../src/modules/automation/fire-time-rules.js';
import { sql } from 'drizzle-orm';
import { createApiToken, createUser, loadActor } from '../src/modules/auth/index.js';
import { builtinTicketDescriptors, ticketCreated, type TicketSnapshot } from '../src/modules/tickets/index.js';
import { eventContext, handleRuleEvents, ruleHolds } from '../src/modules/automation/evaluate-events.js';
import type { RuleEvent } from '../src/modules/automation/rule-events.js';
import { RuleSetCache, type CompiledRule } from '../src/modules/automation/rule-set.js';
import type { FactLookups } from '../src/modules/automation/ticket-facts.js';
import { TriggerCache } from '../src/modules/automation/trigger-cache.js';
import type { EnvelopeOf } from '../src/jobs/event-definition.js';

const ruleCount = 200;
const eventCount = Number(process.env.BENCH_EVENTS ?? 20_000);
const ticketCount = Math.ceil(Number(process.env.BENCH_TICKETS ?? 400) / 20) * 20;

const channels = ['wechat', 'email', 'phone', 'portal', 'api', 'wecom'];
const priorities = ['low', 'normal', 'high', 'urgent'];
const productLines = ['printer', 'copier', 'scanner', 'projector'];
const categoryIds = Array.from({ length: 10 }, (_, i) => `019ab000-0000-7000-8000-0000000ca${String(i).padStart(3, '0')}`);
const teamIds = Array.from({ length: 5 }, (_, i) => `019ab000-0000-7000-8000-0000000te${String(i).padStart(3, '0')}`);
const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

/** The i-th rule's condition: a rotation of what admins write, each rarely true for a random ticket. */
function conditionOf(i: number, categories: readonly string[]): Record<string, unknown> {
  switch (i % 8) {
    case 0:
      return { all: [{ field: 'channel', op: 'is', value: pick(channels, i) }, { field: 'category', op: 'is', value: pick(categories, i) }] };
    case 1:
      return { all: [{ field: 'priority', op: 'in', value: [pick(priorities, i), pick(priorities, i + 1)] }, { field: 'tags', op: 'contains', value: [`tag${i}`] }] };
    case 2:
      return { all: [{ field: 'fields.product_line', op: 'is', value: pick(productLines, i) }, { field: 'subject', op: 'contains', value: `型号${i} ` }] };
    case 3:
      return { all: [{ field: 'channel', op: 'in', value: [pick(channels, i), pick(channels, i + 2)] }, { not: { field: 'assignee', op: 'is_empty' } }, { field: 'priority', op: 'is', value: 'urgent' }, { field: 'tags', op: 'contains', value: ['大客户'] }] };
    case 4:
      return { all: [{ field: 'tags', op: 'contains', value: [`vip${i}`] }] };
    case 5:
      return { all: [{ field: 'subject', op: 'starts_with', value: `【${i}】` }, { field: 'channel', op: 'is', value: pick(channels, i) }] };
    case 6:
      return { all: [{ field: 'fields.product_line', op: 'in', value: [pick(productLines, i)] }, { field: 'category', op: 'in', value: [pick(categories, i), pick(categories, i + 3)] }, { field: 'tags', op: 'is_empty' }] };
    default:
      return { all: [{ field: 'priority', op: 'changed_to', value: 'urgent' }, { any: [{ field: 'category', op: 'is', value: pick(categories, i) }, { field: 'tags', op: 'contains', value: [`escalate${i}`] }] }] };
  }
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
const ms = (value: number) => `${value.toFixed(3)} ms`;

// ---- 1. In memory ------------------------------------------------------------------------------
const productLine: FieldDescriptor = { key: 'fields.product_line', type: 'select', sql: { jsonColumn: 'fields', key: 'product_line' } };
const lookup = fieldLookup([...builtinTicketDescriptors().map(({ key, type, sql }) => ({ key, type, ...(sql && { sql }) })), productLine]);
const compiled: CompiledRule[] = Array.from({ length: ruleCount }, (_, i) => {
  const triggers = i % 8 === 7 ? ['ticket.updated' as const] : ['ticket.created' as const, 'ticket.updated' as const];
  const checked = validateCondition(conditionOf(i, categoryIds), lookup, { allowChanges: true, allowBusinessTime: true });
  if (!checked.ok) throw new Error(`rule ${i}: ${JSON.stringify(checked.issues)}`);
  const row = { id: `rule-${i}`, kind: 'event' as const, name: `规则 ${i}`, description: '', triggers, timeTrigger: null, conditions: { all: [] }, actions: [], position: i, stopAfter: false, enabled: true, version: 1, createdBy: null, updatedBy: null, createdAt: new Date(), updatedAt: new Date() };
  return { row, condition: checked.condition, needsCustomer: false, needsText: true, needsCalendar: false };
});
const lookups: FactLookups = { typeKeys: new Map(), customers: new Map(), texts: new Map() };
const snapshots: TicketSnapshot[] = Array.from({ length: 1000 }, (_, n) => ({
  id: `019ab000-0000-7000-8000-${String(n).padStart(12, '0')}`,
  status: 'new',
  priority: pick(priorities, n * 7),
  channel: pick(channels, n * 3),
  requesterId: null,
  teamId: pick([null, ...teamIds], n),
  assigneeId: n % 3 === 0 ? null : '019ab000-0000-7000-8000-00000000a001',
  categoryPath: [pick(categoryIds, n * 11)],
  createdAt: new Date(),
  firstResponseAt: null,
  version: 1,
  typeId: null,
  tags: n % 4 === 0 ? [] : [`tag${n % 97}`, ...(n % 50 === 0 ? [`vip${n % 200}`] : [])],
  fields: { product_line: pick(productLines, n * 5) },
}));
for (const ticket of snapshots) (lookups.texts as Map<string, { subject: string; description: string }>).set(ticket.id, { subject: `打印机型号${ticket.id.slice(-3)} 卡纸`, description: '' });

const times: number[] = [];
let fired = 0;
for (let n = 0; n < eventCount; n++) {
  const ticket = snapshots[n % snapshots.length]!;
  const updated = n % 2 === 1;
  const event = {
    eventId: n,
    type: updated ? 'ticket.updated' : 'ticket.created',
    version: 1,
    aggregateType: 'ticket',
    aggregateId: ticket.id,
    cause: 'agent',
    actorId: null,
    contactId: null,
    occurredAt: new Date().toISOString(),
    payload: updated ? { fields: ['priority'], changes: { priority: { from: 'normal', to: ticket.priority } } } : { number: '1', teamId: null, assigneeId: null, priority: ticket.priority, channel: ticket.channel },
  } as RuleEvent;
  const started = performance.now();
  const context = eventContext(event, ticket, lookups, undefined);
  for (const rule of compiled) if (rule.row.triggers.includes(updated ? 'ticket.updated' : 'ticket.created') && ruleHolds(rule, context)) fired++;
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
console.log(`automation rules, in memory: ${ruleCount} rules, ${eventCount} events — per event p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, p99 ${ms(percentile(times, 99))}; ${(fired / eventCount).toFixed(2)} rules fired per event`);

// ---- 2. The batch job on PGlite ----------------------------------------------------------------
const dataDir = await mkdtemp(join(tmpdir(), 'opencsm-bench-rules-'));
const config = loadConfig({ LOG_LEVEL: 'silent', OPENCSM_DATA_DIR: dataDir });
const database = await openDatabase(config);
const app = await createApp(config, database, { log: pino({ level: 'silent' }) });
try {
  const user = await createUser(database, null, { email: `bench-${Date.now()}@example.cn`, name: 'bench', password: 'bench-password-1', role: 'admin' });
  const { token } = await createApiToken(database, (await loadActor(database.db, user.id))!, { name: 'bench' });
  const call = async (method: 'GET' | 'POST', url: string, body?: unknown) => {
    const res = await app.server.inject({ method, url, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body !== undefined && { payload: JSON.stringify(body) }) });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  await call('POST', '/api/v1/ticket-fields', { key: 'product_line', type: 'select', label: { 'zh-CN': '产品线', en: 'Product line' }, options: productLines.map((value) => ({ value, label: { 'zh-CN': value, en: value } })) });
  const categories: string[] = [];
  for (let i = 0; i < 10; i++) categories.push((await call('POST', '/api/v1/categories', { nameZh: `分类 ${i}` })).id);
  for (let i = 0; i < ruleCount; i++) {
    await call('POST', '/api/v1/rules', { name: `规则 ${i}`, triggers: i % 8 === 7 ? ['ticket.updated'] : ['ticket.created', 'ticket.updated'], conditions: conditionOf(i, categories), actions: [{ type: 'add_tags', tags: [`rule${i}`] }] });
  }
  const events: Array<EnvelopeOf<typeof ticketCreated>> = [];
  for (let n = 0; n < ticketCount; n++) {
    const ticket = await call('POST', '/api/v1/tickets', { subject: `打印机型号${n} 卡纸`, description: '', channel: pick(channels.filter((c) => c !== 'wecom'), n * 3), priority: pick(priorities, n * 7), categoryId: pick(categories, n * 11), tags: n % 4 === 0 ? [] : [`tag${n % 97}`], fields: { product_line: pick(productLines, n * 5) } });
    events.push({ eventId: 1_000_000 + n, type: 'ticket.created', version: 1, aggregateType: 'ticket', aggregateId: ticket.id, cause: 'agent', actorId: user.id, contactId: null, occurredAt: new Date().toISOString(), payload: { number: ticket.number, teamId: null, assigneeId: null, priority: ticket.priority, channel: ticket.channel } });
  }
  const handle = handleRuleEvents({ rules: new RuleSetCache(new TriggerCache()), types: app.context.fieldTypes, writeRules: writeRulesOf(app.context), replyChannels: app.context.replyChannels, timeZone: 'Asia/Shanghai' });
  const log = pino({ level: 'silent' });
  await handle(events.slice(0, 20), { database, log }); // compiles the rules once (a revision's first batch)
  const perEvent: number[] = [];
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  for (let i = 20; i < events.length; i += 20) {
    const started = performance.now();
    await handle(events.slice(i, i + 20), { database, log });
    perEvent.push((performance.now() - started) / 20);
  }
  const wall = performance.now() - wallStart;
  const cpu = process.cpuUsage(cpuStart);
  perEvent.sort((a, b) => a - b);
  const firings = (await call('GET', '/api/v1/rule-firings?limit=200')).items.length;
  // The same events again: every rule that holds finds its firing claimed (the loop guard's dedupe)
  // and runs nothing, so this is the job's own cost per event — reads, judging, claims.
  const again: number[] = [];
  const againCpu = process.cpuUsage();
  for (let i = 20; i < events.length; i += 20) {
    const started = performance.now();
    await handle(events.slice(i, i + 20), { database, log });
    again.push((performance.now() - started) / 20);
  }
  const againUsed = process.cpuUsage(againCpu);
  again.sort((a, b) => a - b);
  console.log(`automation rules, batch job (PGlite): ${ruleCount} rules, ${events.length - 20} created tickets in batches of 20 — per event p50 ${ms(percentile(perEvent, 50))}, p95 ${ms(percentile(perEvent, 95))}; mean ${ms(wall / (events.length - 20))} wall, ${ms((cpu.user + cpu.system) / 1000 / (events.length - 20))} CPU; ${firings}${firings === 200 ? '+' : ''} firings`);
  console.log(`automation rules, batch job (PGlite), the same events again (claimed: nothing runs) — per event p50 ${ms(percentile(again, 50))}, p95 ${ms(percentile(again, 95))}; ${ms((againUsed.user + againUsed.system) / 1000 / again.length / 20)} CPU`);
  // ---- 3. A time-rule pass among many waiting tickets ------------------------------------------
  // Due times a day ahead of the system clock (the app's own worker, on the system clock, sees
  // nothing due); the pass runs on a clock two days ahead.
  const timeRule = await call('POST', '/api/v1/rules', { name: '创建 1 小时 → 标记', kind: 'time', timeTrigger: { anchor: 'created', amount: 60, unit: 'minutes' }, actions: [{ type: 'add_tags', tags: ['一小时'] }] });
  const clock = new ManualClock(new Date(Date.now() + 2 * 86_400_000));
  const source = timeRuleDueRows({ rules: new RuleSetCache(new TriggerCache()), types: app.context.fieldTypes, clock, writeRules: writeRulesOf(app.context), replyChannels: app.context.replyChannels, timeZone: 'Asia/Shanghai' });
  const waitingCount = Number(process.env.BENCH_TIME_WAITING ?? 200_000);
  let passNo = 0;
  const dueRows = async () => {
    passNo += 1;
    const tickets = events.slice(passNo * 50, passNo * 50 + 50).map((event) => event.aggregateId);
    const dueAt = new Date(Date.now() + 86_400_000 + passNo * 60_000).toISOString();
    await database.db.execute(sql`insert into automation_time_due (ticket_id, rule_id, anchor_at, due_at, rule_version)
      select t::uuid, ${timeRule.id}::uuid, ${dueAt}::timestamptz - interval '1 hour', ${dueAt}::timestamptz, 1 from unnest(${`{${tickets.join(',')}}`}::text[]) t`);
    return tickets.length;
  };
  const timedPass = async () => {
    const due = await dueRows();
    let handled = 0;
    const started = performance.now();
    const statements = await countStatements(database, async () => {
      handled = await source({ database, log });
    });
    return { due, handled, ms: performance.now() - started, statements };
  };
  await timedPass(); // compiles the rule set once
  const few = await timedPass();
  const waitingStart = performance.now();
  await database.db.execute(sql`insert into automation_time_due (ticket_id, rule_id, anchor_at, due_at, rule_version)
    select gen_random_uuid(), ${timeRule.id}::uuid, now(), now() + interval '30 days' + (n || ' seconds')::interval, 1 from generate_series(1, ${waitingCount}) n`);
  await database.db.execute(sql`analyze automation_time_due`);
  const loadMs = performance.now() - waitingStart;
  const many = await timedPass();
  const idleStarted = performance.now();
  const idleStatements = await countStatements(database, () => source({ database, log }));
  const idleMs = performance.now() - idleStarted;
  console.log(`time rules (PGlite): a pass with ${few.due} due among 0 waiting — ${few.handled} handled, ${ms(few.ms)}, ${few.statements} statements (${(few.statements / few.due).toFixed(1)} per firing)`);
  console.log(`time rules (PGlite): a pass with ${many.due} due among ${waitingCount} waiting (loaded in ${(loadMs / 1000).toFixed(1)} s) — ${many.handled} handled, ${ms(many.ms)}, ${many.statements} statements; idle poll among them ${ms(idleMs)}, ${idleStatements} statement`);
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}, ${new Date().toISOString()}`);
} finally {
  await app.worker.stop();
  await database.close();
  await rm(dataDir, { recursive: true, force: true });
}
