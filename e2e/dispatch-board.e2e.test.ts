import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { docScreenshot, startHarness, type E2eUser, type Harness } from './harness.js';

/**
 * Issue 20 §2 in Chromium: on 派工台 the supervisor selects a waiting work order and sees the
 * suggested engineer with the reasons (有技能 空调维修, 在班), drags the order onto the engineer's
 * 10:00 slot tomorrow (HTML5 drag and drop) and sees it booked there; a second order dropped on the
 * same slot asks before booking a clash, and once forced is shown red. The engineer's daily
 * capacity is edited from the board (工程师档案) and the day's load counts against it.
 */
let h: Harness;
let supervisor: E2eUser;
let engineer: E2eUser;
const site = { region: ['63', '6301', '630103'], street: '南大街 1 号', lat: 36.6171, lng: 101.7782 };

before(async () => {
  h = await startHarness();
  supervisor = await h.user('supervisor', '钱主管', [h.teamId]);
  engineer = await h.user('field_engineer', '马师傅', [h.teamId]);
  // The profile's first edit names version 0 (If-Match, which h.api does not send).
  const res = await fetch(`${h.baseURL}/api/v1/engineers/${engineer.id}/profile`, {
    method: 'PUT', headers: { authorization: `Bearer ${supervisor.token}`, 'content-type': 'application/json', 'if-match': '0' }, body: JSON.stringify({ skills: ['空调维修'], zones: ['6301'] }),
  });
  assert.equal(res.status, 200, await res.text());
});
after(() => h?.close());

async function waitingOrder(subject: string): Promise<{ id: string; number: string }> {
  const ticket = await h.api<{ id: string }>(supervisor, 'POST', '/api/v1/tickets', { subject, teamId: h.teamId, requester: { name: '马先生', phone: '13909710000' } });
  return h.api(supervisor, 'POST', '/api/v1/work-orders', { ticketId: ticket.id, site, requiredSkills: ['空调维修'], estimatedMinutes: 60 });
}


test('drag a waiting order onto an engineer\'s slot: it is booked there; a clash asks first and shows red', async () => {
  const first = await waitingOrder('空调不制冷');
  const second = await waitingOrder('空调漏水');
  const page = await h.newPage({ user: supervisor });
  await page.goto('/dispatch');
  // The engineer's profile from the board: a daily capacity of 3.
  await page.getByRole('button', { name: `编辑 ${engineer.name} 的档案` }).click();
  const capacity = page.getByLabel('每日上限（单）');
  await capacity.fill('3');
  await page.getByRole('button', { name: '保 存' }).click();
  await page.getByText('工程师档案已保存').waitFor();
  const card = page.getByTestId(`waiting-${first.number}`);
  await card.click();
  const suggestion = page.getByTestId(`suggestion-${engineer.name}`);
  await suggestion.getByText('有技能 空调维修').waitFor();
  await suggestion.getByText('在班').waitFor();
  await suggestion.getByText('服务区域内').waitFor();

  // The board starts at the browser's today (its context may have another time zone than this process).
  const tomorrow = await page.evaluate(() => {
    const now = new Date();
    return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate() + 1)).toISOString().slice(0, 10);
  });
  const slot = page.getByTestId(`slot-${engineer.name}-${tomorrow}-10`);
  await card.dragTo(slot);
  await page.getByText(`派工单 ${first.number} 已派给 ${engineer.name}`).waitFor();
  await slot.getByTestId(`visit-${first.number}`).waitFor();
  await page.getByTestId(`waiting-${first.number}`).waitFor({ state: 'detached' });
  await page.getByTestId(`load-${engineer.name}-${tomorrow}`).getByText('1/3 单').waitFor();
  const booked = await h.api<{ status: string; engineer: { id: string }; appointmentStart: string; appointmentEnd: string }>(supervisor, 'GET', `/api/v1/work-orders/${first.id}`);
  assert.equal(booked.status, 'dispatched');
  assert.equal(booked.engineer.id, engineer.id);
  assert.equal(new Date(booked.appointmentEnd).getTime() - new Date(booked.appointmentStart).getTime(), 60 * 60_000);

  await page.getByTestId(`waiting-${second.number}`).dragTo(slot);
  await page.getByTestId('dispatch-conflicts').getByText(`与派工单 ${first.number} 的时间重叠`).waitFor();
  await page.getByRole('button', { name: '强制派工' }).click();
  await page.getByText(`派工单 ${second.number} 已派给 ${engineer.name}`).waitFor();
  await slot.locator(`[data-testid="visit-${second.number}"][data-conflict="true"]`).waitFor();
  await docScreenshot(page, 'dispatch-board.png');
  h.assertNoPageErrors();
});
