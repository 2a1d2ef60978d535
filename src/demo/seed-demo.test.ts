import assert from 'node:assert/strict';
import diagnostics from 'node:diagnostics_channel';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../app/test-app.js';
import { queryRows } from '../db/database.js';
import { DEFAULT_BUSINESS_CALENDAR, isBusinessTime } from '../modules/sla/index.js';
import { demoWechatAccount, demoWecomAccount } from './demo-chats.js';
import { buildDemoPlan, type DemoSize } from './demo-plan.js';
import { defaultDemoPassword, demoStaff } from './demo-directory.js';
import { seedDemoData, type DemoSeedSummary } from './seed-demo.js';

// A smaller data set than `opencsm seed --demo` (300 tickets), same code path.
const size: DemoSize = { tickets: 40, customers: 25 };
const plan = buildDemoPlan(size);

let t: TestApp;
let summary: DemoSeedSummary;
let now: Date;
before(async () => {
  t = await createTestApp();
  now = new Date();
  const started = performance.now();
  summary = await seedDemoData(t.database, { timeZone: 'Asia/Shanghai', size, now, keys: t.config });
  // Measured, not asserted (a loaded CI machine is slower); `opencsm seed --demo` prints the same.
  console.log(`# demo seed of ${size.tickets} tickets: ${((performance.now() - started) / 1000).toFixed(1)} s`, summary.status === 'loaded' ? JSON.stringify(summary.seconds) : '');
});

const login = async (email: string) => {
  const response = await t.api('POST', '/api/v1/auth/login', { as: null, body: { email, password: defaultDemoPassword } });
  assert.equal(response.statusCode, 200, response.body);
  return String(response.headers['set-cookie']).split(';')[0]!;
};
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
  // Channels that work without a WeChat/WeCom/DingTalk app, in a help desk's proportions.
  const channels = new Map<string, number>();
  for (const p of full.tickets) channels.set(p.channel, (channels.get(p.channel) ?? 0) + 1);
  assert.deepEqual([...channels.keys()].sort(), ['api', 'email', 'phone', 'portal', 'web']);
  assert.ok(channels.get('phone')! > channels.get('web')!, 'the hotline brings more tickets than the web form');
  assert.ok([...channels.values()].every((n) => n >= 15), JSON.stringify([...channels]));
  // Two waiting and two answered tickets are timed to fall due within the hour.
  assert.deepEqual(full.tickets.filter((p) => p.timing === 'due_soon').map((p) => `${p.finalStatus}/${p.priority}`).sort(), ['new/urgent', 'new/urgent', 'open/urgent', 'open/urgent']);
  const emails = full.customers.flatMap((c) => (c.email ? [c.email] : []));
  assert.equal(new Set(emails).size, emails.length, 'customer e-mails are unique');
  assert.ok(full.customers.every((c) => c.email || c.phone));
});

