import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertProblem, createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { listAggregateEvents } from '../../jobs/events.js';

/**
 * Macros (issue 18 §3): who sees and manages which macro, the composer's search (Chinese
 * substrings, most used first, pages), and validation problems that name the field.
 */
let t: TestApp;
let hardware: string;
let billing: string;
let agent: TestUser;
let otherAgent: TestUser;
let billingAgent: TestUser;
let supervisor: TestUser;
before(async () => {
  t = await createTestApp();
  hardware = await t.team('硬件支持组');
  billing = await t.team('账务组');
  agent = await t.user('agent', { teamIds: [hardware] });
  otherAgent = await t.user('agent', { teamIds: [hardware] });
  billingAgent = await t.user('agent', { teamIds: [billing] });
  supervisor = await t.user('supervisor');
});
after(() => t.close());

type Macro = { id: string; scope: string; name: string; version: number; usageCount: number; abilities: { update: boolean; delete: boolean } };

async function create(as: TestUser, body: Record<string, unknown>): Promise<Macro> {
  const res = await t.api('POST', '/api/v1/macros', { as, body });
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.headers.etag, `"${res.data.version}"`);
  return res.data;
}

async function names(as: TestUser, query: Record<string, string> = {}): Promise<string[]> {
  const res = await t.api('GET', '/api/v1/macros', { as, query });
  assert.equal(res.statusCode, 200, res.body);
  return (res.data.items as Macro[]).map((m) => m.name);
}

describe('who sees which macro', () => {
  let personal: Macro;
  let forHardware: Macro;
  before(async () => {
    personal = await create(agent, { scope: 'personal', name: '我的问候', body: '您好，{{requester.name}}' });
    forHardware = await create(supervisor, { scope: 'shared', name: '硬件返修流程', body: '请寄回设备', teamIds: [hardware] });
    await create(supervisor, { scope: 'shared', name: '全员：结束语', body: '感谢您的耐心' });
  });

  test('a personal macro is its owner\'s alone: others, supervisors included, get 404 and never list it', async () => {
    assert.ok((await names(agent)).includes('我的问候'));
    for (const someone of [otherAgent, supervisor, t.admin]) {
      assert.ok(!(await names(someone)).includes('我的问候'));
      assert.ok(!(await names(someone, { scope: 'shared' })).includes('我的问候'));
      assertProblem(await t.api('GET', `/api/v1/macros/${personal.id}`, { as: someone }), 404, 'macro.not_found');
      assertProblem(await t.api('PATCH', `/api/v1/macros/${personal.id}`, { as: someone, ifMatch: personal.version, body: { name: 'x' } }), 404, 'macro.not_found');
      assertProblem(await t.api('DELETE', `/api/v1/macros/${personal.id}`, { as: someone }), 404, 'macro.not_found');
    }
  });

  test('a shared macro for chosen teams reaches their members only; one for nobody in particular reaches every agent', async () => {
    assert.deepEqual((await names(agent)).filter((n) => n !== '我的问候').sort(), ['全员：结束语', '硬件返修流程'].sort());
    assert.deepEqual(await names(billingAgent), ['全员：结束语']);
    assertProblem(await t.api('GET', `/api/v1/macros/${forHardware.id}`, { as: billingAgent }), 404, 'macro.not_found');
    // A supervisor manages every shared macro, and uses only those that reach them.
    assert.deepEqual((await names(supervisor, { scope: 'shared' })).sort(), ['全员：结束语', '硬件返修流程'].sort());
    assert.deepEqual(await names(supervisor), ['全员：结束语']);
  });

  test('shared macros are managed with macros.manage: an agent may use one but not create, change or delete it', async () => {
    assertProblem(await t.api('POST', '/api/v1/macros', { as: agent, body: { scope: 'shared', name: '越权' } }), 403, 'macro.manage_required');
    const seen = await t.api('GET', `/api/v1/macros/${forHardware.id}`, { as: agent });
    assert.equal(seen.statusCode, 200);
    assert.deepEqual(seen.data.abilities, { update: false, delete: false });
    assertProblem(await t.api('PATCH', `/api/v1/macros/${forHardware.id}`, { as: agent, ifMatch: forHardware.version, body: { name: '改名' } }), 403, 'macro.manage_required');
    assertProblem(await t.api('DELETE', `/api/v1/macros/${forHardware.id}`, { as: agent }), 403, 'macro.manage_required');
    const own = await t.api('GET', `/api/v1/macros/${personal.id}`, { as: agent });
    assert.deepEqual(own.data.abilities, { update: true, delete: true });
  });

  test('an unauthenticated caller is refused', async () => {
    assertProblem(await t.api('GET', '/api/v1/macros', { as: null }), 401, 'auth.unauthenticated');
  });
});

