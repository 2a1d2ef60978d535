/**
 * The process on the ticket page (issue 19 §5) in Chromium: an agent takes the complaint flow's
 * first transitions from the panel's buttons — one at once, the next through its small form for
 * the field it still needs (需要先填写 责任判定), a select and a textarea with the ticket fields'
 * own inputs — while the map follows; at 回访 the handler sees 回访完成 disabled with its reason,
 * a colleague closes it. A transition someone else took first reloads the panel and says so; a
 * ticket without a process has no panel; at 360 px the panel fits.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { complaintProcessFields, complaintTicketType } from '../src/modules/workflow/test-complaint-process.js';
import { complaintFlow } from '../src/workflow-model/fixtures/complaint-flow.js';
import { chromiumPath, docScreenshot, eventually, startHarness, type E2eUser, type Harness } from './harness.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
let h: Harness;

before(async () => {
  if (skip) return;
  h = await startHarness();
  const { admin } = h.users;
  for (const field of complaintProcessFields) await h.api(admin, 'POST', '/api/v1/ticket-fields', field);
  await h.api(admin, 'POST', '/api/v1/ticket-types', complaintTicketType);
  await h.api(admin, 'POST', '/api/v1/ticket-types', { ...complaintTicketType, key: 'inquiry', label: { 'zh-CN': '咨询', en: 'Inquiry' } });
  const process = await h.api<{ id: string }>(admin, 'POST', '/api/v1/processes', { key: 'complaint_flow', name: { 'zh-CN': '投诉处理', en: 'Complaints' }, ticketType: 'complaint', definition: complaintFlow });
  await h.api(admin, 'POST', `/api/v1/processes/${process.id}/publish`);
});
after(async () => {
  await h?.close();
});

/** A complaint of the agents' team, once its process has started (a job, usually within a second). */
async function newComplaint(subject: string): Promise<string> {
  const ticket = await h.api<{ id: string }>(h.users.agentA, 'POST', '/api/v1/tickets', { subject, type: 'complaint', teamId: h.teamId });
  await eventually(() => h.api(h.users.agentA, 'GET', `/api/v1/tickets/${ticket.id}/process`), 'the process starts');
  return ticket.id;
}

/** An Ant Design select of a field: open it and click the option (as forms-acceptance.e2e.test.ts's chooseSelect does). */
async function choose(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).locator('.ant-select').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: new RegExp(`^${option}$`) }).click();
}

const stageName = (page: Page) => page.getByTestId('process-stage-name');
const transition = (page: Page, id: string) => page.getByTestId(`process-transition-${id}`);
const mapNode = (page: Page, id: string) => page.getByTestId(`process-map-${id}`);

async function openTicket(user: E2eUser, id: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await h.newPage({ user, ...(viewport && { viewport, isMobile: true, hasTouch: true }) });
  await page.goto(`/tickets/${id}`);
  await page.getByTestId('process-panel').waitFor();
  return page;
}