test('seeds teams, staff, categories, customers and tickets with their histories', async () => {
  assert.equal(summary.status, 'loaded');
  if (summary.status !== 'loaded') return;
  // The planned tickets and the sandbox WeChat / WeCom conversations.
  const chats = summary.chats;
  assert.deepEqual(chats, { accounts: 2, conversations: 5, customerMessages: 13 });
  const tickets = size.tickets + chats.conversations;
  assert.equal(summary.tickets, tickets);
  assert.equal(await count('tickets'), tickets);
  assert.equal(await count('teams'), 4);
  assert.equal(await count('users', `email like '%@demo.opencsm.local'`), demoStaff.length);
  assert.equal(await count('ticket_categories'), 15);
  assert.equal(await count('contacts'), size.customers);
  // Every contact belongs to its company's organisation; every requester was found, not duplicated.
  assert.equal(await count('contacts', 'organization_id is null'), 0);
  // Every contact carries the demo's 客户行业 and 客户来源 (custom contact fields).
  assert.equal(await count('contacts', `fields ->> 'industry' is not null and fields ->> 'source' is not null`), size.customers);
  assert.equal(await count('organizations'), new Set(plan.customers.map((c) => c.company)).size);
  assert.ok((await count('customer_records', `type = 'device' and expires_on is not null`)) > 0);
  assert.equal(await count('tickets', 'requester_id not in (select id from contacts)'), 0);
  assert.equal(await count('ticket_messages', 'internal'), summary.internalNotes);
  assert.equal(await count('ticket_messages', 'not internal'), summary.publicReplies + chats.customerMessages);
  assert.ok(summary.internalNotes > 0 && summary.publicReplies > 0);

  const byStatus = await queryRows<{ status: string; n: number }>(t.database.db, sql`select status, count(*)::int as n from tickets group by status`);
  const planned: Record<string, number> = {};
  for (const p of plan.tickets) planned[p.finalStatus] = (planned[p.finalStatus] ?? 0) + 1;
  // The chats: one open (waiting for an answer), one pending, one resolved, two closed.
  for (const status of ['open', 'pending', 'resolved', 'closed', 'closed']) planned[status] = (planned[status] ?? 0) + 1;
  assert.deepEqual(Object.fromEntries(byStatus.map((r) => [r.status, r.n])), planned);
  assert.deepEqual(Object.fromEntries(Object.entries(summary.ticketsByStatus).filter(([, n]) => n > 0)), planned);

  // Every ticket is indexed, has its timeline and events as the services write them; nothing is left in the queue.
  // (A chat's first message is the ticket's opening message, named by its `created` entry.)
  const added = summary.internalNotes + summary.publicReplies + chats.customerMessages - chats.conversations;
  assert.equal(await count('ticket_search'), tickets);
  assert.equal(await count('ticket_events', `type = 'created'`), tickets);
  assert.equal(await count('ticket_events', `type = 'created' and message_id is not null`), chats.conversations);
  assert.equal(await count('ticket_events', `type = 'message_added'`), added);
  assert.equal(await count('domain_events', `type = 'ticket.created'`), tickets);
  assert.equal(await count('domain_events', `type = 'ticket.message_added'`), added);
  assert.equal(await count('jobs'), 0);
  assert.equal(await count('domain_events', 'dispatched_at is null'), 0);
  // Timestamps follow the history: answered tickets have a first response, solved ones a resolution time.
  assert.equal(await count('tickets', `status in ('resolved', 'closed') and (resolved_at is null or first_response_at is null)`), 0);
  assert.equal(await count('tickets', `status = 'closed' and closed_at is null`), 0);
  assert.equal(await count('tickets t', `first_response_at is distinct from (select min(created_at) from ticket_messages m where m.ticket_id = t.id and not m.internal and m.author_user_id is not null)`), 0);
});

test('known records: the category tree, a planned ticket, its requester and assignee', async () => {
  const [printer] = await queryRows<{ parent: string }>(t.database.db, sql`
    select p.name_zh as parent from ticket_categories c join ticket_categories p on p.id = c.parent_id where c.name_zh = '打印机'`);
  assert.equal(printer?.parent, '设备故障');

  const first = plan.tickets[0]!;
  const customer = plan.customers[first.customer]!;
  const [row] = await queryRows<{ status: string; priority: string; tags: string[]; channel: string; requester: string; creator: string; assignee: string | null }>(t.database.db, sql`
    select t.status, t.priority, t.tags, t.channel, c.name as requester, u.email as creator, a.email as assignee
    from tickets t join contacts c on c.id = t.requester_id left join users u on u.id = t.created_by left join users a on a.id = t.assignee_id
    where t.subject = ${first.subject} and t.description = ${first.description}
    order by t.number limit 1`);
  assert.ok(row, `ticket "${first.subject}" exists`);
  assert.equal(row.status, first.finalStatus);
  assert.equal(row.channel, first.channel);
  assert.equal(row.requester, customer.name);
  // The customer opened e-mail, portal and web-form tickets; an agent typed in the others.
  assert.equal(row.creator, ['email', 'portal', 'web'].includes(first.channel) ? null : `${first.creator}@demo.opencsm.local`);
  assert.ok(first.tags.every((tag) => row.tags.includes(tag)));
  const plannedAssignee = [first.assignee, ...first.steps.map((step) => (step.kind === 'update' ? step.changes.assignee : undefined))].filter(Boolean).at(-1);
  assert.equal(row.assignee, plannedAssignee ? `${plannedAssignee}@demo.opencsm.local` : null);

  const [zhang] = await queryRows<{ role: string; teams: string[] }>(t.database.db, sql`
    select u.role, array(select te.name from team_members m join teams te on te.id = m.team_id where m.user_id = u.id) as teams
    from users u where u.email = 'zhang.wei@demo.opencsm.local'`);
  assert.deepEqual(zhang, { role: 'agent', teams: ['一线客服组'] });
});

