/**
 * The field engineer's offline app at /m (issue 20 §3): a job reassigned while the engineer was
 * offline. In real Chromium at 360×740, against the real server: the queued step is refused by the
 * server, shown with the reason, kept across a reload and gone only when dismissed; and a rating
 * taken on the phone travels with the report. The app's whole happy path (sign-in, check-in,
 * offline report with photos and signature, sync exactly once) is walked in
 * e2e/field-service-scenario.e2e.test.ts.
 *
 *   node scripts/run-tests.mjs e2e/field-engineer-app.e2e.test.ts
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { chromiumPath, eventually, startHarness, type E2eUser, type Harness } from './harness.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };
// The engineer's phone (WGS-84) in 西宁市城中区.
const here = { latitude: 36.6171, longitude: 101.7782 };
let h: Harness;

type Detail = { id: string; number: string; status: string; steps: Array<{ type: string }> };

before(async () => {
  if (skip) return;
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

async function waiting(page: Page): Promise<number> {
  return Number(await page.getByTestId('m-waiting').getAttribute('data-count'));
}

test('a job reassigned while the engineer was offline: the queued step is refused, shown with the reason, and kept until dismissed', { skip, timeout: 120_000 }, async () => {
  const engineer = await h.user('field_engineer', '韩师傅');
  const other = await h.user('field_engineer', '刘师傅');
  const team = await h.team('城东上门服务组', [engineer.id, other.id]);
  const supervisor = await h.user('supervisor', '钱主管', [team]);
  const ticket = await h.api<{ id: string }>(h.users.admin, 'POST', '/api/v1/tickets', { channel: 'phone', subject: '热水器不点火', teamId: team, requester: { name: '王先生', phone: '13909710088' } });
  const order = await h.api<Detail>(supervisor, 'POST', '/api/v1/work-orders', { ticketId: ticket.id, teamId: team, site: { region: ['63', '6301', '630103'], street: '西宁市城中区北大街 6 号' } });
  await h.api(supervisor, 'POST', `/api/v1/work-orders/${order.id}/events`, { opId: randomUUID(), type: 'dispatch', engineerId: engineer.id, at: new Date().toISOString() });
  await h.api(engineer, 'POST', `/api/v1/work-orders/${order.id}/events`, { opId: randomUUID(), type: 'accept', at: new Date().toISOString() });

  const page = await h.newPage({ user: engineer, ...phone, geolocation: here, permissions: ['geolocation'] });
  await page.goto(`/m/jobs/${order.id}`);
  const status = page.getByTestId('m-job-page-status');
  await status.filter({ hasText: '已接单' }).waitFor();
  await page.context().setOffline(true);
  await page.getByTestId('m-step-depart').click();
  await status.filter({ hasText: '已出发' }).waitFor();
  assert.equal(await waiting(page), 1);
  // Meanwhile the supervisor gives the job to someone else.
  await h.api(supervisor, 'POST', `/api/v1/work-orders/${order.id}/events`, { opId: randomUUID(), type: 'dispatch', engineerId: other.id, at: new Date().toISOString() });

  await page.context().setOffline(false);
  const refused = page.getByTestId('m-refused-item');
  await refused.waitFor();
  const text = await refused.innerText();
  assert.match(text, new RegExp(order.number), 'named by its number although it left the list');
  assert.match(text, /出发 · 冲突/);
  assert.match(text, /该派工单已改派给其他工程师/);
  assert.equal(await waiting(page), 0, 'refused, not waiting: the outbox moves on');
  const server = await h.api<Detail>(supervisor, 'GET', `/api/v1/work-orders/${order.id}`);
  assert.equal(server.status, 'dispatched');
  assert.equal(server.steps.filter((s) => s.type === 'depart').length, 0, 'the server decided: no depart');
  // Kept across a reload, gone only when the engineer dismisses it.
  await page.reload();
  await refused.waitFor();
  await refused.getByRole('button', { name: '知道了' }).click();
  await page.getByTestId('m-refused').waitFor({ state: 'detached' });
  h.assertNoPageErrors();
});

test('the customer rates the visit on the engineer\'s phone: the stars go with the report', { skip, timeout: 60_000 }, async () => {
  // The scenario (e2e/field-service-scenario.e2e.test.ts) has the customer rate in the portal; a
  // rating taken on site instead travels with the report.
  const engineer = await h.user('field_engineer', '孙师傅');
  const team = await h.team('城西上门服务组', [engineer.id]);
  const supervisor = await h.user('supervisor', '周主管', [team]);
  const ticket = await h.api<{ id: string }>(h.users.admin, 'POST', '/api/v1/tickets', { channel: 'phone', subject: '空调漏水', teamId: team, requester: { name: '赵女士', phone: '13909710099' } });
  const order = await h.api<Detail>(supervisor, 'POST', '/api/v1/work-orders', { ticketId: ticket.id, teamId: team, site: { region: ['63', '6301', '630103'], street: '西宁市城中区西大街 9 号' } });
  const act = (who: E2eUser, body: Record<string, unknown>) => h.api(who, 'POST', `/api/v1/work-orders/${order.id}/events`, { opId: randomUUID(), at: new Date().toISOString(), ...body });
  const there = { lat: here.latitude, lng: here.longitude };
  await act(supervisor, { type: 'dispatch', engineerId: engineer.id });
  for (const type of ['accept', 'depart', 'arrive', 'start']) await act(engineer, { type, ...there });

  const page = await h.newPage({ user: engineer, ...phone, geolocation: here, permissions: ['geolocation'] });
  await page.goto(`/m/jobs/${order.id}`);
  const status = page.getByTestId('m-job-page-status');
  await status.filter({ hasText: '服务中' }).waitFor();
  await page.getByTestId('m-fault').fill('室内机漏水');
  await page.getByTestId('m-action').fill('疏通排水管');
  await page.getByTestId('m-rating-5').click();
  assert.equal(await page.getByTestId('m-rating-5').getAttribute('aria-checked'), 'true');
  await page.getByTestId('m-submit-report').click();
  await status.filter({ hasText: '待客户确认' }).waitFor();
  await eventually(async () => (await waiting(page)) === 0, 'the report synced');
  const server = await h.api<{ report: { action: string; rating: number | null } }>(engineer, 'GET', `/api/v1/work-orders/${order.id}`);
  assert.deepEqual({ action: server.report.action, rating: server.report.rating }, { action: '疏通排水管', rating: 5 });
  h.assertNoPageErrors();
});
