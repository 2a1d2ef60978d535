/**
 * A live event re-renders only the row it changed (issue 13 §7). The list refetches its page after
 * every ticket event; unchanged tickets keep their objects (react-query's structural sharing) and
 * the cells declare `shouldCellUpdate` on the row object, so only the changed row's cells render.
 *
 * React is watched the way React DevTools watches it: a `__REACT_DEVTOOLS_GLOBAL_HOOK__` installed
 * before the console's scripts gets every commit (production builds report them too) and counts,
 * per list row, the components its cells rendered. Identical output would leave the DOM alone,
 * so a MutationObserver alone could not tell a memoised row from a re-rendered one; it is kept as
 * a second check that no other row's DOM changed. Checked: with `shouldCellUpdate` removed from
 * list-columns.tsx every row renders its cells again (64 components each) and this test fails.
 *
 *   node scripts/run-tests.mjs e2e/ticket-list-live-row.e2e.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromiumPath, startHarness, type Harness } from './harness.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
let h: Harness;

type Ticket = { id: string; number: string; subject: string; version: number };
type Watch = { renders: Record<string, number>; mutated: string[] };

before(async () => {
  if (skip) return;
  h = await startHarness();
});

after(async () => {
  await h?.close();
});

/**
 * Runs in the page before its scripts: counts, per `ticket-row-…` element, the components that
 * rendered inside its cells. rc-table's own cell wrappers run for every row on each refresh and
 * consult `shouldCellUpdate`; what must not run again is what a column renders (the tags, names,
 * times), so counting starts below a cell's element. The selection checkbox column belongs to
 * antd (it redraws its checkboxes on every refresh) and is left out.
 */
function watchRowRenders() {
  const watch = { renders: {} as Record<string, number>, mutated: [] as string[] };
  (window as unknown as { rowWatch: Watch }).rowWatch = watch;
  type Fiber = { tag: number; type: unknown; flags: number; memoizedProps: Record<string, unknown> | null; child: Fiber | null; sibling: Fiber | null; alternate: Fiber | null };
  const performedWork = 1; // React's PerformedWork flag: the component's function ran in this commit.
  const componentTags = new Set([0, 1, 11, 14, 15]); // function, class, forwardRef, memo, simple memo
  const hostProp = (fiber: Fiber, name: string) => (typeof fiber.type === 'string' ? fiber.memoizedProps?.[name] : undefined);
  const walk = (first: Fiber | null, row: string | undefined, inCell: boolean) => {
    for (let fiber = first; fiber; fiber = fiber.sibling) {
      const id = hostProp(fiber, 'data-testid');
      const inRow = typeof id === 'string' && id.startsWith('ticket-row-') ? id : row;
      const className = String(hostProp(fiber, 'className') ?? '');
      if (className.includes('ant-table-selection-column')) continue;
      const cell = inCell || (inRow !== undefined && className.includes('ant-table-cell'));
      const previous = fiber.alternate;
      if (inRow && cell && componentTags.has(fiber.tag) && (!previous || fiber.flags & performedWork)) watch.renders[inRow] = (watch.renders[inRow] ?? 0) + 1;
      // A subtree this commit did not enter still holds the previous commit's children.
      if (fiber.child && (!previous || fiber.child !== previous.child)) walk(fiber.child, inRow, cell);
    }
  };
  (window as unknown as { __REACT_DEVTOOLS_GLOBAL_HOOK__: unknown }).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject: () => 1,
    checkDCE: () => undefined,
    onScheduleFiberRoot: () => undefined,
    onCommitFiberRoot: (_renderer: number, root: { current: Fiber }) => walk(root.current.child, undefined, false),
    onCommitFiberUnmount: () => undefined,
    onPostCommitFiberRoot: () => undefined,
  };
}

