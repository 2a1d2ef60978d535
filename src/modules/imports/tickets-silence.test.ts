import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../app/test-app.js';
import { queryRows } from '../../db/database.js';
import { csv, run, upload } from './import-test-helpers.js';

/**
 * Silence (issue 21 §2): imported tickets fire no rules, notifications, surveys, webhooks, SLA
 * timers, assignment or processes. The same installation reacts to a live ticket created at the
 * end (the control), so the quiet is the import's doing, not a setup that reacts to nothing.
 */
let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const count = async (query: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(t.database.db, query))[0]!.n;

/** Everything a subscriber of a ticket's events leaves behind, for these tickets. */
async function reactions(ids: readonly string[]) {
  const list = JSON.stringify(ids);
  const of = (table: string, column = 'ticket_id') => count(sql`select count(*)::int as n from ${sql.raw(table)} where ${sql.raw(column)}::text in (select jsonb_array_elements_text(${list}::jsonb))`);
  return {
    ruleFirings: await of('automation_rule_firings'),
    ruleTags: await count(sql`select count(*)::int as n from tickets where 'rule-fired' = any(tags) and id::text in (select jsonb_array_elements_text(${list}::jsonb))`),
    slaTimers: await of('sla_ticket_timers'),
    notifications: await count(sql`select count(*)::int as n from notifications`),
    surveys: await of('surveys'),
    webhookDeliveries: await count(sql`select count(*)::int as n from webhook_deliveries`),
    assignmentQueue: await of('assignment_queue'),
    processInstances: await of('process_instances'),
    undispatchedEvents: await count(sql`select count(*)::int as n from domain_events where dispatched_at is null and aggregate_id in (select jsonb_array_elements_text(${list}::jsonb))`),
  };
}

test('imported tickets wake no subscriber; a live ticket on the same setup does', async () => {
  const teamId = await t.team('一线组');
  await t.user('agent', { teamIds: [teamId] });
  const rule = await t.api('POST', '/api/v1/rules', { body: { name: '每张新工单', triggers: ['ticket.created'], actions: [{ type: 'add_tags', tags: ['rule-fired'] }] } });
  assert.equal(rule.statusCode, 201, rule.body);
  const hook = await t.api('POST', '/api/v1/webhooks', { body: { url: 'http://127.0.0.1:9/hook', eventTypes: ['ticket.created', 'ticket.message_added', 'ticket.updated'] } });
  assert.equal(hook.statusCode, 201, hook.body);

  const rows = [
    ['原工单号', '标题', '描述', '状态', '优先级', '团队', '客户', '电话', '创建时间', '关闭时间'],
    ['Q-1', '已关闭的旧单', '内容一', '已关闭', '紧急', '一线组', '客户一', '13700137001', '2020-01-02 10:00', '2020-01-03 10:00'],
    ['Q-2', '已解决的旧单', '内容二', '已解决', '高', '一线组', '客户二', '13700137002', '2020-02-02 10:00', ''],
    ['Q-3', '还开着的旧单', '内容三', '新建', '中', '一线组', '客户三', '13700137003', '2020-03-02 10:00', ''],
  ];
  const job = await upload(t, 'silent.csv', csv(rows), { entity: 'tickets' });
  const jobsBefore = await count(sql`select count(*)::int as n from jobs where type <> 'imports.run'`);
  const done = await run(t, job.id);
  assert.equal(done.counts.created, 3);
  await t.drain();
  const imported = (await queryRows<{ id: string }>(t.database.db, sql`select id::text as id from tickets where external_number like 'Q-%'`)).map((r) => r.id);
  assert.equal(imported.length, 3);
  assert.deepEqual(await reactions(imported), { ruleFirings: 0, ruleTags: 0, slaTimers: 0, notifications: 0, surveys: 0, webhookDeliveries: 0, assignmentQueue: 0, processInstances: 0, undispatchedEvents: 0 });
  const jobsAfter = await count(sql`select count(*)::int as n from jobs where type <> 'imports.run'`);
  assert.equal(jobsAfter, jobsBefore, 'no job was queued for them (deliveries, notices, surveys, indexing)');
  const causes = await queryRows<{ cause: string }>(t.database.db, sql`select distinct cause from domain_events where aggregate_type = 'ticket' and aggregate_id in (${sql.join(imported.map((id) => sql`${id}`), sql`, `)})`);
  assert.equal(causes.length, 1);
  assert.match(causes[0]!.cause, /^import:/);

  // The control: the same rule, webhook and SLA policy react to a ticket created now.
  const live = await t.createTicket({ subject: '现在创建的工单', teamId });
  await t.drain();
  const reacted = await reactions([live.id]);
  assert.equal(reacted.ruleFirings, 1);
  assert.equal(reacted.ruleTags, 1);
  assert.ok(reacted.slaTimers > 0, 'the default SLA policy starts timers for a live ticket');
  assert.ok(reacted.webhookDeliveries > 0, 'the webhook is called for a live ticket');
});
