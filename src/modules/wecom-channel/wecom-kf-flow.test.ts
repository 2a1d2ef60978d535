import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/database.js';
import { kfItem, kfText, openKfId, startWecomKit, type WecomKit } from './test-kit.js';

let kit: WecomKit;
before(async () => {
  kit = await startWecomKit();
});
after(() => kit.close());

const now = () => kit.nowSeconds();
let tokens = 0;
const notify = () => kit.notify(`ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra${++tokens}`);

const messagesOf = (ticketId: string) => kit.messagesOf(ticketId);

const syncCalls = () => kit.fake.calls.filter((c) => c.path === '/cgi-bin/kf/sync_msg');

test('the callback is answered at once with nothing synced yet; its job pulls sync_msg with the token and files the message on a wecom ticket', async () => {
  kit.fake.customerWrites(kfText('msg-1001', 'wmCustomerA', '空调不制冷', now()));
  const answer = await notify();
  assert.deepEqual(answer, { statusCode: 200, body: '' });
  assert.equal(syncCalls().length, 0, 'the vendor is asked in the job, not before answering');
  await kit.t.drain();
  const ticket = await kit.ticketOf('wmCustomerA');
  assert.equal(ticket.channel, 'wecom');
  const [call] = syncCalls();
  assert.equal(call!.json!.token, `ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra${tokens}`);
  assert.equal(call!.json!.open_kfid, openKfId);
  assert.equal(call!.json!.cursor, undefined, 'the first sync starts without a cursor');

  kit.fake.customerWrites(kfText('msg-1002', 'wmCustomerA', '型号 KFR-35', now()));
  await notify();
  await kit.t.drain();
  assert.equal(syncCalls().at(-1)!.json!.cursor, 'c1', 'the next sync starts from the stored cursor');
  const messages = await messagesOf(ticket.id);
  assert.deepEqual(messages.map((m) => m.body), ['空调不制冷', '型号 KFR-35']);
  assert.equal(messages[1]!.meta.wecom.externalUserId, 'wmCustomerA');
});

test('has_more is followed, also across a page with an empty msg_list; a msgid the vendor returns twice is stored once', async () => {
  kit.fake.setPageSize(2);
  kit.fake.emptyPageNext();
  kit.fake.customerWrites(...['一', '二', '三', '四', '五'].map((n, i) => kfText(`msg-20${i}`, 'wmCustomerB', `第${n}条`, now())), kfText('msg-200', 'wmCustomerB', '第一条', now()));
  await notify();
  await kit.t.drain();
  const ticket = await kit.ticketOf('wmCustomerB');
  assert.deepEqual((await messagesOf(ticket.id)).map((m) => m.body).sort(), ['第一条', '第二条', '第三条', '第四条', '第五条'].sort());
  const [cursor] = await queryRows<{ cursor: string }>(kit.t.database.db, sql`select cursor from wecom_kf_cursors where open_kfid = ${openKfId}`);
  assert.equal(cursor!.cursor, 'c8', 'the cursor ends after the last page');
  kit.fake.setPageSize(1000);
});

test('a bad msg_signature, a message encrypted for another CorpID or a replayed nonce is refused and nothing is synced', async () => {
  const before = syncCalls().length;
  assert.equal((await kit.notify('tok-x', { corpId: 'ww0000000000000000' })).statusCode, 403);
  const first = await kit.notify('tok-y', { nonce: 'nonce-once' });
  assert.equal(first.statusCode, 200);
  const replay = await kit.notify('tok-z', { nonce: 'nonce-once' });
  assert.deepEqual(replay, { statusCode: 403, body: 'replayed' });
  const stale = await kit.notify('tok-w', { timestamp: now() - 6 * 60 });
  assert.deepEqual(stale, { statusCode: 403, body: 'stale' });
  await kit.t.drain();
  assert.equal(syncCalls().length, before + 1, 'only the good callback synced');
});

