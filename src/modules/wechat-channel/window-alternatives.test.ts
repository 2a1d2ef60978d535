import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { assertProblem } from '../../app/test-client.js';
import { queryRows } from '../../db/database.js';
import { startFakeAliyunSmsServer, type FakeAliyunSmsServer } from '../sms-channel/fake-aliyun-sms-server.js';
import { aliyunKeys, aliyunSettings, createSmsAccount, disableSmsAccount } from '../sms-channel/sms-test-kit.js';
import { startWechatKit, textXml, type WechatKit } from './test-kit.js';

/**
 * Issue 16 §2: outside WeChat's 48-hour window the reply plan offers what works — the account's
 * reply template (模板消息) and an SMS — and the reply endpoint sends by the way chosen, or refuses
 * it at `via` when it cannot go. Against the fake WeChat and Alibaba SMS servers.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const template = { templateId: 'TPL_reply_notice_0001', numberKey: 'character_string1', summaryKey: 'thing2', timeKey: 'time3' };
let kit: WechatKit;
let aliyun: FakeAliyunSmsServer;

before(async () => {
  kit = await startWechatKit({ env: { OPENCSM_PUBLIC_URL: 'https://service.example.cn/' } });
  kit.fake.addTemplate(template.templateId, ['character_string1', 'thing2', 'time3']);
  aliyun = await startFakeAliyunSmsServer({ ...aliyunKeys, clock: kit.clock });
});
after(async () => {
  await kit.close();
  await aliyun.close();
});

const now = () => Math.floor(kit.clock.now().getTime() / 1000);

async function setTemplate(value: Record<string, unknown> | null) {
  const account = await kit.t.api('GET', `/api/v1/channels/wechat/accounts/${kit.accountId}`);
  return kit.t.api('PATCH', `/api/v1/channels/wechat/accounts/${kit.accountId}`, { body: { settings: { replyTemplate: value } }, ifMatch: account.data.version });
}

/** A WeChat ticket of a new follower, whose message opened the window now. */
async function followerTicket(openid: string, msgId: string): Promise<Json> {
  await kit.post(textXml(openid, msgId, '热水器漏水，上次说会回电', now()));
  await kit.t.drain();
  const contact = await kit.t.api('GET', '/api/v1/contacts/lookup', { query: { kind: 'wechat_openid', value: openid } });
  const list = await kit.t.api('GET', '/api/v1/tickets', { query: { requesterId: contact.data.id } });
  return { ...list.data.items[0], contactId: contact.data.id };
}

async function lastMessage(ticketId: string): Promise<Json> {
  const res = await kit.t.api('GET', `/api/v1/tickets/${ticketId}/timeline`, { query: { limit: 200 } });
  const entries = (res.data.items as Json[]).filter((e) => e.message).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return entries.at(-1)!.message;
}

/** A 400 problem naming `path` (with `code` there, when given). */
function assertRefusedAt(res: Parameters<typeof assertProblem>[0], path: string, code?: string) {
  const problem = assertProblem(res, 400, 'validation.failed');
  const error = problem.errors?.find((e) => e.path === path);
  assert.ok(error, `${path} named: ${res.body}`);
  if (code) assert.equal(error.code, code, res.body);
}

const plan = async (ticketId: string) => (await kit.t.api('GET', `/api/v1/tickets/${ticketId}/reply-plan`)).data as Json;
const option = (p: Json, way: string): Json | undefined => (p.options as Json[]).find((o) => o.channel === way);
const reply = (ticketId: string, body: string, via?: string) => kit.t.api('POST', `/api/v1/tickets/${ticketId}/messages`, { body: { body, ...(via && { via }) } });

test('the reply template is an account setting; keys are checked at settings.replyTemplate.<field>', async () => {
  const bad = await setTemplate({ ...template, summaryKey: '{{thing2.DATA}}' });
  assertRefusedAt(bad, 'settings.replyTemplate.summaryKey');
  const twice = await setTemplate({ ...template, timeKey: 'thing2' });
  assertRefusedAt(twice, 'settings.replyTemplate.timeKey');
  const ok = await setTemplate(template);
  assert.equal(ok.statusCode, 200, ok.body);
  assert.deepEqual(ok.data.settings.replyTemplate, template);
});

