import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { surveyMenuTexts } from './survey-menu.js';
import { cdata, startWechatKit, textXml, type WechatKit } from './test-kit.js';

/**
 * CSAT through the official account: a resolved WeChat ticket's survey goes out as a
 * customer-service menu message, a tapped score comes back as a text with `bizmsgmenuid` and
 * answers the survey like its signed link — once, for the survey's own follower only — and a
 * follower whose 48 h window has closed is not sent one.
 */
let kit: WechatKit;
before(async () => {
  kit = await startWechatKit({ env: { OPENCSM_PUBLIC_URL: 'https://csm.example.cn', OPENCSM_SECRET_KEY: randomBytes(32).toString('hex') } });
});
after(() => kit.close());

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const now = () => Math.floor(kit.clock.now().getTime() / 1000);
let msgIds = 7000;
const say = (openid: string, content: string) => kit.post(textXml(openid, String(++msgIds), content, now()));
/** What WeChat posts when the follower taps a menu option: a text whose Content is the option's and which carries its id. */
const tap = (openid: string, option: { id: string; content: string }) =>
  kit.post(textXml(openid, String(++msgIds), option.content, now()).replace('</xml>', `<bizmsgmenuid>${cdata(option.id)}</bizmsgmenuid></xml>`));

async function ticketsOf(openid: string): Promise<Json[]> {
  const contact = await kit.t.api('GET', '/api/v1/contacts/lookup', { query: { kind: 'wechat_openid', value: openid } });
  assert.equal(contact.statusCode, 200, contact.body);
  return (await kit.t.api('GET', '/api/v1/tickets', { query: { requesterId: contact.data.id } })).data.items;
}

async function timelineOf(ticketId: string): Promise<Json[]> {
  const res = await kit.t.api('GET', `/api/v1/tickets/${ticketId}/timeline`, { query: { limit: 200 } });
  assert.equal(res.statusCode, 200, res.body);
  return res.data.items;
}

const surveyOf = async (ticketId: string): Promise<Json> => (await kit.t.api('GET', `/api/v1/tickets/${ticketId}/surveys`)).data.items[0];
const menusTo = (openid: string) => kit.fake.sent().filter((m) => m.touser === openid && m.msgtype === 'msgmenu') as Json[];

