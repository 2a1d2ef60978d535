import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { assertProblem, createTestApp, type ApiResponse, type TestApp, type TestUser } from '../../app/test-app.js';
import type { ApiMethod, ApiOptions } from '../../app/test-client.js';
import { domainEvents } from '../../jobs/schema.js';
import { listPolicies } from './policies.js';
import { selectPolicy } from './select-policy.js';

/** Administering SLA policies over HTTP: the seeded default, create/edit/delete, validation, If-Match, order, permissions. */
let t: TestApp;
let supervisor: TestUser;
let agent: TestUser;
before(async () => {
  t = await createTestApp();
  supervisor = await t.user('supervisor');
  agent = await t.user('agent');
});
after(() => t.close());

const seededId = '019ab000-0000-7000-8000-000000000101';
type Policy = { id: string; nameZh: string; nameEn: string; position: number; active: boolean; conditions: { all: unknown[] }; targets: Record<string, Record<string, number>>; calendarId: string | null; pauseStatuses: string[]; warningPercent: number | null; escalation: { afterMinutes: number; target: string; actions: unknown[]; businessHoursOnly: boolean }[]; version: number };

async function create(body: Record<string, unknown> = {}, as: TestUser = t.admin): Promise<Policy> {
  const res = await t.api('POST', '/api/v1/sla/policies', { as, body: { nameZh: 'VIP 服务级别', ...body } });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

async function listed(): Promise<Policy[]> {
  const res = await t.api('GET', '/api/v1/sla/policies', { as: agent });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().items;
}

/** Order of the named policies (others, e.g. from earlier tests, filtered out). */
async function orderOf(ids: string[]): Promise<string[]> {
  return (await listed()).map((p) => p.id).filter((id) => ids.includes(id));
}

async function eventsOf(aggregateType: string, id: string) {
  return t.database.db.select().from(domainEvents).where(and(eq(domainEvents.aggregateType, aggregateType), eq(domainEvents.aggregateId, id))).orderBy(domainEvents.id);
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

async function resetOrder(): Promise<void> {
  // Tests that reorder start from the seeded policy alone, so they do not depend on each other.
  for (const policy of await listed()) if (policy.id !== seededId) assert.equal((await t.api('DELETE', `/api/v1/sla/policies/${policy.id}`)).statusCode, 204);
}

test('the migration seeds one default policy for every ticket: targets per seeded priority, pending pauses, 80 % warning, breach tells assignee and supervisors', async () => {
  const [seeded, ...rest] = await listed();
  assert.equal(rest.length, 0);
  assert.equal(seeded!.id, seededId);
  assert.equal(seeded!.nameZh, '默认服务级别');
  assert.deepEqual([seeded!.position, seeded!.active, seeded!.calendarId, seeded!.warningPercent], [0, true, null, 80]);
  assert.deepEqual(seeded!.conditions, { all: [] });
  assert.deepEqual(seeded!.pauseStatuses, ['pending']);
  assert.deepEqual(seeded!.targets.urgent, { firstResponseMinutes: 30, nextResponseMinutes: 60, resolutionMinutes: 240 });
  const priorities = (await t.api('GET', '/api/v1/priorities')).json().items.map((p: { key: string }) => p.key).sort();
  assert.deepEqual(Object.keys(seeded!.targets).sort(), priorities, 'a target for every seeded priority');
  assert.deepEqual(seeded!.escalation, [{ afterMinutes: 0, target: 'any', businessHoursOnly: true, actions: [{ type: 'notify', to: 'assignee' }, { type: 'notify', to: 'supervisors' }] }]);
  const res = await t.api('GET', `/api/v1/sla/policies/${seededId}`, { as: agent });
  assert.equal(res.headers.etag, '"1"');
  // Stored as the API shapes it: the seed passes the same validation as an edit.
  const resaved = await t.api('PATCH', `/api/v1/sla/policies/${seededId}`, { body: { targets: seeded!.targets, escalation: seeded!.escalation, conditions: seeded!.conditions }, ifMatch: '"1"' });
  assert.equal(resaved.statusCode, 200, resaved.body);
  assert.equal(resaved.json().version, 1, 'nothing changed');
});

test('an admin creates a policy referring to real priorities, categories, tiers, organisations, users and calendars; one created event', async () => {
  const category = (await t.api('POST', '/api/v1/categories', { body: { nameZh: '打印机' } })).json();
  const organization = (await t.api('POST', '/api/v1/organizations', { body: { name: '上海某某科技有限公司' } })).json();
  const calendar = (await t.api('GET', '/api/v1/sla/calendars')).json().items[0];
  const body = {
    nameZh: 'VIP 打印机',
    nameEn: 'VIP printers',
    position: 0,
    conditions: {
      all: [
        { field: 'customerTier', op: 'in', values: ['vip', 'key'] },
        { field: 'categoryId', op: 'in', values: [category.id] },
        { field: 'organizationId', op: 'not_in', values: [organization.id] },
        { field: 'channel', op: 'in', values: ['wechat', 'phone'] },
        { field: 'priority', op: 'not_in', values: ['lowest'] },
        { field: 'contractType', op: 'in', values: ['维保合同'] },
      ],
    },
    targets: { urgent: { firstResponseMinutes: 15, resolutionMinutes: 120 }, high: { firstResponseMinutes: 30 }, low: {} },
    calendarId: calendar.id,
    pauseStatuses: ['pending'],
    warningPercent: 75,
    escalation: [
      { afterMinutes: 120, target: 'resolution', actions: [{ type: 'set_priority', priority: 'urgent' }, { type: 'notify', to: 'user', userId: supervisor.id }] },
      { afterMinutes: 0, target: 'any', actions: [{ type: 'notify', to: 'assignee' }, { type: 'notify', to: 'supervisors' }] },
      { afterMinutes: 30, target: 'first_response', actions: [{ type: 'reassign', to: 'team_lead' }], businessHoursOnly: false },
    ],
  };
  const res = await t.api('POST', '/api/v1/sla/policies', { body });
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.headers.etag, '"1"');
  const created = res.json() as Policy;
  assert.equal(created.position, 0, 'inserted first');
  assert.deepEqual(created.conditions, body.conditions);
  assert.deepEqual(created.targets, { urgent: { firstResponseMinutes: 15, resolutionMinutes: 120 }, high: { firstResponseMinutes: 30 } }, 'a priority without any target is no entry');
  assert.deepEqual(created.escalation.map((s) => [s.afterMinutes, s.businessHoursOnly]), [[0, true], [30, false], [120, true]], 'steps in time order; business hours only unless said otherwise');
  assert.deepEqual((await t.api('GET', `/api/v1/sla/policies/${created.id}`)).json(), created);
  const seeded = (await listed()).find((p) => p.id === seededId)!;
  assert.equal(seeded.position, 1, 'the default moved down');
  assert.deepEqual((await eventsOf('sla_policy', created.id)).map((e) => [e.type, e.actorId]), [['sla_policy.created', t.admin.id]]);

  // Matching over the stored rows: the VIP printer ticket gets the new policy, anyone else the default.
  const stored = await listPolicies(t.database.db);
  const ticket = { priority: 'urgent', categoryPath: [category.id], customerTier: 'vip', channel: 'wechat', organizationId: null, contractTypes: ['维保合同'] };
  assert.equal(selectPolicy(stored, ticket)?.id, created.id);
  assert.equal(selectPolicy(stored, { ...ticket, organizationId: organization.id })?.id, seededId);
  assert.equal(selectPolicy(stored, { ...ticket, channel: 'email' })?.id, seededId);
  await resetOrder();
});

test('every bad value is named by its path, and nothing is created', async () => {
  const before = (await listed()).length;
  const missing = '019ab000-0000-7000-8000-00000000dead';
  const cases: Array<[Record<string, unknown>, Array<[string, string]>]> = [
    [{ conditions: { all: [{ field: 'priority', op: 'in', values: ['urgent', 'p0'] }] } }, [['conditions.all.0.values.1', 'sla.policy.unknown_priority']]],
    [{ conditions: { all: [{ field: 'customerTier', op: 'in', values: ['gold'] }, { field: 'categoryId', op: 'in', values: [missing, 'printers'] }] } }, [['conditions.all.0.values.0', 'sla.policy.unknown_tier'], ['conditions.all.1.values.0', 'sla.policy.unknown_category'], ['conditions.all.1.values.1', 'sla.policy.invalid_id']]],
    [{ conditions: { all: [{ field: 'organizationId', op: 'in', values: [missing] }, { field: 'channel', op: 'in', values: ['fax'] }] } }, [['conditions.all.0.values.0', 'sla.policy.unknown_organization'], ['conditions.all.1.values.0', 'sla.policy.unknown_channel']]],
    [{ conditions: { all: [{ field: 'priority', op: 'in', values: ['high', 'high'] }] } }, [['conditions.all.0.values.1', 'sla.policy.duplicate_value']]],
    [{ conditions: { all: [{ field: 'mood', op: 'in', values: ['x'] }] } }, [['conditions.all.0.field', 'condition.unknown_field']]],
    [{ conditions: { all: [{ field: 'priority', op: 'in', values: [] }] } }, [['conditions.all.0.values', 'condition.list_empty']]],
    [{ targets: { p0: { firstResponseMinutes: 10 }, high: { resolutionMinutes: 60 } } }, [['targets.p0', 'sla.policy.unknown_priority']]],
    [{ targets: { high: { resolutionMinutes: 0 } } }, [['targets.high.resolutionMinutes', 'validation.too_small']]],
    [{ targets: { high: { firstResponse: 10 } } }, [['targets.high.firstResponse', 'validation.unrecognized_keys']]],
    [{ calendarId: missing }, [['calendarId', 'sla.policy.unknown_calendar']]],
    [{ pauseStatuses: ['pending', 'waiting'] }, [['pauseStatuses.1', 'validation.invalid_value']]],
    [{ pauseStatuses: ['pending', 'pending'] }, [['pauseStatuses.1', 'sla.policy.duplicate_value']]],
    [{ warningPercent: 100 }, [['warningPercent', 'validation.too_big']]],
    [{ warningPercent: 0 }, [['warningPercent', 'validation.too_small']]],
    [{ escalation: [{ afterMinutes: -5, target: 'any', actions: [{ type: 'notify', to: 'assignee' }] }] }, [['escalation.0.afterMinutes', 'validation.too_small']]],
    [{ escalation: [{ afterMinutes: 0, target: 'any', actions: [] }] }, [['escalation.0.actions', 'validation.too_small']]],
    [
      { escalation: [{ afterMinutes: 0, target: 'resolution', actions: [{ type: 'notify', to: 'user' }, { type: 'reassign', to: 'team_lead', userId: agent.id }, { type: 'set_priority', priority: 'p0' }, { type: 'reassign', to: 'user', userId: missing }] }] },
      [['escalation.0.actions.0.userId', 'sla.policy.user_required'], ['escalation.0.actions.1.userId', 'sla.policy.user_not_allowed'], ['escalation.0.actions.2.priority', 'sla.policy.unknown_priority'], ['escalation.0.actions.3.userId', 'sla.policy.unknown_user']],
    ],
    [{ nameZh: ' ' }, [['nameZh', 'validation.too_small']]],
    [{ timers: true }, [['timers', 'validation.unrecognized_keys']]],
  ];
  for (const [body, expected] of cases) assertFieldErrors(await t.api('POST', '/api/v1/sla/policies', { body: { nameZh: '无效策略', ...body } }), expected);
  assert.equal((await listed()).length, before);
});

test('PATCH needs If-Match: 428 without it, 400 when malformed, 412 when stale; the right version changes it once with an event', async () => {
  const policy = await create();
  const url = `/api/v1/sla/policies/${policy.id}`;
  const missing = await t.api('PATCH', url, { body: { nameEn: 'VIP' } });
  assertProblem(missing, 428, 'sla.policy.if_match_required');
  assertFieldErrors(await t.api('PATCH', url, { body: { nameEn: 'VIP' }, ifMatch: 'newest' }), [['If-Match', 'sla.policy.if_match_invalid']]);
  const ahead = await t.api('PATCH', url, { body: { nameEn: 'VIP' }, ifMatch: '"2"' });
  assertProblem(ahead, 412, 'sla.policy.version_mismatch');

  const changed = await t.api('PATCH', url, { body: { nameEn: 'VIP', warningPercent: 80, targets: { urgent: { firstResponseMinutes: 10 } } }, ifMatch: '"1"' });
  assert.equal(changed.statusCode, 200, changed.body);
  assert.equal(changed.headers.etag, '"2"');
  assert.deepEqual([changed.json().nameEn, changed.json().nameZh, changed.json().warningPercent], ['VIP', 'VIP 服务级别', 80], 'fields not sent are kept');
  assert.equal((await t.api('PATCH', url, { body: { nameEn: 'Lost update' }, ifMatch: '"1"' })).statusCode, 412);
  const cleared = await t.api('PATCH', url, { body: { warningPercent: null, active: false }, ifMatch: '"2"' });
  assert.deepEqual([cleared.json().warningPercent, cleared.json().active, cleared.json().version], [null, false, 3], cleared.body);

  const updated = (await eventsOf('sla_policy', policy.id)).filter((e) => e.type === 'sla_policy.updated');
  assert.deepEqual(updated.map((e) => e.payload.fields), [['nameEn', 'targets', 'warningPercent'], ['active', 'warningPercent']]);
  assert.deepEqual((updated[0]!.payload.changes as Record<string, unknown>).warningPercent, { from: null, to: 80 });
  const same = await t.api('PATCH', url, { body: { nameEn: 'VIP', active: false }, ifMatch: '"3"' });
  assert.equal(same.json().version, 3, 'nothing to change is not a new version');
  assert.equal((await eventsOf('sla_policy', policy.id)).length, 3);
  // The merged result is validated too.
  assertFieldErrors(await t.api('PATCH', url, { body: { conditions: { all: [{ field: 'priority', op: 'in', values: ['p0'] }] } }, ifMatch: '"3"' }), [['conditions.all.0.values.0', 'sla.policy.unknown_priority']]);
  assert.equal((await t.api('GET', `/api/v1/sla/policies/${policy.id}`)).json().version, 3);
  await resetOrder();
});

test('reorder takes every id exactly once; create and delete keep positions 0..n-1', async () => {
  const a = await create({ nameZh: '甲' });
  const b = await create({ nameZh: '乙' });
  const c = await create({ nameZh: '丙', position: 1 });
  assert.deepEqual(await orderOf([seededId, a.id, b.id, c.id]), [seededId, c.id, a.id, b.id]);
  const reorder = (ids: string[], as: TestUser = t.admin) => t.api('POST', '/api/v1/sla/policies/reorder', { as, body: { ids } });
  for (const ids of [[b.id, a.id, c.id], [b.id, a.id, c.id, seededId, a.id], [b.id, a.id, c.id, b.id], [b.id, a.id, c.id, '019ab000-0000-7000-8000-00000000dead']]) {
    assertFieldErrors(await reorder(ids), [['ids', 'sla.policy.reorder_mismatch']]);
  }
  const moved = await reorder([b.id, a.id, c.id, seededId]);
  assert.equal(moved.statusCode, 200, moved.body);
  assert.deepEqual(moved.json().items.map((p: Policy) => [p.id, p.position]), [[b.id, 0], [a.id, 1], [c.id, 2], [seededId, 3]]);
  assert.equal(moved.json().items[0].version, 1, 'moving is not an edit of the policy');
  const events = await eventsOf('sla_policy_order', 'sla_policies');
  assert.deepEqual(events.at(-1)?.payload, { from: [seededId, c.id, a.id, b.id], to: [b.id, a.id, c.id, seededId] });
  assert.equal((await reorder([b.id, a.id, c.id, seededId])).statusCode, 200);
  assert.equal((await eventsOf('sla_policy_order', 'sla_policies')).length, events.length, 'the same order is no change');

  const stale = await t.api('DELETE', `/api/v1/sla/policies/${a.id}`, { ifMatch: '"5"' });
  assert.equal(stale.statusCode, 412, stale.body);
  assert.equal((await t.api('DELETE', `/api/v1/sla/policies/${a.id}`, { ifMatch: '"1"' })).statusCode, 204);
  assert.deepEqual((await listed()).map((p) => [p.id, p.position]), [[b.id, 0], [c.id, 1], [seededId, 2]]);
  assert.equal((await t.api('GET', `/api/v1/sla/policies/${a.id}`)).statusCode, 404);
  assert.equal((await t.api('DELETE', `/api/v1/sla/policies/${a.id}`)).statusCode, 404);
  assert.deepEqual((await eventsOf('sla_policy', a.id)).map((e) => e.type), ['sla_policy.created', 'sla_policy.deleted']);
  await reorder([seededId, b.id, c.id]);
  await resetOrder();
});

test('policies created at the same moment all get a place of their own', async () => {
  await Promise.all(['并发一', '并发二', '并发三', '并发四', '并发五'].map((nameZh, i) => create({ nameZh, position: i % 2 === 0 ? 0 : undefined })));
  assert.deepEqual((await listed()).map((p) => p.position), [0, 1, 2, 3, 4, 5]);
  await resetOrder();
});

test('a calendar a policy counts in cannot be deleted (409 naming the policy) until the policy moves to another calendar', async () => {
  const calendar = (await t.api('POST', '/api/v1/sla/calendars', { body: { nameZh: '7×24 日历', alwaysOpen: true } })).json();
  const policy = await create({ nameZh: '夜间值班', calendarId: calendar.id });
  const refused = await t.api('DELETE', `/api/v1/sla/calendars/${calendar.id}`);
  assertProblem(refused, 409, 'sla.calendar.in_use');
  assert.match(refused.json().title, /夜间值班/);
  assert.equal((await t.api('GET', `/api/v1/sla/calendars/${calendar.id}`)).statusCode, 200);
  assert.equal((await t.api('PATCH', `/api/v1/sla/policies/${policy.id}`, { body: { calendarId: null }, ifMatch: '"1"' })).statusCode, 200);
  assert.equal((await t.api('DELETE', `/api/v1/sla/calendars/${calendar.id}`)).statusCode, 204);
  await resetOrder();
});

test('only admin.sla changes policies: agents get 403 and change nothing, supervisors may; staff read; no credentials is 401', async () => {
  const target = await create({ nameZh: '权限测试' });
  const url = `/api/v1/sla/policies/${target.id}`;
  const attempts: Array<[ApiMethod, string, ApiOptions]> = [
    ['POST', '/api/v1/sla/policies', { body: { nameZh: '坐席建的策略' } }],
    ['PATCH', url, { body: { nameZh: '坐席改的名字' }, ifMatch: '"1"' }],
    ['DELETE', url, {}],
    ['POST', '/api/v1/sla/policies/reorder', { body: { ids: [target.id, seededId] } }],
  ];
  for (const [method, path, options] of attempts) {
    const res = await t.api(method, path, { ...options, as: agent });
    assertProblem(res, 403, 'auth.forbidden', `${method} ${path}`);
    const anonymous = await t.api(method, path, { body: options.body, as: null });
    assert.equal(anonymous.statusCode, 401, `${method} ${path} without credentials`);
  }
  assert.equal((await t.api('GET', '/api/v1/sla/policies', { as: null })).statusCode, 401);
  assert.deepEqual((await listed()).map((p) => [p.id, p.version]), [[seededId, 1], [target.id, 1]]);

  assert.equal((await t.api('POST', '/api/v1/sla/policies', { as: supervisor, body: { nameZh: '经理建的策略', position: 0 } })).statusCode, 201);
  assert.equal((await t.api('PATCH', url, { as: supervisor, body: { nameZh: '经理改的名字' }, ifMatch: '"1"' })).statusCode, 200);
  const ids = (await listed()).map((p) => p.id).reverse();
  assert.equal((await t.api('POST', '/api/v1/sla/policies/reorder', { as: supervisor, body: { ids } })).statusCode, 200);
  assert.equal((await t.api('DELETE', url, { as: supervisor })).statusCode, 204);
  assert.equal((await t.api('GET', url, { as: agent })).statusCode, 404, 'the supervisor deleted it');
  await resetOrder();
});
