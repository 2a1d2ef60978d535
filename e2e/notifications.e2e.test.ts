/**
 * The notification bell (issue 18 §4, §6): a ticket assigned to an agent lights their bell live over
 * the stream, the drawer lists it in Chinese, a click opens the ticket and marks it read; the
 * preferences page under the profile switches a kind off.
 *
 *   node scripts/run-tests.mjs e2e/notifications.e2e.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromiumPath, docScreenshot, eventually, startHarness, type Harness } from './harness.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
let h: Harness;

before(async () => {
  if (skip) return;
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

test('the bell counts live, the drawer opens the ticket and marks it read, preferences switch a kind off', { skip }, async () => {
  const agent = h.users.agentA;
  const page = await h.newPage({ user: agent });
  await page.goto('/tickets');
  const bell = page.getByTestId('notification-bell');
  await bell.waitFor();
  const ticket = await h.api<{ id: string; number: string }>(h.users.admin, 'POST', '/api/v1/tickets', { subject: '空调外机噪音', teamId: h.teamId, assigneeId: agent.id });
  // The badge follows the stream: no reload.
  await page.locator('.ant-badge').filter({ has: bell }).locator('.ant-scroll-number').filter({ hasText: '1' }).waitFor();
  await bell.click();
  const item = page.getByTestId('notification-list').getByText(`工单 #${ticket.number}「空调外机噪音」已分配给你`);
  await item.waitFor();
  await docScreenshot(page, 'notification-drawer.png');
  await item.click();
  await page.waitForURL(new RegExp(`/tickets/${ticket.id}`));
  await eventually(async () => (await h.api<{ unreadCount: number }>(agent, 'GET', '/api/v1/notifications?unread=1')).unreadCount === 0 || undefined, 'the notification is read');
  await page.locator('.ant-badge').filter({ has: bell }).locator('.ant-scroll-number').waitFor({ state: 'detached' });

  await page.goto('/profile/notifications');
  await page.getByRole('switch', { name: '分配给我 接收' }).click();
  await page.getByTestId('save-notification-preferences').click();
  await page.getByText('通知偏好已保存').waitFor();
  const saved = await h.api<{ kinds: Record<string, { enabled: boolean }> }>(agent, 'GET', '/api/v1/me/notification-preferences');
  assert.equal(saved.kinds.ticket_assigned!.enabled, false);
  assert.equal(saved.kinds.customer_replied!.enabled, true);
  h.assertNoPageErrors();
});

test('设置 › 飞书机器人: an admin sets a team\'s robot with its signing secret; neither comes back', { skip }, async () => {
  const page = await h.newPage({ user: h.users.admin });
  await page.goto('/settings/feishu-robots');
  await page.getByTestId(`feishu-robot-url-${h.teamId}`).fill('https://open.feishu.cn/open-apis/bot/v2/hook/e2e-token');
  await page.getByTestId(`feishu-robot-secret-${h.teamId}`).fill('e2eSecret0123');
  await page.getByTestId(`feishu-robot-save-${h.teamId}`).click();
  await page.getByTestId('feishu-team-robots').getByText('已签名').waitFor();
  const robots = await h.api<{ items: Array<{ teamId: string; webhookSet: boolean; signed: boolean }> }>(h.users.admin, 'GET', '/api/v1/feishu/team-robots');
  assert.deepEqual(robots.items.map((r) => [r.teamId, r.webhookSet, r.signed]), [[h.teamId, true, true]]);
  assert.equal(await page.getByTestId(`feishu-robot-url-${h.teamId}`).inputValue(), '', 'the stored webhook is not shown');
  h.assertNoPageErrors();
});
