/**
 * Issue 20 in the console (this round's part): on the ticket page an agent creates a work order in
 * one click (创建派工单), sees it in the 派工单 panel with its status, and, once it was dispatched
 * and accepted (live, without a reload), its steps in the panel and its lines on the ticket's timeline. Also writes
 * docs/screenshots/field-service-ticket-panel.png.
 *
 *   npm run build:web && node --import tsx --test e2e/field-service-ticket.e2e.test.ts
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { chromiumPath, docScreenshot, startHarness, type Harness } from './harness.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
let h: Harness;

before(async () => {
  if (!skip) h = await startHarness();
});
after(async () => {
  await h?.close();
});

test('创建派工单 on the ticket page, then the visit\'s status, steps and timeline lines', { skip, timeout: 90_000 }, async () => {
  const supervisor = await h.user('supervisor', '派工员 周', [h.teamId]);
  const engineer = await h.user('field_engineer', '工程师 马建国', [h.teamId]);
  const ticket = await h.api<{ id: string }>(h.users.agentA, 'POST', '/api/v1/tickets', { subject: '空调不制冷，需上门维修', channel: 'phone', requester: { name: '马先生', phone: '13909710000' }, teamId: h.teamId });

  const page = await h.newPage({ user: h.users.agentA });
  await page.goto(`/tickets/${ticket.id}`);
  const panel = page.getByTestId('work-orders-panel');
  await panel.getByText('暂无派工单').waitFor();
  await panel.getByTestId('create-work-order').click();
  const row = panel.getByTestId('work-order-row');
  await row.waitFor();
  assert.match(await row.innerText(), /FW\d{8}-\d{4}\s*维修\s*待派工/);
  await page.getByTestId('timeline-work-order').filter({ hasText: '已创建（待派工）' }).waitFor();

  const [order] = (await h.api<{ items: Array<{ id: string }> }>(h.users.agentA, 'GET', `/api/v1/work-orders?ticket=${ticket.id}`)).items;
  await h.api(supervisor, 'POST', `/api/v1/work-orders/${order!.id}/events`, { opId: randomUUID(), type: 'dispatch', engineerId: engineer.id, at: new Date().toISOString() });
  await h.api(engineer, 'POST', `/api/v1/work-orders/${order!.id}/events`, { opId: randomUUID(), type: 'accept', at: new Date().toISOString() });

  // No reload: the ticket's live stream refreshes the panel.
  await panel.getByTestId('work-order-status').filter({ hasText: '已接单' }).waitFor();
  await row.click();
  const steps = panel.getByTestId('work-order-step');
  await steps.nth(1).waitFor();
  assert.deepEqual((await steps.allInnerTexts()).map((s) => s.split(' · ').slice(0, 2).join(' · ')), ['派工 · 操作人 派工员 周', '接单 · 操作人 工程师 马建国']);
  await panel.getByText('工程师 马建国').first().waitFor();
  await page.getByTestId('timeline-work-order').filter({ hasText: '接单 → 已接单' }).waitFor();
  await docScreenshot(page, 'field-service-ticket-panel.png');
  h.assertNoPageErrors();
});

test('an engineer sees the panel without the create button', { skip, timeout: 60_000 }, async () => {
  const engineer = await h.user('field_engineer', '工程师 韩', [h.teamId]);
  const supervisor = await h.user('supervisor', '派工员 吴', [h.teamId]);
  const ticket = await h.api<{ id: string }>(h.users.agentA, 'POST', '/api/v1/tickets', { subject: '热水器保养', requester: { name: '韩女士', phone: '13909710001' }, teamId: h.teamId });
  const order = await h.api<{ id: string }>(h.users.agentA, 'POST', '/api/v1/work-orders', { ticketId: ticket.id, serviceType: 'maintenance' });
  await h.api(supervisor, 'POST', `/api/v1/work-orders/${order.id}/events`, { opId: randomUUID(), type: 'dispatch', engineerId: engineer.id, at: new Date().toISOString() });
  const page = await h.newPage({ user: engineer });
  await page.goto(`/tickets/${ticket.id}`);
  const panel = page.getByTestId('work-orders-panel');
  await panel.getByTestId('work-order-status').filter({ hasText: '已派工' }).waitFor();
  assert.equal(await panel.getByTestId('create-work-order').count(), 0);
  h.assertNoPageErrors();
});