test('image (downloaded into attachments), file, voice, location, link; enter_session records the scene and makes no ticket message', async () => {
  kit.fake.addMedia('MEDIA_IMG', Buffer.from('\x89PNG\r\n\x1a\nkf-image'), 'image/png', 'photo.png');
  kit.fake.addMedia('MEDIA_FILE', Buffer.from('%PDF-1.4 invoice'), 'application/pdf', '发票.pdf');
  const t0 = now();
  kit.fake.customerWrites(
    { msgid: 'evt-3000', open_kfid: openKfId, send_time: t0, origin: 4, msgtype: 'event', event: { event_type: 'enter_session', open_kfid: openKfId, external_userid: 'wmCustomerC', scene: 'qr_shop_12', welcome_code: 'WELCOME' } },
    kfItem('msg-3001', 'wmCustomerC', 'image', { media_id: 'MEDIA_IMG' }, t0),
    kfItem('msg-3002', 'wmCustomerC', 'file', { media_id: 'MEDIA_FILE' }, t0),
    kfItem('msg-3003', 'wmCustomerC', 'voice', { media_id: 'MEDIA_GONE' }, t0),
    kfItem('msg-3004', 'wmCustomerC', 'location', { latitude: 23.134521, longitude: 113.358803, name: '天河城', address: '广州市天河区天河路208号' }, t0),
    kfItem('msg-3005', 'wmCustomerC', 'link', { title: '订单截图', desc: '见链接', url: 'https://example.com/o/1', pic_url: 'https://example.com/p.png' }, t0),
    { msgid: 'msg-3006', open_kfid: openKfId, external_userid: 'wmCustomerC', send_time: t0, origin: 5, servicer_userid: 'zhangsan', msgtype: 'text', text: { content: '客服在企业微信里回的' } },
  );
  await notify();
  await kit.t.drain();
  const ticket = await kit.ticketOf('wmCustomerC');
  const messages = await messagesOf(ticket.id);
  assert.deepEqual(messages.map((m) => m.body).sort(), ['[图片]', '[文件]', '[语音]', '[位置] 天河城 广州市天河区天河路208号（23.134521, 113.358803）', '[链接] 订单截图\n见链接\nhttps://example.com/o/1'].sort());
  assert.deepEqual(messages.find((m) => m.body === '[图片]')!.attachments?.map((a) => a.filename), ['photo.png']);
  assert.deepEqual(messages.find((m) => m.body === '[文件]')!.attachments?.map((a) => a.filename), ['发票.pdf']);
  assert.equal(messages.find((m) => m.body === '[语音]')!.attachments?.length ?? 0, 0, 'expired media: the message stays without it');
  assert.equal(messages.find((m) => m.body.startsWith('[位置]'))!.meta.wecom.location.name, '天河城');
  const [customer] = await queryRows<{ scene: string; entered: boolean }>(kit.t.database.db, sql`select scene, entered_at is not null as entered from wecom_kf_customers where external_userid = 'wmCustomerC'`);
  assert.deepEqual(customer, { scene: 'qr_shop_12', entered: true });
});

test('the reply plan shows the 微信客服 window; a reply goes out through kf/send_msg, also after the token is refused', async () => {
  const ticket = await kit.ticketOf('wmCustomerA');
  const plan = await kit.t.api('GET', `/api/v1/tickets/${ticket.id}/reply-plan`);
  assert.equal(plan.data.preferred, 'wecom');
  assert.equal(plan.data.via, 'wecom');
  const option = plan.data.options.find((o: { channel: string }) => o.channel === 'wecom');
  assert.equal(option.window.remainingMessages, 5);
  assert.equal(option.window.text, '回复窗口剩余 47 小时 · 还可发送 5 条');

  const reply = await kit.t.api('POST', `/api/v1/tickets/${ticket.id}/messages`, { body: { body: '您好，师傅明天上午上门' } });
  assert.equal(reply.statusCode, 201, reply.body);
  await kit.t.drain();
  const sent = kit.fake.kfSent().at(-1)!;
  assert.deepEqual({ ...sent, msgid: undefined }, { touser: 'wmCustomerA', open_kfid: openKfId, msgid: undefined, msgtype: 'text', text: { content: '您好，师傅明天上午上门' } });
  assert.match(String(sent.msgid), /^[0-9a-f]{32}$/);

  kit.fake.failNext('/cgi-bin/kf/send_msg', { errcode: 42001, errmsg: 'access_token expired' });
  await kit.t.api('POST', `/api/v1/tickets/${ticket.id}/messages`, { body: { body: '第二条回复' } });
  await kit.t.drain();
  assert.deepEqual(kit.fake.kfSent().at(-1)!.text, { content: '第二条回复' });
  assert.deepEqual((await messagesOf(ticket.id)).slice(-2).map((m) => m.deliveryStatus), ['sent', 'sent']);
  const after = await kit.t.api('GET', `/api/v1/tickets/${ticket.id}/reply-plan`);
  assert.equal(after.data.options.find((o: { channel: string }) => o.channel === 'wecom').window.remainingMessages, 3);
});

