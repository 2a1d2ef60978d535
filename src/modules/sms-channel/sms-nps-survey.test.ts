import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { ManualClock } from '../../app/clock.js';
import { assertProblem, createTestApp, type TestApp } from '../../app/test-app.js';
import { startFakeAliyunSmsServer, type FakeAliyunSmsServer } from './fake-aliyun-sms-server.js';
import { aliyunKeys, aliyunSettings, askSmsCode, createSmsAccount, disableSmsAccount, signInBySms } from './sms-test-kit.js';

/**
 * NPS for customers reachable only by mobile (issue 17 §6): by SMS through the account's survey
 * template (the fake Alibaba server checks the signature), or — without an account or a survey
 * template — on the customer's own portal home, answered once there.
 */
const clock = new ManualClock('2026-10-08T09:00:00+08:00');
let t: TestApp;
let aliyun: FakeAliyunSmsServer;
let account: Json;
const ids: Record<string, string> = {};
let ip = 0;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

before(async () => {
  aliyun = await startFakeAliyunSmsServer({ ...aliyunKeys, clock });
  t = await createTestApp({ OPENCSM_PUBLIC_URL: 'https://csm.example.cn', OPENCSM_SECRET_KEY: randomBytes(32).toString('hex') }, { clock });
  assert.equal((await t.api('POST', '/api/v1/customer-tiers', { body: { key: 'gold', nameZh: '金卡', nameEn: 'Gold', rank: 1 } })).statusCode, 201);
  // Sign-in codes work; the account has no NPS survey template yet.
  account = await createSmsAccount(t, aliyunSettings(aliyun.endpoint));
  for (const [name, phone] of [['甲', '13800138301'], ['乙', '13800138302']] as const) await goldMobileCustomer(name, phone);
});
after(async () => {
  await t.close();
  await aliyun.close();
});

async function goldMobileCustomer(name: string, phone: string): Promise<void> {
  const res = await t.api('POST', '/api/v1/contacts', { body: { name, tierKey: 'gold', identities: [{ kind: 'phone', value: phone }] } });
  assert.equal(res.statusCode, 201, res.body);
  ids[phone] = res.data.id;
}

async function npsOf(phone: string): Promise<Json[]> {
  const res = await t.api('GET', '/api/v1/surveys', { query: { kind: 'nps', limit: 100 } });
  assert.equal(res.statusCode, 200, res.body);
  return (res.data.items as Json[]).filter((s) => s.contactId === ids[phone]);
}

async function portalHeaders(phone: string): Promise<Record<string, string>> {
  const address = `198.51.100.${++ip}`;
  assert.equal((await askSmsCode(t, phone, address)).statusCode, 202);
  await t.drain();
  const sms = aliyun.sent.filter((s) => s.phoneNumbers === phone && s.templateCode === 'SMS_460001').at(-1)!;
  const signedIn = await signInBySms(t, phone, (sms.templateParam as { code: string }).code, address);
  assert.equal(signedIn.statusCode, 200, signedIn.body);
  return { cookie: `opencsm_portal=${signedIn.cookies.find((c) => c.name === 'opencsm_portal')!.value}`, 'sec-fetch-site': 'same-origin' };
}

const surveySmsTo = (phone: string) => aliyun.sent.filter((s) => s.phoneNumbers === phone && s.templateCode === 'SMS_460003');

test('no survey template: the NPS goes to each customer\'s own portal home, is answered there once, and counts', async () => {
  const current = await t.api('GET', '/api/v1/settings/surveys');
  const saved = await t.api('PUT', '/api/v1/settings/surveys', { body: { npsEnabled: true, npsTierKeys: ['gold'], npsIntervalDays: 90 }, ifMatch: current.data.version });
  assert.equal(saved.statusCode, 200, saved.body);
  await t.drain();
  for (const phone of ['13800138301', '13800138302']) {
    const [survey] = await npsOf(phone);
    assert.deepEqual([survey!.channel, survey!.status, survey!.reason], ['portal', 'delivered', 'sms.survey_template_missing']);
  }
  assert.equal(aliyun.sent.filter((s) => s.templateCode !== 'SMS_460001').length, 0, 'no SMS without an approved survey template');

  const a = await portalHeaders('13800138301');
  const b = await portalHeaders('13800138302');
  const mine = await t.api('GET', '/api/v1/portal/nps', { as: null, headers: a });
  assert.equal(mine.statusCode, 200, mine.body);
  assert.deepEqual([mine.data.nps.survey.kind, mine.data.nps.survey.answered, mine.data.nps.survey.scores.length], ['nps', false, 11]);
  assert.equal(mine.data.nps.id, (await npsOf('13800138301'))[0]!.id);
  const theirs = await t.api('GET', '/api/v1/portal/nps', { as: null, headers: b });
  assert.equal(theirs.data.nps.id, (await npsOf('13800138302'))[0]!.id, 'each customer sees only their own');
  assertProblem(await t.api('POST', `/api/v1/portal/nps/${theirs.data.nps.id}`, { as: null, headers: a, body: { score: 0 } }), 404, 'survey.link_invalid');
  assert.equal((await t.api('GET', '/api/v1/portal/nps', { as: null })).statusCode, 401);

  const rated = await t.api('POST', `/api/v1/portal/nps/${mine.data.nps.id}`, { as: null, headers: a, body: { score: 9 } });
  assert.equal(rated.statusCode, 200, rated.body);
  assert.deepEqual([rated.data.nps.survey.answered, rated.data.nps.survey.score], [true, 9]);
  assertProblem(await t.api('POST', `/api/v1/portal/nps/${mine.data.nps.id}`, { as: null, headers: a, body: { score: 3 } }), 409, 'survey.link_used');
  const why = await t.api('POST', `/api/v1/portal/nps/${mine.data.nps.id}`, { as: null, headers: a, body: { comment: '师傅上门很准时' } });
  assert.equal(why.data.nps.survey.comment, '师傅上门很准时');
  assertProblem(await t.api('POST', `/api/v1/portal/nps/${mine.data.nps.id}`, { as: null, headers: a, body: { comment: '再说一次' } }), 409, 'survey.link_used');
  assert.equal((await t.api('GET', '/api/v1/portal/nps', { as: null, headers: a })).data.nps, null, 'answered: gone from the portal');
  assert.notEqual((await t.api('GET', '/api/v1/portal/nps', { as: null, headers: b })).data.nps, null, 'the other customer\'s is still open');

  const stats = await t.api('GET', '/api/v1/surveys/stats', { query: { kind: 'nps', by: 'tier' } });
  assert.deepEqual(stats.data.groups.map((g: Json) => [g.key, g.answered, g.promoters]), [['gold', 1, 1]]);
  assert.deepEqual(stats.data.responseRates, [{ channel: 'portal', delivered: 2, answered: 1, responseRate: 0.5 }]);
});

