import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { kfSendRefusal } from './fake-wecom-server.js';
import { kfReplyParts, replyLink, splitKfText } from './kf-reply-parts.js';
import { kfItem, kfText, startWecomKit, type WecomKit } from './test-kit.js';

let kit: WecomKit;
before(async () => {
  kit = await startWecomKit();
});
after(() => kit.close());

const now = () => kit.nowSeconds();
let tokens = 0;
const notify = () => kit.notify(`KINDS${++tokens}`);

const messagesOf = (ticketId: string) => kit.messagesOf(ticketId);

async function customerWith(externalUserId: string): Promise<string> {
  kit.fake.customerWrites(kfText(`open-${externalUserId}`, externalUserId, '你好', now()));
  await notify();
  await kit.t.drain();
  return (await kit.ticketOf(externalUserId)).id;
}

const sentTo = (externalUserId: string) => kit.fake.kfSent().filter((b) => b.touser === externalUserId);
const remaining = async (ticketId: string) => (await kit.t.api('GET', `/api/v1/tickets/${ticketId}/reply-plan`)).data.options.find((o: { channel: string }) => o.channel === 'wecom').window.remainingMessages;

test('send_msg bodies are judged as the published API judges them', () => {
  const base = { touser: 'wm1', open_kfid: 'wk1', msgid: 'a'.repeat(32) };
  const issued = new Set(['uploaded-1']);
  assert.equal(kfSendRefusal({ ...base, msgtype: 'text', text: { content: '好'.repeat(682) } }, issued), null, '2046 bytes');
  assert.equal(kfSendRefusal({ ...base, msgtype: 'text', text: { content: '好'.repeat(683) } }, issued)?.errcode, 45002, '2049 bytes');
  assert.equal(kfSendRefusal({ ...base, msgid: 'x'.repeat(33), msgtype: 'text', text: { content: 'hi' } }, issued)?.errcode, 40058);
  assert.equal(kfSendRefusal({ ...base, msgtype: 'link', link: { title: 'T', url: 'https://example.com', thumb_media_id: 'uploaded-1' } }, issued), null);
  assert.equal(kfSendRefusal({ ...base, msgtype: 'link', link: { title: 'T', url: 'https://example.com' } }, issued)?.errcode, 40007, 'the thumbnail is required');
  assert.equal(kfSendRefusal({ ...base, msgtype: 'link', link: { title: 'T', url: 'example.com', thumb_media_id: 'uploaded-1' } }, issued)?.errcode, 40058, 'the url needs its scheme');
  assert.equal(kfSendRefusal({ ...base, msgtype: 'image', image: { media_id: 'never-uploaded' } }, issued)?.errcode, 40007);
  assert.equal(kfSendRefusal({ ...base, msgtype: 'news', news: {} }, issued)?.errcode, 40008);
});

test('a reply is cut at 2048 bytes, at a line break when one fits; one link alone is a link card', () => {
  const long = `${'甲'.repeat(600)}\n${'乙'.repeat(600)}`;
  assert.deepEqual(splitKfText(long).map((p) => p.length), [600, 600], 'at the line break (1800 bytes fit, 3601 do not)');
  const unbroken = 'x'.repeat(5000);
  assert.deepEqual(splitKfText(unbroken).map((p) => Buffer.byteLength(p)), [2048, 2048, 904]);
  assert.ok(splitKfText('😀'.repeat(600)).every((p) => Buffer.byteLength(p) <= 2048 && !p.includes('\uFFFD')), 'never inside a character');
  assert.deepEqual(replyLink('退货流程: https://help.example.com/help/articles/returns'), { title: '退货流程', desc: 'help.example.com', url: 'https://help.example.com/help/articles/returns' });
  assert.deepEqual(replyLink('https://example.com/a'), { title: 'example.com', desc: 'example.com', url: 'https://example.com/a' });
  assert.equal(replyLink('请看 https://example.com/a 第二步'), null, 'a link inside text stays text');
  assert.equal(replyLink('退货流程: https://example.com/a\n谢谢'), null);
  assert.deepEqual(kfReplyParts({ body: 'https://example.com/a', attachments: [{ filename: 'a.png', contentType: 'image/png', size: 1, sha256: 'x' }] }).map((p) => p.msgtype), ['link', 'image']);
});

test('a help-centre article link goes out as a link card with an uploaded thumbnail, taking one place in the window', async () => {
  const ticketId = await customerWith('wmLink');
  const reply = await kit.t.api('POST', `/api/v1/tickets/${ticketId}/messages`, { body: { body: '退货流程: https://help.example.com/help/articles/returns' } });
  assert.equal(reply.statusCode, 201, reply.body);
  await kit.t.drain();
  const [card] = sentTo('wmLink');
  assert.equal(card!.msgtype, 'link');
  const link = card!.link as Record<string, string>;
  assert.deepEqual({ title: link.title, desc: link.desc, url: link.url }, { title: '退货流程', desc: 'help.example.com', url: 'https://help.example.com/help/articles/returns' });
  const thumb = kit.fake.calls.find((c) => c.path === '/cgi-bin/media/upload' && c.body.includes(Buffer.from('\x89PNG', 'latin1')) && c.query.type === 'image');
  assert.ok(thumb, 'the thumbnail was uploaded as an image');
  assert.match(link.thumb_media_id!, /^uploaded-/);
  assert.equal((await messagesOf(ticketId)).find((m) => m.id === reply.data.id)!.deliveryStatus, 'sent');
  assert.equal(await remaining(ticketId), 4);
});

