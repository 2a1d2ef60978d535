import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { assertProblem as assertSharedProblem, createTestApp, type ApiResponse, type TestApp, type TestUser } from '../../app/test-app.js';

/** Admin-managed ticket categories (a tree) and the priority scale. */
let t: TestApp;
let agent: TestUser;
let supervisor: TestUser;
let engineer: TestUser;
before(async () => {
  t = await createTestApp();
  agent = await t.user('agent');
  supervisor = await t.user('supervisor');
  engineer = await t.user('field_engineer');
});
after(() => t.close());

type Category = { id: string; parentId: string | null; nameZh: string; nameEn: string; position: number; active: boolean };
type Priority = { key: string; nameZh: string; nameEn: string; rank: number; color: string; isDefault: boolean; active: boolean };
type Res = { statusCode: number; body: string; json(): any };

// Through the shared test client (t.api); the short signature stays so the tests below read as before.
function call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, as: TestUser = t.admin, headers: Record<string, string> = {}) {
  return t.api(method, url, { as, body: payload, headers });
}

async function ok<T>(res: Res | Promise<Res>, status = 200): Promise<T> {
  const r = await res;
  assert.equal(r.statusCode, status, r.body);
  return r.json() as T;
}

function assertProblem(res: ApiResponse, status: number, code: string, path?: string, fieldCode?: string) {
  const problem = assertSharedProblem(res, status, code);
  if (path) {
    const field = problem.errors?.find((e) => e.path === path);
    assert.ok(field, `an error at ${path}: ${res.body}`);
    if (fieldCode) assert.equal(field.code, fieldCode);
  }
}

const createCategory = (body: Record<string, unknown>, as: TestUser = t.admin) => call('POST', '/api/v1/categories', body, as);
const listCategories = async (includeInactive = false) => (await ok<{ items: Category[] }>(call('GET', `/api/v1/categories${includeInactive ? '?includeInactive=true' : ''}`))).items;
const listPriorities = async () => (await ok<{ items: Priority[] }>(call('GET', '/api/v1/priorities'))).items;

async function newTicket(payload: Record<string, unknown>) {
  return call('POST', '/api/v1/tickets', { subject: 'taxonomy', ...payload });
}