test('a survey template on the account: a mobile-only customer gets the NPS as one SMS whose link answers once', async () => {
  await disableSmsAccount(t, account.id);
  account = await createSmsAccount(t, aliyunSettings(aliyun.endpoint, { surveyTemplateId: 'SMS_460003' }));
  await goldMobileCustomer('丙', '13800138303');
  clock.advanceMinutes(60 * 24 * 91); // the next period
  await t.drain();
  const [sms, ...more] = surveySmsTo('13800138303');
  assert.equal(more.length, 0, 'one SMS');
  assert.equal(sms!.signName, '某某科技');
  const link = (sms!.templateParam as { link: string }).link;
  assert.match(link, /^https:\/\/csm\.example\.cn\/survey\/[\w.-]+$/);
  const [survey] = await npsOf('13800138303');
  assert.deepEqual([survey!.channel, survey!.status], ['sms', 'delivered']);

  const token = decodeURIComponent(new URL(link).pathname.split('/').at(-1)!);
  const page = await t.api('GET', `/api/v1/survey-links/${token}`, { as: null });
  assert.deepEqual([page.statusCode, page.data.kind, page.data.answered], [200, 'nps', false]);
  assert.equal((await t.api('POST', `/api/v1/survey-links/${token}/answer`, { as: null, body: { score: 10 } })).statusCode, 200);
  assertProblem(await t.api('POST', `/api/v1/survey-links/${token}/answer`, { as: null, body: { score: 2 } }), 409, 'survey.link_used');
  // Delivered by SMS, so not on the portal as well.
  assert.equal((await t.api('GET', '/api/v1/portal/nps', { as: null, headers: await portalHeaders('13800138303') })).data.nps, null);
});

test('a sandbox account records the survey SMS (the link in its parameters) instead of sending it, and it counts as delivered', async () => {
  await disableSmsAccount(t, account.id);
  account = await createSmsAccount(t, aliyunSettings(aliyun.endpoint, { surveyTemplateId: 'SMS_460003' }), { sandbox: true });
  await goldMobileCustomer('丁', '13800138304');
  const sentBefore = aliyun.sent.length;
  clock.advanceMinutes(60 * 24 * 91); // the next period
  await t.drain();
  assert.equal(aliyun.sent.length, sentBefore, 'nothing reaches the vendor');
  const [survey] = await npsOf('13800138304');
  assert.deepEqual([survey!.channel, survey!.status], ['sms', 'delivered']);
  const recorded = await t.api('GET', '/api/v1/channels/sms/sandbox-messages');
  const sms = (recorded.data.items as Json[]).filter((m) => m.phone === '+8613800138304');
  assert.equal(sms.length, 1);
  assert.deepEqual([sms[0]!.purpose, sms[0]!.templateId], ['notification', 'SMS_460003']);
  assert.match(sms[0]!.params.link, /^https:\/\/csm\.example\.cn\/survey\//);
});

test('no SMS account at all: the sender says so, permanently (which sends the survey to the portal, as above)', async () => {
  await disableSmsAccount(t, account.id);
  const sender = t.context.surveyChannels.senderFor('sms')!;
  const [survey] = await npsOf('13800138303');
  const outcome = await sender(t.database, { surveyId: survey!.id, kind: 'nps', contactId: ids['13800138303']!, ticketId: null, ticketNumber: null, ticketSubject: null, link: 'https://csm.example.cn/survey/x', scores: [], choices: [], locale: 'zh-CN' });
  assert.deepEqual(outcome, { delivered: false, reason: 'sms.survey_not_configured', permanent: true });
});