test('inside the window a reply can go as the template: the vendor gets number, summary, time and the portal link; the window keeps its 5 messages', async () => {
  const ticket = await followerTicket('oTplInside', '9001');
  assert.equal(option(await plan(ticket.id), 'wechat_template'), undefined, 'inside the window the template is not offered');
  const res = await reply(ticket.id, '您好，师傅已安排明天上午九点到十点上门检修热水器，请保持电话畅通', 'wechat_template');
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.data.channel, 'wechat_template');
  await kit.t.drain();
  const body = kit.fake.templateSends().at(-1)!;
  assert.equal(body.touser, 'oTplInside');
  assert.equal(body.template_id, template.templateId);
  assert.equal(body.url, `https://service.example.cn/portal/tickets/${ticket.id}`);
  assert.equal(body.client_msg_id, res.data.id, 'a retry after a lost answer is not sent twice');
  const data = body.data as Record<string, { value: string }>;
  assert.equal(data.character_string1!.value, ticket.number);
  assert.equal(data.thing2!.value, '您好，师傅已安排明天上午九点到十点上门…', 'cut to the 20 characters a thing value takes');
  assert.match(data.time3!.value, /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
  assert.equal((await lastMessage(ticket.id)).deliveryStatus, 'sent');
  assert.equal(option(await plan(ticket.id), 'wechat')!.window.remainingMessages, 5);
});

test('outside the window the plan says why and offers the template; the reply goes as the template and the timeline says sent', async () => {
  const ticket = await followerTicket('oTplOutside', '9002');
  kit.clock.advanceMinutes(48 * 60 + 5);
  try {
    const p = await plan(ticket.id);
    assert.equal(p.preferredReady, false);
    assert.match(p.reason, /48 小时/);
    assert.equal(p.via, 'portal', 'an alternative is offered, never chosen for the agent');
    assert.deepEqual([option(p, 'wechat_template')?.ready, option(p, 'wechat_template')?.alternative], [true, true]);
    assert.equal(option(p, 'sms'), undefined, 'no mobile, no SMS account: no SMS offered');
    const res = await reply(ticket.id, '热水器配件已到，明天上门', 'wechat_template');
    assert.equal(res.statusCode, 201, res.body);
    await kit.t.drain();
    assert.equal(kit.fake.templateSends().at(-1)!.touser, 'oTplOutside');
    const message = await lastMessage(ticket.id);
    assert.equal(message.deliveryStatus, 'sent');
    const timeline = await kit.t.api('GET', `/api/v1/tickets/${ticket.id}/timeline`);
    assert.ok((timeline.data.items as Json[]).some((e) => e.type === 'delivery_changed' && e.newValue.status === 'sent' && e.newValue.channel === 'wechat_template'));
  } finally {
    kit.clock.advanceMinutes(-(48 * 60 + 5));
  }
});

test('an unknown template id ends as failed with the vendor reason (40037); a 5xx is retried with backoff', async () => {
  const ticket = await followerTicket('oTplVendor', '9003');
  kit.fake.failNext('/cgi-bin/message/template/send', { status: 502 }, 1);
  await reply(ticket.id, '先试一次', 'wechat_template');
  await kit.t.drain();
  assert.equal((await lastMessage(ticket.id)).deliveryStatus, 'queued', 'the first attempt failed and waits for its retry');
  await kit.t.database.transaction((tx) => tx.execute(sql`update jobs set run_at = now() where type = 'wechat.deliver_template' and state = 'pending'`));
  await kit.t.drain();
  assert.equal((await lastMessage(ticket.id)).deliveryStatus, 'sent');

  assert.equal((await setTemplate({ ...template, templateId: 'TPL_deleted_000001' })).statusCode, 200);
  await reply(ticket.id, '模板已删', 'wechat_template');
  await kit.t.drain();
  const failed = await lastMessage(ticket.id);
  assert.equal(failed.deliveryStatus, 'failed');
  assert.match(failed.deliveryError, /模板ID.*40037/s);
  assert.equal((await setTemplate(template)).statusCode, 200);
});

test('a way that cannot go is refused with a problem at via: no template, no mobile, no SMS account', async () => {
  const ticket = await followerTicket('oRefused', '9004');
  assert.equal((await setTemplate(null)).statusCode, 200);
  try {
    const noTemplate = await reply(ticket.id, '以模板回复', 'wechat_template');
    assertRefusedAt(noTemplate, 'via', 'wechat.template_not_configured');
    kit.clock.advanceMinutes(48 * 60 + 5);
    assert.equal(option(await plan(ticket.id), 'wechat_template'), undefined, 'not offered when not configured');
    kit.clock.advanceMinutes(-(48 * 60 + 5));
  } finally {
    assert.equal((await setTemplate(template)).statusCode, 200);
  }
  const noMobile = await reply(ticket.id, '短信回复', 'sms');
  assertRefusedAt(noMobile, 'via', 'sms.reply_no_mobile');
  const added = await kit.t.api('POST', `/api/v1/contacts/${ticket.contactId}/identities`, { body: { kind: 'phone', value: '13800138201' } });
  assert.equal(added.statusCode, 201, added.body);
  const noAccount = await reply(ticket.id, '短信回复', 'sms');
  assertRefusedAt(noAccount, 'via', 'sms.reply_not_configured');
  const count = await kit.t.api('GET', `/api/v1/tickets/${ticket.id}/timeline`);
  assert.ok(!(count.data.items as Json[]).some((e) => e.message?.body === '短信回复'), 'a refused reply is not stored');
});