test('demo users log in with the documented password and see tickets, searchable in Chinese', async () => {
  const cookie = await login('wang.fang@demo.opencsm.local');
  const word = plan.tickets[0]!.subject;
  const found = await t.api('GET', `/api/v1/tickets?q=${encodeURIComponent(word)}&limit=100`, { as: null, headers: { cookie } });
  assert.equal(found.statusCode, 200, found.body);
  const subjects = (found.json() as { items: { subject: string }[] }).items.map((i) => i.subject);
  assert.ok(subjects.includes(word), `search for "${word}" finds it`);

  const wrong = await t.api('POST', '/api/v1/auth/login', { as: null, body: { email: 'wang.fang@demo.opencsm.local', password: 'not-the-password' } });
  assert.equal(wrong.statusCode, 401);
});

test('a field engineer sees exactly the tickets assigned to them', async () => {
  const cookie = await login('wu.qiang@demo.opencsm.local');
  const list = await t.api('GET', '/api/v1/tickets?limit=100', { as: null, headers: { cookie } });
  assert.equal(list.statusCode, 200, list.body);
  const assigned = await count('tickets t join users u on u.id = t.assignee_id', `u.email = 'wu.qiang@demo.opencsm.local'`);
  assert.equal((list.json() as { items: unknown[] }).items.length, assigned);
});

test('the tickets are spread over the last 90 days, none in the future, agents working in business hours', async () => {
  const [span] = await queryRows<{ oldest: Date; newest: Date; latest: Date; days: number }>(t.database.db, sql`
    select min(created_at) as oldest, max(created_at) as newest,
           greatest((select max(created_at) from ticket_messages), (select max(created_at) from ticket_events where type <> 'sla'), max(updated_at)) as latest,
           count(distinct (created_at at time zone 'Asia/Shanghai')::date)::int as days
    from tickets`);
  const daysAgo = (at: Date) => (now.getTime() - new Date(at).getTime()) / 86_400_000;
  assert.ok(daysAgo(span!.oldest) <= 90 && daysAgo(span!.oldest) > 30, `oldest ticket ${daysAgo(span!.oldest).toFixed(1)} days ago`);
  // (SLA warnings and breaches the last worker round fired are stamped with their real time.)
  assert.ok(new Date(span!.latest) <= now, `nothing after now (latest ${new Date(span!.latest).toISOString()})`);
  assert.ok(daysAgo(span!.newest) < 1, 'some tickets are from today');
  assert.ok(span!.days >= size.tickets / 3, `created on ${span!.days} different days`);

  // Old tickets are solved, recent ones still open.
  const [ages] = await queryRows<{ closed: number; open: number }>(t.database.db, sql`
    select avg(extract(epoch from ${now.toISOString()}::timestamptz - created_at) / 86400) filter (where status = 'closed') as closed,
           avg(extract(epoch from ${now.toISOString()}::timestamptz - created_at) / 86400) filter (where status in ('new', 'open')) as open
    from tickets`);
  assert.ok(Number(ages!.closed) > 3 * Number(ages!.open), `closed tickets are older (${Number(ages!.closed).toFixed(1)} d) than open ones (${Number(ages!.open).toFixed(1)} d)`);

  // Agents answer in the default calendar's business hours (the 7×24 urgent tickets aside); customers write at any hour.
  const replies = await queryRows<{ at: Date }>(t.database.db, sql`
    select m.created_at as at from ticket_messages m join tickets t on t.id = m.ticket_id where t.priority <> 'urgent' and m.author_contact_id is null`);
  assert.ok(replies.length > 0);
  const outside = replies.filter((r) => !isBusinessTime(DEFAULT_BUSINESS_CALENDAR, new Date(r.at)));
  assert.deepEqual(outside.map((r) => new Date(r.at).toISOString()), []);
});