describe('changing and deleting', () => {
  test('update needs If-Match, refuses a stale version, and each change is a typed event', async () => {
    const macro = await create(agent, { scope: 'personal', name: '草稿', body: '' });
    assertProblem(await t.api('PATCH', `/api/v1/macros/${macro.id}`, { as: agent, body: { name: '新名' } }), 428, 'macro.if_match_required');
    const updated = await t.api('PATCH', `/api/v1/macros/${macro.id}`, { as: agent, ifMatch: macro.version, body: { name: '新名', active: false } });
    assert.equal(updated.statusCode, 200, updated.body);
    assert.equal(updated.data.version, macro.version + 1);
    assertProblem(await t.api('PATCH', `/api/v1/macros/${macro.id}`, { as: agent, ifMatch: macro.version, body: { name: '旧的' } }), 412, 'macro.version_mismatch');
    assert.ok(!(await names(agent)).includes('新名'), 'an inactive macro is not offered in the composer');
    assert.ok((await names(agent, { scope: 'personal' })).includes('新名'), 'but is listed among one\'s own');
    assert.equal((await t.api('DELETE', `/api/v1/macros/${macro.id}`, { as: agent, ifMatch: updated.data.version })).statusCode, 204);
    assertProblem(await t.api('GET', `/api/v1/macros/${macro.id}`, { as: agent }), 404, 'macro.not_found');
    const events = (await listAggregateEvents(t.database.db, 'macro', [macro.id])).reverse(); // newest first
    assert.deepEqual(events.map((e) => [e.type, e.cause, e.actorId]), [['macro.created', 'agent', agent.id], ['macro.updated', 'agent', agent.id], ['macro.deleted', 'agent', agent.id]]);
    assert.deepEqual(events[1]!.payload.fields, ['name', 'active']);
  });
});

describe('validation names the field', () => {
  test('unknown variables in the body are reported at body with line and column, in the caller\'s language', async () => {
    const res = await t.api('POST', '/api/v1/macros', { as: agent, body: { scope: 'personal', name: '坏变量', body: '您好 {{requester.nam}}\n编号 {{ticket.number}} {{fields.nope}} {{oops' } });
    const problem = assertProblem(res, 400, 'validation.failed');
    assert.deepEqual(problem.errors!.map((e) => [e.path, e.code, e.params?.line, e.params?.column]), [
      ['body', 'template.unknown_variable', 1, 4],
      ['body', 'template.unknown_variable', 2, 22],
      ['body', 'template.unclosed', 2, 38],
    ]);
    assert.equal(problem.errors![0]!.message, '第 1 行第 4 列：未知变量 requester.nam');
    const en = await t.api('POST', '/api/v1/macros', { as: agent, headers: { 'accept-language': 'en' }, body: { scope: 'personal', name: 'x', body: '{{constructor}}' } });
    assert.equal(assertProblem(en, 400, 'validation.failed').errors![0]!.message, 'Line 1, column 1: unknown variable constructor');
  });

  test('actions naming a missing priority, team, assignee or field, teams on a personal macro and bad shapes are 400s at their path', async () => {
    const res = await t.api('POST', '/api/v1/macros', {
      as: supervisor,
      body: { scope: 'shared', name: '坏动作', actions: { priority: 'nope', teamId: '00000000-0000-7000-8000-000000000000', assigneeId: '00000000-0000-7000-8000-000000000001', fields: { no_such_field: 'x' } }, teamIds: ['00000000-0000-7000-8000-000000000002'] },
    });
    const problem = assertProblem(res, 400, 'validation.failed');
    assert.deepEqual(problem.errors!.map((e) => [e.path, e.code]).sort(), [
      ['actions.assigneeId', 'ticket.assignee_invalid'],
      ['actions.fields.no_such_field', 'macro.unknown_field'],
      ['actions.priority', 'priority.not_found'],
      ['actions.teamId', 'team.not_found'],
      ['teamIds.0', 'team.not_found'],
    ]);
    assertProblem(await t.api('POST', '/api/v1/macros', { as: agent, body: { scope: 'personal', name: 'x', teamIds: [hardware] } }), 400, 'validation.failed');
    const shape = await t.api('POST', '/api/v1/macros', { as: agent, body: { scope: 'personal', name: '', actions: { status: 'done', colour: 'red' } } });
    const paths = assertProblem(shape, 400, 'validation.failed').errors!.map((e) => e.path).sort();
    assert.deepEqual(paths, ['actions.colour', 'actions.status', 'name']);
  });
});

