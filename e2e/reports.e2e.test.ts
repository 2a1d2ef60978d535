/**
 * 报表 in real Chromium (issue 23 §3, §7): a supervisor opens the live dashboard and sees today's
 * arrivals of their team, switches to the trends, clicks the heatmap's busiest cell and gets
 * exactly the tickets behind it.
 *
 *   npm run build:web && node --import tsx --test e2e/reports.e2e.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromiumPath, docScreenshot, eventually, startHarness, type E2eUser, type Harness } from './harness.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
let h: Harness;
let lead: E2eUser;
const numbers: string[] = [];

before(async () => {
  if (skip) return;
  h = await startHarness();
  lead = await h.user('supervisor', '一线主管', [h.teamId]);
  for (const subject of ['空调不制冷', '热水器漏水', '发票开错了']) {
    const ticket = await h.api<{ number: string }>(h.users.agentA, 'POST', '/api/v1/tickets', { subject, channel: 'phone', requester: { name: '陈女士', phone: '13900002222' }, teamId: h.teamId });
    numbers.push(ticket.number);
  }
  await eventually(async () => (await h.api<{ incomingToday: number }>(lead, 'GET', '/api/v1/reports/live')).incomingToday === 3 || undefined, 'the worker wrote the facts');
});
after(async () => {
  await h?.close();
});

test('live dashboard → trends → the busiest heatmap cell opens exactly its tickets', { skip, timeout: 90_000 }, async () => {
  const page = await h.newPage({ user: lead });
  await page.goto('/reports');
  await page.getByTestId('live-incoming').filter({ hasText: '3' }).waitFor();
  await page.getByRole('tab', { name: '管理层·趋势' }).click();
  // Nothing pinned yet: the section says how to pin a report.
  await page.getByTestId('pinned-reports').getByText('还没有置顶的报表', { exact: false }).waitFor();
  const chart = page.getByTestId('arrival-heatmap');
  await chart.locator('canvas').first().waitFor();
  // The busiest cell as the API counts it, clicked where the chart draws it (grid: left 48, right 16, top 8, bottom 56).
  const to = new Date(Date.now() + 86_400_000).toISOString();
  const from = new Date(Date.now() - 7 * 86_400_000).toISOString();
  const map = await h.api<{ counts: number[][] }>(lead, 'GET', `/api/v1/reports/heatmap?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
  let busiest = { weekday: 0, hour: 0, n: -1 };
  map.counts.forEach((row, weekday) => row.forEach((n, hour) => { if (n > busiest.n) busiest = { weekday, hour, n }; }));
  assert.equal(busiest.n, 3);
  const box = (await chart.boundingBox())!;
  await page.mouse.click(box.x + 48 + ((busiest.hour + 0.5) * (box.width - 64)) / 24, box.y + 8 + ((busiest.weekday + 0.5) * (box.height - 64)) / 7);
  const drawer = page.locator('.ant-drawer');
  await drawer.getByTestId('drill-total').filter({ hasText: '共 3 张' }).waitFor();
  const shown = await drawer.locator('tbody tr a').allTextContents();
  assert.deepEqual(new Set(shown), new Set(numbers));
  await docScreenshot(page, 'reports-heatmap-drill.png');
  h.assertNoPageErrors();
});
