/**
 * A time rule on a server whose clock the test moves (issue 18 §7): "等待客户 7 个工作日 → 关闭" on a
 * calendar with the 2026 National Day holidays and the 调休 Saturday 2026-10-10; a ticket set
 * 等待客户 on Friday 10-09 10:00; the server's clock (a ManualClock the harness hands to the app, in
 * this process) moved across the weekend and the 调休 Saturday. The ticket stays 等待客户 at the 6th
 * business day and a minute before the 7th, is closed at the 7th (Monday 10-19 10:00), and its
 * timeline in Chromium says the rule closed it.
 *
 *   npm run build:web && node --import tsx --test e2e/automation-time-clock.e2e.test.ts
 *
 * No sleeps: after each move the test drains the worker (`runUntilIdle`, every due row handled)
 * and then waits for the page's state.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ManualClock } from '../src/app/clock.js';
import { chromiumPath, startHarness, type Harness } from './harness.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
const clock = new ManualClock('2026-10-09T10:00:00+08:00'); // a Friday
let h: Harness;

before(async () => {
  if (skip) return;
  h = await startHarness({ clock });
});
after(async () => {
  if (!skip) await h.close();
});

type Ticket = { id: string; number: string; status: string; version: number };

/** Move the server's clock and let every worker round due by then run. */
async function moveClockTo(instant: string): Promise<void> {
  clock.set(instant);
  await h.app.worker.runUntilIdle();
}

test('等待客户 7 个工作日 → 关闭 across a weekend and a 调休 Saturday: not a business day early, closed at the 7th, and the timeline names the rule', { skip, timeout: 90_000 }, async () => {
  const office = [{ start: '09:00', end: '18:00' }];
  const calendar = await h.api<{ id: string }>(h.users.admin, 'POST', '/api/v1/sla/calendars', {
    nameZh: '上海客服中心',
    weekly: [[], office, office, office, office, office, []],
    holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
    workdays: ['2026-09-20', '2026-10-10'],
  });
  const rule = await h.api<{ id: string }>(h.users.admin, 'POST', '/api/v1/rules', {
    name: '等待客户 7 个工作日 → 关闭',
    kind: 'time',
    timeTrigger: { anchor: 'status', status: 'pending', amount: 7, unit: 'business_days', calendarId: calendar.id },
    actions: [{ type: 'set_field', field: 'status', value: 'closed' }],
  });
  // Saved before any ticket waits: its backfill (补算) reads none, and the rule page says so.
  await h.app.worker.runUntilIdle();
  const admin = await h.newPage({ user: h.users.admin });
  await admin.goto(`/settings/automation/${rule.id}`);
  await admin.getByTestId('rule-backfill').getByText('补算完成：读取 0 张工单，新增 0 条到期记录。').waitFor();

  const created = await h.api<Ticket>(h.users.agentA, 'POST', '/api/v1/tickets', { subject: '空调不制冷，等客户确认', description: '已远程指导重启' });
  await h.app.worker.runUntilIdle();
  await patchStatus(await h.api<Ticket>(h.users.agentA, 'GET', `/api/v1/tickets/${created.id}`), 'pending');
  await h.app.worker.runUntilIdle();

  const page = await h.newPage({ user: h.users.agentA });
  await page.goto(`/tickets/${created.number}`);
  const status = page.getByTestId('field-status');
  await status.getByText('等待客户').waitFor();

  // Working days after Fri 10-09: Sat 10-10 (调休), Mon 12, Tue 13, Wed 14, Thu 15, Fri 16, Mon 19.
  for (const instant of ['2026-10-10T18:00:00+08:00', '2026-10-12T10:00:00+08:00', '2026-10-16T10:00:00+08:00', '2026-10-19T09:59:00+08:00']) {
    await moveClockTo(instant);
    const ticket = await h.api<Ticket>(h.users.agentA, 'GET', `/api/v1/tickets/${created.id}`);
    assert.equal(ticket.status, 'pending', `still 等待客户 at ${instant}`);
  }
  await page.reload();
  await status.getByText('等待客户').waitFor();

  await moveClockTo('2026-10-19T10:00:00+08:00');
  assert.equal((await h.api<Ticket>(h.users.agentA, 'GET', `/api/v1/tickets/${created.id}`)).status, 'closed');
  const firings = await h.api<{ items: Array<{ ruleId: string; dueAt: string }> }>(h.users.admin, 'GET', `/api/v1/rule-firings?ticketId=${created.id}`);
  assert.deepEqual(firings.items.filter((f) => f.ruleId === rule.id).map((f) => f.dueAt), ['2026-10-19T02:00:00.000Z'], 'once, at Monday 10:00');

  // The ticket's page, opened again: its timeline names the rule as the one that closed it.
  await page.reload();
  await page.getByTestId('timeline-change').filter({ hasText: '规则「等待客户 7 个工作日 → 关闭」 将状态从“等待客户”改为“已关闭”' }).waitFor();
  h.assertNoPageErrors();
});

/** PATCH with If-Match (the harness's `api` sends none). */
async function patchStatus(ticket: Ticket, status: string): Promise<void> {
  const res = await fetch(`${h.baseURL}/api/v1/tickets/${ticket.id}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${h.users.agentA.token}`, 'content-type': 'application/json', 'if-match': `"${ticket.version}"` },
    body: JSON.stringify({ status }),
  });
  assert.equal(res.status, 200, await res.text());
}
