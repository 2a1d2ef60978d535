import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { queryRows } from '../../db/database.js';
import { startWebhookReceiver, type WebhookReceiver } from '../webhooks/webhook-receiver-kit.js';
import { createAutomationModule } from './index.js';
import { crashAfterAction } from './test-crash-hooks.js';

/**
 * Each action runs exactly once per firing, also when the process dies between two actions: the
 * worker "dies" after action k (a test hook throws there, so the job fails as a killed process's
 * would be picked again), the retried job resumes the firing, and every effect — note, webhook
 * call, reply, follow-up ticket, notification, field change — exists once.
 */
let t: TestApp;
let receiver: WebhookReceiver;
let wang: TestUser;
const crash = crashAfterAction();

before(async () => {
  t = await createTestApp({}, { withoutModules: ['automation'], extraModules: [createAutomationModule({ firingHooks: crash.hooks })] });
  receiver = await startWebhookReceiver();
  wang = await t.user('agent', { name: '王强' });
  const mailbox = await t.api('POST', '/api/v1/mailboxes', { body: { address: 'service@acme.test', name: '客服中心', outbound: { host: 'smtp.acme.test', port: 465, user: 'service', pass: 'smtp-secret' } } });
  assert.equal(mailbox.statusCode, 201, mailbox.body);
});
after(async () => {
  await receiver.close();
  await t.close();
});

const count = async (query: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(t.database.db, query))[0]!.n;

/** Runs the failed job again now (the queue's backoff would, a little later). */
async function retry(): Promise<void> {
  await t.database.transaction((tx) => tx.execute(sql`update jobs set run_at = now() where state = 'pending'`));
  await t.drain();
}

test('a crash after any action k: the retried job finishes the firing, and every action’s effect exists exactly once', async () => {
  const hook = await t.api('POST', '/api/v1/webhooks', { body: { url: receiver.url, eventTypes: ['survey.answered'] } });
  assert.equal(hook.statusCode, 201, hook.body);
  const endpointId = (hook.data as { endpoint: { id: string } }).endpoint.id;
  const actions = [
    { type: 'add_note', body: '自动备注：已登记' },
    // Makes the rule's condition false: the retry must not judge it again.
    { type: 'set_field', field: 'priority', value: 'urgent' },
    { type: 'webhook', endpointId, eventType: 'rule.escalated' },
    { type: 'reply', body: '{{requester.name}}您好，已收到' },
    { type: 'create_follow_up', subject: '回访：打印机' },
    { type: 'notify', recipients: { userIds: [wang.id] }, texts: { 'zh-CN': '有新工单', en: 'A new ticket' } },
    { type: 'add_tags', tags: ['自动'] },
  ];
  const res = await t.api('POST', '/api/v1/rules', {
    body: { name: '受理', triggers: ['ticket.created'], conditions: { all: [{ field: 'channel', op: 'is', value: 'email' }, { field: 'priority', op: 'is_not', value: 'urgent' }] }, actions },
  });
  assert.equal(res.statusCode, 201, res.body);
  const ruleId: string = res.json().id;
  for (const k of actions.keys()) {
    receiver.reset();
    crash.arm(k);
    const before = crash.crashes;
    const ticket = await t.createTicket({ subject: `打印机卡纸 ${k}`, channel: 'email', requester: { name: '吴先生', email: `wu${k}@example.cn` } });
    await t.drain();
    await retry();
    assert.equal(crash.crashes, before + 1, `the worker died after action ${k}`);
    const where = sql`ticket_id = ${ticket.id}`;
    assert.equal(await count(sql`select count(*)::int as n from ticket_messages where ${where} and internal and body = '自动备注：已登记'`), 1, `note, crash after ${k}`);
    assert.equal(await count(sql`select count(*)::int as n from ticket_messages where ${where} and not internal and body = '吴先生您好，已收到'`), 1, `reply, crash after ${k}`);
    assert.equal(await count(sql`select count(*)::int as n from webhook_deliveries where endpoint_id = ${endpointId} and body like ${'%' + ticket.id + '%'}`), 1, `webhook queued, crash after ${k}`);
    assert.equal(receiver.received.length, 1, `webhook received, crash after ${k}`);
    assert.equal(await count(sql`select count(*)::int as n from domain_events where type = 'ticket.created' and payload ->> 'followUpOf' = ${ticket.id}`), 1, `follow-up, crash after ${k}`);
    assert.equal(await count(sql`select count(*)::int as n from ticket_events where ${where} and type = 'rule_follow_up'`), 1, `follow-up on the timeline, crash after ${k}`);
    assert.equal(await count(sql`select count(*)::int as n from notifications where ${where} and kind = 'rule' and user_id = ${wang.id}`), 1, `notification, crash after ${k}`);
    assert.equal(await count(sql`select count(*)::int as n from domain_events where type = 'ticket.updated' and aggregate_id = ${ticket.id} and cause = ${`rule:${ruleId}`}`), 2, `priority and tags changed once each, crash after ${k}`);
    const detail = (await t.api('GET', `/api/v1/tickets/${ticket.id}`)).json();
    assert.deepEqual([detail.priority, detail.tags], ['urgent', ['自动']]);
    const firings = (await t.api('GET', `/api/v1/rule-firings?ticketId=${ticket.id}`)).json().items;
    assert.equal(firings.length, 1);
    assert.equal(firings[0].status, 'done');
    assert.deepEqual(
      firings[0].actions.map((a: { type: string; ok: boolean }) => [a.type, a.ok]),
      actions.map((action) => [action.type, true]),
      'the log lists every action once, those done before the crash with what they did',
    );
    assert.ok(firings[0].actions[4].detail.ticketId, 'the follow-up’s outcome kept from before the crash');
  }
});
