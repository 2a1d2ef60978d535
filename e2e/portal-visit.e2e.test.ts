/**
 * Issue 20 §4, the customer's side of a visit in the portal, in Chromium at 360 px: after the
 * engineer finished (over the API, as the app syncs it), the customer opens their ticket, sees the
 * visit — window, engineer's name, 已完成 — downloads the PDF service report (read back: Chinese
 * text and the signature image) and rates the visit. Writes docs/screenshots/portal-visit.png.
 *
 *   npm run build:web && node scripts/run-tests.mjs e2e/portal-visit.e2e.test.ts
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { pdfImages, pdfText, solidPng } from '../src/modules/field-service/test-pdf.js';
import { chromiumPath, docScreenshot, eventually, startHarnessWithMailSink, type E2eUser, type HarnessWithMailSink } from './harness.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
let h: HarnessWithMailSink;
const customer = 'ma.visit@example.cn';

before(async () => {
  if (!skip) h = await startHarnessWithMailSink();
});
after(async () => {
  await h?.close();
});

test('the customer sees the visit in the portal at 360 px, downloads the service report and rates the visit', { skip, timeout: 120_000 }, async () => {
  const supervisor = await h.user('supervisor', '派工员 周', [h.teamId]);
  const engineer = await h.user('field_engineer', '工程师 马建国', [h.teamId]);
  await h.api(h.users.admin, 'POST', '/api/v1/contacts', { name: '马先生', identities: [{ kind: 'email', value: customer }] });
  const ticket = await h.api<{ id: string }>(h.users.agentA, 'POST', '/api/v1/tickets', { subject: '空调不制冷', channel: 'phone', requester: { name: '马先生', email: customer }, teamId: h.teamId });
  const site = { region: ['63', '6301', '630103'], street: '南大街 1 号', lat: 36.6171, lng: 101.7782 };
  const order = await h.api<{ id: string; number: string }>(h.users.agentA, 'POST', '/api/v1/work-orders', { ticketId: ticket.id, site, appointment: { start: '2026-12-09T01:00:00Z', end: '2026-12-09T03:00:00Z', agreed: true } });
  const act = (who: E2eUser, body: Record<string, unknown>) => h.api(who, 'POST', `/api/v1/work-orders/${order.id}/events`, { opId: randomUUID(), at: new Date().toISOString(), ...body });
  const there = { lat: 36.6158, lng: 101.7721 }; // WGS-84, a few metres from the site once converted
  await act(supervisor, { type: 'dispatch', engineerId: engineer.id });
  await act(engineer, { type: 'accept' });
  await act(engineer, { type: 'depart', ...there });
  await act(engineer, { type: 'arrive', ...there });
  await act(engineer, { type: 'start' });
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(solidPng(37, 11, [0, 0, 0]))], { type: 'image/png' }), 'signature.png');
  const uploaded = await fetch(`${h.baseURL}/api/v1/work-orders/${order.id}/attachments?clientId=${randomUUID()}&kind=signature`, { method: 'POST', headers: { authorization: `Bearer ${engineer.token}` }, body: form });
  const answer = await uploaded.text();
  assert.equal(uploaded.status, 201, answer);
  const signature = JSON.parse(answer) as { id: string };
  await act(engineer, { type: 'report', report: { fault: '空调不制冷', cause: '启动电容损坏', action: '更换启动电容', parts: [{ name: '启动电容', model: '35μF', quantity: 1 }], labourMinutes: 45, photoIds: [], signatureId: signature.id, rating: null } });
  await act(engineer, { type: 'finish', ...there });

  const page = await h.newPage({ viewport: { width: 360, height: 760 }, acceptDownloads: true });
  await h.portalSignIn(page, customer, '马先生');
  await page.goto(`/portal/tickets/${ticket.id}`);
  const card = page.getByTestId('portal-visits');
  await card.getByText(`派工单 ${order.number}`).waitFor();
  await card.getByText('工程师 马建国').waitFor();
  await card.getByTestId('portal-visit-status').filter({ hasText: '已完成' }).waitFor();
  // The report is made by a job after the finish: the card shows it once it exists (it refetches).
  await eventually(async () => {
    await page.reload();
    // Counted only once the card has loaded again: right after the reload it is not there at all.
    await card.getByTestId('portal-visit-status').waitFor();
    return (await page.getByTestId('portal-visit-report').count()) > 0;
  }, 'the service report in the portal', 30_000);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('portal-visit-report').click()]);
  assert.equal(download.suggestedFilename(), `服务报告-${order.number}.pdf`);
  const pdf = await readFile((await download.path())!);
  const text = pdfText(pdf).replace(/\n/g, '');
  for (const expected of ['服务报告', order.number, '马先生', '启动电容损坏', '工程师 马建国']) assert.ok(text.includes(expected), `the PDF says “${expected}”`);
  assert.deepEqual(pdfImages(pdf).map((i) => `${i.width}x${i.height}`), ['37x11'], 'the signature is in it');

  await page.getByTestId('portal-visit-rate').getByRole('radio').nth(3).click();
  await card.getByText('感谢您的评价！').waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'nothing wider than the 360 px screen');
  await docScreenshot(page, 'portal-visit.png');
  const seen = await h.api<{ report: { rating: number | null } }>(supervisor, 'GET', `/api/v1/work-orders/${order.id}`);
  assert.equal(seen.report.rating, 4, 'the customer\'s rating on the order');
  h.assertNoPageErrors();
});