/** The follower writes, an agent resolves the ticket, the survey comes due an hour later. */
async function resolvedTicketOf(openid: string, options: { hoursBeforeResolving?: number } = {}): Promise<Json> {
  await say(openid, '热水器不出热水');
  await kit.t.drain();
  const [ticket] = await ticketsOf(openid);
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

test('a resolved WeChat ticket\'s survey is delivered as a menu message: one option per score with a signed id, the link for a comment in the tail', async () => {
  first = await resolvedTicketOf('oRaterA');
  const menus = menusTo('oRaterA');
  assert.equal(menus.length, 1);
  menu = menus[0]!.msgmenu;
  assert.match(menu.head_content, new RegExp(`工单 ${first.number}「热水器不出热水」`));
  assert.deepEqual(menu.list.map((o: Json) => o.content), ['1 分 · 非常不满意', '2 分 · 不满意', '3 分 · 一般', '4 分 · 满意', '5 分 · 非常满意']);
  for (const option of menu.list) assert.match(option.id, /^s[1-5]-[0-9a-f]{32}-[\w-]{22}$/);
  assert.match(menu.tail_content, /https:\/\/csm\.example\.cn\/survey\/\S+/);
  const survey = await surveyOf(first.id);
  assert.deepEqual([survey.channel, survey.status], ['wechat', 'delivered']);
});

test('tapping 2 records score 2 as the link would and opens the low-rating follow-up; the tap is no message and the ticket stays resolved', async () => {
  const before = (await timelineOf(first.id)).filter((e) => e.message).length;
  await tap('oRaterA', menu.list[1]);
  await kit.t.drain();
  const survey = await surveyOf(first.id);
  assert.deepEqual([survey.status, survey.score], ['answered', 2]);
  assert.ok(survey.followUpTicketId, 'the low rating opened a 回访 ticket');
  const ticket = (await kit.t.api('GET', `/api/v1/tickets/${first.id}`)).data;
  assert.equal(ticket.status, 'resolved');
  const timeline = await timelineOf(first.id);
  assert.equal(timeline.filter((e) => e.message).length, before, 'the tap is not added as a customer message');
  const answers = timeline.filter((e) => e.type === 'survey_answered');
  assert.deepEqual(answers.map((e) => [e.newValue.score, e.newValue.low]), [[2, true]], 'the timeline shows the answer, once');
});

test('a replayed tap, or another score tapped later, answers nothing more and opens no ticket', async () => {
  const tickets = (await ticketsOf('oRaterA')).length;
  await tap('oRaterA', menu.list[1]);
  await tap('oRaterA', menu.list[4]);
  await kit.t.drain();
  const survey = await surveyOf(first.id);
  assert.deepEqual([survey.status, survey.score], ['answered', 2]);
  assert.equal((await ticketsOf('oRaterA')).length, tickets);
  assert.equal((await kit.t.api('GET', `/api/v1/tickets/${first.id}`)).data.status, 'resolved');
  assert.equal((await timelineOf(first.id)).filter((e) => e.type === 'survey_answered').length, 1);
});

test('a crafted id, or another follower tapping this survey\'s option, answers nothing; the survey\'s own follower still can', async () => {
  const ticket = await resolvedTicketOf('oRaterB');
  const [own] = menusTo('oRaterB');
  const options: Array<{ id: string; content: string }> = own!.msgmenu.list;
  await say('oRaterC', '我也有问题');
  await kit.t.drain();
  const [othersTicket] = await ticketsOf('oRaterC');
  await tap('oRaterC', options[4]!); // another customer with the id of B's 5
  await tap('oRaterB', { id: options[0]!.id.replace(/^s1-/, 's5-'), content: '5 分 · 非常满意' }); // the score altered
  await tap('oRaterB', { id: options[4]!.id.replace(/-[\w-]{22}$/, `-${'A'.repeat(22)}`), content: '5 分 · 非常满意' }); // the signature forged
  await kit.t.drain();
  assert.equal((await surveyOf(ticket.id)).status, 'delivered');
  assert.equal((await timelineOf(othersTicket!.id)).filter((e) => e.message).length, 1, 'the crafted taps are not messages on anyone\'s ticket');
  await tap('oRaterB', options[3]!);
  await kit.t.drain();
  assert.deepEqual([(await surveyOf(ticket.id)).status, (await surveyOf(ticket.id)).score], ['answered', 4]);
});

test('a follower whose 48-hour window has closed is not sent the survey: it fails with the window\'s reason', async () => {
  const ticket = await resolvedTicketOf('oRaterD', { hoursBeforeResolving: 47 });
  assert.equal(menusTo('oRaterD').length, 0);
  const survey = await surveyOf(ticket.id);
  assert.deepEqual([survey.status, survey.reason], ['failed', 'wechat.window_closed']);
});

test('the menu speaks the invitation\'s language: English head, options and tail for an English invitation', () => {
  const invitation = { surveyId: '00000000-0000-7000-8000-000000000001', kind: 'csat' as const, contactId: '00000000-0000-7000-8000-000000000002', ticketId: null, ticketNumber: '20261207-0001', ticketSubject: 'No hot water', link: 'https://csm.example.cn/survey/x', scores: [1, 2, 3, 4, 5], choices: [1, 2, 3, 4, 5].map((score) => ({ score, id: `s${score}-x` })), locale: 'en' as const };
  const texts = surveyMenuTexts(invitation);
  assert.equal(texts.head, 'Hello, your ticket 20261207-0001 "No hot water" has been handled. How satisfied are you with our service? Tap a score:');
  assert.deepEqual(texts.options.map((o) => o.content), ['1 · Very dissatisfied', '2 · Dissatisfied', '3 · Neutral', '4 · Satisfied', '5 · Very satisfied']);
  assert.deepEqual(texts.options.map((o) => o.id), ['s1-x', 's2-x', 's3-x', 's4-x', 's5-x']);
  assert.equal(texts.tail, 'You can also rate and leave a comment at https://csm.example.cn/survey/x');
  assert.equal(surveyMenuTexts({ ...invitation, link: '/survey/x' }).tail, 'Thank you for your feedback!', 'no link that could not be opened');
});
