import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { withFileNotice } from './deliver-reply.js';
import { cdata, startWechatKit, textXml, type WechatKit } from './test-kit.js';

let kit: WechatKit;
before(async () => {
  kit = await startWechatKit({ mode: 'safe' });
});
after(() => kit.close());

const now = () => Math.floor(kit.clock.now().getTime() / 1000);

async function ticketOf(openid: string): Promise<{ id: string; channel: string; requesterId: string }> {
  const contact = await kit.t.api('GET', '/api/v1/contacts/lookup', { query: { kind: 'wechat_openid', value: openid } });
  assert.equal(contact.statusCode, 200, contact.body);
  const list = await kit.t.api('GET', '/api/v1/tickets', { query: { requesterId: contact.data.id } });
  assert.equal(list.data.items.length, 1, list.body);
  return list.data.items[0];
}

async function messagesOf(ticketId: string): Promise<Array<{ body: string; channel: string; deliveryStatus: string | null; deliveryError: string | null; meta: Record<string, any>; attachments?: unknown[] }>> {
  const res = await kit.t.api('GET', `/api/v1/tickets/${ticketId}/timeline`, { query: { limit: 200 } });
  assert.equal(res.statusCode, 200, res.body);
  const entries = (res.data.items as Array<{ id: string; createdAt: string; message: any }>).filter((e) => e.message);
  return entries.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)).map((e) => e.message);
}

test('an encrypted text message becomes a WeChat ticket of a contact found by openid; a second message joins it', async () => {
  assert.deepEqual(await kit.post(textXml('oFollowerA', '1001', '我的订单还没发货', now()), { safe: true }), { statusCode: 200, body: 'success' });
  await kit.t.drain();
  const ticket = await ticketOf('oFollowerA');
  assert.equal(ticket.channel, 'wechat');
  await kit.post(textXml('oFollowerA', '1002', '单号 2026', now()), { safe: true });
  await kit.t.drain();
  const messages = await messagesOf(ticket.id);
  assert.deepEqual(messages.map((m) => m.body), ['我的订单还没发货', '单号 2026']);
  assert.equal(messages[1]!.meta.wechat.openid, 'oFollowerA');
});

test('a message encrypted for another AppID, or with a wrong msg_signature, is refused and not stored', async () => {
  assert.equal((await kit.post(textXml('oFollowerX', '1101', 'x', now()), { safe: true, appId: 'wx0000000000000000' })).statusCode, 403);
  await kit.t.drain();
  const contact = await kit.t.api('GET', '/api/v1/contacts/lookup', { query: { kind: 'wechat_openid', value: 'oFollowerX' } });
  assert.equal(contact.statusCode, 404);
});