test('即将超时 and 已超时 list open tickets right after seeding, through the list API and the view counts', async () => {
  const cookie = await login('wang.fang@demo.opencsm.local');
  const list = async (query: string) => {
    const response = await t.api('GET', `/api/v1/tickets?${query}&limit=100`, { as: null, headers: { cookie } });
    assert.equal(response.statusCode, 200, response.body);
    return (response.json() as { items: { number: string; status: string; sla: { dueAt: string | null; state: string }[] }[] }).items;
  };
  const dueSoon = await list('sla=due_soon&status=new,open,pending&sort=slaDueAt');
  const breached = await list('sla=breached&status=new,open,pending&sort=slaDueAt');
  assert.ok(dueSoon.length >= 1, 'at least one ticket is due within the hour');
  assert.ok(breached.length >= 1, 'at least one ticket is overdue');
  for (const ticket of dueSoon) {
    const due = Math.min(...ticket.sla.filter((s) => s.dueAt && s.state !== 'met' && s.state !== 'paused').map((s) => Date.parse(s.dueAt!)));
    assert.ok(due > Date.now() && due <= Date.now() + 3_600_000, `${ticket.number} is due within the hour`);
  }
  // The planned due-soon tickets are among them, whatever the hour or day.
  assert.ok(dueSoon.length >= plan.tickets.filter((p) => p.timing === 'due_soon').length);

  const counts = await t.api('GET', '/api/v1/ticket-views/counts', { as: null, headers: { cookie } });
  assert.equal(counts.statusCode, 200, counts.body);
  const views = await t.api('GET', '/api/v1/ticket-views', { as: null, headers: { cookie } });
  const idOf = (key: string) => (views.json() as { items: { id: string; key?: string }[] }).items.find((v) => v.key === key)!.id;
  const byView = (counts.json() as { counts: Record<string, number> }).counts;
  assert.equal(byView[idOf('due_soon')], dueSoon.length);
  assert.equal(byView[idOf('breached')], breached.length);
});

test('a demo ticket\'s timeline reads as it happened: created, assigned, answered, solved, at their times', async () => {
  const cookie = await login('wang.fang@demo.opencsm.local');
  const [closed] = await queryRows<{ id: string; created_at: Date; closed_at: Date }>(t.database.db, sql`select id, created_at, closed_at from tickets where status = 'closed' order by created_at limit 1`);
  assert.ok(closed, 'a closed ticket exists');
  const response = await t.api('GET', `/api/v1/tickets/${closed.id}/timeline`, { as: null, headers: { cookie } });
  assert.equal(response.statusCode, 200, response.body);
  const items = (response.json() as { items: { type: string; field?: string | null; newValue?: unknown; createdAt: string }[] }).items;
  assert.equal(items[0]!.type, 'created');
  assert.equal(Date.parse(items[0]!.createdAt), new Date(closed.created_at).getTime());
  assert.ok(items.some((i) => i.type === 'message_added'));
  const last = items.filter((i) => i.field === 'status').at(-1)!;
  assert.equal(last.newValue, 'closed');
  assert.equal(Date.parse(last.createdAt), new Date(closed.closed_at).getTime());
  const times = items.map((i) => Date.parse(i.createdAt));
  assert.deepEqual(times, [...times].sort((a, b) => a - b), 'in order');
});

