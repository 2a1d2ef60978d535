/**
 * The agent's side of processes (issue 19 §5) in Chromium on a running server: the ticket list
 * filtered by a process stage through the 环节 filter (kept in the URL), and 待我处理的环节 beside
 * the ticket views, naming each ticket, its process, its stage and how long it has waited. On a
 * server without the approvals endpoint 待我审批 is not offered.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { complaintFlow } from '../src/workflow-model/fixtures/complaint-flow.js';
import { complaintProcessFields, complaintTicketType } from '../src/modules/workflow/test-complaint-process.js';
import { chromiumPath, eventually, startHarness, type Harness } from './harness.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
let h: Harness;
type Created = { id: string; number: string };
const atJudge: Created[] = [];
let atAccept: Created;
let plain: Created;

before(async () => {
  if (skip) return;
  h = await startHarness();
  const { admin, agentA } = h.users;
  for (const field of complaintProcessFields) await h.api(admin, 'POST', '/api/v1/ticket-fields', field);
  await h.api(admin, 'POST', '/api/v1/ticket-types', complaintTicketType);
  const process = await h.api<{ id: string }>(admin, 'POST', '/api/v1/processes', { key: 'complaint_flow', name: { 'zh-CN': '投诉处理', en: 'Complaints' }, ticketType: 'complaint', definition: complaintFlow });
  await h.api(admin, 'POST', `/api/v1/processes/${process.id}/publish`);
  // Three complaints of agentA's team: two move on to 责任判定, one stays at 受理; and a ticket without a process.
  for (const subject of ['墙面开裂', '地板起鼓', '门窗漏风']) {
    const ticket = await h.api<Created>(admin, 'POST', '/api/v1/tickets', { subject, type: 'complaint', teamId: h.teamId, channel: 'web' });
    // The instance starts from ticket.created in the worker (the harness runs it).
    const run = await eventually(() => h.api<{ revision: number }>(agentA, 'GET', `/api/v1/tickets/${ticket.id}/process`), `the process of ${subject}`);
    if (subject === '门窗漏风') {
      atAccept = ticket;
      continue;
    }
    await h.api(agentA, 'POST', `/api/v1/tickets/${ticket.id}/transitions`, { transition: 'accepted', values: { needs_site_survey: false }, expectedRevision: run.revision });
    atJudge.push(ticket);
  }
  plain = await h.api<Created>(admin, 'POST', '/api/v1/tickets', { subject: '普通咨询', teamId: h.teamId, channel: 'web' });
});
after(async () => {
  await h?.close();
});

test('an agent filters the ticket list by a process stage and opens 待我处理的环节', { skip }, async () => {
  const page = await h.newPage({ user: h.users.agentA });
  await page.goto(`${h.baseURL}/tickets?view=my_teams`);
  await page.getByTestId(`ticket-row-${plain.number}`).waitFor();

  // 环节: the process, then its stage.
  await page.getByTestId('filter-stage').click();
  await page.locator('.ant-cascader-menu-item').filter({ hasText: '投诉处理' }).click();
  await page.locator('.ant-cascader-menu-item').filter({ hasText: '责任判定' }).click();
  await page.waitForURL(/[?&]stage=[0-9a-f-]+%3Ajudge/);
  for (const ticket of atJudge) await page.getByTestId(`ticket-row-${ticket.number}`).waitFor();
  await page.getByTestId(`ticket-row-${plain.number}`).waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId(`ticket-row-${atAccept.number}`).count(), 0);

  // The filter lives in the URL: a reload (or a shared link) shows the same list and the same choice.
  await page.reload();
  for (const ticket of atJudge) await page.getByTestId(`ticket-row-${ticket.number}`).waitFor();
  assert.equal(await page.locator('[data-testid="ticket-list"] [data-testid^="ticket-row-"]').count(), atJudge.length);
  assert.match(await page.getByTestId('filter-stage').innerText(), /投诉处理.*责任判定/s);

  // 待我处理的环节: every stage waiting for agentA (受理 by role, 责任判定 by the ticket's team), oldest first.
  assert.equal(await page.getByTestId('view-my-approvals').count(), 1, 'the server has approvals: 待我审批 is offered');
  await page.getByTestId('view-my-stages').click();
  await page.waitForURL(/view=my-stages/);
  assert.doesNotMatch(page.url(), /stage=/, 'leaving the list drops its filters');
  const judgeRow = page.getByTestId(`stage-row-${atJudge[0]!.number}`);
  await judgeRow.waitFor();
  assert.match(await judgeRow.innerText(), /墙面开裂[\s\S]*投诉处理[\s\S]*责任判定[\s\S]*(刚刚|分钟)/);
  assert.match(await page.getByTestId(`stage-row-${atAccept.number}`).innerText(), /门窗漏风[\s\S]*受理/);
  assert.equal(await page.locator('[data-testid="my-stages"] [data-testid^="stage-row-"]').count(), 3);

  // A row opens its ticket.
  await judgeRow.getByRole('link').click();
  await page.waitForURL(new RegExp(`/tickets/${atJudge[0]!.id}$`));
  assert.deepEqual(h.takePageErrors(), []);
});

test('待我处理的环节 is empty for someone no stage waits for', { skip }, async () => {
  const other = await h.user('agent', '赵敏', [await h.team('售后组')]);
  const page = await h.newPage({ user: other });
  await page.goto(`${h.baseURL}/tickets?view=my-stages`);
  await page.getByText('没有待你处理的环节').waitFor();
  // Agents' role works on 受理 of any ticket, but only tickets one may see are listed.
  assert.equal(await page.locator('[data-testid^="stage-row-"]').count(), 0);
});