test('image, voice (with its recognition), location, link and a menu click reach the ticket; media is downloaded into attachments', async () => {
  kit.fake.addMedia('MEDIA_IMG', Buffer.from('\x89PNG\r\n\x1a\n-fake-image'), 'image/png');
  const base = (type: string, extra: string, id: string) => `<xml><ToUserName>${cdata('gh_test')}</ToUserName><FromUserName>${cdata('oFollowerB')}</FromUserName><CreateTime>${now()}</CreateTime><MsgType>${cdata(type)}</MsgType>${extra}<MsgId>${id}</MsgId></xml>`;
  await kit.post(base('image', `<PicUrl>${cdata('http://mmbiz.qpic.cn/x')}</PicUrl><MediaId>${cdata('MEDIA_IMG')}</MediaId>`, '2001'), { safe: true });
  await kit.post(base('voice', `<MediaId>${cdata('MEDIA_GONE')}</MediaId><Format>${cdata('amr')}</Format><Recognition>${cdata('我想退货')}</Recognition>`, '2002'), { safe: true });
  await kit.post(base('location', `<Location_X>23.134521</Location_X><Location_Y>113.358803</Location_Y><Scale>20</Scale><Label>${cdata('广州市天河区')}</Label>`, '2003'), { safe: true });
  await kit.post(base('link', `<Title>${cdata('订单截图')}</Title><Description>${cdata('见链接')}</Description><Url>${cdata('https://example.com/o/1')}</Url>`, '2004'), { safe: true });
  const click = `<xml><ToUserName>${cdata('gh_test')}</ToUserName><FromUserName>${cdata('oFollowerB')}</FromUserName><CreateTime>${now() + 1}</CreateTime><MsgType>${cdata('event')}</MsgType><Event>${cdata('CLICK')}</Event><EventKey>${cdata('CONTACT_SERVICE')}</EventKey></xml>`;
  await kit.post(click, { safe: true });
  const subscribe = `<xml><ToUserName>${cdata('gh_test')}</ToUserName><FromUserName>${cdata('oFollowerC')}</FromUserName><CreateTime>${now()}</CreateTime><MsgType>${cdata('event')}</MsgType><Event>${cdata('subscribe')}</Event></xml>`;
  await kit.post(subscribe, { safe: true });
  await kit.t.drain();
  const ticket = await ticketOf('oFollowerB');
  const messages = await messagesOf(ticket.id);
  // Messages posted in one burst are processed in their jobs' order, not strictly by CreateTime.
  assert.deepEqual(messages.map((m) => m.body).sort(), ['[图片]', '[语音] 我想退货', '[位置] 广州市天河区（23.134521, 113.358803）', '[链接] 订单截图\n见链接\nhttps://example.com/o/1', '[点击菜单] CONTACT_SERVICE'].sort());
  assert.equal(messages.find((m) => m.body === '[图片]')!.attachments?.length, 1, 'the image was downloaded at once');
  assert.equal(messages.find((m) => m.body.startsWith('[语音]'))!.meta.wechat.recognition, '我想退货');
  const follower = await kit.t.api('GET', '/api/v1/contacts/lookup', { query: { kind: 'wechat_openid', value: 'oFollowerC' } });
  assert.equal(follower.statusCode, 404, 'a follow alone makes no contact and no ticket');
});

test('the reply plan shows the window; a reply goes out by the customer-service API, also after a 40001', async () => {
  const ticket = await ticketOf('oFollowerA');
  const plan = await kit.t.api('GET', `/api/v1/tickets/${ticket.id}/reply-plan`);
  assert.equal(plan.data.preferred, 'wechat');
  assert.equal(plan.data.via, 'wechat');
  const wechat = plan.data.options.find((o: { channel: string }) => o.channel === 'wechat');
  assert.equal(wechat.window.remainingMessages, 5);
  assert.equal(wechat.window.text, '回复窗口剩余 47 小时 · 还可发送 5 条');

  const reply = await kit.t.api('POST', `/api/v1/tickets/${ticket.id}/messages`, { body: { body: '您好，已为您加急处理' } });
  assert.equal(reply.statusCode, 201, reply.body);
  await kit.t.drain();
  assert.deepEqual(kit.fake.sent().at(-1), { touser: 'oFollowerA', msgtype: 'text', text: { content: '您好，已为您加急处理' } });

  // The token is refused once (another system refreshed it): evicted, a new one fetched, sent.
  kit.fake.failNext('/cgi-bin/message/custom/send', { errcode: 40001, errmsg: 'invalid credential' });
  const issued = kit.fake.tokensIssued();
  await kit.t.api('POST', `/api/v1/tickets/${ticket.id}/messages`, { body: { body: '第二条回复' } });
  await kit.t.drain();
  assert.equal(kit.fake.sent().at(-1)!.text && (kit.fake.sent().at(-1)!.text as { content: string }).content, '第二条回复');
  assert.equal(kit.fake.tokensIssued(), issued + 1, 'one forced refresh');
  const messages = await messagesOf(ticket.id);
  assert.deepEqual(messages.slice(-2).map((m) => m.deliveryStatus), ['sent', 'sent']);
  const after = await kit.t.api('GET', `/api/v1/tickets/${ticket.id}/reply-plan`);
  assert.equal(after.data.options.find((o: { channel: string }) => o.channel === 'wechat').window.remainingMessages, 3);
});

