import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { platformChannels } from '../../app/channel-registry.js';
import { testChannelModule } from '../../app/test-channel-module.js';
import { assertProblem, createTestApp, type TestApp } from '../../app/test-app.js';
import { attachmentStoreIn } from './attachment-store.js';
import { receiveInboundMessage } from './receive-inbound-message.js';

/**
 * One list of channels (issue 16 §1): the platform's own (api, web, phone, email, portal) and
 * every adapter a channel module registered on `context.channels`. This app installs a fake LINE
 * channel the code has never heard of: the create API, SLA conditions, the field registry, the
 * reply plan, the OpenAPI document and the console's labels must all take it from the registry.
 * A channel no module registered is refused — `wecom` until its module lands, whichever build
 * this runs in: the assertions follow what is installed, never a list of their own.
 */
let t: TestApp;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

before(async () => {
  t = await createTestApp({}, { extraModules: [testChannelModule('line', { 'zh-CN': 'LINE 官方账号', en: 'LINE official account' }, { deliversReplies: true })] });
});
after(() => t.close());

const installed = () => new Set(t.context.channels.ticketChannels().map((c) => c.key));
const platformKeys = platformChannels.map((c) => c.key);

test('create takes a channel a module registered and refuses, at `channel`, one nobody registered', async () => {
  const line = await t.createTicket({ subject: 'LINE 客户询问退货', channel: 'line' });
  assert.equal(line.channel, 'line');
  for (const key of platformKeys) assert.equal((await t.createTicket({ subject: `来自 ${key}`, channel: key })).channel, key);

  for (const key of ['wecom', 'dingtalk', 'fax']) {
    const res = await t.api('POST', '/api/v1/tickets', { body: { subject: `来自 ${key}`, channel: key } });
    if (installed().has(key)) {
      assert.equal(res.statusCode, 201, res.body);
      continue;
    }
    const problem = assertProblem(res, 400, 'validation.failed', key);
    assert.deepEqual(problem.errors?.map((e) => e.path), ['channel'], key);
  }
  assert.equal(installed().has('fax'), false);
});

test('the OpenAPI document lists the installed channels in the create body (the console types are generated from it)', async () => {
  const doc = (await t.api('GET', '/api/openapi.json', { as: null })).json<Json>();
  const body = doc.paths['/api/v1/tickets'].post.requestBody.content['application/json'].schema;
  assert.deepEqual(body.properties.channel.enum, [...installed()]);
  assert.ok(body.properties.channel.enum.includes('line'));
});

test('GET /ticket-channels: the platform\'s own, then every installed module\'s, labelled, with whether replies go back on it', async () => {
  const res = await t.api('GET', '/api/v1/ticket-channels');
  assert.equal(res.statusCode, 200, res.body);
  const items = res.json<{ items: Json[] }>().items;
  assert.deepEqual(items.slice(0, platformKeys.length).map((c) => c.key), platformKeys);
  assert.deepEqual(items.map((c) => c.key), [...installed()]);
  assert.deepEqual(items.find((c) => c.key === 'line'), { key: 'line', labels: { 'zh-CN': 'LINE 官方账号', en: 'LINE official account' }, deliversReplies: true, builtIn: false });
  assert.deepEqual(items.find((c) => c.key === 'email'), { key: 'email', labels: { 'zh-CN': '邮件', en: 'Email' }, deliversReplies: true, builtIn: true });
  assert.equal(items.find((c) => c.key === 'phone')?.deliversReplies, false);
  assert.equal(items.find((c) => c.key === 'wechat')?.deliversReplies, true);
  // Staff read it (the console labels tickets with it); a customer's portal session or nobody does not.
  assert.equal((await t.api('GET', '/api/v1/ticket-channels', { as: await t.user('agent') })).statusCode, 200);
  assert.equal((await t.api('GET', '/api/v1/ticket-channels', { as: null })).statusCode, 401);
});

test('SLA conditions name installed channels; another is refused with the installed ones listed', async () => {
  const created = await t.api('POST', '/api/v1/sla/policies', { body: { nameZh: 'LINE 客户', conditions: { all: [{ field: 'channel', op: 'in', values: ['line', 'email'] }] } } });
  assert.equal(created.statusCode, 201, created.body);

  const refused = await t.api('POST', '/api/v1/sla/policies', { body: { nameZh: '传真', conditions: { all: [{ field: 'channel', op: 'in', values: ['line', 'fax'] }] } }, headers: { 'accept-language': 'en' } });
  const problem = assertProblem(refused, 400, 'validation.failed');
  assert.deepEqual(problem.errors?.map((e) => [e.path, e.code]), [['conditions.all.0.values.1', 'sla.policy.unknown_channel']]);
  assert.equal(problem.errors?.[0]?.params?.channels, [...installed()].join(', '));
  assert.match(problem.errors![0]!.message, /line/);

  const wecom = await t.api('POST', '/api/v1/sla/policies', { body: { nameZh: '企业微信', conditions: { all: [{ field: 'channel', op: 'in', values: ['wecom'] }] } } });
  if (installed().has('wecom')) assert.equal(wecom.statusCode, 201, wecom.body);
  else assert.deepEqual(assertProblem(wecom, 400, 'validation.failed').errors?.map((e) => e.code), ['sla.policy.unknown_channel']);
});