describe('categories', () => {
  test('a tree: create a parent and a child, list them flat with parentId', async () => {
    const parent = await ok<Category>(createCategory({ nameZh: '硬件', nameEn: 'Hardware', position: 1 }), 201);
    assert.equal(parent.parentId, null);
    assert.equal(parent.active, true);
    const child = await ok<Category>(createCategory({ nameZh: '打印机', nameEn: 'Printers', parentId: parent.id }), 201);
    assert.equal(child.parentId, parent.id);
    const noEnglish = await ok<Category>(createCategory({ nameZh: '其他' }), 201);
    assert.equal(noEnglish.nameEn, '');
    const items = await listCategories();
    assert.deepEqual(items.find((c) => c.id === child.id), child);
    assert.ok(items.some((c) => c.id === parent.id));
    // Agents read the tree (to categorise tickets).
    const asAgent = await ok<{ items: Category[] }>(call('GET', '/api/v1/categories', undefined, agent));
    assert.ok(asAgent.items.some((c) => c.id === child.id));
  });

  test('validation: name required, unknown parent is 400 naming parentId, unknown fields refused', async () => {
    assertProblem(await createCategory({ nameEn: 'No Chinese name' }), 400, 'validation.failed', 'nameZh');
    assertProblem(await createCategory({ nameZh: '  ' }), 400, 'validation.failed', 'nameZh');
    assertProblem(await createCategory({ nameZh: '孤儿', parentId: '00000000-0000-7000-8000-000000000000' }), 400, 'validation.failed', 'parentId', 'category.not_found');
    assertProblem(await createCategory({ nameZh: '多余', colour: 'red' }), 400, 'validation.failed');
  });

  test('move a category under another parent and back to the root', async () => {
    const a = await ok<Category>(createCategory({ nameZh: '网络' }), 201);
    const b = await ok<Category>(createCategory({ nameZh: '无线' }), 201);
    const moved = await ok<Category>(call('PATCH', `/api/v1/categories/${b.id}`, { parentId: a.id }));
    assert.equal(moved.parentId, a.id);
    assert.equal(moved.nameZh, '无线', 'other fields unchanged');
    const renamed = await ok<Category>(call('PATCH', `/api/v1/categories/${b.id}`, { nameEn: 'Wireless', position: 3 }));
    assert.equal(renamed.parentId, a.id, 'a rename keeps the parent');
    assert.equal(renamed.nameEn, 'Wireless');
    const root = await ok<Category>(call('PATCH', `/api/v1/categories/${b.id}`, { parentId: null }));
    assert.equal(root.parentId, null);
  });

  test('an empty PATCH changes nothing and answers the category', async () => {
    const c = await ok<Category>(createCategory({ nameZh: '不变' }), 201);
    const same = await ok<Category>(call('PATCH', `/api/v1/categories/${c.id}`, {}));
    assert.deepEqual(same, c);
  });

  test('moving a category under itself or under its own descendant is 409 category.cycle naming parentId', async () => {
    const top = await ok<Category>(createCategory({ nameZh: '软件' }), 201);
    const mid = await ok<Category>(createCategory({ nameZh: '办公软件', parentId: top.id }), 201);
    const leaf = await ok<Category>(createCategory({ nameZh: '邮件客户端', parentId: mid.id }), 201);
    assertProblem(await call('PATCH', `/api/v1/categories/${top.id}`, { parentId: mid.id }), 409, 'validation.failed', 'parentId', 'category.cycle');
    assertProblem(await call('PATCH', `/api/v1/categories/${top.id}`, { parentId: leaf.id }), 409, 'validation.failed', 'parentId', 'category.cycle');
    assertProblem(await call('PATCH', `/api/v1/categories/${top.id}`, { parentId: top.id }), 409, 'validation.failed', 'parentId', 'category.cycle');
    const items = await listCategories();
    assert.equal(items.find((c) => c.id === top.id)!.parentId, null, 'nothing moved');
    // Moving a leaf under a sibling branch is fine.
    assert.equal((await ok<Category>(call('PATCH', `/api/v1/categories/${leaf.id}`, { parentId: top.id }))).parentId, top.id);
  });

  test('PATCH or DELETE of a missing category is 404; a missing new parent is 400', async () => {
    const missing = '00000000-0000-7000-8000-000000000000';
    assertProblem(await call('PATCH', `/api/v1/categories/${missing}`, { nameZh: 'x' }), 404, 'category.not_found');
    assertProblem(await call('DELETE', `/api/v1/categories/${missing}`), 404, 'category.not_found');
    const c = await ok<Category>(createCategory({ nameZh: '有父' }), 201);
    assertProblem(await call('PATCH', `/api/v1/categories/${c.id}`, { parentId: missing }), 400, 'validation.failed', 'parentId', 'category.not_found');
    assertProblem(await call('PATCH', `/api/v1/categories/not-a-uuid`, { nameZh: 'x' }), 400, 'validation.failed');
  });

  test('deleting: a category with children is 409; an unused leaf is deleted', async () => {
    const parent = await ok<Category>(createCategory({ nameZh: '待删父' }), 201);
    const child = await ok<Category>(createCategory({ nameZh: '待删子', parentId: parent.id }), 201);
    assertProblem(await call('DELETE', `/api/v1/categories/${parent.id}`), 409, 'category.has_children');
    assert.deepEqual(await ok(call('DELETE', `/api/v1/categories/${child.id}`)), { deleted: true });
    assert.ok(!(await listCategories(true)).some((c) => c.id === child.id), 'gone, even with includeInactive');
    assert.deepEqual(await ok(call('DELETE', `/api/v1/categories/${parent.id}`)), { deleted: true }, 'now a leaf');
  });

  test('deleting a category tickets use deactivates it instead; it is hidden unless includeInactive, and new tickets cannot use it', async () => {
    const used = await ok<Category>(createCategory({ nameZh: '已使用' }), 201);
    const ticket = await ok<{ id: string; categoryId: string }>(newTicket({ categoryId: used.id }), 201);
    assert.equal(ticket.categoryId, used.id);
    assert.deepEqual(await ok(call('DELETE', `/api/v1/categories/${used.id}`)), { deleted: false });
    assert.ok(!(await listCategories()).some((c) => c.id === used.id), 'hidden by default');
    const inactive = (await listCategories(true)).find((c) => c.id === used.id);
    assert.equal(inactive?.active, false);
    assert.equal((await ok<{ categoryId: string }>(call('GET', `/api/v1/tickets/${ticket.id}`))).categoryId, used.id, 'the ticket keeps its category');
    assertProblem(await newTicket({ categoryId: used.id }), 400, 'validation.failed', 'categoryId', 'category.not_found');
    // Reactivating brings it back.
    assert.equal((await ok<Category>(call('PATCH', `/api/v1/categories/${used.id}`, { active: true }))).active, true);
    assert.ok((await listCategories()).some((c) => c.id === used.id));
    assertProblem(await call('GET', '/api/v1/categories?includeInactive=maybe'), 400, 'validation.failed', 'includeInactive');
  });

  test('only admins and supervisors (admin.categories) write categories', async () => {
    const c = await ok<Category>(createCategory({ nameZh: '权限' }), 201);
    for (const user of [agent, engineer]) {
      assertProblem(await createCategory({ nameZh: 'nope' }, user), 403, 'auth.forbidden');
      assertProblem(await call('PATCH', `/api/v1/categories/${c.id}`, { nameZh: 'nope' }, user), 403, 'auth.forbidden');
      assertProblem(await call('DELETE', `/api/v1/categories/${c.id}`, undefined, user), 403, 'auth.forbidden');
    }
    const bySupervisor = await ok<Category>(createCategory({ nameZh: '主管创建' }, supervisor), 201);
    assert.equal((await ok<Category>(call('PATCH', `/api/v1/categories/${bySupervisor.id}`, { nameEn: 'By supervisor' }, supervisor))).nameEn, 'By supervisor');
    assert.equal((await listCategories()).find((x) => x.id === c.id)!.nameZh, '权限', 'the refused writes changed nothing');
  });
});

