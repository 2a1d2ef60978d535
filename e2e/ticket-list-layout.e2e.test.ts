/**
 * The ticket list on the most common office laptop, 1366×768 (issue 13 §4): no sideways scroll,
 * 处理人 and 更新时间 fully visible, and a compact density remembered per user (two people on
 * one browser keep their own choice).
 *
 *   node scripts/run-tests.mjs e2e/ticket-list-layout.e2e.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { chromiumPath, startHarness, type Harness } from './harness.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
let h: Harness;

before(async () => {
  if (skip) return;
  h = await startHarness();
});

after(async () => {
  await h?.close();
});

/** The header cell whose text is exactly `title`, with its box and whether its text is cut. */
async function header(page: Page, title: string) {
  const cell = page.locator('.ant-table-thead th').filter({ hasText: new RegExp(`^${title}$`) });
  await cell.waitFor();
  const box = await cell.boundingBox();
  const cut = await cell.evaluate((th) => [th, ...th.querySelectorAll('*')].some((e) => e.scrollWidth > e.clientWidth + 1));
  return { box: box!, cut };
}

test('at 1366×768 the list has no horizontal scroll and 处理人 and 更新时间 are fully visible', { skip }, async () => {
  const { admin, agentA } = h.users;
  await h.api(admin, 'POST', '/api/v1/tickets', { channel: 'phone', subject: '办公室空调外机噪音很大而且一直滴水，客户希望本周内上门检修', description: '', teamId: h.teamId, assigneeId: agentA.id, requester: { name: '欧阳晓明', phone: '+8613800138000' } });
  const page = await h.newPage({ user: agentA, viewport: { width: 1366, height: 768 } });
  await page.goto('/tickets?view=open');
  await page.locator('.ant-table-row').first().waitFor();

  const overflow = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    tables: [...document.querySelectorAll('.ant-table-content, .ant-table-body')].map((e) => e.scrollWidth - e.clientWidth),
  }));
  assert.ok(overflow.page <= 0, `the page scrolls sideways by ${overflow.page} px`);
  assert.ok(overflow.tables.every((px) => px <= 0), `the table scrolls sideways: ${overflow.tables.join(', ')} px`);

  for (const title of ['处理人', '更新时间']) {
    const { box, cut } = await header(page, title);
    assert.ok(box.x >= 0 && box.x + box.width <= 1366 && box.y >= 0 && box.y + box.height <= 768, `${title} header outside the viewport: ${JSON.stringify(box)}`);
    assert.equal(cut, false, `${title} header text is cut`);
  }
  // The subject keeps a readable width next to the fixed columns.
  const subject = await header(page, '主题');
  const widths = await page.locator('.ant-table-thead th').evaluateAll((ths) => ths.map((th) => `${th.textContent}:${Math.round(th.getBoundingClientRect().width)}`));
  assert.ok(subject.box.width >= 200, `subject column only ${subject.box.width} px (${widths.join(' ')})`);
  assert.equal(await page.getByTestId('ticket-list').getAttribute('data-layout'), 'merged');
  assert.deepEqual(h.takePageErrors(), []);
});

test('the compact density is remembered per user, not per browser', { skip }, async () => {
  const { agentA, agentB } = h.users;
  const page = await h.newPage({ user: agentA, viewport: { width: 1366, height: 768 } });
  await page.goto('/tickets?view=open');
  await page.locator('.ant-table-row').first().waitFor();
  const list = page.getByTestId('ticket-list');
  assert.equal(await list.getAttribute('data-density'), 'comfortable');
  const rowHeight = async () => (await page.locator('.ant-table-row').first().boundingBox())!.height;
  const comfortable = await rowHeight();

  await page.getByTestId('list-settings-button').click();
  await page.getByTestId('list-density').getByText('紧凑').click();
  await page.locator('[data-testid="ticket-list"][data-density="compact"] .ant-table-small').waitFor();
  assert.ok((await rowHeight()) < comfortable, 'compact rows are lower');

  await page.reload();
  await page.locator('[data-testid="ticket-list"][data-density="compact"] .ant-table-row').first().waitFor();

  // agentB signs in on the same browser (same localStorage): the standard density.
  // (Cookies cleared first: a signed-in browser's login request counts as cross-site.)
  await page.context().clearCookies();
  await h.signIn(page.context(), agentB);
  await page.reload();
  await page.locator('.ant-table-row').first().waitFor();
  assert.equal(await list.getAttribute('data-density'), 'comfortable');

  await page.context().clearCookies();
  await h.signIn(page.context(), agentA);
  await page.reload();
  await page.locator('[data-testid="ticket-list"][data-density="compact"] .ant-table-row').first().waitFor();
  assert.deepEqual(h.takePageErrors(), []);
});
