import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/database.js';
import { kfText, startWecomKit, type WecomKit } from './test-kit.js';

/**
 * Issue 16 §3, send_msg "within the vendor's session rules": 微信客服 lets the API send only while a
 * customer's session is 未处理 or 由智能助手接待. A reply to a customer whom a person serves in WeCom,
 * who is queued for a person or whose session ended is refused (95018); the delivery fails at once,
 * not retried, with what happened and what the agent can do, in zh-CN and en.
 */
let kit: WecomKit;
before(async () => {
  kit = await startWecomKit();
});
after(() => kit.close());

const now = () => kit.nowSeconds();
let tokens = 0;
let msgids = 0;

/** The customer writes (a sync_msg item behind a callback) and the app files it. */
async function customerWrites(externalUserId: string, content: string): Promise<void> {
  kit.fake.customerWrites(kfText(`msg-session-${++msgids}`, externalUserId, content, now()));
  assert.equal((await kit.notify(`session-token-${++tokens}`)).statusCode, 200);
  await kit.t.drain();
}

async function reply(externalUserId: string, body: string): Promise<{ deliveryStatus: string; deliveryError: string | null }> {
  const ticket = await kit.ticketOf(externalUserId);
  const created = await kit.t.api('POST', `/api/v1/tickets/${ticket.id}/messages`, { body: { body } });
  assert.equal(created.statusCode, 201, created.body);
  await kit.t.drain();
  const timeline = await kit.t.api('GET', `/api/v1/tickets/${ticket.id}/timeline`, { query: { limit: 200 } });
  const message = (timeline.data.items as Array<{ message?: { id: string; deliveryStatus: string; deliveryError: string | null } }>).find((e) => e.message?.id === created.data.id)!.message!;
  return { deliveryStatus: message.deliveryStatus, deliveryError: message.deliveryError };
}

const sendAttempts = (content: string) => kit.fake.calls.filter((c) => c.path === '/cgi-bin/kf/send_msg' && (c.json?.text as { content?: string } | undefined)?.content === content).length;
const pendingDeliveries = async () => (await queryRows<{ n: number }>(kit.t.database.db, sql`select count(*)::int as n from jobs where type = 'wecom.deliver' and state <> 'done'`))[0]!.n;

test('a customer whom a person serves in WeCom: the reply fails at once with the reason and what to do, in both languages and with the code', async () => {
  await customerWrites('wmHuman', '我要找人工');
  kit.fake.setSessionState('wmHuman', 3);
  const refused = await reply('wmHuman', '您好，我们来处理');
  assert.equal(refused.deliveryStatus, 'failed');
  assert.match(refused.deliveryError ?? '', /企业微信拒绝发送.*转人工.*请在企业微信客户端里直接回复客户/);
  assert.match(refused.deliveryError ?? '', /a person took it over in WeCom.*Reply to the customer in the WeCom app/);
  assert.match(refused.deliveryError ?? '', /errcode 95018/);
  assert.equal(sendAttempts('您好，我们来处理'), 1, 'asked once: retrying cannot change the session');
  assert.equal(kit.fake.kfSent().filter((b) => b.touser === 'wmHuman').length, 0);
  assert.equal(await pendingDeliveries(), 0, 'no retry is queued');
});

test('queued for a person (2) is refused the same way; with the smart assistant (1) the reply goes', async () => {
  await customerWrites('wmQueued', '排队中');
  kit.fake.setSessionState('wmQueued', 2);
  const queued = await reply('wmQueued', '排队时的回复');
  assert.equal(queued.deliveryStatus, 'failed');
  assert.match(queued.deliveryError ?? '', /待接入池排队/);

  kit.fake.setSessionState('wmQueued', 1);
  assert.equal((await reply('wmQueued', '智能助手接待时的回复')).deliveryStatus, 'sent');
  assert.deepEqual(kit.fake.kfSent().at(-1)!.text, { content: '智能助手接待时的回复' });
});

test('an ended session (4) refuses the reply; once the customer writes again the next reply goes', async () => {
  await customerWrites('wmEnded', '谢谢');
  kit.fake.setSessionState('wmEnded', 4);
  const refused = await reply('wmEnded', '会话结束后的回复');
  assert.equal(refused.deliveryStatus, 'failed');
  assert.match(refused.deliveryError ?? '', /或等客户再次发消息后重新发送这条回复/);
  assert.match(refused.deliveryError ?? '', /send this reply again after the customer writes/);

  await customerWrites('wmEnded', '还有一个问题');
  assert.equal((await reply('wmEnded', '请讲')).deliveryStatus, 'sent');
});

test('a refusal that is not about the session keeps the vendor’s words', async () => {
  await customerWrites('wmClosed', '在吗');
  kit.fake.failNext('/cgi-bin/kf/send_msg', { errcode: 40058, errmsg: 'invalid parameter: touser, open_kfid' });
  const other = await reply('wmClosed', '另一条');
  assert.equal(other.deliveryStatus, 'failed');
  assert.equal(other.deliveryError, 'WeCom API error 40058: invalid parameter: touser, open_kfid');
});
