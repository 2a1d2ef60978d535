/**
 * Switching tickets with j / k (issue 13 §7): the ticket page loads the neighbours of the list
 * into the cache while the agent reads, so the next ticket renders without a request for its
 * ticket, timeline or reply plan, inside the same page frame (not a remount of the whole page);
 * a press before that data arrived keeps the current ticket (busy) until it has, never a loading
 * page; and a long history renders its newest entries first, the earlier ones on request.
 *
 *   node scripts/run-tests.mjs e2e/ticket-switch.e2e.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromiumPath, startHarness, type E2eUser, type Harness } from './harness.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
let h: Harness;

type Ticket = { id: string; number: string; subject: string };

before(async () => {
  if (skip) return;
  h = await startHarness();
});

after(async () => {
  await h?.close();
});

async function createTicket(by: E2eUser, subject: string, requester: { name: string; phone: string }, assigneeId: string): Promise<Ticket> {
  return h.api<Ticket>(by, 'POST', '/api/v1/tickets', { channel: 'phone', subject, description: '', teamId: h.teamId, assigneeId, requester });
}

test('j renders the next ticket from the prefetched cache, in the same page frame', { skip, timeout: 90_000 }, async () => {
  const agent = await h.user('agent', '周敏', [h.teamId]);
  const first = await createTicket(agent, '切换测试：冰箱不制冷', { name: '陈先生', phone: '13700001111' }, agent.id);
  const second = await createTicket(agent, '切换测试：洗衣机漏水', { name: '刘女士', phone: '13700002222' }, agent.id);
  await h.api(agent, 'POST', `/api/v1/tickets/${second.id}/messages`, { body: '客户说漏水在排水管接口处', internal: true, attachmentIds: [] });

  const page = await h.newPage({ user: agent });
  await page.goto('/tickets?view=mine&sort=number');
  await page.getByTestId(`ticket-row-${second.number}`).waitFor();
  // Watch for the neighbour's data before opening the first ticket: the page loads it once idle.
  const neighbourData = [`/api/v1/tickets/${second.id}`, `/api/v1/tickets/${second.id}/timeline`, `/api/v1/tickets/${second.id}/reply-plan`];
  const prefetched = Promise.all(neighbourData.map((path) => page.waitForResponse((response) => response.request().method() === 'GET' && new URL(response.url()).pathname === path)));
  await page.getByTestId(`ticket-row-${first.number}`).getByRole('link').click();
  await page.getByTestId('ticket-subject').filter({ hasText: first.subject }).waitFor();
  await prefetched;

  const requested: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'GET') requested.push(new URL(request.url()).pathname);
  });
  const frame = await page.getByTestId('ticket-workspace').elementHandle();
  assert.ok(frame);

  await page.keyboard.press('j');
  await page.waitForURL(`**/tickets/${second.id}`);
  await page.getByTestId('ticket-subject').filter({ hasText: second.subject }).waitFor();
  await page.getByTestId('timeline-note').filter({ hasText: '客户说漏水在排水管接口处' }).waitFor();
  await page.getByTestId('reply-plan').waitFor();
  // The side panel follows the conversation: the new ticket's customer, never the previous one's.
  await page.getByTestId('requester-panel').filter({ hasText: '刘女士' }).waitFor();

  const fromNetwork = requested.filter((path) => neighbourData.includes(path));
  assert.deepEqual(fromNetwork, [], `the switch asked the server again for ${fromNetwork.join(', ')}`);
  assert.ok(await frame.evaluate((element) => element.isConnected && element === document.querySelector('[data-testid="ticket-workspace"]')), 'the page frame was replaced, not updated');

  // And back with k: the first ticket is still in the cache.
  requested.length = 0;
  await page.keyboard.press('k');
  await page.getByTestId('ticket-subject').filter({ hasText: first.subject }).waitFor();
  await page.getByTestId('requester-panel').filter({ hasText: '陈先生' }).waitFor();
  assert.deepEqual(requested.filter((path) => path === `/api/v1/tickets/${first.id}` || path === `/api/v1/tickets/${first.id}/timeline`), []);
  assert.ok(await frame.evaluate((element) => element.isConnected), 'the page frame was replaced on the way back');

  // The browser's history follows the switches: Back shows the ticket of the previous address.
  await page.waitForURL(`**/tickets/${first.id}`);
  await page.goBack();
  await page.waitForURL(`**/tickets/${second.id}`);
  await page.getByTestId('ticket-subject').filter({ hasText: second.subject }).waitFor();
  await page.goBack();
  await page.waitForURL(`**/tickets/${first.id}`);
  await page.getByTestId('ticket-subject').filter({ hasText: first.subject }).waitFor();
  assert.deepEqual(h.takePageErrors(), []);
});

test('j pressed before the next ticket has loaded keeps this one, marked busy, then shows it in the same page frame', { skip, timeout: 90_000 }, async () => {
  const agent = await h.user('agent', '钱峰', [h.teamId]);
  const first = await createTicket(agent, '快速切换：热水器不点火', { name: '孙先生', phone: '13700004444' }, agent.id);
  const second = await createTicket(agent, '快速切换：油烟机噪音大', { name: '赵女士', phone: '13700005555' }, agent.id);

  const page = await h.newPage({ user: agent });
  // Hold the answer for the second ticket (the first request for it: the page's prefetch) until released.
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = false;
  const heldRequest = new Promise<void>((resolve) =>
    void page.route(`**/api/v1/tickets/${second.id}`, async (route) => {
      if (held) return route.continue();
      held = true;
      resolve();
      await released;
      await route.continue();
    }),
  );
  await page.goto('/tickets?view=mine&sort=number');
  await page.getByTestId(`ticket-row-${second.number}`).waitFor();
  await page.getByTestId(`ticket-row-${first.number}`).getByRole('link').click();
  await page.getByTestId('ticket-subject').filter({ hasText: first.subject }).waitFor();
  await heldRequest;
  const frame = await page.getByTestId('ticket-workspace').elementHandle();
  assert.ok(frame);

  await page.keyboard.press('j');
  // No loading page in between: the first ticket stays, and says it is opening the next one.
  await page.getByRole('status').filter({ hasText: '正在打开工单' }).waitFor();
  assert.equal(await page.getByTestId('ticket-subject').textContent(), first.subject);
  assert.ok(page.url().endsWith(`/tickets/${first.id}`), page.url());
  // k meanwhile goes back to the ticket shown: the waiting switch is dropped; j asks again.
  await page.keyboard.press('k');
  await page.getByTestId('ticket-switch-pending').waitFor({ state: 'detached' });
  await page.keyboard.press('j');
  await page.getByTestId('ticket-switch-pending').waitFor();
  assert.equal(await page.getByTestId('ticket-subject').textContent(), first.subject);

  release();
  await page.getByTestId('ticket-subject').filter({ hasText: second.subject }).waitFor();
  await page.waitForURL(`**/tickets/${second.id}`);
  await page.getByTestId('ticket-switch-pending').waitFor({ state: 'detached' });
  await page.getByTestId('reply-plan').waitFor();
  assert.ok(await frame.evaluate((element) => element.isConnected && element === document.querySelector('[data-testid="ticket-workspace"]')), 'the page frame was replaced, not updated');
  assert.deepEqual(h.takePageErrors(), []);
});

test('a long history shows its newest 30 entries, and the earlier ones on request', { skip, timeout: 90_000 }, async () => {
  const agent = await h.user('agent', '郑洁', [h.teamId]);
  const ticket = await createTicket(agent, '长记录测试：中央空调年度保养', { name: '黄经理', phone: '13700003333' }, agent.id);
  // The `created` entry and 34 notes: 35 entries.
  for (let i = 1; i <= 34; i++) await h.api(agent, 'POST', `/api/v1/tickets/${ticket.id}/messages`, { body: `保养记录第 ${i} 条`, internal: true, attachmentIds: [] });

  const page = await h.newPage({ user: agent });
  await page.goto(`/tickets/${ticket.id}`);
  const entries = page.locator('.ant-timeline-item');
  await page.getByTestId('timeline-note').filter({ hasText: '保养记录第 34 条' }).waitFor();
  assert.equal(await entries.count(), 30);
  // Newest first: note 34 at the top, note 5 the last one shown, the four older notes and the creation hidden.
  assert.match((await entries.first().textContent()) ?? '', /保养记录第 34 条/);
  assert.match((await entries.last().textContent()) ?? '', /保养记录第 5 条/);
  assert.equal(await page.getByTestId('timeline-note').filter({ hasText: /保养记录第 4 条$/ }).count(), 0);

  await page.getByTestId('timeline-earlier').filter({ hasText: '显示更早的 5 条记录' }).click();
  await page.getByTestId('timeline-note').filter({ hasText: /保养记录第 1 条$/ }).waitFor();
  assert.equal(await entries.count(), 35);
  assert.equal(await page.getByTestId('timeline-earlier').count(), 0);
  assert.deepEqual(h.takePageErrors(), []);
});
