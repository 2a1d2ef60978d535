/**
 * `npm run bench` (part): how fast an agent finds a customer among many — the lookup an inbound
 * message or call does by identity (unique index), and the searches the phone-intake box and the
 * customer list run (name fragment, a few digits of a phone, an email prefix), plus the first page
 * of the list.
 *
 * For each engine (PGlite; PostgreSQL when BENCH_DATABASE_URL is set, in a fresh database that is
 * dropped afterwards) it loads BENCH_CONTACTS contacts (default 100 000) with a phone and an email
 * identity each, spread over 2 000 organisations, directly with SQL (the bench is about reads),
 * then times each query BENCH_ROUNDS times (default 200) and prints p50/p95/max in ms.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { Database } from '../src/db/database.js';
import { runMigrations } from '../src/db/migrate.js';
import { listContactSummaries, lookupContact, searchContacts } from '../src/modules/customers/index.js';
import { onEachEngine } from './on-each-engine.js';

const contactCount = Number(process.env.BENCH_CONTACTS ?? 100_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 200);

const surnames = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'];
const given = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚'];

async function load(database: Database): Promise<void> {
  const started = performance.now();
  await database.db.execute(sql`insert into organizations (id, name) select gen_random_uuid(), '企业' || n || '有限公司' from generate_series(1, 2000) n`);
  // Names like 王伟芳 from the lists above; phones 139 + 8 digits; emails c<n>@example.cn.
  await database.db.execute(sql`
    insert into contacts (id, name, organization_id, updated_at)
    select gen_random_uuid(),
           (string_to_array(${surnames.join(',')}, ','))[1 + n % ${surnames.length}]
             || (string_to_array(${given.join(',')}, ','))[1 + (n / 20) % ${given.length}]
             || (string_to_array(${given.join(',')}, ','))[1 + (n / 400) % ${given.length}],
           (select array_agg(id order by id) from organizations)[1 + n % 2000],
           now() - (n || ' seconds')::interval
    from generate_series(1, ${contactCount}) n`);
  await database.db.execute(sql`
    insert into contact_identities (id, contact_id, kind, value, display)
    select gen_random_uuid(), id, 'phone', '+86139' || lpad((row_number() over (order by id))::text, 8, '0'), '' from contacts`);
  await database.db.execute(sql`
    insert into contact_identities (id, contact_id, kind, value, display)
    select gen_random_uuid(), id, 'email', 'c' || (row_number() over (order by id)) || '@example.cn', '' from contacts`);
  await database.db.execute(sql`analyze`);
  console.log(`  loaded ${contactCount} contacts with 2 identities each in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function time(label: string, run: (i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 5; i++) await run(i); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await run(i);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(1);
  console.log(`  ${label.padEnd(44)} p50 ${at(0.5).padStart(7)} ms   p95 ${at(0.95).padStart(7)} ms   max ${samples.at(-1)!.toFixed(1).padStart(7)} ms`);
}

async function measure(engine: string, database: Database, url?: string): Promise<void> {
  console.log(`\n${engine}`);
  await runMigrations(database, url);
  await load(database);
  const db = database.db;
  // Existing numbers, written as people type them: 139-0000-1234.
  const phone = (i: number) => String(1 + ((i * 7919) % contactCount)).padStart(8, '0').replace(/^(\d{4})(\d{4})$/, '139-$1-$2');
  await time('lookup by phone (any format → E.164, index)', (i) => lookupContact(db, { kind: 'phone', value: phone(i) }));
  await time('lookup by email (index)', (i) => lookupContact(db, { kind: 'email', value: `C${1 + ((i * 7919) % contactCount)}@Example.cn` }));
  await time('search: Chinese name fragment (王伟)', () => searchContacts(db, '王伟', 20));
  await time('search: 4 digits of a phone (8000)', () => searchContacts(db, '8000', 20));
  await time('search: email prefix (c1234)', () => searchContacts(db, 'c1234', 20));
  await time('list: first page, most recently updated', () => listContactSummaries(db, { sort: '-updatedAt', limit: 50 }));
  await time('list: first page by name', () => listContactSummaries(db, { sort: 'name', limit: 50 }));
}

async function main(): Promise<void> {
  console.log(`customers search bench: ${contactCount} contacts, ${rounds} rounds per query, Node ${process.version}`);
  await onEachEngine('opencsm_bench_customers', measure);
}

await main();
