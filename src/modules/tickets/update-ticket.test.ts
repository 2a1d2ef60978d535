import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';

let t: TestApp;
let agent: TestUser;
let otherAgent: TestUser;
let engineer: TestUser;
let supervisor: TestUser;
let teamId: string;

before(async () => {
  t = await createTestApp();
  agent = await t.user('agent', { name: '张三' });
  otherAgent = await t.user('agent', { name: '李四' });
  engineer = await t.user('field_engineer', { name: '王工' });
  supervisor = await t.user('supervisor', { name: '赵主管' });
  teamId = await t.team('售后', [agent.id]);
});
after(() => t.close());

type Json = Record<string, any>;
type Headers = Record<string, string>;
type Response = { statusCode: number; headers: Record<string, unknown>; body: string; json(): any };

async function createTicket(payload: Json = {}, headers: Headers = t.admin.headers): Promise<Json> {
  const res = await t.api('POST', '/api/v1/tickets', { as: null, headers, body: { subject: '测试工单', description: '描述', ...payload } });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

function get(idOrNumber: string, headers: Headers = t.admin.headers) {
  return t.api('GET', `/api/v1/tickets/${encodeURIComponent(idOrNumber)}`, { as: null, headers });
}

async function getOk(idOrNumber: string, headers: Headers = t.admin.headers): Promise<Json> {
  const res = await get(idOrNumber, headers);
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

function patch(id: string, ifMatch: string | number | undefined, payload: Json, headers: Headers = t.admin.headers) {
  const withVersion: Headers = ifMatch === undefined ? { ...headers } : { ...headers, 'if-match': typeof ifMatch === 'number' ? `"${ifMatch}"` : ifMatch };
  return t.api('PATCH', `/api/v1/tickets/${encodeURIComponent(id)}`, { as: null, headers: withVersion, body: payload });
}

/** PATCH at the ticket's current version and expect 200. */
async function change(ticket: Json, payload: Json, headers: Headers = t.admin.headers): Promise<Json> {
  const res = await patch(ticket.id, ticket.version, payload, headers);
  assert.equal(res.statusCode, 200, res.body);
  const updated = res.json();
  assert.equal(res.headers.etag, `"${updated.version}"`);
  return updated;
}

async function timeline(id: string, headers: Headers = t.admin.headers): Promise<Json[]> {
  const res = await t.api('GET', `/api/v1/tickets/${id}/timeline`, { as: null, headers });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().items;
}

function fieldChanges(items: Json[]): Json[] {
  return items.filter((e) => e.type === 'field_changed');
}

function assertProblem(res: Response, status: number, code: string): Json {
  assert.equal(res.statusCode, status, res.body);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  const problem = JSON.parse(res.body);
  assert.equal(problem.code, code);
  assert.equal(problem.status, status);
  return problem;
}

/** The ticket as stored, minus fields that only say when it was read. */
function snapshot(ticket: Json): Json {
  const { abilities: _abilities, ...rest } = ticket;
  return rest;
}

describe('reading a ticket', () => {
  test('by id and by number give the same ticket, with the version as ETag', async () => {
    const created = await createTicket({ subject: '按编号查询' });
    const byId = await get(created.id);
    assert.equal(byId.statusCode, 200, byId.body);
    assert.equal(byId.headers.etag, `"${created.version}"`);
    const byNumber = await get(created.number);
    assert.equal(byNumber.statusCode, 200, byNumber.body);
    assert.deepEqual(byNumber.json(), byId.json());
    assert.equal(byNumber.headers.etag, byId.headers.etag);
  });

  test('a missing id, a missing number and garbage all answer 404 ticket.not_found', async () => {
    assertProblem(await get('01900000-0000-7000-8000-000000000000'), 404, 'ticket.not_found');
    assertProblem(await get('19990101-0001'), 404, 'ticket.not_found');
    const garbage = assertProblem(await get('not-a-ticket'), 404, 'ticket.not_found');
    assert.equal(garbage.title, '工单不存在或无权查看');
  });

  test('a ticket the caller may not see is 404, same as a missing one', async () => {
    const hidden = await createTicket({ subject: '其他团队的工单' });
    assertProblem(await get(hidden.id, otherAgent.headers), 404, 'ticket.not_found');
    assertProblem(await get(hidden.number, engineer.headers), 404, 'ticket.not_found');
    assertProblem(await patch(hidden.id, hidden.version, { subject: '偷改' }, otherAgent.headers), 404, 'ticket.not_found');
    assert.deepEqual(snapshot(await getOk(hidden.id)), snapshot(hidden));
  });
});

describe('If-Match and optimistic concurrency', () => {
  test('a PATCH without If-Match answers 428 and changes nothing', async () => {
    const ticket = await createTicket();
    const problem = assertProblem(await patch(ticket.id, undefined, { subject: '没有版本' }), 428, 'ticket.if_match_required');
    assert.match(problem.title, /If-Match/);
    assert.deepEqual(snapshot(await getOk(ticket.id)), snapshot(ticket));
  });

  test('a malformed If-Match answers 400 naming the header', async () => {
    const ticket = await createTicket();
    for (const bad of ['abc', '"v1"', '*', '"1", "2"']) {
      const problem = assertProblem(await patch(ticket.id, bad, { subject: '格式错误' }), 400, 'validation.failed');
      assert.ok(problem.errors.some((e: Json) => e.path === 'If-Match' && e.code === 'ticket.if_match_invalid'), JSON.stringify(problem.errors));
    }
    assert.deepEqual(snapshot(await getOk(ticket.id)), snapshot(ticket));
  });

  test('weak and unquoted ETags are accepted', async () => {
    const ticket = await createTicket();
    const v2 = await patch(ticket.id, `W/"${ticket.version}"`, { subject: '弱校验' });
    assert.equal(v2.statusCode, 200, v2.body);
    const v3 = await patch(ticket.id, String(v2.json().version), { subject: '无引号' });
    assert.equal(v3.statusCode, 200, v3.body);
    assert.equal(v3.json().version, ticket.version + 2);
  });

  test('a stale version answers 412 with the current version, and nothing changes', async () => {
    const ticket = await createTicket({ tags: ['a'] });
    const updated = await change(ticket, { priority: 'high' });
    assert.equal(updated.version, ticket.version + 1);
    const before = await getOk(ticket.id);
    const res = await patch(ticket.id, ticket.version, { subject: '基于旧版本的修改', status: 'pending', tags: ['b'] });
    const problem = assertProblem(res, 412, 'ticket.version_mismatch');
    assert.match(problem.title, new RegExp(`${updated.version}`));
    const afterRead = await getOk(ticket.id);
    assert.deepEqual(snapshot(afterRead), snapshot(before));
    assert.equal(afterRead.subject, '测试工单');
    assert.equal(fieldChanges(await timeline(ticket.id)).length, 1);
  });

  test('two concurrent PATCHes at one version: exactly one wins, the other gets 412', async () => {
    const ticket = await createTicket();
    const [a, b] = await Promise.all([
      patch(ticket.id, ticket.version, { subject: '甲的修改' }),
      patch(ticket.id, ticket.version, { subject: '乙的修改' }, supervisor.headers),
    ]);
    const codes = [a.statusCode, b.statusCode].sort();
    assert.deepEqual(codes, [200, 412], `${a.body} / ${b.body}`);
    const winner = a.statusCode === 200 ? a.json() : b.json();
    const current = await getOk(ticket.id);
    assert.equal(current.version, ticket.version + 1);
    assert.equal(current.subject, winner.subject);
    assert.equal(fieldChanges(await timeline(ticket.id)).length, 1);
  });

  test('a PATCH that changes nothing keeps the version and writes no event', async () => {
    const ticket = await createTicket({ tags: ['b', 'a'], priority: 'low' });
    const same = await change(ticket, { priority: 'low', tags: ['A', 'b'], subject: '测试工单' });
    assert.equal(same.version, ticket.version);
    assert.equal(fieldChanges(await timeline(ticket.id)).length, 0);
  });

  test('a ticket can be updated by its number too', async () => {
    const ticket = await createTicket();
    const res = await patch(ticket.number, ticket.version, { subject: '按编号修改' });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().id, ticket.id);
    assert.equal((await getOk(ticket.id)).subject, '按编号修改');
    const events = fieldChanges(await timeline(ticket.id));
    assert.deepEqual(events.map((e) => e.field), ['subject']);
  });
});

describe('validation of changes', () => {
  test('unknown status, priority, assignee and fields are refused, naming the field, and change nothing', async () => {
    const ticket = await createTicket();
    const status = assertProblem(await patch(ticket.id, ticket.version, { status: 'done' }), 400, 'validation.failed');
    assert.ok(status.errors.some((e: Json) => e.path === 'status'), JSON.stringify(status.errors));
    const priority = assertProblem(await patch(ticket.id, ticket.version, { priority: 'p9', subject: '不应保存' }), 400, 'validation.failed');
    assert.deepEqual(priority.errors.map((e: Json) => [e.path, e.code]), [['priority', 'priority.not_found']]);
    const assignee = assertProblem(await patch(ticket.id, ticket.version, { assigneeId: '01900000-0000-7000-8000-000000000000' }, { ...t.admin.headers, 'accept-language': 'en' }), 400, 'validation.failed');
    assert.equal(assignee.title, 'The request is invalid');
    assert.deepEqual(assignee.errors.map((e: Json) => [e.path, e.message]), [['assigneeId', 'The assignee does not exist or is deactivated']]);
    const unknown = assertProblem(await patch(ticket.id, ticket.version, { number: '20200101-0001' }), 400, 'validation.failed');
    assert.ok(unknown.errors.some((e: Json) => e.code === 'validation.unrecognized_keys' && /number/.test(e.message)), JSON.stringify(unknown.errors));
    assert.deepEqual(snapshot(await getOk(ticket.id)), snapshot(ticket));
  });
});

describe('status transitions', () => {
  test('resolving sets resolvedAt; reopening clears it; closing sets closedAt', async () => {
    const ticket = await createTicket({ assigneeId: agent.id });
    assert.equal(ticket.status, 'open');
    assert.equal(ticket.resolvedAt, null);
    const resolved = await change(ticket, { status: 'resolved' });
    assert.equal(resolved.status, 'resolved');
    assert.ok(resolved.resolvedAt, 'resolvedAt set');
    assert.ok(Date.parse(resolved.resolvedAt) >= Date.parse(ticket.createdAt));
    assert.equal(resolved.closedAt, null);
    assert.equal(resolved.abilities.reopen, true);

    const reopened = await change(resolved, { status: 'open' });
    assert.equal(reopened.status, 'open');
    assert.equal(reopened.resolvedAt, null);
    assert.equal(reopened.abilities.reopen, false);

    const resolvedAgain = await change(reopened, { status: 'resolved' });
    const closed = await change(resolvedAgain, { status: 'closed' });
    assert.equal(closed.status, 'closed');
    assert.ok(closed.closedAt, 'closedAt set');
    assert.equal(closed.resolvedAt, resolvedAgain.resolvedAt, 'closing a resolved ticket keeps when it was resolved');
    assert.deepEqual(closed.abilities, { update: false, changeStatus: false, reply: false, note: false, reopen: false });
  });

  test('closing an open ticket directly also marks it resolved', async () => {
    const ticket = await createTicket();
    const closed = await change(ticket, { status: 'closed' });
    assert.ok(closed.closedAt);
    assert.ok(closed.resolvedAt);
  });

  test('pending and back to open works; going back to new does not', async () => {
    const ticket = await createTicket();
    const open = await change(ticket, { status: 'open' });
    const pending = await change(open, { status: 'pending' });
    const reopened = await change(pending, { status: 'open' });
    const problem = assertProblem(await patch(reopened.id, reopened.version, { status: 'new' }), 409, 'ticket.invalid_transition');
    assert.equal(problem.title, '工单状态不能从「open」变为「new」');
    assert.equal((await getOk(ticket.id)).status, 'open');
  });

  test('a resolved ticket cannot go to pending (409), in English too', async () => {
    const resolved = await change(await createTicket(), { status: 'resolved' });
    const problem = assertProblem(await patch(resolved.id, resolved.version, { status: 'pending' }, { ...t.admin.headers, 'accept-language': 'en' }), 409, 'ticket.invalid_transition');
    assert.equal(problem.title, 'A ticket cannot go from "resolved" to "pending"');
    const current = await getOk(resolved.id);
    assert.equal(current.status, 'resolved');
    assert.equal(current.version, resolved.version);
  });

  test('a closed ticket cannot be reopened or changed in any way', async () => {
    const closed = await change(await createTicket(), { status: 'closed' });
    const reopen = assertProblem(await patch(closed.id, closed.version, { status: 'open' }), 409, 'ticket.closed_readonly');
    assert.equal(reopen.title, '工单已关闭，无法修改');
    assertProblem(await patch(closed.id, closed.version, { subject: '关闭后修改' }), 409, 'ticket.closed_readonly');
    assertProblem(await patch(closed.id, closed.version, { tags: ['late'] }), 409, 'ticket.closed_readonly');
    const reply = await t.api('POST', `/api/v1/tickets/${closed.id}/messages`, { body: { body: '关闭后回复' } });
    assertProblem(reply, 409, 'ticket.closed_readonly');
    assert.deepEqual(snapshot(await getOk(closed.id)), snapshot(closed));
  });

  test('the timeline records each status change, in order', async () => {
    const ticket = await createTicket();
    const resolved = await change(ticket, { status: 'resolved' });
    await change(resolved, { status: 'open' });
    const changes = fieldChanges(await timeline(ticket.id)).map((e) => [e.field, e.oldValue, e.newValue]);
    assert.deepEqual(changes, [
      ['status', 'new', 'resolved'],
      ['status', 'resolved', 'open'],
    ]);
  });
});

describe('assignment', () => {
  test('assigning a new ticket opens it and the timeline shows both changes', async () => {
    const ticket = await createTicket({ teamId });
    assert.equal(ticket.status, 'new');
    const assigned = await change(ticket, { assigneeId: agent.id });
    assert.equal(assigned.status, 'open');
    assert.equal(assigned.assigneeId, agent.id);
    const changes = fieldChanges(await timeline(ticket.id));
    const byField = Object.fromEntries(changes.map((e) => [e.field, e]));
    assert.deepEqual([byField.status?.oldValue, byField.status?.newValue], ['new', 'open']);
    assert.deepEqual([byField.assigneeId?.oldValue, byField.assigneeId?.newValue], [null, agent.id]);
  });

  test('assigning a pending ticket leaves its status alone; unassigning works', async () => {
    const ticket = await createTicket();
    const pending = await change(ticket, { status: 'pending' });
    const assigned = await change(pending, { assigneeId: agent.id });
    assert.equal(assigned.status, 'pending');
    const unassigned = await change(assigned, { assigneeId: null });
    assert.equal(unassigned.assigneeId, null);
    assert.equal(unassigned.status, 'pending');
  });

  test('assigning with an explicit status keeps the requested status', async () => {
    const ticket = await createTicket();
    const resolved = await change(ticket, { assigneeId: agent.id, status: 'resolved' });
    assert.equal(resolved.status, 'resolved');
    assert.ok(resolved.resolvedAt);
  });

  test('a deactivated user cannot be assigned', async () => {
    const leaver = await t.user('agent', { name: '已离职' });
    const off = await t.api('PATCH', `/api/v1/users/${leaver.id}`, { body: { active: false } });
    assert.equal(off.statusCode, 200, off.body);
    const ticket = await createTicket();
    const problem = assertProblem(await patch(ticket.id, ticket.version, { assigneeId: leaver.id }), 400, 'validation.failed');
    assert.deepEqual(problem.errors.map((e: Json) => [e.path, e.code]), [['assigneeId', 'ticket.assignee_invalid']]);
    const current = await getOk(ticket.id);
    assert.equal(current.assigneeId, null);
    assert.equal(current.status, 'new');
  });

  test('a field engineer updates a ticket assigned to them, not others', async () => {
    const mine = await createTicket({ assigneeId: engineer.id });
    const theirs = await createTicket({ assigneeId: agent.id });
    const updated = await change(await getOk(mine.id, engineer.headers), { status: 'pending' }, engineer.headers);
    assert.equal(updated.status, 'pending');
    assertProblem(await patch(theirs.id, theirs.version, { status: 'pending' }, engineer.headers), 404, 'ticket.not_found');
  });

  test('a field engineer changes only the status: re-assigning or re-prioritising is 403 and changes nothing', async () => {
    const mine = await getOk((await createTicket({ assigneeId: engineer.id })).id, engineer.headers);
    assert.equal(mine.abilities.changeStatus, true);
    assert.equal(mine.abilities.update, false);
    for (const changes of [{ priority: 'urgent' }, { assigneeId: agent.id }, { status: 'pending', subject: '改个标题' }]) {
      assertProblem(await patch(mine.id, mine.version, changes, engineer.headers), 403, 'auth.forbidden');
    }
    const after = await getOk(mine.id);
    assert.equal(after.version, mine.version);
    assert.equal(after.priority, mine.priority);
  });
});

describe('tags', () => {
  test('tags are trimmed, lower-cased, de-duplicated and sorted', async () => {
    const ticket = await createTicket();
    const tagged = await change(ticket, { tags: [' Printer ', 'printer', 'URGENT', '网络', 'urgent'] });
    assert.deepEqual(tagged.tags, ['printer', 'urgent', '网络']);
    const [event] = fieldChanges(await timeline(ticket.id));
    assert.equal(event?.field, 'tags');
    assert.deepEqual(event?.oldValue, []);
    assert.deepEqual(event?.newValue, ['printer', 'urgent', '网络']);
  });

  test('a blank tag is refused', async () => {
    const ticket = await createTicket();
    const problem = assertProblem(await patch(ticket.id, ticket.version, { tags: ['ok', '  '] }), 400, 'validation.failed');
    assert.ok(problem.errors.some((e: Json) => e.path === 'tags.1'), JSON.stringify(problem.errors));
  });
});

describe('timeline', () => {
  test('records creation and each changed field with actor, old and new value', async () => {
    const category = await t.api('POST', '/api/v1/categories', { body: { nameZh: '网络', nameEn: 'Network' } });
    assert.equal(category.statusCode, 201, category.body);
    const ticket = await createTicket({ subject: '旧标题', teamId }, agent.headers);
    const updated = await change(ticket, { subject: '新标题', description: '新描述', priority: 'urgent', categoryId: category.json().id, teamId: null, tags: ['x'] }, agent.headers);
    assert.equal(updated.version, ticket.version + 1);

    const items = await timeline(ticket.id);
    assert.equal(items[0]!.type, 'created');
    assert.deepEqual(items[0]!.actor, { id: agent.id, name: '张三' });
    assert.equal(items[0]!.newValue.number, ticket.number);

    const changes = fieldChanges(items);
    const seen = Object.fromEntries(changes.map((e) => [e.field, [e.oldValue, e.newValue]]));
    assert.deepEqual(seen, {
      subject: ['旧标题', '新标题'],
      description: ['描述', '新描述'],
      priority: ['normal', 'urgent'],
      categoryId: [null, category.json().id],
      teamId: [teamId, null],
      tags: [[], ['x']],
    });
    for (const e of changes) {
      assert.deepEqual(e.actor, { id: agent.id, name: '张三' });
      assert.ok(!Number.isNaN(Date.parse(e.createdAt)));
    }
  });

  test('the timeline is found by ticket number too', async () => {
    const ticket = await createTicket();
    const byNumber = await t.api('GET', `/api/v1/tickets/${ticket.number}/timeline`);
    assert.equal(byNumber.statusCode, 200, byNumber.body);
    assert.deepEqual(byNumber.json().items, await timeline(ticket.id));
  });

  test('the timeline of an invisible ticket is 404', async () => {
    const ticket = await createTicket();
    const res = await t.api('GET', `/api/v1/tickets/${ticket.id}/timeline`, { as: otherAgent });
    assertProblem(res, 404, 'ticket.not_found');
  });

  test('the timeline pages with after and limit', async () => {
    const ticket = await createTicket();
    let current = ticket;
    for (const subject of ['一', '二', '三']) current = await change(current, { subject });
    const first = await t.api('GET', `/api/v1/tickets/${ticket.id}/timeline?limit=2`);
    assert.equal(first.statusCode, 200, first.body);
    const page1 = first.json();
    assert.equal(page1.items.length, 2);
    assert.ok(page1.nextCursor);
    const second = await t.api('GET', `/api/v1/tickets/${ticket.id}/timeline?limit=2&after=${page1.nextCursor}`);
    const page2 = second.json();
    assert.equal(page2.items.length, 2);
    assert.equal(page2.nextCursor, null);
    const all = [...page1.items, ...page2.items];
    assert.deepEqual(all.map((e: Json) => (e.type === 'created' ? e.newValue.subject : e.newValue)), ['测试工单', '一', '二', '三']);
    assert.equal(new Set(all.map((e: Json) => e.id)).size, 4);
  });
});

describe('ETag', () => {
  test('the ETag always equals the version in the body', async () => {
    const ticket = await createTicket();
    let current = ticket;
    for (const payload of [{ subject: 'v2' }, { status: 'pending' }, { tags: ['etag'] }]) {
      const res = await patch(current.id, current.version, payload);
      assert.equal(res.statusCode, 200, res.body);
      current = res.json();
      assert.equal(res.headers.etag, `"${current.version}"`);
      const read = await get(current.id);
      assert.equal(read.headers.etag, `"${read.json().version}"`);
      assert.equal(read.json().version, current.version);
    }
    assert.equal(current.version, ticket.version + 3);
  });
});
