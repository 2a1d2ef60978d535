/**
 * SLA in the console (issue 6, point 6): the badge with the business-time countdown on the ticket
 * page and in the list, the 已超时 view, and an escalation's line on the timeline. Also writes
 * docs/screenshots/sla-list.png.
 *
 *   npm run build:web && node --import tsx --test e2e/sla.e2e.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { chromiumPath, startHarness, type Harness } from './harness.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
const shots = new URL('../docs/screenshots/', import.meta.url).pathname;
let h: Harness;

type Ticket = { id: string; number: string; sla: Array<{ target: string; state: string }> };

before(async () => {
  if (!skip) h = await startHarness();
});
after(async () => {
  await h?.close();
});

/** The worker starts the timers a moment after the ticket is created. */
async function withTimers(id: string): Promise<Ticket> {
  for (let i = 0; i < 100; i++) {
    const ticket = await h.api<Ticket>(h.users.agentA, 'GET', `/api/v1/tickets/${id}`);
    if (ticket.sla.length) return ticket;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the SLA timers did not start');
}

test('the SLA badge counts down in business time on the ticket page and in the list; 已超时 lists the overdue', { skip, timeout: 90_000 }, async () => {
  const created = await h.api<Ticket>(h.users.agentA, 'POST', '/api/v1/tickets', { subject: '空调外机异响，客户要求今天上门', priority: 'urgent', channel: 'web', requester: { name: '赵先生', phone: '13900003333' }, teamId: h.teamId });
  const overdue = await h.api<Ticket>(h.users.agentA, 'POST', '/api/v1/tickets', { subject: '热水器漏水（已超时示例）', priority: 'high', channel: 'web', requester: { name: '钱女士', phone: '13900004444' }, teamId: h.teamId });
  await withTimers(created.id);
  await withTimers(overdue.id);
  // Move the second ticket's first response 25 minutes past due, as if time had passed.
  await h.database.transaction(async (tx) => {
    await tx.execute(sql`update sla_ticket_timers set due_at = now() - interval '25 minutes', breached_at = now() - interval '25 minutes', state = 'breached', running_since = now(), used_minutes = 85, target_minutes = 60
                         where ticket_id = ${overdue.id} and target = 'first_response'`);
    await tx.execute(sql`update tickets set sla_due_at = now() - interval '25 minutes' where id = ${overdue.id}`);
  });

  const page = await h.newPage({ user: h.users.agentA });
  await page.goto(`/tickets/${created.id}`);
  const badge = page.getByTestId('sla-badge');
  await badge.waitFor();
  assert.match(await badge.innerText(), /剩余 \d+(小时\d*分?|分) · 首次响应/);
  assert.match(await badge.innerText(), /· 解决/);
  await badge.locator('.ant-tag').first().hover();
  await page.getByText('按工作时间计算').waitFor();

  await page.goto('/tickets?view=breached');
  const row = page.getByTestId(`ticket-row-${overdue.number}`);
  await row.waitFor();
  assert.match(await row.getByTestId('sla-badge').innerText(), /已超时 .+ · 首次响应/);
  assert.equal(await page.getByTestId(`ticket-row-${created.number}`).count(), 0, 'a ticket on time is not overdue');
  await page.getByTestId('view-breached').waitFor();
  await page.screenshot({ path: `${shots}sla-list.png`, animations: 'disabled', caret: 'hide' });

  await page.goto('/tickets?view=open&sort=slaDueAt');
  await page.getByTestId(`ticket-row-${created.number}`).getByTestId('sla-badge').waitFor();
  const numbers = await page.locator('[data-testid^="ticket-row-"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')));
  assert.ok(numbers.indexOf(`ticket-row-${overdue.number}`) < numbers.indexOf(`ticket-row-${created.number}`), 'the overdue ticket sorts first by due time');
  assert.deepEqual(h.takePageErrors(), []);
});
