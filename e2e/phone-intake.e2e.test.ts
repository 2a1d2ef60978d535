/**
 * Phone intake as an agent on a 1366×768 laptop (issue 13 §3), in real Chromium against the real
 * server, and what the caller then sees in the customer portal: looking the caller up shows their
 * unresolved ticket (priority, status) with the warning 该客户有 1 张未解决工单 and a link to it;
 * a category with a default team routes the new ticket at once; the description the agent took
 * down appears once in the portal, marked 电话报修，客服代录, never repeated as an agent's reply.
 *
 *   node scripts/run-tests.mjs e2e/phone-intake.e2e.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { chromiumPath, startHarnessWithMailSink, type HarnessWithMailSink } from './harness.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
let h: HarnessWithMailSink;

type Ticket = { id: string; number: string; subject: string; status: string; priority: string; teamId: string | null };

before(async () => {
  if (skip) return;
  h = await startHarnessWithMailSink();
});
after(async () => {
  await h?.close();
});

const option = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');

test('the caller\'s open ticket is shown while they are looked up; a category\'s default team routes the new ticket; the portal shows the description once, entered by the agent', { skip, timeout: 150_000 }, async () => {
  const { admin, agentA } = h.users;
  // 空调 carries a default team; its sub-category 不制冷 has none of its own and inherits it.
  const repairTeam = await h.team('空调维修组');
  await h.api(admin, 'PATCH', `/api/v1/categories/${h.categories['空调']}`, { defaultTeamId: repairTeam });
  const caller = { name: '陈先生', phone: '13800138000', email: 'chen@example.cn' };
  const earlier = await h.api<Ticket>(admin, 'POST', '/api/v1/tickets', { channel: 'phone', subject: '热水器不出热水', priority: 'high', teamId: h.teamId, requester: caller });
  assert.equal(earlier.status, 'new');

  const page = await h.newPage({ user: agentA, viewport: { width: 1366, height: 768 } });
  await page.goto('/tickets/new');
  await page.getByText('新建工单（电话报修）').waitFor();
  await page.getByTestId('requester-lookup').getByRole('combobox').fill('138 0013');
  await option(page).filter({ hasText: '陈先生' }).click();

  const warning = page.getByTestId('caller-open-tickets');
  await warning.getByText('该客户有 1 张未解决工单').waitFor();
  const linkName = { name: `${earlier.number} ${earlier.subject}` };
  const row = warning.getByTestId('caller-open-ticket').filter({ has: page.getByRole('link', linkName) });
  const link = row.getByRole('link', linkName);
  await row.locator('.ant-tag', { hasText: /^新建$/ }).waitFor();
  await row.locator('.ant-tag', { hasText: /^高$/ }).waitFor();
  await link.click();
  await page.waitForURL(new RegExp(`/tickets/${earlier.id}$`));
  await page.getByTestId('ticket-subject').filter({ hasText: earlier.subject }).waitFor();

  // Back to the form: the agent decides this is a new problem and logs it under 空调 › 不制冷.
  await page.goBack();
  await page.waitForURL(/\/tickets\/new$/);
  await page.getByTestId('requester-lookup').getByRole('combobox').fill('13800138000');
  await option(page).filter({ hasText: '陈先生' }).click();
  await warning.getByText('该客户有 1 张未解决工单').waitFor();
  const description = '客厅挂机开机半小时不制冷，室内机滴水。地址：上海市浦东新区张杨路 500 号 12 楼。';
  await page.getByTestId('ticket-subject-input').fill('空调不制冷');
  await page.getByTestId('ticket-description-input').fill(description);
  await page.locator('.ant-form-item').filter({ hasText: '分类' }).locator('.ant-select').click();
  await page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: /^不制冷$/ }).click();
  await page.getByTestId('create-ticket').click();

  await page.waitForURL(/\/tickets\/[0-9a-f-]{36}$/);
  const id = /\/tickets\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
  assert.notEqual(id, earlier.id);
  await page.getByTestId('ticket-subject').filter({ hasText: '空调不制冷' }).waitFor();
  // Routed at once: the category's team is on the ticket as it opens, no reload, no rule run later.
  await page.getByTestId('field-team').filter({ hasText: '空调维修组' }).waitFor();
  assert.equal((await h.api<Ticket>(admin, 'GET', `/api/v1/tickets/${id}`)).teamId, repairTeam);
  await page.getByTestId('timeline-opening').getByTestId('phone-entered').filter({ hasText: '电话报修，客服代录' }).waitFor();
  await page.context().close();

  // The caller signs in to the portal with the code mailed to them and opens the new ticket.
  const portal = await (await h.newContext()).newPage();
  await h.portalSignIn(portal, caller.email, '陈先生');
  await portal.goto(`/portal/tickets/${id}`);
  const head = portal.getByTestId('portal-description');
  await head.filter({ hasText: description }).waitFor();
  await head.getByTestId('portal-phone-entered').filter({ hasText: '电话报修，客服代录' }).waitFor();
  const text = await portal.locator('body').innerText();
  assert.equal(text.split('客厅挂机开机半小时不制冷').length - 1, 1, 'the description is shown once');
  assert.equal(await portal.getByTestId('portal-agent-message').count(), 0, 'no public agent message repeats it');
  assert.equal(await portal.getByTestId('portal-my-message').count(), 0, 'and it is not shown again below');
  assert.deepEqual(h.takePageErrors(), []);
});
