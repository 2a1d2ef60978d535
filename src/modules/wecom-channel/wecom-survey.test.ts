import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { kfText, openKfId, startWecomKit, type WecomKit } from './test-kit.js';

/**
 * CSAT through 微信客服: a resolved WeCom ticket's survey is a kf/send_msg menu message (click
 * items per score, a view item with the link), a click comes back from sync_msg as a text with
 * `menu_id` and answers like the signed link — once, for the survey's own customer only — a
 * customer whose session window has closed is not sent one, and msg_send_fail marks the send it
 * names failed on the ticket's timeline.
 */
let kit: WecomKit;
before(async () => {
  kit = await startWecomKit({ env: { OPENCSM_PUBLIC_URL: 'https://csm.example.cn', OPENCSM_SECRET_KEY: randomBytes(32).toString('hex') } });
});
after(() => kit.close());

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const now = () => kit.nowSeconds();
let serial = 0;
const notify = async () => {
  await kit.notify(`ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFm${++serial}`);
  await kit.t.drain();
};
const say = async (user: string, content: string) => {
  kit.fake.customerWrites(kfText(`msg-survey-${++serial}`, user, content, now()));
  await notify();
};
/** What sync_msg returns when the customer clicks a menu item: a text with the item's content and its `menu_id`. */
const click = async (user: string, item: { id: string; content: string }) => {
  kit.fake.customerWrites({ ...kfText(`msg-click-${++serial}`, user, item.content, now()), text: { content: item.content, menu_id: item.id } });
  await notify();
};

async function ticketsOf(user: string): Promise<Json[]> {
  const contact = await kit.t.api('GET', '/api/v1/contacts/lookup', { query: { kind: 'wecom_external_userid', value: user } });
  assert.equal(contact.statusCode, 200, contact.body);
  return (await kit.t.api('GET', '/api/v1/tickets', { query: { requesterId: contact.data.id } })).data.items;
}
async function timelineOf(ticketId: string): Promise<Json[]> {
  const res = await kit.t.api('GET', `/api/v1/tickets/${ticketId}/timeline`, { query: { limit: 200 } });
  assert.equal(res.statusCode, 200, res.body);
  return res.data.items;
}
const surveyOf = async (ticketId: string): Promise<Json> => (await kit.t.api('GET', `/api/v1/tickets/${ticketId}/surveys`)).data.items[0];
const menusTo = (user: string) => kit.fake.kfSent().filter((m) => m.touser === user && m.msgtype === 'msgmenu') as Json[];
const clicksOf = (menu: Json): Array<{ id: string; content: string }> => menu.msgmenu.list.filter((i: Json) => i.type === 'click').map((i: Json) => i.click);

async function resolvedTicketOf(user: string, options: { hoursBeforeResolving?: number } = {}): Promise<Json> {
  await say(user, '洗衣机漏水');
  const [ticket] = await ticketsOf(user);
  kit.clock.advanceMinutes((options.hoursBeforeResolving ?? 0) * 60);
  const resolved = await kit.t.api('PATCH', `/api/v1/tickets/${ticket!.id}`, { body: { status: 'resolved' }, ifMatch: ticket!.version });
  assert.equal(resolved.statusCode, 200, resolved.body);
  await kit.t.drain();
  kit.clock.advanceMinutes(61);
  await kit.t.drain();
  return (await kit.t.api('GET', `/api/v1/tickets/${ticket!.id}`)).data;
}

let first: Json;
let menu: Json;

