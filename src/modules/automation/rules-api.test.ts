import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { assertProblem, createTestApp, type ApiResponse, type TestApp, type TestUser } from '../../app/test-app.js';
import { domainEvents } from '../../jobs/schema.js';

/** Administering event rules over HTTP: create, validation problems at their paths, permissions, If-Match, versions, order, enable, delete. */
let t: TestApp;
let supervisor: TestUser;
let agent: TestUser;
let teamId: string;
before(async () => {
  t = await createTestApp();
  supervisor = await t.user('supervisor');
  agent = await t.user('agent');
  teamId = await t.team('硬件支持组');
});
after(() => t.close());

type Rule = { id: string; name: string; position: number; version: number; enabled: boolean; triggers: string[]; conditions: unknown; actions: Array<Record<string, unknown>>; stopAfter: boolean };

const wechatHardware = (categoryId?: string) => ({
  name: '微信硬件故障 → 硬件支持组',
  triggers: ['ticket.created'],
  conditions: { all: [{ field: 'channel', op: 'is', value: 'wechat' }, ...(categoryId ? [{ field: 'category', op: 'is', value: categoryId }] : [])] },
  actions: [{ type: 'assign_team', teamId }],
});

async function create(body: Record<string, unknown>, as: TestUser = t.admin): Promise<Rule> {
  const res = await t.api('POST', '/api/v1/rules', { as, body });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

function assertFieldErrors(res: ApiResponse, expected: Array<[string, string]>) {
  const problem = assertProblem(res, 400, 'validation.failed');
  for (const [path, code] of expected) {
    const error = problem.errors?.find((e) => e.path === path);
    assert.ok(error, `expected an error at ${path}: ${res.body}`);
    assert.equal(error.code, code, res.body);
    assert.notEqual(error.message, code, 'the message is translated');
  }
}

test('an admin creates a rule: it goes last, version 1, with a version snapshot and a rule.created event', async () => {
  const first = await create(wechatHardware());
  const second = await create({ ...wechatHardware(), name: '第二条' });
  assert.equal(second.position, first.position + 1);
  assert.equal(first.version, 1);
  const listed = await t.api('GET', '/api/v1/rules');
  assert.deepEqual(listed.json().items.map((rule: Rule) => rule.id).slice(-2), [first.id, second.id]);
  const versions = await t.api('GET', `/api/v1/rules/${first.id}/versions`);
  assert.equal(versions.statusCode, 200, versions.body);
  assert.deepEqual(versions.json().items.map((v: { change: string; version: number }) => [v.change, v.version]), [['created', 1]]);
  const events = await t.database.db.select().from(domainEvents).where(and(eq(domainEvents.aggregateType, 'automation_rule'), eq(domainEvents.aggregateId, first.id)));
  assert.deepEqual(events.map((e) => e.type), ['rule.created']);
});

test('bad conditions and actions answer 400 naming each field: conditions.all.<i>.value, actions.<i>.userId …', async () => {
  const res = await t.api('POST', '/api/v1/rules', {
    body: {
      name: '坏规则',
      triggers: ['ticket.created'],
      conditions: { all: [{ field: 'channel', op: 'is', value: 'wechat' }, { field: 'priority', op: 'is', value: 'no-such-priority' }, { field: 'nope', op: 'is', value: 1 }] },
      actions: [{ type: 'add_tags', tags: ['x'] }, { type: 'assign_user', userId: '019ab000-0000-7000-8000-00000000dead' }, { type: 'set_field', field: 'priority', value: 'nope' }],
    },
  });
  const problem = assertProblem(res, 400, 'validation.failed');
  const paths = problem.errors!.map((e) => e.path);
  assert.ok(paths.includes('conditions.all.1.value'), res.body);
  assert.ok(paths.includes('conditions.all.2.field'), res.body);
  assertFieldErrors(res, [['actions.1.userId', 'automation.action.unknown_user'], ['actions.2.value', 'automation.action.unknown_priority']]);
  // A change operator needs a ticket update among the triggers.
  const changed = await t.api('POST', '/api/v1/rules', { body: { ...wechatHardware(), conditions: { all: [{ field: 'priority', op: 'changed' }] } } });
  assert.ok(assertProblem(changed, 400, 'validation.failed').errors!.some((e) => e.path === 'conditions.all.0.op'), changed.body);
  // An action of no known type is refused by the registry's schema, at its path.
  const unknown = await t.api('POST', '/api/v1/rules', { body: { ...wechatHardware(), actions: [{ type: 'launch_rocket' }] } });
  assert.equal(unknown.statusCode, 400, unknown.body);
  assert.match(unknown.body, /actions\.0/);
});

test('set_field status: a known status saves (a rule may resolve or close tickets); an unknown one is a 400 at actions.<i>.value', async () => {
  const closing = await create({ ...wechatHardware(), name: '关闭工单', actions: [{ type: 'set_field', field: 'status', value: 'closed' }] });
  assert.deepEqual(closing.actions, [{ type: 'set_field', field: 'status', value: 'closed' }]);
  const bad = await t.api('POST', '/api/v1/rules', { body: { ...wechatHardware(), actions: [{ type: 'set_field', field: 'status', value: 'archived' }] } });
  assertFieldErrors(bad, [['actions.0.value', 'automation.action.invalid_status']]);
  await t.api('DELETE', `/api/v1/rules/${closing.id}`);
});

test('automation.manage: supervisors and admins; agents get 403 on every rule endpoint', async () => {
  const rule = await create({ ...wechatHardware(), name: '主管创建' }, supervisor);
  for (const [method, url, body] of [
    ['GET', '/api/v1/rules', undefined],
    ['POST', '/api/v1/rules', wechatHardware()],
    ['GET', `/api/v1/rules/${rule.id}`, undefined],
    ['GET', `/api/v1/rules/${rule.id}/firings`, undefined],
    ['GET', `/api/v1/rules/${rule.id}/versions`, undefined],
    ['GET', '/api/v1/rule-firings', undefined],
    ['POST', '/api/v1/rules/preview', { conditions: { all: [] } }],
  ] as const) {
    assertProblem(await t.api(method, url, { as: agent, ...(body && { body }) }), 403, 'auth.forbidden', `${method} ${url}`);
  }
  // The timeline's rule names are for every ticket reader.
  const names = await t.api('GET', `/api/v1/rule-names?ids=${rule.id}`, { as: agent });
  assert.equal(names.statusCode, 200, names.body);
  assert.deepEqual(names.json().items, [{ id: rule.id, name: '主管创建' }]);
});

test('updates need If-Match (428 without, 412 when stale); each change is a version; nothing changed is no version', async () => {
  const rule = await create({ ...wechatHardware(), name: '改名前' });
  assertProblem(await t.api('PATCH', `/api/v1/rules/${rule.id}`, { body: { name: '改名后' } }), 428, 'automation.rule.if_match_required');
  const renamed = await t.api('PATCH', `/api/v1/rules/${rule.id}`, { headers: { 'if-match': '"1"' }, body: { name: '改名后', stopAfter: true } });
  assert.equal(renamed.statusCode, 200, renamed.body);
  assert.equal(renamed.json().version, 2);
  assert.equal(renamed.headers.etag, '"2"');
  assertProblem(await t.api('PATCH', `/api/v1/rules/${rule.id}`, { headers: { 'if-match': '"1"' }, body: { name: '又改' } }), 412, 'automation.rule.version_mismatch');
  const same = await t.api('PATCH', `/api/v1/rules/${rule.id}`, { headers: { 'if-match': '"2"' }, body: { name: '改名后' } });
  assert.equal(same.json().version, 2, 'nothing changed');
  const disabled = await t.api('PUT', `/api/v1/rules/${rule.id}/enabled`, { headers: { 'if-match': '"2"' }, body: { enabled: false } });
  assert.equal(disabled.statusCode, 200, disabled.body);
  assert.equal(disabled.json().enabled, false);
  const versions = (await t.api('GET', `/api/v1/rules/${rule.id}/versions?limit=2`)).json();
  assert.deepEqual(versions.items.map((v: { version: number; fields: string[] }) => [v.version, v.fields]), [[3, ['enabled']], [2, ['name', 'stopAfter']]]);
  assert.ok(versions.nextBefore, 'a next page');
  const rest = (await t.api('GET', `/api/v1/rules/${rule.id}/versions?limit=2&before=${versions.nextBefore}`)).json();
  assert.deepEqual(rest.items.map((v: { snapshot: { name: string } }) => v.snapshot.name), ['改名前']);
  assert.equal(rest.nextBefore, undefined);
});

test('reorder takes every rule exactly once (400 at ids otherwise); delete closes the gap and keeps the versions', async () => {
  const before = (await t.api('GET', '/api/v1/rules')).json().items.map((rule: Rule) => rule.id);
  const reversed = [...before].reverse();
  const res = await t.api('POST', '/api/v1/rules/reorder', { body: { ids: reversed } });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json().items.map((rule: Rule) => rule.id), reversed);
  assert.deepEqual(res.json().items.map((rule: Rule) => rule.position), reversed.map((_: string, i: number) => i));
  assertFieldErrors(await t.api('POST', '/api/v1/rules/reorder', { body: { ids: reversed.slice(1) } }), [['ids', 'automation.rule.reorder_mismatch']]);
  const removed = reversed[0];
  assert.equal((await t.api('DELETE', `/api/v1/rules/${removed}`)).statusCode, 204);
  const after = (await t.api('GET', '/api/v1/rules')).json().items;
  assert.deepEqual(after.map((rule: Rule) => rule.position), after.map((_: Rule, i: number) => i));
  assertProblem(await t.api('GET', `/api/v1/rules/${removed}`), 404, 'automation.rule.not_found');
  const versions = (await t.api('GET', `/api/v1/rules/${removed}/versions`)).json().items;
  assert.equal(versions[0].change, 'deleted');
});

test('GET /rules/fields lists the registry fields with options and says which can be previewed', async () => {
  const res = await t.api('GET', '/api/v1/rules/fields');
  assert.equal(res.statusCode, 200, res.body);
  const byKey = new Map(res.json().items.map((field: { key: string }) => [field.key, field]));
  const channel = byKey.get('channel') as { queryable: boolean; options: Array<{ value: string }> };
  assert.equal(channel.queryable, true);
  assert.ok(channel.options.some((option) => option.value === 'wechat'));
  assert.equal((byKey.get('requester.tier') as { queryable: boolean }).queryable, false);
  assert.ok(byKey.has('organisation.tags'));
});
