/**
 * A stage's SLA in Chromium on a server whose clock the test moves (issue 19 §1, §5): an admin
 * gives 受理 a target of 240 business minutes, a warning at 75 % and an escalation (组长, 紧急) in
 * the designer's stage panel; the draft keeps them. A ticket entering 受理 on Friday 2026-05-08
 * 16:00 is due on the 调休 Saturday 11:00: the ticket page counts down to it, and once the SLA
 * module fired the breach it says 环节已超时 even though the browser's clock (fixed at 16:30)
 * is still before the due time. No sleeps: after each move the worker runs until idle.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { ManualClock } from '../src/app/clock.js';
import { complaintProcessFields, complaintTicketType } from '../src/modules/workflow/test-complaint-process.js';
import { choose } from './antd-select.js';
import { chromiumPath, startHarness, type Harness } from './harness.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
const clock = new ManualClock('2026-05-08T16:00:00+08:00'); // a Friday; Saturday 05-09 is a make-up workday
let h: Harness;
let processId: string;

const label = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const combobox = (page: Page, name: string) => page.getByRole('combobox', { name, exact: true }).last();

before(async () => {
  if (skip) return;
  h = await startHarness({ clock });
  const { admin } = h.users;
  // A type with a form (the complaint fixture's fields): a type without one cannot be given to a ticket.
  for (const field of complaintProcessFields) await h.api(admin, 'POST', '/api/v1/ticket-fields', field);
  await h.api(admin, 'POST', '/api/v1/ticket-types', { ...complaintTicketType, key: 'repair', label: label('维修', 'Repair') });
  const definition = {
    start: 'accept',
    nodes: [
      { kind: 'stage', id: 'accept', name: label('受理', 'Accept'), position: { x: 0, y: 0 }, assignee: { kind: 'team', teamId: h.teamId } },
      { kind: 'end', id: 'closed', name: label('关闭', 'Closed'), position: { x: 300, y: 0 } },
    ],
    transitions: [{ id: 'done', from: 'accept', to: 'closed', label: label('完成', 'Done') }],
  };
  processId = (await h.api<{ id: string }>(admin, 'POST', '/api/v1/processes', { key: 'repair', name: label('维修流程', 'Repairs'), ticketType: 'repair', definition })).id;
});
after(async () => {
  await h?.close();
});

/** Move the server's clock and let every worker round due by then run. */
async function moveTo(instant: string) {
  clock.set(instant);
  await h.app.worker.runUntilIdle();
}

test('an admin sets a stage\'s SLA in the designer; the ticket page counts down to the 调休 Saturday and says 环节已超时 once breached', { skip, timeout: 90_000 }, async () => {
  const designer = await h.newPage({ user: h.users.admin });
  await designer.goto(`/settings/processes/${processId}`);
  await designer.getByTestId('process-node-accept').click();
  assert.equal(await designer.getByLabel('预警（%）', { exact: true }).count(), 0, 'warning and escalation appear once there is a target');
  await designer.getByLabel('SLA 目标（工作分钟）', { exact: true }).fill('240');
  await designer.getByLabel('预警（%）', { exact: true }).fill('75');
  await choose(designer, combobox(designer, '超时通知'), '组长');
  await designer.keyboard.press('Escape');
  await choose(designer, combobox(designer, '超时提升优先级'), '紧急');
  await designer.getByTestId('process-save').click();
  await designer.getByText('草稿已保存').waitFor();
  const saved = await h.api<{ definition: { nodes: Array<Record<string, unknown>> } }>(h.users.admin, 'GET', `/api/v1/processes/${processId}`);
  const accept = saved.definition.nodes.find((node) => node.id === 'accept')!;
  assert.deepEqual({ target: accept.slaTargetMinutes, warning: accept.slaWarningPercent, escalation: accept.slaEscalation }, { target: 240, warning: 75, escalation: { notify: ['team_lead'], raisePriority: 'urgent' } });
  await h.api(h.users.admin, 'POST', `/api/v1/processes/${processId}/publish`);

  const ticket = await h.api<{ id: string }>(h.users.agentA, 'POST', '/api/v1/tickets', { subject: '空调不制冷', type: 'repair', teamId: h.teamId });
  await h.app.worker.runUntilIdle();
  const context = await h.newContext();
  await context.clock.setFixedTime(new Date('2026-05-08T16:30:00+08:00'));
  await h.signIn(context, h.users.agentA);
  const page = await context.newPage();
  await page.goto(`/tickets/${ticket.id}`);
  const countdown = page.getByTestId('process-stage-sla');
  // Due Saturday 11:00: 18 h 30 min of wall time from the browser's 16:30.
  await countdown.getByText('环节时限还剩 18 小时 30 分').waitFor();

  await moveTo('2026-05-09T11:00:00+08:00');
  await page.reload();
  await countdown.getByText('环节已超时', { exact: true }).waitFor();
  assert.equal(await countdown.evaluate((tag) => tag.classList.contains('ant-tag-error')), true);
  assert.deepEqual(h.takePageErrors(), []);
});