test('the field registry offers the installed channels as the built-in `channel` field\'s options', async () => {
  const res = await t.api('GET', '/api/v1/ticket-fields');
  assert.equal(res.statusCode, 200, res.body);
  const channel = res.json<{ items: Json[] }>().items.find((f) => f.key === 'channel')!;
  assert.deepEqual(channel.options.map((o: Json) => o.value), [...installed()]);
  assert.deepEqual(channel.options.find((o: Json) => o.value === 'line').label, { 'zh-CN': 'LINE 官方账号', en: 'LINE official account' });
});

test('a reply on a ticket of a delivering module\'s channel goes back on it', async () => {
  const ticket = await t.createTicket({ subject: 'LINE 客户追问', channel: 'line', requester: { name: '佐藤', phone: '+81 90 1234 5678' } });
  const plan = (await t.api('GET', `/api/v1/tickets/${ticket.id}/reply-plan`)).json<Json>();
  assert.equal(plan.preferred, 'line');
  assert.equal(plan.via, 'line');
  const reply = await t.api('POST', `/api/v1/tickets/${ticket.id}/messages`, { body: { body: '您好，已为您办理退货。' } });
  assert.equal(reply.statusCode, 201, reply.body);
  assert.equal(reply.json<Json>().channel, 'line');
  assert.equal(reply.json<Json>().deliveryStatus, 'queued');
});

test('a ticket of a channel whose module was removed still reads, lists and takes a reply by a way that works', async () => {
  // Stored while a KakaoTalk module was installed; no module registers `kakao` now.
  assert.equal(installed().has('kakao'), false);
  const received = await receiveInboundMessage(
    t.database,
    { channel: 'kakao', externalId: 'kakao-1', requester: { name: '김민준', email: 'minjun@example.kr' }, subject: '배송 문의', body: '주문한 에어컨은 언제 도착하나요？' },
    { timeZone: t.config.OPENCSM_TIMEZONE, store: attachmentStoreIn(t.config.OPENCSM_DATA_DIR), guards: t.context.transitionGuards, fieldTypes: t.context.fieldTypes },
  );
  const read = await t.api('GET', `/api/v1/tickets/${received.ticketId}`);
  assert.equal(read.statusCode, 200, read.body);
  assert.equal(read.json<Json>().channel, 'kakao');
  const listed = await t.api('GET', '/api/v1/tickets', { query: { requesterId: read.json<Json>().requester.id } });
  assert.deepEqual(listed.json<{ items: Json[] }>().items.map((i) => i.channel), ['kakao']);
  const timeline = await t.api('GET', `/api/v1/tickets/${received.ticketId}/timeline`);
  assert.equal(timeline.statusCode, 200, timeline.body);

  // Nothing is sent on a channel that is not there: the plan answers where the customer can read it.
  const plan = await t.api('GET', `/api/v1/tickets/${received.ticketId}/reply-plan`);
  assert.equal(plan.statusCode, 200, plan.body);
  assert.equal(plan.json<Json>().preferred, 'email');
  const reply = await t.api('POST', `/api/v1/tickets/${received.ticketId}/messages`, { body: { body: '预计周五送达。', via: 'portal' } });
  assert.equal(reply.statusCode, 201, reply.body);
  assert.equal(reply.json<Json>().channel, 'portal');
  const forced = await t.api('POST', `/api/v1/tickets/${received.ticketId}/messages`, { body: { body: '预计周五送达。', via: 'kakao' } });
  assert.deepEqual(assertProblem(forced, 400, 'validation.failed').errors?.map((e) => e.path), ['via']);
});

test('the export names each ticket\'s channel by its label in the reader\'s language, a removed one by its key', async () => {
  await t.createTicket({ subject: '导出渠道名 1', channel: 'line', tags: ['export-channel'] });
  await t.createTicket({ subject: '导出渠道名 2', channel: 'email', tags: ['export-channel'] });
  await receiveInboundMessage(
    t.database,
    { channel: 'kakao', externalId: 'kakao-export', requester: { name: '이서연', email: 'seoyeon@example.kr' }, subject: '导出渠道名 3', body: '문의', newTicket: { tags: ['export-channel'] } },
    { timeZone: t.config.OPENCSM_TIMEZONE, store: attachmentStoreIn(t.config.OPENCSM_DATA_DIR), guards: t.context.transitionGuards, fieldTypes: t.context.fieldTypes },
  );
  const channelCells = async (locale: string) => {
    const res = await t.api('GET', '/api/v1/tickets/export', { query: { format: 'csv', columns: 'number,channel', tag: 'export-channel', sort: 'number' }, headers: { 'accept-language': locale } });
    assert.equal(res.statusCode, 200, res.body);
    return res.rawPayload.toString('utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/).slice(1).map((line) => line.split(',')[1]);
  };
  assert.deepEqual(await channelCells('zh-CN'), ['LINE 官方账号', '邮件', 'kakao']);
  assert.deepEqual(await channelCells('en'), ['LINE official account', 'Email', 'kakao']);
});
