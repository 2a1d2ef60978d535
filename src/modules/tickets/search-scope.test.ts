import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';

/**
 * Issue 13 §1: a search from any view looks through every ticket the caller may see (open and
 * solved), says how many it found and where; `scope=view` keeps the view. Exact phrases through
 * the real index job and HTTP API.
 */
let t: TestApp;
let agent: TestUser;
const made: Record<string, string> = {};

type Page = { items: Array<{ id: string }>; nextCursor: string | null; search: { scope: string; total: number; totalCapped: boolean } | null };

async function createTicket(payload: Record<string, unknown>): Promise<string> {
  const res = await t.server.inject({ method: 'POST', url: '/api/v1/tickets', headers: t.admin.headers, payload: { description: '', ...payload } });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id;
}

async function page(query: Record<string, string>, as: TestUser = agent): Promise<Page> {
  const res = await t.server.inject({ method: 'GET', url: `/api/v1/tickets?${new URLSearchParams(query)}`, headers: as.headers });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}
const ids = async (query: Record<string, string>, as?: TestUser) => (await page({ limit: '100', ...query }, as)).items.map((i) => i.id).sort();

before(async () => {
  t = await createTestApp();
  const team = await t.team('Scope team');
  const otherTeam = await t.team('Other team');
  agent = await t.user('agent', { teamIds: [team] });
  made.assigned = await createTicket({ subject: '打印机卡纸', teamId: team, assigneeId: agent.id });
  made.teamOpen = await createTicket({ subject: '会议室打印机不出纸', teamId: team });
  made.solved = await createTicket({ subject: '打印机驱动', description: '已远程处理', teamId: team });
  const solved = await t.server.inject({ method: 'PATCH', url: `/api/v1/tickets/${made.solved}`, headers: { ...t.admin.headers, 'if-match': '"1"' }, payload: { status: 'resolved' } });
  assert.equal(solved.statusCode, 200, solved.body);
  made.invisible = await createTicket({ subject: '打印机漏墨', teamId: otherTeam });
  made.hour = await createTicket({ subject: '投诉', description: '等了一个小时才有人接电话', teamId: team });
  made.scattered = await createTicket({ subject: '投诉', description: '等了三个小时，去了一个办公室也没人管', teamId: team });
  made.forty = await createTicket({ subject: '外卖超时', description: '等了40分钟还没送到', teamId: team });
  made.twenty = await createTicket({ subject: '外卖超时', description: '等了二十分钟', teamId: team });
  made.app = await createTicket({ subject: '下单失败', description: '用app点的KFC，iPad上也打不开', teamId: team });
  await t.drain();
});
after(() => t.close());

test('a search from 我的工单 looks through every ticket the agent may see, open and solved, and says so', async () => {
  const found = await page({ view: 'mine', q: '打印机' });
  assert.deepEqual(found.items.map((i) => i.id).sort(), [made.assigned, made.teamOpen, made.solved].sort());
  assert.deepEqual(found.search, { scope: 'all', total: 3, totalCapped: false });
  assert.ok(!found.items.some((i) => i.id === made.invisible), 'another team’s ticket stays invisible');
});

test('仅当前视图: scope=view keeps the view’s filters, and the count follows', async () => {
  const found = await page({ view: 'mine', q: '打印机', scope: 'view' });
  assert.deepEqual(found.items.map((i) => i.id), [made.assigned]);
  assert.deepEqual(found.search, { scope: 'view', total: 1, totalCapped: false });
  assert.deepEqual(await ids({ view: 'solved', q: '打印机', scope: 'view' }), [made.solved]);
});

test('the count covers every match, not only the first page; later pages carry no count', async () => {
  const first = await page({ q: '打印机', limit: '1' });
  assert.deepEqual(first.search, { scope: 'all', total: 3, totalCapped: false });
  assert.ok(first.nextCursor);
  const second = await page({ q: '打印机', limit: '1', cursor: first.nextCursor! });
  assert.equal(second.search, null);
  assert.equal((await page({ view: 'mine' })).search, null, 'no search, no summary');
});

test('an unknown scope is a 400 naming scope', async () => {
  const res = await t.server.inject({ method: 'GET', url: '/api/v1/tickets?q=x&scope=everything', headers: agent.headers });
  assert.equal(res.statusCode, 400);
  assert.ok(JSON.stringify(res.json()).includes('scope'), res.body);
});

test('three or more Chinese characters match the contiguous phrase, not scattered bigrams', async () => {
  assert.deepEqual(await ids({ q: '一个小时' }), [made.hour]);
  assert.deepEqual(await ids({ q: '一个' }), [made.hour, made.scattered].sort());
});

test('a number with its unit means the number right before the unit', async () => {
  assert.deepEqual(await ids({ q: '40分钟' }), [made.forty]);
  assert.deepEqual(await ids({ q: '分钟' }), [made.forty, made.twenty].sort());
  assert.deepEqual(await ids({ q: '40' }), [made.forty]);
});

test('Latin words written against Chinese are found', async () => {
  assert.deepEqual(await ids({ q: 'app' }), [made.app]);
  assert.deepEqual(await ids({ q: 'kfc' }), [made.app]);
  assert.deepEqual(await ids({ q: 'iPad' }), [made.app]);
  assert.deepEqual(await ids({ q: '用app点的' }), [made.app]);
});