test('a reply over 2048 bytes goes as several texts, each a place; one needing more places than are left fails with the reason and sends nothing', async () => {
  const ticketId = await customerWith('wmLong');
  const body = `${'请按以下步骤操作。'.repeat(70)}\n${'第二段说明。'.repeat(40)}`;
  const reply = await kit.t.api('POST', `/api/v1/tickets/${ticketId}/messages`, { body: { body } });
  await kit.t.drain();
  const texts = sentTo('wmLong').map((b) => (b.text as { content: string }).content);
  assert.equal(texts.length, 2);
  assert.ok(texts.every((t) => Buffer.byteLength(t) <= 2048));
  assert.equal(texts.join('\n'), body, 'cut at the line break, nothing lost');
  assert.equal(new Set(sentTo('wmLong').map((b) => b.msgid)).size, 2, 'each part its own msgid');
  assert.equal((await messagesOf(ticketId)).find((m) => m.id === reply.data.id)!.deliveryStatus, 'sent');
  assert.equal(await remaining(ticketId), 3);

  const tooLong = await kit.t.api('POST', `/api/v1/tickets/${ticketId}/messages`, { body: { body: 'x'.repeat(2048 * 3 + 1) } });
  await kit.t.drain();
  const failed = (await messagesOf(ticketId)).find((m) => m.id === tooLong.data.id)!;
  assert.equal(failed.deliveryStatus, 'failed');
  assert.match(failed.deliveryError ?? '', /要分 4 条消息发送/);
  assert.match(failed.deliveryError ?? '', /needs 4 messages/);
  assert.equal(sentTo('wmLong').length, 2, 'nothing more was sent');
  assert.equal(await remaining(ticketId), 3, 'and no place was taken');
});

test('mini programs, 视频号 products, orders and posts, chat records and notes read as text on the ticket, their facts in meta', async () => {
  const t0 = now();
  kit.fake.customerWrites(
    kfItem('kind-1', 'wmKinds', 'miniprogram', { title: '门店预约', appid: 'wx0123456789abcdef', pagepath: 'pages/book?id=7', thumb_media_id: 'THUMB' }, t0),
    kfItem('kind-2', 'wmKinds', 'channels_shop_product', { product_id: '10000017457793', head_image: 'https://example.com/p.jpg', title: '变频空调 1.5 匹', sales_price: '259900', shop_nickname: '某某电器旗舰店', shop_head_image: 'https://example.com/s.jpg' }, t0),
    kfItem('kind-3', 'wmKinds', 'channels_shop_order', { order_id: '3705115058471208928', product_titles: '变频空调 1.5 匹', price_wording: '¥2599.00', state: '待发货', image_url: 'https://example.com/o.jpg', shop_nickname: '某某电器旗舰店' }, t0),
    kfItem('kind-4', 'wmKinds', 'channels', { sub_type: 1, nickname: '某某电器', title: '空调清洗教程' }, t0),
    kfItem('kind-5', 'wmKinds', 'merged_msg', { title: '张三和客服的聊天记录', item: [{ send_time: t0, msgtype: 1, sender_name: '张三', msg_content: JSON.stringify({ msgtype: 'text', text: { content: '空调漏水' } }) }, { send_time: t0, msgtype: 2, sender_name: '张三', msg_content: JSON.stringify({ msgtype: 'image', image: { media_id: 'X' } }) }] }, t0),
    kfItem('kind-6', 'wmKinds', 'note', {}, t0),
  );
  await notify();
  await kit.t.drain();
  const messages = await messagesOf((await kit.ticketOf('wmKinds')).id);
  const byType = new Map(messages.map((m) => [m.meta.wecom.msgType as string, m]));
  assert.equal(byType.get('miniprogram')!.body, '[小程序] 门店预约 pages/book?id=7');
  assert.equal(byType.get('miniprogram')!.meta.wecom.miniprogram.appId, 'wx0123456789abcdef');
  assert.equal(byType.get('channels_shop_product')!.body, '[视频号商品] 变频空调 1.5 匹 · ¥2599.00 · 某某电器旗舰店\n商品 ID 10000017457793');
  assert.equal(byType.get('channels_shop_order')!.body, '[视频号订单] 3705115058471208928\n变频空调 1.5 匹 · ¥2599.00 · 待发货 · 某某电器旗舰店');
  assert.equal(byType.get('channels_shop_order')!.meta.wecom.order.state, '待发货');
  assert.equal(byType.get('channels')!.body, '[视频号动态] 某某电器：空调清洗教程');
  assert.equal(byType.get('merged_msg')!.body, '[聊天记录] 张三和客服的聊天记录\n张三：空调漏水\n张三：[image]');
  assert.match(byType.get('note')!.body, /^\[笔记\]/);
});
