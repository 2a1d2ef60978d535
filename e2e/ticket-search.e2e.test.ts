/**
 * Issue 13 §1 in real Chromium: a search typed in 我的工单 looks through every ticket the agent
 * may see and says so (在全部工单中找到 2 张); 仅当前视图 narrows it to the view, and the
 * message follows. zh-CN, 1366×800.
 *
 *   node scripts/run-tests.mjs e2e/ticket-search.e2e.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromiumPath, eventually, startHarness, type Harness } from './harness.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
let h: Harness;

before(async () => {
  if (skip) return;
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

test('search from 我的工单 covers all tickets, says how many and where; 仅当前视图 narrows it', { skip, timeout: 90_000 }, async () => {
  const { agentA, admin } = h.users;
  const mine = await h.api<{ number: string }>(admin, 'POST', '/api/v1/tickets', { subject: '鹦鹉螺打印机卡纸', description: '', teamId: h.teamId, assigneeId: agentA.id });
  const team = await h.api<{ number: string }>(admin, 'POST', '/api/v1/tickets', { subject: '会议室鹦鹉螺打印机不出纸', description: '', teamId: h.teamId });
  await eventually(async () => (await h.api<{ items: unknown[] }>(agentA, 'GET', '/api/v1/tickets?q=鹦鹉螺').then((r) => r.items.length)) === 2 || undefined, 'both tickets indexed');

  const page = await h.newPage({ user: agentA });
  await page.goto('/tickets?view=mine');
  const search = page.getByTestId('ticket-search').locator('input');
  await search.fill('鹦鹉螺');
  await search.press('Enter');
  await page.getByTestId('search-found').filter({ hasText: '在全部工单中找到 2 张' }).waitFor();
  await page.getByTestId(`ticket-row-${mine.number}`).waitFor();
  await page.getByTestId(`ticket-row-${team.number}`).waitFor();

  await page.getByTestId('search-current-view').click();
  await page.getByTestId('search-found').filter({ hasText: '在“我的工单”中找到 1 张' }).waitFor();
  await page.getByTestId(`ticket-row-${team.number}`).waitFor({ state: 'detached' });
  assert.ok(await page.getByTestId(`ticket-row-${mine.number}`).isVisible());
  assert.match(page.url(), /scope=view/);
  assert.deepEqual(h.takePageErrors(), []);
});

test('the next search typed while the last one is still answering is kept, and its Enter searches it', { skip, timeout: 90_000 }, async () => {
  const { agentA } = h.users;
  const page = await h.newPage({ user: agentA });
  await page.goto('/tickets');
  await page.getByTestId('ticket-search').waitFor();
  // The answer to the first search is held until the next one is typed: a slow list.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let asked!: () => void;
  const firstAsked = new Promise<void>((resolve) => (asked = resolve));
  await page.route(/\/api\/v1\/tickets\?.*q=%E6%89%93%E5%8D%B0%E6%9C%BA/, async (route) => {
    asked();
    await held;
    await route.continue();
  });
  const search = page.getByTestId('ticket-search').locator('input');
  await search.fill('打印机');
  await search.press('Enter');
  await firstAsked;
  await search.fill('洗衣机');
  release();
  await page.getByTestId('search-found').waitFor();
  assert.equal(await search.inputValue(), '洗衣机', 'what the person typed meanwhile stays in the box');
  await search.press('Enter');
  await page.waitForURL(/q=%E6%B4%97%E8%A1%A3%E6%9C%BA/);
  assert.deepEqual(h.takePageErrors(), []);
});
