/**
 * The ticket page's composer and field editing in real Chromium (issue 3, point 3): files dropped
 * or pasted upload and go out with the reply; an unsent draft survives leaving the ticket; a field
 * change that lost a race to someone else says so and shows the current values.
 *
 *   npm run build:web && node --import tsx --test e2e/composer.e2e.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { chromiumPath, startHarness, type Harness } from './harness.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
let h: Harness;

type Ticket = { id: string; number: string; version: number; priority: string; status: string };

before(async () => {
  if (!skip) h = await startHarness();
});
after(async () => {
  await h?.close();
});

async function newTicket(subject: string): Promise<Ticket> {
  return h.api<Ticket>(h.users.agentA, 'POST', '/api/v1/tickets', { subject, channel: 'phone', requester: { name: '陈女士', phone: '13900002222' }, teamId: h.teamId });
}

/** Fire a drop or paste of one small text file at the element, as the browser does for a real one. */
async function sendFile(page: Page, testId: string, kind: 'drop' | 'paste', name: string, text: string) {
  await page.getByTestId(testId).evaluate(
    (element, { kind, name, text }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type: 'text/plain' }));
      const event =
        kind === 'drop'
          ? new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer })
          : new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: transfer });
      element.dispatchEvent(event);
    },
    { kind, name, text },
  );
}

test('files dropped on the composer or pasted into it are uploaded and sent with the reply', { skip, timeout: 60_000 }, async () => {
  const ticket = await newTicket('安装完成后需要提供保修卡照片');
  const page = await h.newPage({ user: h.users.agentA });
  await page.goto(`/tickets/${ticket.id}`);
  await page.getByTestId('composer-body').waitFor();

  await sendFile(page, 'composer', 'drop', '保修卡.txt', '保修期两年');
  await sendFile(page, 'composer-body', 'paste', 'pasted-note.txt', 'pasted from the clipboard');
  // Both chips turn blue once uploaded (the filename without the "uploading" text).
  await page.getByTestId('composer-file').filter({ hasText: '保修卡.txt' }).and(page.locator('.ant-tag-blue')).waitFor();
  await page.getByTestId('composer-file').filter({ hasText: 'pasted-note.txt' }).and(page.locator('.ant-tag-blue')).waitFor();

  await page.getByTestId('composer-body').fill('您好，保修卡照片见附件。');
  await page.getByTestId('composer-send').click();
  const reply = page.getByTestId('timeline-reply').filter({ hasText: '保修卡照片见附件' });
  await reply.getByRole('link', { name: /保修卡\.txt/ }).waitFor();
  await reply.getByRole('link', { name: /pasted-note\.txt/ }).waitFor();
  assert.equal(await page.getByTestId('composer-file').count(), 0, 'the composer is empty after sending');

  // The attachment downloads with its bytes and Chinese name intact.
  const href = await reply.getByRole('link', { name: /保修卡\.txt/ }).getAttribute('href');
  const download = await page.request.get(href!);
  assert.equal(download.status(), 200);
  assert.equal(await download.text(), '保修期两年');
  assert.match(download.headers()['content-disposition'] ?? '', /filename\*=UTF-8''%E4%BF%9D/);
  await page.context().close();
});

test('an unsent reply is kept as a draft when the agent leaves the ticket and comes back', { skip, timeout: 60_000 }, async () => {
  const first = await newTicket('草稿测试：第一张工单');
  const second = await newTicket('草稿测试：第二张工单');
  const page = await h.newPage({ user: h.users.agentA });
  await page.goto(`/tickets/${first.id}`);
  await page.getByTestId('composer-body').fill('还没写完的回复');
  // In-app navigation to another ticket: its composer is empty, not showing the first one's text.
  await page.evaluate((id) => {
    history.pushState({}, '', `/tickets/${id}`);
    dispatchEvent(new PopStateEvent('popstate'));
  }, second.id);
  await page.getByTestId('ticket-subject').filter({ hasText: '第二张工单' }).waitFor();
  assert.equal(await page.getByTestId('composer-body').inputValue(), '');
  // A full reload of the first ticket: the draft is back.
  await page.goto(`/tickets/${first.id}`);
  await page.getByTestId('ticket-subject').filter({ hasText: '第一张工单' }).waitFor();
  assert.equal(await page.getByTestId('composer-body').inputValue(), '还没写完的回复');
  await page.context().close();
});

test('a field change that lost the race says so and shows what the other agent saved', { skip, timeout: 60_000 }, async () => {
  const ticket = await newTicket('冲突测试：两位客服同时修改');
  const page = await h.newPage({ user: h.users.agentA });
  // No live updates on this page, so it keeps the version it loaded (as after a dropped stream).
  await page.route('**/api/v1/stream', (route) => route.abort());
  await page.goto(`/tickets/${ticket.id}`);
  await page.getByTestId('field-priority').waitFor();

  // The colleague raises the priority first.
  const response = await fetch(`${h.baseURL}/api/v1/tickets/${ticket.id}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${h.users.agentB.token}`, 'content-type': 'application/json', 'if-match': `"${ticket.version}"` },
    body: JSON.stringify({ priority: 'urgent' }),
  });
  assert.equal(response.status, 200);

  // This agent, still on the old version, changes the status: refused, told why, shown the current values.
  await page.getByTestId('field-status').click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: /^等待客户$/ }).click();
  await page.getByText('该工单已被他人修改').waitFor();
  await page.getByTestId('field-priority').filter({ hasText: '紧急' }).waitFor();
  const saved = await h.api<Ticket>(h.users.agentA, 'GET', `/api/v1/tickets/${ticket.id}`);
  assert.equal(saved.status, ticket.status, 'the stale change was not applied');
  assert.equal(saved.priority, 'urgent');
  await page.context().close();
});

test('a long ticket shows its newest activity first, past the timeline API page size', { skip, timeout: 90_000 }, async () => {
  const ticket = await newTicket('长工单：超过一页的处理记录');
  // 505 notes (one timeline entry each) + the creation: more than one page of 500.
  for (let batch = 0; batch < 505; batch += 25) {
    await Promise.all(
      Array.from({ length: Math.min(25, 505 - batch) }, (_, i) => h.api(h.users.agentA, 'POST', `/api/v1/tickets/${ticket.id}/messages`, { body: `备注 #${batch + i + 1}`, internal: true })),
    );
  }
  const last = await h.api<{ id: string }>(h.users.agentA, 'POST', `/api/v1/tickets/${ticket.id}/messages`, { body: '最新的一条备注', internal: true });
  assert.ok(last.id);
  const page = await h.newPage({ user: h.users.agentA });
  await page.goto(`/tickets/${ticket.id}`);
  const newest = page.getByTestId('timeline-note').first();
  await newest.filter({ hasText: '最新的一条备注' }).waitFor();
  // The page renders the newest 30 entries and offers the rest: all 507 (506 notes and the
  // creation) were loaded, past the API's page of 500.
  assert.equal(await page.getByTestId('timeline-note').count(), 30);
  await page.getByTestId('timeline-earlier').filter({ hasText: '显示更早的 477 条记录' }).waitFor();
  await page.context().close();
});
