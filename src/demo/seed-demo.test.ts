import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../app/test-app.js';
import { queryRows } from '../db/database.js';
import { buildDemoPlan, type DemoSize } from './demo-plan.js';
import { defaultDemoPassword, demoStaff } from './demo-directory.js';
import { seedDemoData, type DemoSeedSummary } from './seed-demo.js';

// A smaller data set than `opencsm seed --demo` (300 tickets), same code path.
const size: DemoSize = { tickets: 40, customers: 25 };
const plan = buildDemoPlan(size);

let t: TestApp;
let summary: DemoSeedSummary;
before(async () => {
  t = await createTestApp();
  summary = await seedDemoData(t.database, { timeZone: 'Asia/Shanghai', size });
});
after(() => t.close());

const count = async (table: string, where = 'true') =>
  (await queryRows<{ n: number }>(t.database.db, sql.raw(`select count(*)::int as n from ${table} where ${where}`)))[0]!.n;

test('the plan is deterministic and covers every customer, status and team', () => {
  assert.deepEqual(buildDemoPlan(size), plan);
  assert.deepEqual(new Set(plan.tickets.map((p) => p.customer)).size, size.customers);
  const full = buildDemoPlan();
  assert.equal(full.tickets.length, 300);
  assert.equal(full.customers.length, 80);
  assert.deepEqual(new Set(full.tickets.map((p) => p.finalStatus)), new Set(['new', 'open', 'pending', 'resolved', 'closed']));
  assert.deepEqual(new Set(full.tickets.map((p) => p.team)), new Set(['frontline', 'tech', 'field', 'complaints']));
  const emails = full.customers.flatMap((c) => (c.email ? [c.email] : []));
  assert.equal(new Set(emails).size, emails.length, 'customer e-mails are unique');
  assert.ok(full.customers.every((c) => c.email || c.phone));
});

test('seeds teams, staff, categories, customers and tickets with their histories', async () => {
  assert.equal(summary.status, 'loaded');
  if (summary.status !== 'loaded') return;
  assert.equal(summary.tickets, size.tickets);
  assert.equal(await count('tickets'), size.tickets);
  assert.equal(await count('teams'), 4);
  assert.equal(await count('users', `email like '%@demo.opencsm.local'`), demoStaff.length);
  assert.equal(await count('ticket_categories'), 15);
  assert.equal(await count('contacts'), size.customers);
  // Every contact belongs to its company's organisation; every requester was found, not duplicated.
  assert.equal(await count('contacts', 'organization_id is null'), 0);
  assert.equal(await count('organizations'), new Set(plan.customers.map((c) => c.company)).size);
  assert.ok((await count('customer_records', `type = 'device' and expires_on is not null`)) > 0);
  assert.equal(await count('tickets', 'requester_id not in (select id from contacts)'), 0);
  assert.equal(await count('ticket_messages', 'internal'), summary.internalNotes);
  assert.equal(await count('ticket_messages', 'not internal'), summary.publicReplies);
  assert.ok(summary.internalNotes > 0 && summary.publicReplies > 0);

  const byStatus = await queryRows<{ status: string; n: number }>(t.database.db, sql`select status, count(*)::int as n from tickets group by status`);
  const planned: Record<string, number> = {};
  for (const p of plan.tickets) planned[p.finalStatus] = (planned[p.finalStatus] ?? 0) + 1;
  assert.deepEqual(Object.fromEntries(byStatus.map((r) => [r.status, r.n])), planned);
  assert.deepEqual(Object.fromEntries(Object.entries(summary.ticketsByStatus).filter(([, n]) => n > 0)), planned);

  // Every ticket was indexed by the worker; nothing is left in the queue.
  assert.equal(await count('ticket_search'), size.tickets);
  assert.equal(await count('jobs'), 0);
  assert.equal(await count('domain_events', 'dispatched_at is null'), 0);
});