test('an agent takes the complaint flow’s transitions from the ticket page, fills what a transition needs, and sees why 回访完成 is not theirs', { skip, timeout: 90_000 }, async () => {
  const id = await newComplaint('墙面开裂，要求赔偿');
  const page = await openTicket(h.users.agentA, id);
  await stageName(page).filter({ hasText: '受理' }).waitFor();
  assert.equal(await page.getByTestId('process-stage-worker').innerText(), '处理人: 角色：客服');
  await page.locator('[data-testid="process-map-accept"][data-state="current"]').waitFor();

  // 受理完成 needs nothing: taken at once; the empty 需要现场勘察 sends the ticket past the survey to 责任判定.
  await transition(page, 'accepted').click();
  await stageName(page).filter({ hasText: '责任判定' }).waitFor();
  await page.locator('[data-testid="process-map-accept"][data-state="done"]').waitFor();
  assert.equal(await page.getByTestId('process-reason-judged').innerText(), '需要先填写 责任判定');
  assert.equal(await page.getByTestId('process-stage-required').innerText(), '本环节必填：责任判定');

  // The button opens the form for the missing field, with the ticket field's own select.
  await transition(page, 'judged').click();
  const dialog = page.locator('.ant-modal');
  await choose(page, 'process-field-liability', '非我方责任');
  await page.locator('#process-take-confirm').click();
  await stageName(page).filter({ hasText: '解释说明' }).waitFor();
  await dialog.waitFor({ state: 'hidden' });

  // A required textarea left empty is refused in the form, then filled.
  await transition(page, 'explained').click();
  await page.locator('#process-take-confirm').click();
  await dialog.getByText('请填写解释说明').waitFor();
  await dialog.getByLabel('解释说明').fill('非产品质量问题，已向客户说明');
  await page.locator('#process-take-confirm').click();
  await stageName(page).filter({ hasText: '回访' }).waitFor();

  // 回访 is by someone other than the handler: disabled for agentA, the reason in plain text.
  assert.equal(await transition(page, 'close').isDisabled(), true);
  assert.equal(await page.getByTestId('process-reason-close').innerText(), '你不能执行这个流转');
  await docScreenshot(page, 'workflow-ticket-panel.png');
  for (const done of ['accept', 'judge', 'explain']) assert.equal(await mapNode(page, done).getAttribute('data-state'), 'done', done);
  assert.equal(await mapNode(page, 'follow_up').getAttribute('data-state'), 'current');
  // The ticket's fields hold what the forms sent.
  const ticket = await h.api<{ fields: Record<string, unknown> }>(h.users.agentA, 'GET', `/api/v1/tickets/${id}`);
  assert.deepEqual([ticket.fields.liability, ticket.fields.explanation], ['not_ours', '非产品质量问题，已向客户说明']);

  const colleague = await openTicket(h.users.agentB, id);
  await transition(colleague, 'close').click();
  await colleague.getByTestId('process-completed').waitFor();
  h.assertNoPageErrors();
});

test('a transition someone else took first: the panel reloads and says so', { skip, timeout: 60_000 }, async () => {
  const id = await newComplaint('投诉：安装延误');
  const page = await openTicket(h.users.agentA, id);
  await transition(page, 'accepted').waitFor();
  const { revision } = await h.api<{ revision: number }>(h.users.agentB, 'GET', `/api/v1/tickets/${id}/process`);
  await h.api(h.users.agentB, 'POST', `/api/v1/tickets/${id}/transitions`, { transition: 'accepted', expectedRevision: revision });
  await transition(page, 'accepted').click();
  await page.getByText('流程已被他人推进，已刷新为最新状态，请重新确认').waitFor();
  await stageName(page).filter({ hasText: '责任判定' }).waitFor();
  h.assertNoPageErrors();
});

test('a ticket without a process has no panel; at 360 px the panel fits the page', { skip, timeout: 60_000 }, async () => {
  // A ticket of a type without a process: the run is asked for, 404, and no panel shows.
  const plain = await h.api<{ id: string }>(h.users.agentA, 'POST', '/api/v1/tickets', { subject: '咨询发票', type: 'inquiry', teamId: h.teamId });
  const page = await h.newPage({ user: h.users.agentA });
  const asked = page.waitForResponse((response) => response.url().endsWith(`/api/v1/tickets/${plain.id}/process`));
  await page.goto(`/tickets/${plain.id}`);
  assert.equal((await asked).status(), 404);
  await page.getByTestId('custom-fields-panel').waitFor();
  assert.equal(await page.getByTestId('process-panel').count(), 0);

  const id = await newComplaint('手机端：投诉处理');
  const phone = await openTicket(h.users.agentA, id, { width: 360, height: 740 });
  await transition(phone, 'accepted').waitFor();
  await phone.getByTestId('process-map').waitFor();
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 361, `the ticket page is ${width} px wide in a 360 px viewport`);
  h.assertNoPageErrors();
});
