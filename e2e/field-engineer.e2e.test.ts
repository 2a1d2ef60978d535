/**
 * The field engineer's view on a phone (issue 13 §2), in real Chromium at 360×740 against the real
 * server: the ticket list is a list of job cards (customer, phone to tap, address, status); the
 * customer's name opens a read-only customer card (contact, address, devices with warranty); the
 * ticket page names the team and assignee, and the timeline the new assignee, although the role
 * cannot read the user directory — which stays closed (403).
 *
 *   node scripts/run-tests.mjs e2e/field-engineer.e2e.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { chromiumPath, eventually, startHarness, type E2eUser, type Harness } from './harness.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
const phoneViewport = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };
let h: Harness;

type Ticket = { id: string; number: string; subject: string; status: string; requester: { id: string } | null };

before(async () => {
  if (skip) return;
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

async function pageWidth(page: Page): Promise<{ scroll: number; client: number }> {
  return page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
}

function createTicket(body: Record<string, unknown>): Promise<Ticket> {
  return h.api<Ticket>(h.users.admin, 'POST', '/api/v1/tickets', { channel: 'phone', ...body });
}

/** Assigned after creation, so the timeline has the change 将处理人从“无”改为“…”. */
async function assign(ticket: Ticket, engineer: E2eUser): Promise<void> {
  const result = await h.api<{ results: { ok: boolean }[] }>(h.users.admin, 'POST', '/api/v1/tickets/bulk', { ids: [ticket.id], changes: { assigneeId: engineer.id } });
  assert.ok(result.results[0]?.ok, JSON.stringify(result));
}

test('360 px: the engineer\'s jobs are cards with customer, phone to call, address and status; the name opens the customer card; the job names team and assignee; the directory stays closed', { skip, timeout: 120_000 }, async () => {
  const engineer = await h.user('field_engineer', '吴强');
  const fieldTeam = await h.team('上门服务组', [engineer.id]);
  const subject = '上门检修：客厅空调不制冷，外机异响';
  const job = await createTicket({ subject, description: '客户说开机半小时不制冷', teamId: fieldTeam, requester: { name: '周女士', phone: '18635647349' } });
  const contactId = job.requester!.id;
  await h.api(h.users.admin, 'PATCH', `/api/v1/contacts/${contactId}`, { attributes: { address: '杭州市西湖区文三路 90 号 3 单元 502' } });
  await h.api(h.users.admin, 'PUT', '/api/v1/customer-records/device/AC-001', { contactId, title: '格力空调 KFR-35GW', occurredOn: '2024-05-01', expiresOn: '2099-05-01' });
  await h.api(h.users.admin, 'PUT', '/api/v1/customer-records/device/WH-002', { contactId, title: '万和热水器 JSQ25', expiresOn: '2020-01-01' });
  await assign(job, engineer);
  // Someone else's job is not on the engineer's list.
  await createTicket({ subject: '别人的工单：冰箱结霜', teamId: h.teamId, assigneeId: h.users.agentA.id, requester: { name: '马先生', phone: '13200001111' } });
  const status = (await h.api<Ticket>(engineer, 'GET', `/api/v1/tickets/${job.id}`)).status;

  const page = await h.newPage({ user: engineer, ...phoneViewport });
  await page.goto('/tickets');
  const card = page.getByTestId('field-job').filter({ hasText: subject });
  await card.waitFor();
  assert.equal(await page.getByTestId('field-job').count(), 1, 'only the engineer\'s own job');
  assert.equal(await card.getByTestId('field-job-customer').innerText(), '周女士');
  const phone = card.getByTestId('field-job-phone');
  assert.equal((await phone.innerText()).trim(), '186 3564 7349', 'the phone in the one display format');
  assert.equal(await phone.getAttribute('href'), 'tel:+8618635647349', 'dialled as stored (E.164)');
  await card.getByTestId('field-job-address').filter({ hasText: '杭州市西湖区文三路 90 号 3 单元 502' }).waitFor();
  assert.equal(await card.getByTestId('field-job-status').innerText(), ({ new: '新建', open: '处理中', pending: '等待客户' } as Record<string, string>)[status]);
  assert.equal(await card.getByText(job.number).count(), 1, 'the job number');
  const list = await pageWidth(page);
  assert.ok(list.scroll <= list.client, `list: page is ${list.scroll} px wide in a ${list.client} px viewport`);
  await page.screenshot({ path: 'docs/screenshots/mobile-field-jobs.png', animations: 'disabled', caret: 'hide' });

  // The list's search still works on the cards: it finds the job by its words, or says it found none.
  const search = page.getByTestId('ticket-search').locator('input');
  await search.fill('外机异响');
  await search.press('Enter');
  await page.waitForURL(/q=/);
  await card.waitFor();
  await search.fill('洗衣机');
  await search.press('Enter');
  await page.getByText('在全部工单中没有找到与“洗衣机”匹配的工单').waitFor();
  await page.goto('/tickets');
  await card.waitFor();

  // Tapping the customer's name opens the read-only card: contact, address, devices and warranty.
  await card.getByTestId('field-job-customer').tap();
  const drawer = page.getByTestId('customer-card');
  await drawer.getByRole('dialog', { name: '周女士' }).waitFor();
  await drawer.getByText('格力空调 KFR-35GW').waitFor();
  await drawer.getByRole('link', { name: '186 3564 7349' }).waitFor();
  assert.equal(await drawer.getByRole('link', { name: '186 3564 7349' }).getAttribute('href'), 'tel:+8618635647349');
  await drawer.getByText('杭州市西湖区文三路 90 号 3 单元 502').waitFor();
  await drawer.getByText('保修至 2099-05-01').waitFor();
  await drawer.getByText('在保', { exact: true }).waitFor();
  await drawer.getByText('万和热水器 JSQ25').waitFor();
  await drawer.getByText('已过保', { exact: true }).waitFor();
  const withCard = await pageWidth(page);
  assert.ok(withCard.scroll <= withCard.client, `customer card: page is ${withCard.scroll} px wide`);
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'hidden' });

  // The job itself: team and assignee by name (not "…"), the timeline names the new assignee (not 未知).
  await card.getByTestId('field-job-open').tap();
  await page.waitForURL(new RegExp(`/tickets/${job.id}$`));
  await page.getByTestId('ticket-subject').filter({ hasText: subject }).waitFor();
  const field = (label: string) => page.locator('.ant-descriptions-item').filter({ has: page.locator('.ant-descriptions-item-label', { hasText: new RegExp(`^${label}$`) }) }).locator('.ant-descriptions-item-content');
  await field('团队').filter({ hasText: /^上门服务组$/ }).waitFor();
  await field('处理人').filter({ hasText: /^吴强$/ }).waitFor();
  const change = page.getByTestId('timeline-change').filter({ hasText: '将处理人从“无”改为“吴强”' });
  await change.waitFor();
  assert.equal(await page.getByTestId('timeline-change').filter({ hasText: '未知' }).count(), 0, 'no unknown names on the timeline');
  const ticketPage = await pageWidth(page);
  assert.ok(ticketPage.scroll <= ticketPage.client, `ticket page: page is ${ticketPage.scroll} px wide`);

  // Names on their jobs, but the directory itself stays closed to the role.
  const directory = await page.request.get('/api/v1/users');
  assert.equal(directory.status(), 403);
  await page.context().close();
  h.assertNoPageErrors();
});