test('a live update of one ticket re-renders its row and no other', { skip, timeout: 90_000 }, async () => {
  // The rows must not change by themselves between the page's two fetches: a running SLA timer's
  // `remainingMinutes` is computed per request, so a minute boundary between them changed every
  // row, and every row rightly rendered again (the test failed in 1 of 3 CI runs). Without SLA
  // policies the tickets hold no timers.
  const policies = await h.api<{ items: Array<{ id: string }> }>(h.users.admin, 'GET', '/api/v1/sla/policies');
  for (const policy of policies.items) await h.api(h.users.admin, 'DELETE', `/api/v1/sla/policies/${policy.id}`);
  const agent = await h.user('agent', '孙丽', [h.teamId]);
  const tickets: Ticket[] = [];
  for (const [subject, name] of [
    ['热水器打不着火', '赵先生'],
    ['空调外机噪音大', '钱女士'],
    ['燃气灶点火困难', '孙先生'],
    ['洗碗机不排水', '李女士'],
    ['油烟机吸力弱', '周先生'],
    ['净水器漏水', '吴女士'],
  ] as const) {
    tickets.push(await h.api<Ticket>(agent, 'POST', '/api/v1/tickets', { channel: 'phone', subject, description: '', teamId: h.teamId, assigneeId: agent.id, requester: { name, phone: '13900001234' } }));
  }
  const changed = tickets[2]!;
  assert.deepEqual(
    (await h.api<{ items: Array<{ sla?: unknown[] }> }>(agent, 'GET', '/api/v1/tickets?view=mine')).items.map((t) => t.sla ?? []),
    tickets.map(() => []),
    'no ticket holds an SLA timer',
  );

  const page = await h.newPage({ user: agent });
  await page.addInitScript(watchRowRenders);
  // By number: the change must not move the row (a sort by update time would move every row).
  await page.goto('/tickets?view=mine&sort=number');
  for (const ticket of tickets) await page.getByTestId(`ticket-row-${ticket.number}`).filter({ hasText: ticket.subject }).waitFor();
  await page.waitForLoadState('networkidle');

  // From here on: count renders and DOM changes per row.
  await page.evaluate(() => {
    const watch = (window as unknown as { rowWatch: Watch }).rowWatch;
    watch.renders = {};
    const rows = document.querySelector('[data-testid="ticket-list"]')!;
    new MutationObserver((records) => {
      for (const record of records) {
        const target = record.target instanceof Element ? record.target : record.target.parentElement;
        if (target?.closest('.ant-table-selection-column')) continue; // antd's checkboxes, see above
        const row = target?.closest('[data-testid^="ticket-row-"]')?.getAttribute('data-testid');
        if (row) watch.mutated.push(row);
      }
    }).observe(rows, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  assert.equal(await page.evaluate(() => Object.keys((window as unknown as { rowWatch: Watch }).rowWatch.renders).length), 0, 'the list is quiet before the change');

  // Someone else renames ticket 3 through the API; the stream brings the change to this page.
  const response = await fetch(`${h.baseURL}/api/v1/tickets/${changed.id}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${h.users.admin.token}`, 'content-type': 'application/json', 'if-match': `"${changed.version}"` },
    body: JSON.stringify({ subject: '燃气灶点火困难（已约上门）' }),
  });
  assert.equal(response.status, 200, await response.text());
  await page.getByTestId(`ticket-row-${changed.number}`).filter({ hasText: '燃气灶点火困难（已约上门）' }).waitFor();

  const watch = await page.evaluate(() => (window as unknown as { rowWatch: Watch }).rowWatch);
  const changedRow = `ticket-row-${changed.number}`;
  assert.ok((watch.renders[changedRow] ?? 0) > 0, `the changed row's cells rendered (seen: ${JSON.stringify(watch.renders)})`);
  const others = Object.entries(watch.renders).filter(([row]) => row !== changedRow);
  assert.deepEqual(others, [], `rows other than ${changedRow} rendered again: ${JSON.stringify(watch.renders)}`);
  assert.deepEqual([...new Set(watch.mutated)].filter((row) => row !== changedRow), [], 'the DOM of other rows changed');
  assert.ok(watch.mutated.includes(changedRow), 'the changed row was redrawn');
  assert.deepEqual(h.takePageErrors(), []);
});