describe('the composer\'s search', () => {
  let searcher: TestUser;
  before(async () => {
    searcher = await t.user('agent');
    await create(searcher, { scope: 'personal', name: '退款说明', shortcut: 'tk', body: '退款将在 3 个工作日内原路退回' });
    await create(searcher, { scope: 'personal', name: '物流查询', shortcut: 'wl', body: '您的包裹正在配送中，Tracking No. 见短信' });
    await create(searcher, { scope: 'personal', name: 'Invoice', shortcut: 'fp', body: '发票将以电子形式发送' });
  });

  test('finds by name, shortcut and body: a Chinese substring, ASCII letters without case', async () => {
    assert.deepEqual(await names(searcher, { q: '退款' }), ['退款说明']);
    assert.deepEqual(await names(searcher, { q: '工作日' }), ['退款说明'], 'inside the body, no word breaks needed');
    assert.deepEqual(await names(searcher, { q: 'WL' }), ['物流查询'], 'the shortcut');
    assert.deepEqual(await names(searcher, { q: 'tracking' }), ['物流查询']);
    assert.deepEqual(await names(searcher, { q: 'invoice' }), ['Invoice']);
    assert.deepEqual(await names(searcher, { q: '%' }), [], 'no LIKE wildcards');
    assert.deepEqual(await names(searcher, { q: '不存在的词' }), []);
  });

  test('most used first, in pages', async () => {
    const list = (await t.api('GET', '/api/v1/macros', { as: searcher })).data.items as Macro[];
    const ticket = await t.createTicket({ subject: '排序' }, { as: searcher });
    const invoice = list.find((m) => m.name === 'Invoice')!;
    for (let i = 0; i < 2; i++) assert.equal((await t.api('POST', `/api/v1/tickets/${ticket.id}/macros/${invoice.id}/apply`, { as: searcher })).statusCode, 200);
    const shipping = list.find((m) => m.name === '物流查询')!;
    assert.equal((await t.api('POST', `/api/v1/tickets/${ticket.id}/macros/${shipping.id}/apply`, { as: searcher })).statusCode, 200);
    const first = await t.api('GET', '/api/v1/macros', { as: searcher, query: { limit: 2, scope: 'personal' } });
    assert.deepEqual((first.data.items as Macro[]).map((m) => [m.name, m.usageCount]), [['Invoice', 2], ['物流查询', 1]]);
    assert.ok(first.data.nextCursor);
    const second = await t.api('GET', '/api/v1/macros', { as: searcher, query: { limit: 2, scope: 'personal', cursor: first.data.nextCursor } });
    assert.deepEqual((second.data.items as Macro[]).map((m) => m.name), ['退款说明']);
    assert.equal(second.data.nextCursor, null);
    assert.equal(assertProblem(await t.api('GET', '/api/v1/macros', { as: searcher, query: { cursor: 'garbage' } }), 400, 'validation.failed').errors![0]!.path, 'cursor');
  });

  test('an agent with no macros gets an empty page', async () => {
    const loner = await t.user('field_engineer');
    const res = await t.api('GET', '/api/v1/macros', { as: loner, query: { scope: 'personal' } });
    assert.deepEqual(res.data, { items: [], nextCursor: null });
  });
});
