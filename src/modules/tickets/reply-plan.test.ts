import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../app/test-app.js';
import { attachmentStoreIn } from './attachment-store.js';
import { receiveInboundMessage, type InboundMessage } from './receive-inbound-message.js';

/**
 * Which way a reply goes (issue 13 §4): the composer is told before sending; a ticket whose
 * channel cannot deliver (WeChat without a WeChat channel) is answered a way that works, and a
 * reply forced onto a channel that cannot deliver is failed with the reason, never left queued.
 */
let t: TestApp;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

before(async () => {
  t = await createTestApp();
});
after(() => t.close());

async function call(method: 'GET' | 'POST', url: string, payload?: Json, locale = 'zh-CN') {
  return t.server.inject({ method, url, payload, headers: { ...t.admin.headers, 'accept-language': locale } });
}

async function wechatTicket(externalId: string, requester: InboundMessage['requester']): Promise<string> {
  const received = await receiveInboundMessage(
    t.database,
    { channel: 'wechat', externalId, requester, subject: '空调漏水', body: '室内机一直滴水' },
    { timeZone: t.config.OPENCSM_TIMEZONE, store: attachmentStoreIn(t.config.OPENCSM_DATA_DIR), guards: t.context.transitionGuards, fieldTypes: t.context.fieldTypes },
  );
  return received.ticketId;
}

test('a WeChat ticket without a WeChat channel: the plan says so and offers the portal, email (not set up) and a phone call', async () => {
  const id = await wechatTicket('wx-1', { name: '周女士', email: 'zhou@example.cn' });
  const res = await call('GET', `/api/v1/tickets/${id}/reply-plan`);
  assert.equal(res.statusCode, 200, res.body);
  const plan = res.json() as Json;
  assert.equal(plan.preferred, 'wechat');
  assert.equal(plan.preferredReady, false);
  assert.equal(plan.reason, '该渠道未配置，无法发送回复');
  assert.equal(plan.via, 'portal', 'no mailbox can send yet: the portal is the way that works');
  assert.deepEqual(plan.options.map((o: Json) => [o.channel, o.ready, o.reason]), [
    ['wechat', false, '该渠道未配置，无法发送回复'],
    ['email', false, '没有配置发信服务器的邮箱'],
    ['portal', true, null],
    ['phone', true, null],
  ]);
  const english = (await call('GET', `/api/v1/tickets/${id}/reply-plan`, undefined, 'en')).json() as Json;
  assert.equal(english.reason, 'This channel is not configured; the reply cannot be sent');

  // Sent without a choice, the reply goes to the portal: readable there, nothing waits.
  const reply = await call('POST', `/api/v1/tickets/${id}/messages`, { body: '师傅明天上午到' });
  assert.equal(reply.statusCode, 201, reply.body);
  assert.deepEqual([reply.json().channel, reply.json().deliveryStatus], ['portal', null]);
});

test('with an outbound mailbox the same ticket is answered by email, to the requester\'s address', async () => {
  const id = await wechatTicket('wx-2', { name: '吴先生', email: 'wu@example.cn' });
  const mailbox = await call('POST', '/api/v1/mailboxes', { address: 'service@acme.test', name: '客服中心', outbound: { host: 'smtp.acme.test', port: 465, user: 'service', pass: 'smtp-secret' } });
  assert.equal(mailbox.statusCode, 201, mailbox.body);
  const plan = (await call('GET', `/api/v1/tickets/${id}/reply-plan`)).json() as Json;
  assert.deepEqual([plan.preferred, plan.preferredReady, plan.via], ['wechat', false, 'email']);
  assert.deepEqual(plan.options.find((o: Json) => o.channel === 'email'), { channel: 'email', ready: true, reason: null, to: 'wu@example.cn' });
  const reply = (await call('POST', `/api/v1/tickets/${id}/messages`, { body: '已安排师傅' })).json() as Json;
  assert.deepEqual([reply.channel, reply.deliveryStatus], ['email', 'queued']);
});

test('a reply forced onto a channel that cannot deliver is failed with the reason, on the timeline too', async () => {
  const id = await wechatTicket('wx-3', { name: '郑先生', phone: '13900005555' });
  const plan = (await call('GET', `/api/v1/tickets/${id}/reply-plan`)).json() as Json;
  assert.deepEqual(plan.options.find((o: Json) => o.channel === 'email'), { channel: 'email', ready: false, reason: '客户没有邮箱地址', to: null });
  const forced = await call('POST', `/api/v1/tickets/${id}/messages`, { body: '您好', via: 'wechat' });
  assert.equal(forced.statusCode, 201, forced.body);
  assert.equal(forced.json().deliveryStatus, 'failed');
  assert.match(forced.json().deliveryError, /该渠道未配置.*This channel is not configured/);
  const byEmail = (await call('POST', `/api/v1/tickets/${id}/messages`, { body: '您好', via: 'email' })).json() as Json;
  assert.deepEqual([byEmail.channel, byEmail.deliveryStatus], ['email', 'failed']);
  assert.match(byEmail.deliveryError, /客户没有邮箱地址/);
  const timeline = (await call('GET', `/api/v1/tickets/${id}/timeline?limit=100`)).json() as Json;
  const failures = timeline.items.filter((e: Json) => e.type === 'delivery_changed').map((e: Json) => [e.newValue.messageId, e.newValue.status]);
  assert.deepEqual(failures.sort(), [[forced.json().id, 'failed'], [byEmail.id, 'failed']].sort());
  // A phone call noted as the answer is stored, not sent.
  const phoned = (await call('POST', `/api/v1/tickets/${id}/messages`, { body: '已电话告知上门时间', via: 'phone' })).json() as Json;
  assert.deepEqual([phoned.channel, phoned.deliveryStatus], ['phone', null]);
});

test('an unknown way is refused naming the field; a ticket the caller cannot see is 404', async () => {
  const id = await wechatTicket('wx-4', { name: '王女士', email: 'wang@example.cn' });
  const bad = await call('POST', `/api/v1/tickets/${id}/messages`, { body: '您好', via: 'fax' });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().errors[0].path, 'via');
  const engineer = await t.user('field_engineer');
  const hidden = await t.server.inject({ method: 'GET', url: `/api/v1/tickets/${id}/reply-plan`, headers: engineer.headers });
  assert.equal(hidden.statusCode, 404);
});