test('at most 5 messages in the window: the sixth is refused with the reason, and the plan offers the other ways', async () => {
  const ticket = await ticketOf('oFollowerA');
  for (const n of [3, 4, 5]) await kit.t.api('POST', `/api/v1/tickets/${ticket.id}/messages`, { body: { body: `回复 ${n}` } });
  await kit.t.drain();
  const plan = await kit.t.api('GET', `/api/v1/tickets/${ticket.id}/reply-plan`);
  assert.equal(plan.data.preferredReady, false);
  assert.match(plan.data.reason, /5 条客服消息/);
  assert.notEqual(plan.data.via, 'wechat');
  const forced = await kit.t.api('POST', `/api/v1/tickets/${ticket.id}/messages`, { body: { body: '第六条', via: 'wechat' } });
  assert.equal(forced.data.deliveryStatus, 'failed');
  assert.match(forced.data.deliveryError, /5 条客服消息/);
  const sentTexts = kit.fake.sent().filter((b) => b.touser === 'oFollowerA').length;
  assert.equal(sentTexts, 5);

  // The customer writes again: a new window with 5 messages.
  await kit.post(textXml('oFollowerA', '1003', '还在吗', now() + 60), { safe: true });
  await kit.t.drain();
  const again = await kit.t.api('GET', `/api/v1/tickets/${ticket.id}/reply-plan`);
  assert.equal(again.data.options.find((o: { channel: string }) => o.channel === 'wechat').window.remainingMessages, 5);
});

test('48 hours after the last message the window is closed: WeChat is refused with why, and what works is offered', async () => {
  const ticket = await ticketOf('oFollowerB');
  kit.clock.advanceMinutes(48 * 60 + 5);
  const plan = await kit.t.api('GET', `/api/v1/tickets/${ticket.id}/reply-plan`);
  assert.equal(plan.data.preferred, 'wechat');
  assert.equal(plan.data.preferredReady, false);
  assert.match(plan.data.reason, /48 小时/);
  assert.equal(plan.data.via, 'portal');
  kit.clock.advanceMinutes(-(48 * 60 + 5));
});

test('a vendor 5xx is retried with backoff and the timeline shows the final failure and its reason', async () => {
  await kit.post(textXml('oFollowerD', '3001', '发票问题', now()), { safe: true });
  await kit.t.drain();
  const ticket = await ticketOf('oFollowerD');
  kit.fake.failNext('/cgi-bin/message/custom/send', { status: 502 }, 1);
  await kit.t.api('POST', `/api/v1/tickets/${ticket.id}/messages`, { body: { body: '稍等' } });
  await kit.t.drain();
  assert.equal((await messagesOf(ticket.id)).at(-1)!.deliveryStatus, 'queued', 'the first attempt failed and waits for its retry');
  await kit.t.database.transaction((tx) => tx.execute(sql`update jobs set run_at = now() where type = 'wechat.deliver' and state = 'pending'`));
  await kit.t.drain();
  assert.equal((await messagesOf(ticket.id)).at(-1)!.deliveryStatus, 'sent');

  kit.fake.failNext('/cgi-bin/message/custom/send', { errcode: 45015, errmsg: 'response out of time limit' });
  await kit.t.api('POST', `/api/v1/tickets/${ticket.id}/messages`, { body: { body: '再次回复' } });
  await kit.t.drain();
  const last = (await messagesOf(ticket.id)).at(-1)!;
  assert.equal(last.deliveryStatus, 'failed');
  assert.match(last.deliveryError ?? '', /48 小时.*45015/s);
  const timeline = await kit.t.api('GET', `/api/v1/tickets/${ticket.id}/timeline`);
  assert.match(timeline.body, /delivery_changed/);
  assert.match(timeline.body, /45015/);
});