test('a resolved WeCom ticket\'s survey is a kf menu message: a click item per score with a signed id of at most 64 bytes, and a view item with the link', async () => {
  first = await resolvedTicketOf('wmRaterA');
  const menus = menusTo('wmRaterA');
  assert.equal(menus.length, 1);
  menu = menus[0]!;
  assert.equal(menu.open_kfid, openKfId);
  assert.match(menu.msgid, /^[0-9a-f]{32}$/);
  assert.match(menu.msgmenu.head_content, new RegExp(first.number));
  const clicks = clicksOf(menu);
  assert.deepEqual(clicks.map((c) => c.content), ['1 分 · 非常不满意', '2 分 · 不满意', '3 分 · 一般', '4 分 · 满意', '5 分 · 非常满意']);
  for (const c of clicks) assert.ok(Buffer.byteLength(c.id) <= 64, c.id);
  const view = menu.msgmenu.list.find((i: Json) => i.type === 'view');
  assert.match(view.view.url, /^https:\/\/csm\.example\.cn\/survey\//);
  assert.equal(view.view.content, '评分并留言');
  assert.deepEqual([(await surveyOf(first.id)).channel, (await surveyOf(first.id)).status], ['wecom', 'delivered']);
});

test('clicking 2 records score 2 and opens the follow-up; a replayed or later click answers nothing more; no message, the ticket stays resolved', async () => {
  const messages = (await timelineOf(first.id)).filter((e) => e.message).length;
  const tickets = (await ticketsOf('wmRaterA')).length;
  await click('wmRaterA', clicksOf(menu)[1]!);
  const survey = await surveyOf(first.id);
  assert.deepEqual([survey.status, survey.score], ['answered', 2]);
  assert.ok(survey.followUpTicketId, 'the low rating opened a 回访 ticket');
  await click('wmRaterA', clicksOf(menu)[1]!);
  await click('wmRaterA', clicksOf(menu)[4]!);
  assert.equal((await surveyOf(first.id)).score, 2);
  const timeline = await timelineOf(first.id);
  assert.equal(timeline.filter((e) => e.message).length, messages, 'clicks are not customer messages');
  assert.deepEqual(timeline.filter((e) => e.type === 'survey_answered').map((e) => e.newValue.score), [2]);
  assert.equal((await kit.t.api('GET', `/api/v1/tickets/${first.id}`)).data.status, 'resolved');
  assert.equal((await ticketsOf('wmRaterA')).length, tickets, 'no ticket opened by the clicks');
});

test('another customer clicking this survey\'s id, or a crafted id, answers nothing', async () => {
  const ticket = await resolvedTicketOf('wmRaterB');
  const clicks = clicksOf(menusTo('wmRaterB')[0]!);
  await say('wmRaterC', '我也要报修');
  await click('wmRaterC', clicks[4]!);
  await click('wmRaterB', { id: clicks[0]!.id.replace(/^s1-/, 's5-'), content: '5 分' });
  assert.equal((await surveyOf(ticket.id)).status, 'delivered');
  const [othersTicket] = await ticketsOf('wmRaterC');
  assert.equal((await timelineOf(othersTicket!.id)).filter((e) => e.message).length, 1);
});

test('a customer whose session window has closed is not sent the survey: it fails with the window\'s reason', async () => {
  const ticket = await resolvedTicketOf('wmRaterD', { hoursBeforeResolving: 47 });
  assert.equal(menusTo('wmRaterD').length, 0);
  const survey = await surveyOf(ticket.id);
  assert.deepEqual([survey.status, survey.reason], ['failed', 'wecom.window_closed']);
});

test('msg_send_fail marks the reply it names failed, with the reason, on the timeline', async () => {
  await say('wmRaterE', '请问几点上门');
  const [ticket] = await ticketsOf('wmRaterE');
  const reply = await kit.t.api('POST', `/api/v1/tickets/${ticket!.id}/messages`, { body: { body: '下午两点' } });
  assert.equal(reply.statusCode, 201, reply.body);
  await kit.t.drain();
  const sent = kit.fake.kfSent().filter((m) => m.touser === 'wmRaterE').at(-1)!;
  const messageOf = async () => (await timelineOf(ticket!.id)).find((e) => e.message?.body === '下午两点')!.message;
  assert.equal((await messageOf()).deliveryStatus, 'sent');
  kit.fake.customerWrites({ msgid: `evt-${++serial}`, open_kfid: openKfId, send_time: now(), origin: 4, msgtype: 'event', event: { event_type: 'msg_send_fail', open_kfid: openKfId, external_userid: 'wmRaterE', fail_msgid: sent.msgid, fail_type: 10 } });
  await notify();
  const failed = await messageOf();
  assert.equal(failed.deliveryStatus, 'failed');
  assert.match(failed.deliveryError, /企业微信报告消息未送达：客户拒收 \/ WeCom reports the message was not delivered: the customer refused it/);
  const change = (await timelineOf(ticket!.id)).filter((e) => e.type === 'delivery_changed').at(-1)!;
  assert.deepEqual([change.oldValue, change.newValue.status], ['sent', 'failed']);
  // A msgid that is none of ours changes nothing.
  kit.fake.customerWrites({ msgid: `evt-${++serial}`, open_kfid: openKfId, send_time: now(), origin: 4, msgtype: 'event', event: { event_type: 'msg_send_fail', open_kfid: openKfId, external_userid: 'wmRaterE', fail_msgid: 'not-ours', fail_type: 6 } });
  await notify();
  assert.equal((await messageOf()).deliveryError, failed.deliveryError);
});
