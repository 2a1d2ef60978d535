/**
 * The approval panel (issue 19 §2, §5) in Chromium: an approver on a 360 px phone opens 待我审批,
 * opens the ticket, sees the countersign (会签) and who is pending, and approves with a comment —
 * the page never scrolls sideways; a second approver decides inline in 待我审批, where 驳回 needs
 * its reason, and the request ends rejected with both decisions on the ticket's panel.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { chromiumPath, docScreenshot, eventually, startHarness, type E2eUser, type Harness } from './harness.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
let h: Harness;
let first: E2eUser;
let second: E2eUser;
let ticket: { id: string; number: string };

const label = (zh: string, en: string) => ({ 'zh-CN': zh, en });

before(async () => {
  if (skip) return;
  h = await startHarness();
  const { admin, agentA } = h.users;
  first = await h.user('agent', '王经理', [h.teamId]);
  second = await h.user('agent', '李总监', [h.teamId]);
  await h.api(admin, 'POST', '/api/v1/ticket-types', { key: 'purchase', label: label('采购', 'Purchase'), form: { sections: [], rules: [], portal: { enabled: false, fields: [] } } });
  const definition = {
    start: 'apply',
    nodes: [
      { kind: 'stage', id: 'apply', name: label('申请', 'Apply'), position: { x: 0, y: 0 } },
      { kind: 'stage', id: 'granted', name: label('已批准', 'Granted'), position: { x: 200, y: 0 } },
      { kind: 'end', id: 'done', name: label('完成', 'Done'), position: { x: 400, y: 0 } },
    ],
    transitions: [
      { id: 'submit', from: 'apply', to: 'granted', label: label('提交采购申请', 'Submit'), approval: { kind: 'fixed', mode: 'countersign', approvers: [{ kind: 'user', userId: first.id }, { kind: 'user', userId: second.id }] } },
      { id: 'finish', from: 'granted', to: 'done', label: label('完成', 'Finish') },
    ],
  };
  const process = await h.api<{ id: string }>(admin, 'POST', '/api/v1/processes', { key: 'purchase_flow', name: label('采购审批', 'Purchase approval'), ticketType: 'purchase', definition });
  await h.api(admin, 'POST', `/api/v1/processes/${process.id}/publish`);
  ticket = await h.api<{ id: string; number: string }>(agentA, 'POST', '/api/v1/tickets', { subject: '采购笔记本电脑 10 台', type: 'purchase', teamId: h.teamId });
  const run = await eventually(() => h.api<{ revision: number }>(agentA, 'GET', `/api/v1/tickets/${ticket.id}/process`), 'the process starts');
  await h.api(agentA, 'POST', `/api/v1/tickets/${ticket.id}/transitions`, { transition: 'submit', expectedRevision: run.revision });
});
after(async () => {
  await h?.close();
});

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

test('an approver on a phone approves with a comment; a second rejects inline in 待我审批 with a reason', { skip, timeout: 60_000 }, async () => {
  const phone = await h.newPage({ user: first, viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  await phone.goto(`/tickets?view=my-approvals`);
  const row = phone.getByTestId('my-approval-ticket').filter({ hasText: '采购笔记本电脑' });
  await row.waitFor();
  assert.ok((await pageWidth(phone)) <= 361, '待我审批 fits 360 px');
  await row.click();
  await phone.waitForURL(new RegExp(`/tickets/${ticket.id}$`));

  const waiting = phone.getByTestId('approval-waiting-for');
  await waiting.filter({ hasText: '待 王经理、李总监 审批' }).waitFor();
  assert.match(await phone.getByTestId('approval-mode').innerText(), /提交采购申请.*会签/);
  await phone.getByTestId('approval-pending').scrollIntoViewIfNeeded();
  await docScreenshot(phone, 'workflow-approval-panel-phone.png');
  await phone.getByTestId('approval-approve').click();
  await phone.getByTestId('approval-text').fill('同意，请注意比价');
  await phone.getByTestId('approval-confirm').click();
  await waiting.filter({ hasText: '待 李总监 审批' }).waitFor();
  assert.equal(await phone.getByTestId('approval-actions').count(), 0, 'no decisions left for the one who decided');
  await phone.getByTestId('approval-step-comment').filter({ hasText: '意见：同意，请注意比价' }).waitFor();
  assert.ok((await pageWidth(phone)) <= 361, `the ticket page is ${await pageWidth(phone)} px wide at 360 px`);

  // The second approver decides in place from 待我审批: 驳回 needs a reason.
  const desk = await h.newPage({ user: second });
  await desk.goto(`/tickets?view=my-approvals`);
  await desk.locator('[data-testid="my-approvals"] .ant-table-row-expand-icon').first().click();
  await desk.getByTestId('approval-waiting-for').filter({ hasText: '待 李总监 审批' }).waitFor();
  await docScreenshot(desk, 'workflow-approval-inline.png');
  await desk.getByTestId('approval-reject').click();
  await desk.getByTestId('approval-confirm').click();
  await desk.getByText('请填写原因').waitFor();
  await desk.getByTestId('approval-text').fill('预算不足，下季度再议');
  await desk.getByTestId('approval-confirm').click();
  await desk.getByText('没有待你审批的事项').waitFor();

  // On the ticket: the request ended rejected, both decisions with their words, folded as history.
  await desk.goto(`/tickets/${ticket.id}`);
  await desk.getByTestId('approval-history').getByText('历史审批（1）').click();
  const earlier = desk.getByTestId('approval-earlier');
  await earlier.getByText('已驳回', { exact: true }).first().waitFor();
  assert.match(await earlier.innerText(), /王经理[\s\S]*已同意[\s\S]*同意，请注意比价[\s\S]*李总监[\s\S]*已驳回[\s\S]*预算不足，下季度再议/);
  h.assertNoPageErrors();
});