test('at most 5 messages in the window: the sixth is refused with the reason; the customer writing again opens a new window', async () => {
  const ticket = await kit.ticketOf('wmCustomerA');
  for (const n of [3, 4, 5]) await kit.t.api('POST', `/api/v1/tickets/${ticket.id}/messages`, { body: { body: `回复 ${n}` } });
  await kit.t.drain();
  const plan = await kit.t.api('GET', `/api/v1/tickets/${ticket.id}/reply-plan`);
  assert.equal(plan.data.preferredReady, false);
  assert.match(plan.data.reason, /已发送 5 条/);
  const forced = await kit.t.api('POST', `/api/v1/tickets/${ticket.id}/messages`, { body: { body: '第六条', via: 'wecom' } });
  assert.equal(forced.data.deliveryStatus, 'failed');
  assert.match(forced.data.deliveryError, /已发送 5 条/);
  assert.equal(kit.fake.kfSent().filter((b) => b.touser === 'wmCustomerA').length, 5);

  kit.fake.customerWrites(kfText('msg-1003', 'wmCustomerA', '还在吗', now() + 60));
  await notify();
  await kit.t.drain();
  const again = await kit.t.api('GET', `/api/v1/tickets/${ticket.id}/reply-plan`);
  assert.equal(again.data.options.find((o: { channel: string }) => o.channel === 'wecom').window.remainingMessages, 5);
});

test('48 hours after the last message the window is closed and the plan says why', async () => {
  const ticket = await kit.ticketOf('wmCustomerB');
  kit.clock.advanceMinutes(48 * 60 + 5);
  try {
    const plan = await kit.t.api('GET', `/api/v1/tickets/${ticket.id}/reply-plan`);
    assert.equal(plan.data.preferred, 'wecom');
    assert.equal(plan.data.preferredReady, false);
    assert.match(plan.data.reason, /48 小时/);
    assert.notEqual(plan.data.via, 'wecom');
  } finally {
    kit.clock.advanceMinutes(-(48 * 60 + 5));
  }
});

test('a vendor 5xx is retried with backoff; a refusal ends as failed with its reason on the timeline; image and file go up as media', async () => {
  const ticket = await kit.ticketOf('wmCustomerC');
  kit.fake.failNext('/cgi-bin/kf/send_msg', { status: 502 });
  await kit.t.api('POST', `/api/v1/tickets/${ticket.id}/messages`, { body: { body: '稍等' } });
  await kit.t.drain();
  // The first attempt failed; its retry waits for the queue's backoff (~2 s, which a loaded machine may already have spent).
  assert.ok(['queued', 'sent'].includes((await messagesOf(ticket.id)).at(-1)!.deliveryStatus ?? ''));
  await kit.t.database.transaction((tx) => tx.execute(sql`update jobs set run_at = now() where type = 'wecom.deliver' and state = 'pending'`));
  await kit.t.drain();
  assert.equal((await messagesOf(ticket.id)).at(-1)!.deliveryStatus, 'sent');
  const attempts = kit.fake.calls.filter((c) => c.path === '/cgi-bin/kf/send_msg' && (c.json?.text as { content?: string } | undefined)?.content === '稍等');
  assert.equal(attempts.length, 2, 'one refused with 502, one accepted');
  assert.equal(new Set(attempts.map((c) => c.json!.msgid)).size, 1, 'the retry is the same message to WeCom (same msgid)');

  const boundary = '----opencsm-wecom-test';
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  const upload = async (filename: string, type: string, content: Buffer) => {
    const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`), content, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const res = await kit.t.server.inject({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/attachments`, headers: { ...kit.t.admin.headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().id as string;
  };
  const ids = [await upload('示意图.png', 'image/png', png), await upload('说明书.pdf', 'application/pdf', Buffer.from('%PDF-1.4 manual'))];
  await kit.t.api('POST', `/api/v1/tickets/${ticket.id}/messages`, { body: { body: '资料见下', attachmentIds: ids } });
  await kit.t.drain();
  const uploads = kit.fake.calls.filter((c) => c.path === '/cgi-bin/media/upload');
  assert.deepEqual(uploads.map((u) => u.query.type), ['image', 'file']);
  assert.ok(uploads[0]!.body.includes(png), 'the image bytes were uploaded');
  const toC = kit.fake.kfSent().filter((b) => b.touser === 'wmCustomerC');
  assert.deepEqual(toC.slice(-3).map((b) => b.msgtype), ['text', 'image', 'file']);

  kit.fake.failNext('/cgi-bin/kf/send_msg', { errcode: 40058, errmsg: 'invalid parameter: touser, open_kfid' });
  const refused = await kit.t.api('POST', `/api/v1/tickets/${ticket.id}/messages`, { body: { body: '再补充一句' } });
  await kit.t.drain();
  const last = (await messagesOf(ticket.id)).find((m) => m.id === refused.data.id)!;
  assert.equal(last.deliveryStatus, 'failed');
  assert.match(last.deliveryError ?? '', /40058/);
});
