import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { ApiError } from '../../shared/api/client.ts';
import { fetchApprovals } from './stage-work-api.ts';

/**
 * 待我审批 is built against GET /api/v1/approvals?mine=1 before the server has it: a 404 means
 * "not on this server" (the view is hidden), an answer is checked against the agreed shape.
 */
const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});
const answer = (status: number, body: unknown) => {
  const asked: string[] = [];
  globalThis.fetch = async (input) => {
    asked.push(String(input));
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  return asked;
};

test('a server without the approvals endpoint answers 404: no approvals view', async () => {
  const asked = answer(404, { title: 'Not Found', status: 404 });
  assert.equal(await fetchApprovals('', 'zh-CN'), null);
  assert.deepEqual(asked, ['/api/v1/approvals?mine=1']);
});

test('an answer in the server’s shape is read, the subject optional; the cursor is passed on', async () => {
  const item = { requestId: 'a1', ticketId: 't1', processId: 'p1', transition: 'plan_agreed', fromStage: 'compensation_plan', requestedAt: '2026-12-07T08:00:00.000Z', askedAt: '2026-12-07T08:00:00.000Z', mode: 'countersign', revision: 1, requestedBy: 'u1', delegatedFrom: null, needsAttention: false, attention: [] };
  const asked = answer(200, { items: [item, { ...item, requestId: 'a2', ticketNumber: 'T-2', ticketSubject: '墙面开裂' }], nextCursor: 'c2' });
  const page = await fetchApprovals('c1', 'en');
  assert.deepEqual(page?.items.map((i) => [i.requestId, i.ticketSubject]), [['a1', undefined], ['a2', '墙面开裂']]);
  assert.equal(page?.nextCursor, 'c2');
  assert.deepEqual(asked, ['/api/v1/approvals?mine=1&cursor=c1']);
});

test('a refusal is the server’s problem; an answer of another shape is an error, never shown half-read', async () => {
  answer(403, { title: '没有权限', status: 403, code: 'auth.forbidden' });
  await assert.rejects(fetchApprovals('', 'zh-CN'), (error: unknown) => error instanceof ApiError && error.status === 403 && error.message === '没有权限');
  answer(200, { items: [{ id: 'a1' }] });
  await assert.rejects(fetchApprovals('', 'zh-CN'));
});