test('the engineer\'s list loads more jobs on demand, keeps its cards side by side on a laptop, and says so when there is no job', { skip, timeout: 120_000 }, async () => {
  const busy = await h.user('field_engineer', '徐刚');
  for (let i = 1; i <= 52; i += 1) {
    await createTicket({ subject: `批量上门任务 ${String(i).padStart(2, '0')}`, teamId: h.teamId, assigneeId: busy.id, requester: { name: `客户${i}`, phone: `1390000${String(1000 + i)}` } });
  }
  const page = await h.newPage({ user: busy, ...phoneViewport });
  // Each card's customer details load when the card comes near the screen, not all 50 at once.
  const cardRequests: string[] = [];
  page.on('request', (request) => {
    if (/\/api\/v1\/tickets\/[^/]+\/customer$/.test(new URL(request.url()).pathname)) cardRequests.push(request.url());
  });
  await page.goto('/tickets');
  const cards = page.getByTestId('field-job');
  await cards.first().waitFor();
  assert.equal(await cards.count(), 50, 'one page of jobs');
  await eventually(() => cardRequests.length > 0, 'the first cards\' customer details');
  assert.ok(cardRequests.length < 20, `${cardRequests.length} customer cards loaded for a screen that shows a few jobs`);
  await page.getByRole('button', { name: '加载更多' }).click();
  await eventually(async () => (await cards.count()) === 52, 'the last two jobs after 加载更多');
  const shown = await cards.getByTestId('field-job-open').allInnerTexts();
  assert.equal(new Set(shown).size, 52, 'every job once');
  await page.context().close();

  // On a laptop the engineer keeps the cards (what they need is on them, not in the table's
  // columns), in as many columns as fit.
  const desk = await h.newPage({ user: busy, viewport: { width: 1366, height: 768 } });
  await desk.goto('/tickets');
  await desk.getByTestId('field-job').first().waitFor();
  assert.equal(await desk.locator('.ant-table').count(), 0, 'no table for a field engineer');
  const lefts = await desk.getByTestId('field-job').evaluateAll((cards) => cards.slice(0, 6).map((c) => Math.round(c.getBoundingClientRect().left)));
  assert.ok(new Set(lefts).size >= 2, `cards side by side at 1366 px: ${lefts.join(', ')}`);
  const deskWidth = await pageWidth(desk);
  assert.ok(deskWidth.scroll <= deskWidth.client, `1366 px: page is ${deskWidth.scroll} px wide`);
  await desk.context().close();

  const idle = await h.user('field_engineer', '孙海涛');
  const empty = await h.newPage({ user: idle, ...phoneViewport });
  await empty.goto('/tickets');
  await empty.getByText('派给您的上门工单会显示在这里。').waitFor();
  await empty.getByText('这个视图里没有工单').waitFor();
  await empty.context().close();
  h.assertNoPageErrors();
});