/**
 * Run `requests` so that their transactions overlap. On PostgreSQL the outbox table is locked
 * (no write can commit) until every request waits on a lock; PGlite serialises transactions, so
 * there they simply run concurrently.
 */
async function overlapping<T>(requests: () => Promise<T>, waiting: number): Promise<T> {
  const url = (t.database as { url?: string }).url;
  if (!url) return requests();
  const blocker = new pg.Client({ connectionString: url });
  const observer = new pg.Client({ connectionString: url });
  await Promise.all([blocker.connect(), observer.connect()]);
  try {
    await blocker.query('begin');
    await blocker.query('lock table domain_events in exclusive mode');
    const pending = requests();
    for (let i = 0; ; i++) {
      const { rows } = await observer.query<{ n: number }>(
        "select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name = 'opencsm' and wait_event_type = 'Lock'",
      );
      if (rows[0]!.n >= waiting) break;
      assert.ok(i < 1000, 'the requests never all waited');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await blocker.query('commit');
    return await pending;
  } finally {
    await Promise.all([blocker.end(), observer.end()]);
  }
}

describe('concurrent category moves', () => {
  test('moving two categories under each other at once: one succeeds, the other is 409 category.cycle', async () => {
    const p = await ok<Category>(createCategory({ nameZh: '并发甲' }), 201);
    const q = await ok<Category>(createCategory({ nameZh: '并发乙' }), 201);
    const results = await overlapping(
      () => Promise.all([call('PATCH', `/api/v1/categories/${p.id}`, { parentId: q.id }), call('PATCH', `/api/v1/categories/${q.id}`, { parentId: p.id })]),
      2,
    );
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409], results.map((r) => r.body).join(' '));
    const loser = results.find((r) => r.statusCode === 409)!;
    assert.equal(loser.json().errors[0].code, 'category.cycle');
    const items = await listCategories();
    const parents = [p, q].map((c) => items.find((x) => x.id === c.id)!.parentId);
    assert.equal(parents.filter((x) => x === null).length, 1, `exactly one stays a root: ${JSON.stringify(parents)}`);
  });

  test('adding a child while its parent is deleted: the child is never left without its parent', async () => {
    const parent = await ok<Category>(createCategory({ nameZh: '并发父' }), 201);
    const [created, deleted] = await overlapping(
      () => Promise.all([createCategory({ nameZh: '并发子', parentId: parent.id }), call('DELETE', `/api/v1/categories/${parent.id}`)]),
      2,
    );
    const items = await listCategories(true);
    if (created!.statusCode === 201) {
      assert.equal(deleted!.statusCode, 409, deleted!.body);
      assert.ok(items.some((c) => c.id === parent.id));
    } else {
      assert.equal(deleted!.statusCode, 200, deleted!.body);
      assertProblem(created!, 400, 'validation.failed', 'parentId', 'category.not_found');
    }
    assert.ok(items.filter((c) => c.parentId).every((c) => items.some((x) => x.id === c.parentId)), 'no orphans');
  });
});

