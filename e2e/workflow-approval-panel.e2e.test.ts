/**
 * The approval panel (issue 19 §2, §5) in Chromium: an approver on a 360 px phone opens 待我审批,
 * opens the ticket, sees the countersign (会签) and who is pending, and approves with a comment —
 * the page never scrolls sideways; a second approver decides inline in 待我审批, where 驳回 needs
 * its reason, and the request ends rejected with both decisions on the ticket's panel. The 同意
 * link in an approver's notification email opens a confirm page without signing in, decides once,
 * and says so when opened again.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { chromiumPath, docScreenshot, eventually, startHarnessWithMailSink, type E2eUser, type HarnessWithMailSink } from './harness.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
let h: HarnessWithMailSink;
let first: E2eUser;
let second: E2eUser;
let ticket: { id: string; number: string };

const label = (zh: string, en: string) => ({ 'zh-CN': zh, en });

before(async () => {
  if (skip) return;
  h = await startHarnessWithMailSink({ env: { OPENCSM_PUBLIC_URL: 'https://csm.example.cn' } });
  const { admin, agentA } = h.users;
  first = await h.user('agent', '王经理', [h.teamId]);
  // 王经理 wants process notices by email too (off by default): the mail carries the links.
  const preferences = await h.api<Record<string, any>>(first, 'GET', '/api/v1/me/notification-preferences');
  const { version, available: _available, ...settings } = preferences;
  // The first save names version 0 (If-Match, which h.api does not send).
  const saved = await fetch(`${h.baseURL}/api/v1/me/notification-preferences`, {
    method: 'PUT', headers: { authorization: `Bearer ${first.token}`, 'content-type': 'application/json', 'if-match': `"${version}"` },
    body: JSON.stringify({ ...settings, kinds: { ...settings.kinds, rule: { ...settings.kinds.rule, email: true } } }),
  });
  assert.equal(saved.status, 200, await saved.text());
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
  ticket = await submitPurchase('采购笔记本电脑 10 台');
});

/** A 采购 ticket of the agents' team whose 提交采购申请 waits for the countersign. */
async function submitPurchase(subject: string) {
  const { agentA } = h.users;
  const created = await h.api<{ id: string; number: string }>(agentA, 'POST', '/api/v1/tickets', { subject, type: 'purchase', teamId: h.teamId });
  const run = await eventually(() => h.api<{ revision: number }>(agentA, 'GET', `/api/v1/tickets/${created.id}/process`), 'the process starts');
  await h.api(agentA, 'POST', `/api/v1/tickets/${created.id}/transitions`, { transition: 'submit', expectedRevision: run.revision });
  return created;
}
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

test('the 同意 link in the approver\'s email: a confirm page without signing in, one use', { skip, timeout: 60_000 }, async () => {
  const mark = h.smtp.mails.length;
  const other = await submitPurchase('采购投影仪 2 台');
  const mail = await eventually(() => h.smtp.mails.slice(mark).find((m) => m.to === first.email.toLowerCase() && m.text.includes(other.number)), 'the approval mail');
  assert.ok(mail, 'mailed');
  const token = /同意: https:\/\/csm\.example\.cn\/approve\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
  assert.ok(token, mail.text);

  const phone = await h.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  await phone.goto(`/approve/${token}`);
  const card = phone.getByTestId('approval-link-page');
  await card.getByText(`工单 #${other.number}「采购投影仪 2 台」`).waitFor();
  assert.match(await card.innerText(), /确认同意[\s\S]*提交采购申请[\s\S]*审批人：王经理/);
  await phone.getByTestId('approval-link-text').fill('同意');
  await docScreenshot(phone, 'workflow-approval-link.png');
  await phone.getByTestId('approval-link-confirm').click();
  await phone.getByTestId('approval-link-done').getByText('已同意，谢谢').waitFor();
  const [request] = (await h.api<{ items: Array<{ steps: Array<{ approverId: string; status: string; reason: string | null }> }> }>(h.users.agentA, 'GET', `/api/v1/tickets/${other.id}/approvals`)).items;
  const mine = request!.steps.find((step) => step.approverId === first.id);
  assert.deepEqual([mine?.status, mine?.reason], ['approved', '同意'], 'decided as 王经理, with the comment');

  await phone.reload();
  await phone.getByTestId('approval-link-refused').getByText('这个审批链接已经用过了').waitFor();
  h.assertNoPageErrors();
});
