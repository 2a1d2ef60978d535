import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertProblem, createTestApp, type TestApp } from '../../app/test-app.js';
import { startSmtpSink, type SmtpSink } from '../portal/test-smtp-sink.js';
import { fieldTeam, phoneReadingNear, step, upload, xiningSite, type FieldTeam } from './test-work-orders.js';

/**
 * The visit in the customer's portal (issue 20 §4): only the ticket's requester sees its visits —
 * window, engineer's name, status — and after completion downloads the service report and rates
 * the visit once, if the engineer's app did not take the rating on site.
 */
let t: TestApp;
let smtp: SmtpSink;
let team: FieldTeam;
const cookies: Record<string, string> = {};

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function signIn(email: string): Promise<string> {
  const mark = smtp.mails.length;
  await t.api('POST', '/api/v1/portal/login-codes', { as: null, body: { email } });
  const code = await smtp.waitForCode(email, { after: mark });
  const res = await t.api('POST', '/api/v1/portal/sessions', { as: null, body: { email, code } });
  assert.equal(res.statusCode, 200, res.body);
  return res.cookies.find((c) => c.name === 'opencsm_portal')!.value;
}

function portal(who: string, method: 'GET' | 'POST', url: string, body?: Json) {
  return t.api(method, url, { as: null, headers: { cookie: `opencsm_portal=${cookies[who]!}`, 'sec-fetch-site': 'same-origin' }, body });
}

before(async () => {
  smtp = await startSmtpSink();
  t = await createTestApp({ OPENCSM_SMTP_URL: smtp.url });
  team = await fieldTeam(t, '西宁服务站');
  for (const [who, email] of [['ma', 'ma@example.cn'], ['stranger', 'wu@example.cn']] as const) {
    assert.equal((await t.api('POST', '/api/v1/contacts', { body: { name: who === 'ma' ? '马先生' : '吴先生', identities: [{ kind: 'email', value: email }] } })).statusCode, 201);
    cookies[who] = await signIn(email);
  }
});
after(async () => {
  await t.close();
  await smtp.close();
});

test('the requester sees the visit, then downloads the report and rates it once; another customer sees nothing', async () => {
  const ticket = await t.createTicket({ subject: '空调不制冷', teamId: team.teamId, channel: 'phone', requester: { email: 'ma@example.cn' } }, { as: team.agent });
  const created = await t.api('POST', '/api/v1/work-orders', { as: team.agent, body: { ticketId: ticket.id, site: xiningSite, appointment: { start: '2026-12-09T01:00:00Z', end: '2026-12-09T03:00:00Z', agreed: true } } });
  assert.equal(created.statusCode, 201, created.body);
  const order = created.data;
  await step(t, team.supervisor, order.id, { type: 'dispatch', engineerId: team.engineer.id });

  const seen = await portal('ma', 'GET', `/api/v1/portal/tickets/${ticket.number}/visits`);
  assert.equal(seen.statusCode, 200, seen.body);
  assert.deepEqual(seen.data.items, [{
    id: order.id, number: order.number, status: 'dispatched', serviceType: { 'zh-CN': '维修', en: 'Repair' }, appointmentStart: '2026-12-09T01:00:00.000Z', appointmentEnd: '2026-12-09T03:00:00.000Z',
    engineerName: '西宁服务站 工程师甲', report: null, rating: null, canRate: false,
  }]);
  assert.ok(!seen.body.includes(team.engineer.id) && !seen.body.includes('13909'), 'no engineer id, no phone numbers');
  assertProblem(await portal('stranger', 'GET', `/api/v1/portal/tickets/${ticket.id}/visits`), 404, 'ticket.not_found');
  assert.equal((await t.api('GET', `/api/v1/portal/tickets/${ticket.id}/visits`, { as: null })).statusCode, 401);
  assertProblem(await portal('ma', 'POST', `/api/v1/portal/visits/${order.id}/rating`, { rating: 5 }), 409, 'work_order.not_ratable');

  await step(t, team.engineer, order.id, { type: 'accept' });
  const there = phoneReadingNear(xiningSite, 30);
  for (const type of ['depart', 'arrive']) await step(t, team.engineer, order.id, { type, ...there });
  await step(t, team.engineer, order.id, { type: 'start' });
  const signature = await upload(t, team.engineer, order.id, 'signature');
  await step(t, team.engineer, order.id, { type: 'report', report: { fault: '不制冷', cause: '电容损坏', action: '更换电容', parts: [], labourMinutes: 40, photoIds: [], signatureId: signature.data.id, rating: null } });
  await step(t, team.engineer, order.id, { type: 'finish', ...there });
  await t.drain();

  const done = (await portal('ma', 'GET', `/api/v1/portal/tickets/${ticket.id}/visits`)).data.items[0];
  assert.equal(done.status, 'completed');
  assert.equal(done.canRate, true);
  assert.equal(done.report.filename, `服务报告-${order.number}.pdf`);
  const pdf = await portal('ma', 'GET', `/api/v1/portal/attachments/${done.report.attachmentId}`);
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  assert.equal((await portal('stranger', 'GET', `/api/v1/portal/attachments/${done.report.attachmentId}`)).statusCode, 404);

  assert.equal(assertProblem(await portal('ma', 'POST', `/api/v1/portal/visits/${order.id}/rating`, { rating: 6 }), 400, 'validation.failed').errors![0]!.path, 'rating');
  assertProblem(await portal('stranger', 'POST', `/api/v1/portal/visits/${order.id}/rating`, { rating: 1 }), 404, 'work_order.not_found');
  const rated = await portal('ma', 'POST', `/api/v1/portal/visits/${order.id}/rating`, { rating: 5 });
  assert.equal(rated.statusCode, 200, rated.body);
  assertProblem(await portal('ma', 'POST', `/api/v1/portal/visits/${order.id}/rating`, { rating: 1 }), 409, 'work_order.already_rated');
  const staff = await t.api('GET', `/api/v1/work-orders/${order.id}`, { as: team.supervisor });
  assert.equal(staff.data.report.rating, 5, 'the staff see the customer\'s rating');
  assert.equal((await portal('ma', 'GET', `/api/v1/portal/tickets/${ticket.id}/visits`)).data.items[0].canRate, false);
});
