import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { ManualClock } from '../../app/clock.js';
import { createTestApp, type TestApp } from '../../app/test-app.js';
import { startSmtpSink, type SmtpSink } from '../portal/test-smtp-sink.js';
import { npsPeriod, sampled } from './plan-nps.js';
import { surveyLinksIn, tokenOf } from './survey-test-kit.js';

/**
 * NPS: a periodic survey per customer (not per ticket) — the tier rule, the quiet period after a
 * complaint, once per period, 0–10 and «为什么», NPS by tier — with a real SMTP sink and a manual clock.
 */
const clock = new ManualClock('2026-10-08T09:00:00+08:00');
let t: TestApp;
let smtp: SmtpSink;
const contacts: Record<string, string> = {};

before(async () => {
  smtp = await startSmtpSink();
  t = await createTestApp({ OPENCSM_SMTP_URL: smtp.url, OPENCSM_PUBLIC_URL: 'https://csm.example.cn', OPENCSM_SECRET_KEY: randomBytes(32).toString('hex') }, { clock });
  for (const key of ['gold', 'silver']) assert.equal((await t.api('POST', '/api/v1/customer-tiers', { body: { key, nameZh: key, nameEn: key, rank: key === 'gold' ? 1 : 2 } })).statusCode, 201);
  for (const [name, email, tierKey] of [['金卡甲', 'gold.a@example.cn', 'gold'], ['银卡乙', 'silver.b@example.cn', 'silver'], ['金卡丙', 'gold.c@example.cn', 'gold']] as const) {
    const res = await t.api('POST', '/api/v1/contacts', { body: { name, tierKey, identities: [{ kind: 'email', value: email }] } });
    assert.equal(res.statusCode, 201, res.body);
    contacts[email] = res.data.id;
  }
  const type = await t.api('POST', '/api/v1/ticket-types', { body: { key: 'complaint', label: { 'zh-CN': '投诉', en: 'Complaint' }, form: { sections: [], rules: [] } } });
  assert.equal(type.statusCode, 201, type.body);
  // 金卡丙 complains: the quiet period starts.
  await t.createTicket({ subject: '投诉：维修人员态度差', description: '…', type: 'complaint', requester: { email: 'gold.c@example.cn' } });
  await t.drain();
});
after(async () => {
  await t.close();
  await smtp.close();
});

const npsMails = (email: string) => smtp.mails.filter((m) => m.to === email && /推荐/.test(m.subject));

test('enabled for the gold tier: gold customers are asked once per period, the complaining one not, silver not', async () => {
  const current = await t.api('GET', '/api/v1/settings/surveys');
  const saved = await t.api('PUT', '/api/v1/settings/surveys', { body: { npsEnabled: true, npsTierKeys: ['gold'], npsIntervalDays: 90, npsQuietDaysAfterComplaint: 30 }, ifMatch: current.data.version });
  assert.equal(saved.statusCode, 200, saved.body);
  await t.drain();
  assert.equal(npsMails('gold.a@example.cn').length, 1);
  assert.equal(npsMails('silver.b@example.cn').length, 0, 'not in the tiers asked');
  assert.equal(npsMails('gold.c@example.cn').length, 0, 'quiet after the complaint');
  assert.deepEqual([...surveyLinksIn(smtp, 'gold.a@example.cn').keys()], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  clock.advanceMinutes(60 * 24 * 10);
  await t.drain();
  assert.equal(npsMails('gold.a@example.cn').length, 1, 'once per period');
});

test('the customer answers 9 and says why; NPS by tier counts a promoter', async () => {
  const token = tokenOf(surveyLinksIn(smtp, 'gold.a@example.cn').get(9)!);
  const answered = await t.api('POST', `/api/v1/survey-links/${token}/answer`, { as: null, body: { score: 9 } });
  assert.equal(answered.statusCode, 200, answered.body);
  assert.equal((await t.api('POST', `/api/v1/survey-links/${token}/comment`, { as: null, body: { comment: '响应快，师傅专业' } })).statusCode, 200);
  const stats = await t.api('GET', '/api/v1/surveys/stats', { query: { kind: 'nps', by: 'tier' } });
  assert.equal(stats.statusCode, 200, stats.body);
  assert.deepEqual(stats.data.groups, [{ key: 'gold', answered: 1, average: 9, csat: null, nps: 100, promoters: 1, passives: 0, detractors: 0 }]);
  assert.deepEqual(stats.data.responseRates, [{ channel: 'email', delivered: 1, answered: 1, responseRate: 1 }]);
  const mine = await t.api('GET', `/api/v1/contacts/${contacts['gold.a@example.cn']}/surveys`);
  assert.deepEqual(mine.data.items.map((s: { kind: string; score: number; comment: string }) => [s.kind, s.score, s.comment]), [['nps', 9, '响应快，师傅专业']]);
});

test('the next period asks again, the quiet period over', async () => {
  clock.advanceMinutes(60 * 24 * 85);
  await t.drain();
  assert.equal(npsMails('gold.a@example.cn').length, 2);
  assert.equal(npsMails('gold.c@example.cn').length, 1);
  assert.equal(npsMails('silver.b@example.cn').length, 0);
});

test('periods are fixed windows; sampling is stable per customer and period and near its share', () => {
  const period = npsPeriod(new Date('2026-12-06T00:00:00Z'), 90);
  assert.ok(period.start <= new Date('2026-12-06T00:00:00Z') && period.end > new Date('2026-12-06T00:00:00Z'));
  assert.equal(npsPeriod(new Date(period.end.getTime() - 1), 90).key, period.key);
  const ids = Array.from({ length: 2000 }, () => randomUUID());
  const picked = ids.filter((id) => sampled(id, period.key, 30));
  assert.ok(picked.length > 500 && picked.length < 700, `30 % of 2000: ${picked.length}`);
  assert.deepEqual(ids.filter((id) => sampled(id, period.key, 30)), picked, 'the same customers on every run');
});
