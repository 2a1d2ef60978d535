import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { ManualClock } from '../../app/clock.js';
import { assertProblem, createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { startSmtpSink, type SmtpSink } from '../portal/test-smtp-sink.js';
import { sendDueSurveys } from './send-due-surveys.js';
import { surveyLinksIn, tokenOf } from './survey-test-kit.js';

/**
 * CSAT end to end over HTTP with a real SMTP sink and a manual clock: a resolution schedules one
 * survey, the worker mails it when due, the customer rates by the signed link, a low rating opens
 * a 回访 ticket for someone other than the handler and mails the supervisor.
 */
const clock = new ManualClock('2026-12-01T09:00:00+08:00');
let t: TestApp;
let smtp: SmtpSink;
let lead: TestUser;
let handler: TestUser;
let teamId: string;
const customer = 'liu.customer@example.cn';

before(async () => {
  smtp = await startSmtpSink();
  t = await createTestApp({ OPENCSM_SMTP_URL: smtp.url, OPENCSM_PUBLIC_URL: 'https://csm.example.cn', OPENCSM_SECRET_KEY: randomBytes(32).toString('hex') }, { clock });
  lead = await t.user('supervisor', { name: '张主管' });
  handler = await t.user('agent', { name: '李客服' });
  teamId = await t.team('售后一组', [lead.id, handler.id]);
});
after(async () => {
  await t.close();
  await smtp.close();
});

async function resolvedTicket(body: Record<string, unknown> = {}): Promise<{ id: string; number: string }> {
  const ticket = await t.createTicket({ subject: '空调不制冷', description: '室外机不转', channel: 'email', requester: { name: '刘女士', email: customer }, teamId, assigneeId: handler.id, ...body });
  const res = await t.api('PATCH', `/api/v1/tickets/${ticket.id}`, { body: { status: 'resolved' }, ifMatch: ticket.version });
  assert.equal(res.statusCode, 200, res.body);
  await t.drain();
  return ticket;
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
/** A ticket's surveys as agents see them (the ticket panel), newest first; the first one must exist. */
const surveysOf = async (ticketId: string) => (await t.api('GET', `/api/v1/tickets/${ticketId}/surveys`)).data.items as [Json, ...Json[]];

describe('CSAT after a resolution', () => {
  let first: { id: string; number: string };
  let links: Map<number, string>;

  test('one survey per resolution, due after the delay: nothing is mailed before, one mail with a link per star after', async () => {
    first = await resolvedTicket();
    const [scheduled] = await surveysOf(first.id);
    assert.equal(scheduled.status, 'scheduled');
    assert.equal(new Date(scheduled.dueAt).getTime(), clock.now().getTime() + 60 * 60_000);
    assert.equal(smtp.mails.filter((m) => m.to === customer).length, 0);
    clock.advanceMinutes(61);
    await t.drain();
    const [sent] = await surveysOf(first.id);
    assert.equal(sent.status, 'delivered');
    assert.equal(sent.channel, 'email');
    links = surveyLinksIn(smtp, customer);
    assert.deepEqual([...links.keys()], [1, 2, 3, 4, 5]);
    assert.match(links.get(2)!, /^https:\/\/csm\.example\.cn\/survey\//);
    assert.equal(smtp.mails.filter((m) => m.to === customer).length, 1);
    assert.match(smtp.mails.at(-1)!.subject, new RegExp(first.number));
  });

  test('the customer rates 2 stars by the link, then comments once; the link does not answer twice', async () => {
    const token = tokenOf(links.get(2)!);
    const page = await t.api('GET', `/api/v1/survey-links/${token}`, { as: null });
    assert.equal(page.statusCode, 200, page.body);
    assert.deepEqual([page.data.kind, page.data.ticketNumber, page.data.answered], ['csat', first.number, false]);
    const answered = await t.api('POST', `/api/v1/survey-links/${token}/answer`, { as: null, body: { score: 2 } });
    assert.equal(answered.statusCode, 200, answered.body);
    assert.equal(answered.data.score, 2);
    assertProblem(await t.api('POST', `/api/v1/survey-links/${token}/answer`, { as: null, body: { score: 5 } }), 409, 'survey.link_used');
    const commented = await t.api('POST', `/api/v1/survey-links/${token}/comment`, { as: null, body: { comment: '等了三天才有人上门' } });
    assert.equal(commented.statusCode, 200, commented.body);
    assertProblem(await t.api('POST', `/api/v1/survey-links/${token}/comment`, { as: null, body: { comment: '改主意了' } }), 409, 'survey.link_used');
    const [survey] = await surveysOf(first.id);
    assert.deepEqual([survey.status, survey.score, survey.comment], ['answered', 2, '等了三天才有人上门']);
  });

  test('a low rating opens a 回访 ticket for someone other than the handler and mails the team\'s supervisor', async () => {
    await t.drain();
    const [survey] = await surveysOf(first.id);
    assert.ok(survey.followUpTicketId, 'a follow-up ticket is linked');
    const followUp = (await t.api('GET', `/api/v1/tickets/${survey.followUpTicketId}`)).data;
    assert.ok(followUp.tags.includes('回访'));
    assert.match(followUp.subject, new RegExp(`回访：${first.number}`));
    assert.equal(followUp.assignee?.id ?? followUp.assigneeId, lead.id);
    assert.notEqual(followUp.assignee?.id ?? followUp.assigneeId, handler.id);
    const notice = smtp.mails.find((m) => m.to === lead.email.toLowerCase());
    assert.ok(notice, 'the supervisor was mailed');
    assert.match(notice.subject, /差评提醒/);
    assert.match(notice.text, new RegExp(followUp.number));
    // The rating is on the ticket's timeline too.
    const timeline = await t.api('GET', `/api/v1/tickets/${first.id}/timeline`);
    assert.equal(timeline.statusCode, 200, timeline.body);
    assert.match(timeline.body, /survey_answered/);
    // … and in the customer 360.
    const contactId = survey.contactId;
    const mine = await t.api('GET', `/api/v1/contacts/${contactId}/surveys`, { as: handler });
    assert.deepEqual(mine.data.items.map((s: { score: number }) => s.score), [2]);
  });

  test('an altered link rates nothing: another survey\'s id under this signature is 404, so it cannot rate another ticket', async () => {
    clock.advanceMinutes(60 * 24 * 8); // past the cooldown
    const second = await resolvedTicket({ subject: '热水器漏水' });
    clock.advanceMinutes(61);
    await t.drain();
    const secondToken = tokenOf(surveyLinksIn(smtp, customer).get(5)!);
    const firstToken = tokenOf(links.get(2)!);
    const secondId = secondToken.slice(0, 36);
    const forged = secondId + firstToken.slice(36);
    assertProblem(await t.api('POST', `/api/v1/survey-links/${forged}/answer`, { as: null, body: { score: 1 } }), 404, 'survey.link_invalid');
    const tamperedExpiry = secondToken.replace(/_(\d+)_/, (_m, s) => `_${Number(s) + 86400}_`);
    assertProblem(await t.api('POST', `/api/v1/survey-links/${tamperedExpiry}/answer`, { as: null, body: { score: 1 } }), 404, 'survey.link_invalid');
    assert.equal((await surveysOf(second.id))[0].status, 'delivered', 'nothing was recorded on the other ticket');
    assertProblem(await t.api('POST', `/api/v1/survey-links/${secondToken}/answer`, { as: null, body: { score: 7 } }), 400, 'validation.failed');
  });

  test('a link expires: after its validity it is 410 and records nothing', async () => {
    const token = tokenOf(surveyLinksIn(smtp, customer).get(5)!);
    clock.advanceMinutes(60 * 24 * 15);
    assertProblem(await t.api('GET', `/api/v1/survey-links/${token}`, { as: null }), 410, 'survey.link_expired');
    assertProblem(await t.api('POST', `/api/v1/survey-links/${token}/answer`, { as: null, body: { score: 5 } }), 410, 'survey.link_expired');
  });
});

describe('when not to ask', () => {
  test('within the cooldown a second resolution of the same customer is skipped, counted, not sent', async () => {
    clock.advanceMinutes(60 * 24 * 30);
    await resolvedTicket({ subject: '第一次' });
    const again = await resolvedTicket({ subject: '第二次' });
    const [skipped] = await surveysOf(again.id);
    assert.deepEqual([skipped.status, skipped.reason], ['skipped', 'survey.skipped_cooldown']);
  });

  test('a ticket reopened before the survey went out cancels it', async () => {
    clock.advanceMinutes(60 * 24 * 30);
    const ticket = await resolvedTicket({ subject: '又坏了' });
    const current = (await t.api('GET', `/api/v1/tickets/${ticket.id}`)).data;
    assert.equal((await t.api('PATCH', `/api/v1/tickets/${ticket.id}`, { body: { status: 'open' }, ifMatch: current.version })).statusCode, 200);
    await t.drain();
    clock.advanceMinutes(120);
    await t.drain();
    const [cancelled] = await surveysOf(ticket.id);
    assert.deepEqual([cancelled.status, cancelled.reason], ['cancelled', 'survey.cancelled_reopened']);
  });

  test('two workers polling at once send a due survey once', async () => {
    clock.advanceMinutes(60 * 24 * 30);
    const ticket = await resolvedTicket({ subject: '并发发送', requester: { name: '并发', email: 'race@example.cn' } });
    clock.advanceMinutes(61);
    const source = sendDueSurveys(clock, t.context.surveyChannels, true);
    const handled = await Promise.all([source({ database: t.database, log: t.context.log }), source({ database: t.database, log: t.context.log })]);
    assert.equal(handled.reduce((a, b) => a + b, 0), 1, 'one of the two took the row');
    await t.drain();
    assert.equal(smtp.mails.filter((m) => m.to === 'race@example.cn').length, 1);
    assert.equal((await surveysOf(ticket.id))[0].status, 'delivered');
  });
});

describe('other channels', () => {
  test('a portal ticket is rated on the portal ticket page by its requester, nobody else', async () => {
    clock.advanceMinutes(60 * 24 * 30);
    const email = 'portal.user@example.cn';
    const ticket = await resolvedTicket({ channel: 'portal', requester: { name: '门户客户', email } });
    clock.advanceMinutes(61);
    await t.drain();
    const mark = smtp.mails.length;
    await t.api('POST', '/api/v1/portal/login-codes', { as: null, body: { email } });
    const code = await smtp.waitForCode(email, { after: mark });
    const session = await t.api('POST', '/api/v1/portal/sessions', { as: null, body: { email, code } });
    const cookie = `opencsm_portal=${session.cookies.find((c) => c.name === 'opencsm_portal')!.value}`;
    const headers = { cookie, 'sec-fetch-site': 'same-origin' };
    const open = await t.api('GET', `/api/v1/portal/tickets/${ticket.id}/survey`, { as: null, headers });
    assert.equal(open.statusCode, 200, open.body);
    assert.deepEqual([open.data.survey.kind, open.data.survey.answered], ['csat', false]);
    const rated = await t.api('POST', `/api/v1/portal/tickets/${ticket.id}/survey`, { as: null, headers, body: { score: 5, comment: '很快' } });
    assert.equal(rated.statusCode, 200, rated.body);
    assert.deepEqual([rated.data.survey.score, rated.data.survey.comment], [5, '很快']);
    assertProblem(await t.api('POST', `/api/v1/portal/tickets/${ticket.id}/survey`, { as: null, headers, body: { score: 1 } }), 409, 'survey.link_used');
    const [survey] = await surveysOf(ticket.id);
    assert.deepEqual([survey.channel, survey.status], ['portal', 'answered']);
    // Another customer's session sees no survey on this ticket.
    assert.equal((await t.api('GET', `/api/v1/portal/tickets/${ticket.id}/survey`, { as: null })).statusCode, 401);
  });

  test('a chat channel\'s ticket goes through the sender the channel registered (the seam for menu messages), with a signed choice per score', async () => {
    clock.advanceMinutes(60 * 24 * 30);
    const carried: Array<{ link: string; scores: readonly number[]; choices: ReadonlyArray<{ score: number; id: string }> }> = [];
    // DingTalk registers no sender of its own (WeChat and WeCom do: wechat-survey.test.ts, wecom-survey.test.ts).
    t.context.surveyChannels.register('dingtalk', async (_database, invitation) => {
      carried.push({ link: invitation.link, scores: invitation.scores, choices: invitation.choices });
      return { delivered: true };
    });
    const ticket = await resolvedTicket({ channel: 'dingtalk', requester: { name: '钉钉客户', email: 'wx@example.cn' } });
    clock.advanceMinutes(61);
    await t.drain();
    assert.equal(carried.length, 1);
    assert.deepEqual(carried[0]!.scores, [1, 2, 3, 4, 5]);
    assert.deepEqual(carried[0]!.choices.map((c) => c.score), [1, 2, 3, 4, 5]);
    for (const choice of carried[0]!.choices) assert.ok(choice.id.length <= 64 && /^[\w-]+$/.test(choice.id), choice.id);
    assert.equal(smtp.mails.filter((m) => m.to === 'wx@example.cn').length, 0, 'not mailed besides');
    const [survey] = await surveysOf(ticket.id);
    assert.deepEqual([survey.channel, survey.status], ['dingtalk', 'delivered']);
  });

  test('response rate per channel = answers ÷ surveys delivered', async () => {
    const stats = await t.api('GET', '/api/v1/surveys/stats', { as: lead, query: { kind: 'csat' } });
    assert.equal(stats.statusCode, 200, stats.body);
    const byChannel = Object.fromEntries(stats.data.responseRates.map((r: { channel: string }) => [r.channel, r]));
    assert.deepEqual(byChannel.email, { channel: 'email', delivered: 4, answered: 1, responseRate: 0.25 });
    assert.deepEqual(byChannel.portal, { channel: 'portal', delivered: 1, answered: 1, responseRate: 1 });
    assert.deepEqual(byChannel.dingtalk, { channel: 'dingtalk', delivered: 1, answered: 0, responseRate: 0 });
  });
});

describe('settings and permissions', () => {
  test('a supervisor changes the delay with If-Match; bad values name the field; agents may not', async () => {
    const read = await t.api('GET', '/api/v1/settings/surveys', { as: lead });
    assert.equal(read.statusCode, 200, read.body);
    assert.equal(read.data.csatDelayMinutes, 60);
    assertProblem(await t.api('PUT', '/api/v1/settings/surveys', { as: lead, body: { csatDelayMinutes: 5 } }), 428, 'survey_settings.if_match_required');
    const bad = await t.api('PUT', '/api/v1/settings/surveys', { as: lead, body: { lowRatingThreshold: 9 }, ifMatch: read.data.version });
    assertProblem(bad, 400, 'validation.failed');
    assert.equal(bad.data.errors[0].path, 'lowRatingThreshold');
    const saved = await t.api('PUT', '/api/v1/settings/surveys', { as: lead, body: { csatDelayMinutes: 5, lowRatingThreshold: 3 }, ifMatch: read.data.version });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.deepEqual([saved.data.csatDelayMinutes, saved.data.lowRatingThreshold], [5, 3]);
    assertProblem(await t.api('PUT', '/api/v1/settings/surveys', { as: lead, body: { csatDelayMinutes: 6 }, ifMatch: read.data.version }), 412, 'survey_settings.version_mismatch');
    for (const path of ['/api/v1/settings/surveys', '/api/v1/surveys', '/api/v1/surveys/stats']) assertProblem(await t.api('GET', path, { as: handler }), 403, 'auth.forbidden');
    assertProblem(await t.api('POST', '/api/v1/surveys', { as: handler, body: { kind: 'nps', contactId: '00000000-0000-7000-8000-000000000001' } }), 403, 'auth.forbidden');
    assert.equal((await t.api('GET', '/api/v1/surveys', { as: null })).statusCode, 401);
  });
});