describe('priorities', () => {
  test('five default levels ship, ordered by rank, with `normal` as the one default', async () => {
    const items = await listPriorities();
    assert.deepEqual(items.map((p) => p.key), ['urgent', 'high', 'normal', 'low', 'lowest']);
    assert.deepEqual(items.filter((p) => p.isDefault).map((p) => p.key), ['normal']);
    assert.ok(items.every((p) => p.active));
    const ticket = await ok<{ priority: string }>(newTicket({}), 201);
    assert.equal(ticket.priority, 'normal', 'a ticket without a priority gets the default');
    // Agents and field engineers read the scale.
    for (const user of [agent, engineer]) assert.equal((await ok<{ items: Priority[] }>(call('GET', '/api/v1/priorities', undefined, user))).items.length, 5);
  });

  test('create a level; a duplicate key is 409 naming key; a bad key is 400', async () => {
    const created = await ok<Priority>(call('POST', '/api/v1/priorities', { key: 'blocker', nameZh: '阻断', nameEn: 'Blocker', rank: 1, color: 'magenta' }), 201);
    assert.deepEqual(created, { key: 'blocker', nameZh: '阻断', nameEn: 'Blocker', rank: 1, color: 'magenta', isDefault: false, active: true });
    assert.ok((await listPriorities()).some((p) => p.key === 'blocker'));
    assertProblem(await call('POST', '/api/v1/priorities', { key: 'blocker', nameZh: '重复', nameEn: 'Dup', rank: 9 }), 409, 'validation.failed', 'key', 'priority.key_taken');
    assertProblem(await call('POST', '/api/v1/priorities', { key: 'Has Spaces', nameZh: '坏', nameEn: 'Bad', rank: 9 }), 400, 'validation.failed', 'key');
    assertProblem(await call('POST', '/api/v1/priorities', { key: 'norank', nameZh: '坏', nameEn: 'Bad' }), 400, 'validation.failed', 'rank');
    assert.equal((await ok<{ priority: string }>(newTicket({ priority: 'blocker' }), 201)).priority, 'blocker');
  });

  test('making a new level the default clears the old default, at creation and by update', async () => {
    await ok(call('POST', '/api/v1/priorities', { key: 'standard', nameZh: '标准', nameEn: 'Standard', rank: 3, isDefault: true }), 201);
    let items = await listPriorities();
    assert.deepEqual(items.filter((p) => p.isDefault).map((p) => p.key), ['standard']);
    assert.equal((await ok<{ priority: string }>(newTicket({}), 201)).priority, 'standard');

    await ok(call('PATCH', '/api/v1/priorities/normal', { isDefault: true }));
    items = await listPriorities();
    assert.deepEqual(items.filter((p) => p.isDefault).map((p) => p.key), ['normal']);
    assert.equal((await ok<{ priority: string }>(newTicket({}), 201)).priority, 'normal');
  });

  test('the default cannot be un-defaulted, deactivated or deleted', async () => {
    assertProblem(await call('PATCH', '/api/v1/priorities/normal', { isDefault: false }), 409, 'priority.last_default');
    assertProblem(await call('PATCH', '/api/v1/priorities/normal', { active: false }), 409, 'priority.last_default');
    assertProblem(await call('DELETE', '/api/v1/priorities/normal'), 409, 'priority.last_default');
    assert.deepEqual((await listPriorities()).filter((p) => p.isDefault).map((p) => p.key), ['normal']);
  });

  test('an inactive level cannot become the default, and a new default must be active', async () => {
    await ok(call('POST', '/api/v1/priorities', { key: 'dormant', nameZh: '休眠', nameEn: 'Dormant', rank: 50, active: false }), 201);
    assertProblem(await call('PATCH', '/api/v1/priorities/dormant', { isDefault: true }), 409, 'priority.last_default');
    assertProblem(await call('POST', '/api/v1/priorities', { key: 'ghost', nameZh: '幽灵', nameEn: 'Ghost', rank: 51, isDefault: true, active: false }), 409, 'priority.last_default');
    assert.deepEqual((await listPriorities()).filter((p) => p.isDefault).map((p) => p.key), ['normal']);
    assert.ok(!(await listPriorities()).some((p) => p.key === 'ghost'));
  });

  test('a level in use cannot be deleted (409) but can be deactivated; an unused one is deleted (204)', async () => {
    await ok(call('POST', '/api/v1/priorities', { key: 'temp-used', nameZh: '临时', nameEn: 'Temp', rank: 60 }), 201);
    await ok(newTicket({ priority: 'temp-used' }), 201);
    assertProblem(await call('DELETE', '/api/v1/priorities/temp-used'), 409, 'priority.in_use');
    const deactivated = await ok<Priority>(call('PATCH', '/api/v1/priorities/temp-used', { active: false }));
    assert.equal(deactivated.active, false);
    assertProblem(await newTicket({ priority: 'temp-used' }), 400, 'validation.failed', 'priority', 'priority.not_found');

    await ok(call('POST', '/api/v1/priorities', { key: 'temp-unused', nameZh: '临时2', nameEn: 'Temp 2', rank: 61 }), 201);
    const deleted = await call('DELETE', '/api/v1/priorities/temp-unused');
    assert.equal(deleted.statusCode, 204, deleted.body);
    assert.ok(!(await listPriorities()).some((p) => p.key === 'temp-unused'));
    assertProblem(await call('DELETE', '/api/v1/priorities/temp-unused'), 404, 'priority.not_found');
    assertProblem(await call('PATCH', '/api/v1/priorities/temp-unused', { rank: 2 }), 404, 'priority.not_found');
  });

  test('an update changes only the given fields; an empty PATCH changes nothing', async () => {
    const before = (await listPriorities()).find((p) => p.key === 'low')!;
    const renamed = await ok<Priority>(call('PATCH', '/api/v1/priorities/low', { nameEn: 'Low (renamed)' }));
    assert.deepEqual(renamed, { ...before, nameEn: 'Low (renamed)' });
    assert.deepEqual(await ok<Priority>(call('PATCH', '/api/v1/priorities/low', {})), renamed);
    assertProblem(await call('PATCH', '/api/v1/priorities/low', { key: 'other' }), 400, 'validation.failed');
    // Renaming the default keeps it the default (the fields not sent are not reset).
    const normal = await ok<Priority>(call('PATCH', '/api/v1/priorities/normal', { nameZh: '普通' }));
    assert.equal(normal.isDefault, true);
    assert.equal(normal.color, 'blue');
  });

  test('only admins and supervisors (admin.priorities) write priorities', async () => {
    for (const user of [agent, engineer]) {
      assertProblem(await call('POST', '/api/v1/priorities', { key: 'agentmade', nameZh: '坐席', nameEn: 'Agent', rank: 7 }, user), 403, 'auth.forbidden');
      assertProblem(await call('PATCH', '/api/v1/priorities/high', { nameEn: 'nope' }, user), 403, 'auth.forbidden');
      assertProblem(await call('DELETE', '/api/v1/priorities/lowest', undefined, user), 403, 'auth.forbidden');
    }
    assert.equal((await listPriorities()).find((p) => p.key === 'high')!.nameEn, 'High');
    await ok(call('POST', '/api/v1/priorities', { key: 'sup-made', nameZh: '主管', nameEn: 'Supervisor made', rank: 8 }, supervisor), 201);
  });

  test('errors are in English with Accept-Language: en', async () => {
    const res = await call('DELETE', '/api/v1/priorities/normal', undefined, t.admin, { 'accept-language': 'en' });
    assert.equal(res.statusCode, 409);
    const zh = (await call('DELETE', '/api/v1/priorities/normal')).json().title;
    assert.notEqual(res.json().title, zh);
    assert.match(res.json().title, /[a-z]/i);
    assert.match(res.headers['content-type'] as string, /^application\/problem\+json/);
  });
});