test('the sandbox WeChat and WeCom accounts hold their conversations, each customer known by the channel\'s identity', async () => {
  const accounts = async (kind: string) => (await t.api('GET', `/api/v1/channels/${kind}/accounts`)).json().items as { name: string; sandbox: boolean; enabled: boolean }[];
  assert.deepEqual((await accounts('wechat')).map((a) => [a.name, a.sandbox, a.enabled]), [[demoWechatAccount.name, true, true]]);
  assert.deepEqual((await accounts('wecom')).map((a) => [a.name, a.sandbox, a.enabled]), [[demoWecomAccount.name, true, true]]);
  assert.equal(await count('tickets', `channel = 'wechat'`), 3);
  assert.equal(await count('tickets', `channel = 'wecom'`), 2);
  // Every chat's requester is a demo contact carrying the channel's identity, and the channel knows which ticket talks to whom.
  assert.equal(await count('tickets t', `channel = 'wechat' and not exists (select 1 from contact_identities i where i.contact_id = t.requester_id and i.kind = 'wechat_openid')`), 0);
  assert.equal(await count('tickets t', `channel = 'wecom' and not exists (select 1 from contact_identities i where i.contact_id = t.requester_id and i.kind = 'wecom_external_userid')`), 0);
  assert.equal(await count('wechat_ticket_threads'), 3);
  assert.equal(await count('wecom_ticket_threads'), 2);
  // The photos customers sent are the messages' attachments, as the channels' jobs download them.
  assert.equal(await count('ticket_attachments a join ticket_messages m on m.id = a.message_id', `m.author_contact_id is not null and m.body = '[图片]' and a.content_type = 'image/png' and a.size > 0`), 2);
  // The agents' past replies were delivered through the sandbox: recorded, never sent.
  assert.equal(await count('ticket_messages', `channel in ('wechat', 'wecom') and author_user_id is not null and delivery_status = 'sent'`), (await count('wechat_outbound', `status = 'sandbox'`)) + (await count('wecom_outbound', `status = 'sandbox'`)));
  assert.equal(await count('wechat_outbound', `status <> 'sandbox'`) + (await count('wecom_outbound', `status <> 'sandbox'`)), 0);

  // The open WeChat chat: text, a photo and a voice message WeChat transcribed, as the inbound job stores them.
  const [open] = await queryRows<{ id: string }>(t.database.db, sql`select id from tickets where channel = 'wechat' and status = 'open'`);
  assert.ok(open, 'an open WeChat chat waits for an answer');
  const timeline = (await t.api('GET', `/api/v1/tickets/${open.id}/timeline`, { query: { limit: 200 } })).json().items as { type: string; message?: { body: string; authorContact: unknown; meta: { wechat?: { msgType: string; sandbox: boolean; recognition?: string } } } | null }[];
  const customer = timeline.flatMap((e) => (e.message?.authorContact ? [e.message.meta.wechat!] : []));
  assert.deepEqual(customer.map((m) => m.msgType).sort(), ['image', 'text', 'text', 'voice']);
  assert.ok(customer.every((m) => m.sandbox));
  assert.match(customer.find((m) => m.msgType === 'voice')!.recognition!, /惠普M479/);
  assert.ok(timeline.some((e) => e.message?.body.startsWith('[语音] 型号是惠普M479')));
  assert.ok(timeline.some((e) => e.type === 'created' && e.message?.authorContact), 'the first message is the opening message');
});

test('an agent\'s reply on the open WeChat chat is recorded as delivered in the sandbox, with no request to any host', async () => {
  const cookie = await login('zhang.wei@demo.opencsm.local');
  const [open] = await queryRows<{ id: string }>(t.database.db, sql`select id from tickets where channel = 'wechat' and status = 'open'`);
  const plan = await t.api('GET', `/api/v1/tickets/${open!.id}/reply-plan`, { as: null, headers: { cookie } });
  const wechat = (plan.json() as { options: { channel: string; ready: boolean; window?: { sandbox: boolean; remainingMessages: number } | null }[] }).options.find((o) => o.channel === 'wechat')!;
  assert.equal(wechat.ready, true, plan.body);
  assert.deepEqual([wechat.window?.sandbox, wechat.window?.remainingMessages], [true, 5]);

  const requests: string[] = [];
  const onRequest = (message: unknown) => {
    const { request } = message as { request: { host?: string; path?: string } };
    requests.push(`${request.host}${request.path}`);
  };
  diagnostics.subscribe('http.client.request.start', onRequest);
  try {
    const reply = await t.api('POST', `/api/v1/tickets/${open!.id}/messages`, { as: null, headers: { cookie, 'sec-fetch-site': 'same-origin', origin: 'http://localhost' }, body: { body: '收到照片了，是后出纸口的定影组件卡纸。工程师下午 2 点前上门处理。' } });
    assert.equal(reply.statusCode, 201, reply.body);
    await t.drain();
    const id = (reply.json() as { id: string }).id;
    const [message] = await queryRows<{ delivery_status: string; sandbox: boolean }>(t.database.db, sql`select delivery_status, (meta -> 'wechat' ->> 'sandbox')::boolean as sandbox from ticket_messages where id = ${id}`);
    assert.deepEqual(message, { delivery_status: 'sent', sandbox: true });
    assert.equal(await count('wechat_outbound', `ticket_message_id = '${id}' and status = 'sandbox'`), 1);
  } finally {
    diagnostics.unsubscribe('http.client.request.start', onRequest);
  }
  assert.deepEqual(requests, [], 'no HTTP request left the process');
});

test('a second run changes nothing and says so', async () => {
  const before = { tickets: await count('tickets'), users: await count('users'), events: await count('domain_events'), messages: await count('ticket_messages') };
  const again = await seedDemoData(t.database, { timeZone: 'Asia/Shanghai', size, now, keys: t.config });
  assert.equal(again.status, 'skipped');
  const afterwards = { tickets: await count('tickets'), users: await count('users'), events: await count('domain_events'), messages: await count('ticket_messages') };
  assert.deepEqual(afterwards, before);
});