test('known records: the category tree, a planned ticket, its requester and assignee', async () => {
  const [printer] = await queryRows<{ parent: string }>(t.database.db, sql`
    select p.name_zh as parent from ticket_categories c join ticket_categories p on p.id = c.parent_id where c.name_zh = '打印机'`);
  assert.equal(printer?.parent, '设备故障');

  const first = plan.tickets[0]!;
  const customer = plan.customers[first.customer]!;
  const [row] = await queryRows<{ status: string; priority: string; tags: string[]; channel: string; requester: string; creator: string; assignee: string | null }>(t.database.db, sql`
    select t.status, t.priority, t.tags, t.channel, c.name as requester, u.email as creator, a.email as assignee
    from tickets t join contacts c on c.id = t.requester_id join users u on u.id = t.created_by left join users a on a.id = t.assignee_id
    where t.subject = ${first.subject} and t.description = ${first.description}
    order by t.number limit 1`);
  assert.ok(row, `ticket "${first.subject}" exists`);
  assert.equal(row.status, first.finalStatus);
  assert.equal(row.channel, first.channel);
  assert.equal(row.requester, customer.name);
  assert.equal(row.creator, `${first.creator}@demo.opencsm.local`);
  assert.ok(first.tags.every((tag) => row.tags.includes(tag)));
  const plannedAssignee = [first.assignee, ...first.steps.map((step) => (step.kind === 'update' ? step.changes.assignee : undefined))].filter(Boolean).at(-1);
  assert.equal(row.assignee, plannedAssignee ? `${plannedAssignee}@demo.opencsm.local` : null);

  const [zhang] = await queryRows<{ role: string; teams: string[] }>(t.database.db, sql`
    select u.role, array(select te.name from team_members m join teams te on te.id = m.team_id where m.user_id = u.id) as teams
    from users u where u.email = 'zhang.wei@demo.opencsm.local'`);
  assert.deepEqual(zhang, { role: 'agent', teams: ['一线客服组'] });
});

test('demo users log in with the documented password and see tickets, searchable in Chinese', async () => {
  const login = await t.server.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'wang.fang@demo.opencsm.local', password: defaultDemoPassword } });
  assert.equal(login.statusCode, 200, login.body);
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  const word = plan.tickets[0]!.subject;
  const found = await t.server.inject({ method: 'GET', url: `/api/v1/tickets?q=${encodeURIComponent(word)}&limit=100`, headers: { cookie } });
  assert.equal(found.statusCode, 200, found.body);
  const subjects = (found.json() as { items: { subject: string }[] }).items.map((i) => i.subject);
  assert.ok(subjects.includes(word), `search for "${word}" finds it`);

  const wrong = await t.server.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'wang.fang@demo.opencsm.local', password: 'not-the-password' } });
  assert.equal(wrong.statusCode, 401);
});

test('a field engineer sees exactly the tickets assigned to them', async () => {
  const login = await t.server.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'wu.qiang@demo.opencsm.local', password: defaultDemoPassword } });
  assert.equal(login.statusCode, 200, login.body);
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  const list = await t.server.inject({ method: 'GET', url: '/api/v1/tickets?limit=100', headers: { cookie } });
  assert.equal(list.statusCode, 200, list.body);
  const assigned = await count('tickets t join users u on u.id = t.assignee_id', `u.email = 'wu.qiang@demo.opencsm.local'`);
  assert.equal((list.json() as { items: unknown[] }).items.length, assigned);
});

test('a second run changes nothing and says so', async () => {
  const before = { tickets: await count('tickets'), users: await count('users'), events: await count('domain_events'), messages: await count('ticket_messages') };
  const again = await seedDemoData(t.database, { timeZone: 'Asia/Shanghai', size });
  assert.equal(again.status, 'skipped');
  const afterwards = { tickets: await count('tickets'), users: await count('users'), events: await count('domain_events'), messages: await count('ticket_messages') };
  assert.deepEqual(afterwards, before);
});
