import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { ManualClock } from '../../app/clock.js';
import { createTestApp, type TestApp } from '../../app/test-app.js';
import { queryRows } from '../../db/database.js';
import { startFakeAliyunSmsServer, type FakeAliyunSmsServer } from './fake-aliyun-sms-server.js';
import { aliyunKeys, aliyunSettings, createSmsAccount, mobileCustomer } from './sms-test-kit.js';

/**
 * A public reply on a ticket whose requester can be reached only by mobile is announced by SMS
 * (the notification template with the portal link), through the fake Alibaba server; the
 * reply's delivery state on the timeline says what became of it.
 */
const clock = new ManualClock('2026-12-06T09:00:00Z');
let t: TestApp;
let aliyun: FakeAliyunSmsServer;

before(async () => {
  aliyun = await startFakeAliyunSmsServer({ ...aliyunKeys, clock });
  t = await createTestApp({ OPENCSM_PUBLIC_URL: 'https://service.example.cn/' }, { clock });
  await createSmsAccount(t, aliyunSettings(aliyun.endpoint));
});
after(async () => {
  await t.close();
  await aliyun.close();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A phone ticket of the contact with this phone (found by it: the requester is that contact). */
async function phoneTicket(phone: string): Promise<Json> {
  return t.createTicket({ subject: '空调不制冷', channel: 'phone', requester: { phone } });
}

async function reply(ticketId: string, body = '师傅明天上午上门', extra: Record<string, unknown> = { via: 'portal' }): Promise<string> {
  const res = await t.api('POST', `/api/v1/tickets/${ticketId}/messages`, { body: { body, ...extra } });
  assert.equal(res.statusCode, 201, res.body);
  return (res.json() as Json).id as string;
}

async function messageEntry(ticketId: string, messageId: string): Promise<Json> {
  const entries = (await t.api('GET', `/api/v1/tickets/${ticketId}/timeline`)).json() as Json;
  const items = (entries.items ?? entries) as Json[];
  return items.find((e) => e.message?.id === messageId)!.message;
}

test('a reply to a mobile-only requester sends the notice template with the ticket number and the portal link; the timeline says sent', async () => {
  await mobileCustomer(t, '13800138101', '钱先生');
  const ticket = await phoneTicket('13800138101');
  const before = aliyun.sent.length;
  const messageId = await reply(ticket.id);
  await t.drain();
  const sent = aliyun.sent.slice(before);
  assert.equal(sent.length, 1);
  assert.deepEqual([sent[0]!.phoneNumbers, sent[0]!.templateCode, sent[0]!.templateParam], ['13800138101', 'SMS_460002', { number: ticket.number, link: `https://service.example.cn/portal/tickets/${ticket.id}` }]);
  const message = await messageEntry(ticket.id, messageId);
  assert.equal(message.deliveryStatus, 'sent');
  assert.equal(message.meta.smsNotice.to, '+8613800138101');

  // The event's job again (a retry) sends nothing more: one notice per reply.
  await t.database.transaction((tx) => tx.execute(sql`update jobs set state = 'pending', run_at = now() where type = 'sms.ticket_notice' and payload->>'messageId' = ${messageId}`));
  await t.drain();
  assert.equal(aliyun.sent.length, before + 1);
});

test('no SMS for a requester with an email or a chat identity, for an internal note, or for a landline', async () => {
  await mobileCustomer(t, '13800138102', '孙女士', [{ kind: 'email', value: 'sun@example.cn' }]);
  await mobileCustomer(t, '13800138103', '李先生', [{ kind: 'wechat_openid', value: 'oWechatOpenid0000000000000001' }]);
  await mobileCustomer(t, '0755-8888 6601', '周经理');
  await mobileCustomer(t, '13800138104', '吴女士');
  const before = aliyun.sent.length;
  for (const phone of ['13800138102', '13800138103', '0755-8888 6601']) await reply((await phoneTicket(phone)).id);
  await reply((await phoneTicket('13800138104')).id, '内部备注', { internal: true });
  await t.drain();
  assert.equal(aliyun.sent.length, before);
});

test('a second reply within 60 s is held back by the per-number limit, not sent at once', async () => {
  await mobileCustomer(t, '13800138105', '郑先生');
  const ticket = await phoneTicket('13800138105');
  const before = aliyun.sent.length;
  await reply(ticket.id, '第一条回复');
  await t.drain();
  await reply(ticket.id, '第二条回复');
  await t.drain();
  assert.equal(aliyun.sent.length, before + 1);
  const [held] = await queryRows<{ due_in: number; payload: Json }>(t.database.db, sql`select extract(epoch from run_at - now())::float as due_in, payload from jobs where type = 'sms.ticket_notice_later' and state = 'pending'`);
  assert.ok(held, 'a later notice is scheduled');
  assert.equal(held.payload.ticketId, ticket.id);
  assert.ok(held.due_in > 0 && held.due_in <= 60, `due when the number has room again (in ${held.due_in} s)`);

  clock.advanceMinutes(1);
  await t.database.transaction((tx) => tx.execute(sql`update jobs set run_at = now() where type = 'sms.ticket_notice_later' and state = 'pending'`));
  await t.drain();
  assert.equal(aliyun.sent.length, before + 2, 'the held notice goes once the minute has passed');
});

test('a vendor that is down: the timeline shows the failure and that it will retry; the retry sends it and shows sent', async () => {
  await mobileCustomer(t, '13800138106', '冯女士');
  const ticket = await phoneTicket('13800138106');
  aliyun.refuseNext('isp.SYSTEM_ERROR', '系统错误');
  const before = aliyun.sent.length;
  const messageId = await reply(ticket.id);
  await t.drain();
  let message = await messageEntry(ticket.id, messageId);
  assert.equal(message.deliveryStatus, 'failed');
  assert.match(message.deliveryError, /短信服务商暂时无法访问.*稍后自动重试/);
  assert.equal(aliyun.sent.length, before);

  await t.database.transaction((tx) => tx.execute(sql`update jobs set run_at = now() where type = 'sms.ticket_notice' and state = 'pending'`));
  await t.drain();
  message = await messageEntry(ticket.id, messageId);
  assert.equal(message.deliveryStatus, 'sent');
  assert.equal(aliyun.sent.length, before + 1);
});

test('a refusal that needs a person (an unapproved template) ends as failed with the reason, without retrying', async () => {
  await mobileCustomer(t, '13800138107', '陈先生');
  const ticket = await phoneTicket('13800138107');
  aliyun.refuseNext('isv.SMS_TEMPLATE_ILLEGAL', '模板不合法');
  const messageId = await reply(ticket.id);
  await t.drain();
  const message = await messageEntry(ticket.id, messageId);
  assert.equal(message.deliveryStatus, 'failed');
  assert.match(message.deliveryError, /短信模板不存在/);
  assert.doesNotMatch(message.deliveryError, /重试/);
  const pending = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from jobs where type = 'sms.ticket_notice' and state = 'pending'`);
  assert.equal(pending[0]!.n, 0);
});