test('a reply with an image uploads it as media and sends it after the text; both count in the window', async () => {
  await kit.post(textXml('oFollowerE', '4001', '请发一下安装示意图', now()), { safe: true });
  await kit.t.drain();
  const ticket = await ticketOf('oFollowerE');
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  const boundary = '----opencsm-wechat-test';
  const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="示意图.png"\r\nContent-Type: image/png\r\n\r\n`), png, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  const upload = await kit.t.server.inject({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/attachments`, headers: { ...kit.t.admin.headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
  assert.equal(upload.statusCode, 201, upload.body);
  await kit.t.api('POST', `/api/v1/tickets/${ticket.id}/messages`, { body: { body: '示意图见下', attachmentIds: [upload.json().id] } });
  await kit.t.drain();
  const uploads = kit.fake.calls.filter((c) => c.path === '/cgi-bin/media/upload');
  assert.equal(uploads.length, 1);
  assert.equal(uploads[0]!.query.type, 'image');
  assert.ok(uploads[0]!.body.includes(png), 'the image bytes were uploaded');
  const toE = kit.fake.sent().filter((b) => b.touser === 'oFollowerE');
  assert.deepEqual(toE.map((b) => b.msgtype), ['text', 'image']);
  assert.match(String((toE[1]!.image as { media_id: string }).media_id), /^uploaded-/);
  const plan = await kit.t.api('GET', `/api/v1/tickets/${ticket.id}/reply-plan`);
  assert.equal(plan.data.options.find((o: { channel: string }) => o.channel === 'wechat').window.remainingMessages, 3);
});

test('a file WeChat cannot carry is named in the text with where to fetch it, not uploaded, and takes no place of its own', async () => {
  await kit.post(textXml('oFollowerF', '4101', '请发一下说明书', now()), { safe: true });
  await kit.t.drain();
  const ticket = await ticketOf('oFollowerF');
  const boundary = '----opencsm-wechat-file';
  const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="说明书.pdf"\r\nContent-Type: application/pdf\r\n\r\n`), Buffer.from('%PDF-1.4 manual'), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  const upload = await kit.t.server.inject({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/attachments`, headers: { ...kit.t.admin.headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
  assert.equal(upload.statusCode, 201, upload.body);
  const uploadsBefore = kit.fake.calls.filter((c) => c.path === '/cgi-bin/media/upload').length;
  await kit.t.api('POST', `/api/v1/tickets/${ticket.id}/messages`, { body: { body: '说明书见附件', attachmentIds: [upload.json().id] } });
  await kit.t.drain();
  const toF = kit.fake.sent().filter((b) => b.touser === 'oFollowerF');
  assert.deepEqual(toF.map((b) => b.msgtype), ['text']);
  assert.equal((toF[0]!.text as { content: string }).content, '说明书见附件\n\n附件「说明书.pdf」无法通过微信发送，请登录客户门户查看');
  assert.equal(kit.fake.calls.filter((c) => c.path === '/cgi-bin/media/upload').length, uploadsBefore, 'nothing uploaded');
  const reply = (await messagesOf(ticket.id)).at(-1)!;
  assert.equal(reply.deliveryStatus, 'sent');
  assert.deepEqual(reply.meta.wechat?.filesOnPortal, ['说明书.pdf']);
  const plan = await kit.t.api('GET', `/api/v1/tickets/${ticket.id}/reply-plan`);
  assert.equal(plan.data.options.find((o: { channel: string }) => o.channel === 'wechat').window.remainingMessages, 4);
  assert.equal(withFileNotice('见附件', ['a.pdf', 'b.xlsx'], 'https://csm.example.cn/portal/tickets/t1'), '见附件\n\n附件「a.pdf」、「b.xlsx」无法通过微信发送，请在客户门户查看：https://csm.example.cn/portal/tickets/t1');
});