test('with a mobile and an SMS account, outside the window the reply can go by SMS: the notice template with the number and link', async () => {
  const ticket = await followerTicket('oSmsReply', '9005');
  const added = await kit.t.api('POST', `/api/v1/contacts/${ticket.contactId}/identities`, { body: { kind: 'phone', value: '13800138202' } });
  assert.equal(added.statusCode, 201, added.body);
  const account = await createSmsAccount(kit.t, aliyunSettings(aliyun.endpoint));
  try {
    kit.clock.advanceMinutes(48 * 60 + 5);
    const p = await plan(ticket.id);
    assert.deepEqual([option(p, 'sms')?.ready, option(p, 'sms')?.to], [true, '+8613800138202']);
    const before = aliyun.sent.length;
    const res = await reply(ticket.id, '配件已寄出，单号见门户', 'sms');
    assert.equal(res.statusCode, 201, res.body);
    await kit.t.drain();
    const sent = aliyun.sent.slice(before);
    assert.equal(sent.length, 1);
    assert.deepEqual([sent[0]!.phoneNumbers, sent[0]!.templateCode, sent[0]!.templateParam], ['13800138202', 'SMS_460002', { number: ticket.number, link: `https://service.example.cn/portal/tickets/${ticket.id}` }]);
    const message = await lastMessage(ticket.id);
    assert.deepEqual([message.channel, message.deliveryStatus], ['sms', 'sent']);

    // Past the number's 60 s limit, a vendor that is down: failed "will retry" on the timeline, then sent by the retry.
    kit.clock.advanceMinutes(2);
    aliyun.refuseNext('isp.SYSTEM_ERROR', '系统错误');
    assert.equal((await reply(ticket.id, '第二条短信回复', 'sms')).statusCode, 201);
    await kit.t.drain();
    const failed = await lastMessage(ticket.id);
    assert.equal(failed.deliveryStatus, 'failed');
    assert.match(failed.deliveryError, /短信服务商暂时无法访问.*稍后自动重试/);
    await kit.t.database.transaction((tx) => tx.execute(sql`update jobs set run_at = now() where type = 'sms.reply' and state = 'pending'`));
    await kit.t.drain();
    assert.equal((await lastMessage(ticket.id)).deliveryStatus, 'sent');
    assert.equal(aliyun.sent.length, before + 2);
  } finally {
    kit.clock.advanceMinutes(-(48 * 60 + 7));
    await disableSmsAccount(kit.t, account.id);
  }
});

test('a sandbox account records the template message instead of sending it, and reports sent', async () => {
  const ticket = await followerTicket('oTplSandbox', '9006');
  const toSandbox = async (sandbox: boolean) => {
    const account = await kit.t.api('GET', `/api/v1/channels/wechat/accounts/${kit.accountId}`);
    assert.equal((await kit.t.api('PATCH', `/api/v1/channels/wechat/accounts/${kit.accountId}`, { body: { sandbox }, ifMatch: account.data.version })).statusCode, 200);
  };
  await toSandbox(true);
  try {
    const before = kit.fake.templateSends().length;
    assert.equal((await reply(ticket.id, '沙箱里的模板回复', 'wechat_template')).statusCode, 201);
    await kit.t.drain();
    const message = await lastMessage(ticket.id);
    assert.deepEqual([message.deliveryStatus, message.meta.wechat], ['sent', { sandbox: true, template: true }]);
    assert.equal(kit.fake.templateSends().length, before, 'nothing reached WeChat');
    const [row] = await queryRows<{ status: string; template: string }>(kit.t.database.db, sql`select status, request->>'template_id' as template from wechat_outbound where ticket_message_id = ${message.id}`);
    assert.deepEqual(row, { status: 'sandbox', template: template.templateId });
  } finally {
    await toSandbox(false);
  }
});
