import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';

/** POST /api/v1/tickets/bulk: one change applied to many tickets, each on its own. */
let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

type Ticket = { id: string; status: string; priority: string; assigneeId: string | null; teamId: string | null; tags: string[]; version: number };
type Result = { id: string; ok: true; version: number } | { id: string; ok: false; problem: { status: number; code: string; title: string } };
type Res = { statusCode: number; body: string; json(): unknown };

async function createTicket(payload: Record<string, unknown>, as: TestUser = t.admin): Promise<Ticket> {
  const res = await t.api('POST', '/api/v1/tickets', { as: as, body: { description: '', ...payload } });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as Ticket;
}

async function getTicket(id: string): Promise<Ticket> {
  const res = await t.api('GET', `/api/v1/tickets/${id}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as Ticket;
}

const bulk = (payload: unknown, as: TestUser = t.admin, headers: Record<string, string> = {}) =>
  t.api('POST', '/api/v1/tickets/bulk', { as, headers, body: payload });

async function results(payload: unknown, as: TestUser = t.admin): Promise<Result[]> {
  const res = await bulk(payload, as);
  assert.equal(res.statusCode, 200, res.body);
  return (res.json() as { results: Result[] }).results;
}

function assertFieldError(res: Res, path: string, code?: string) {
  assert.equal(res.statusCode, 400, res.body);
  const problem = res.json() as { errors?: Array<{ path: string; code: string }> };
  assert.ok(problem.errors?.some((e) => e.path === path && (!code || e.code === code)), `an error names ${path}: ${res.body}`);
}

describe('bulk updates', () => {
  let team: string;
  let otherTeam: string;
  let agent: TestUser;
  let engineer: TestUser;

  before(async () => {
    team = await t.team('Bulk');
    otherTeam = await t.team('Bulk other');
    agent = await t.user('agent', { teamIds: [team] });
    engineer = await t.user('field_engineer');
  });

  test('applies the changes to every ticket, each with its own new version', async () => {
    const a = await createTicket({ subject: 'bulk a', tags: ['old'] });
    const b = await createTicket({ subject: 'bulk b' });
    const out = await results({ ids: [a.id, b.id], changes: { assigneeId: agent.id, teamId: team, priority: 'high', addTags: ['VIP', 'old'] } });
    assert.deepEqual(out, [{ id: a.id, ok: true, version: a.version + 1 }, { id: b.id, ok: true, version: b.version + 1 }]);
    for (const ticket of [await getTicket(a.id), await getTicket(b.id)]) {
      assert.equal(ticket.assigneeId, agent.id);
      assert.equal(ticket.teamId, team);
      assert.equal(ticket.priority, 'high');
      assert.equal(ticket.status, 'open', 'assigning opens a new ticket, as a single update does');
    }
    assert.deepEqual((await getTicket(a.id)).tags, ['old', 'vip'], 'addTags adds to the existing tags');
    assert.deepEqual((await getTicket(b.id)).tags, ['old', 'vip']);
    const timeline = await t.api('GET', `/api/v1/tickets/${a.id}/timeline`);
    const fields = (timeline.json() as { items: Array<{ field: string | null }> }).items.map((e) => e.field).filter(Boolean);
    for (const field of ['assigneeId', 'teamId', 'priority', 'tags', 'status']) assert.ok(fields.includes(field), `timeline has ${field}: ${fields.join(',')}`);
  });

  test('one ticket that cannot change does not stop the others; each failure is a problem of its own', async () => {
    const fine = await createTicket({ subject: 'bulk fine', teamId: team });
    const closed = await createTicket({ subject: 'bulk closed', teamId: team });
    const closing = await t.api('PATCH', `/api/v1/tickets/${closed.id}`, { as: null, headers: { ...t.admin.headers, 'if-match': `"${closed.version}"` }, body: { status: 'closed' } });
    assert.equal(closing.statusCode, 200, closing.body);
    const invisible = await createTicket({ subject: 'bulk invisible', teamId: otherTeam });
    const missing = '0190a0a0-0000-7000-8000-000000000000';
    const fine2 = await createTicket({ subject: 'bulk fine 2', teamId: team });

    const res = await bulk({ ids: [fine.id, closed.id, invisible.id, missing, fine2.id], changes: { status: 'pending' } }, agent, { 'accept-language': 'en' });
    assert.equal(res.statusCode, 200, res.body);
    const out = (res.json() as { results: Result[] }).results;
    assert.deepEqual(out.map((r) => r.id), [fine.id, closed.id, invisible.id, missing, fine2.id], 'results in request order');
    assert.deepEqual(out.map((r) => r.ok), [true, false, false, false, true]);
    const problems = out.flatMap((r) => (r.ok ? [] : [r.problem]));
    assert.deepEqual(problems.map((p) => [p.status, p.code]), [[409, 'ticket.closed_readonly'], [404, 'ticket.not_found'], [404, 'ticket.not_found']]);
    assert.equal(problems[1]!.title, 'No such ticket, or you may not see it', 'the title follows Accept-Language');
    assert.equal((await getTicket(fine.id)).status, 'pending');
    assert.equal((await getTicket(fine2.id)).status, 'pending');
    assert.equal((await getTicket(invisible.id)).status, 'new', 'the invisible ticket is untouched');

    const transition = await results({ ids: [fine.id], changes: { status: 'new' } });
    assert.equal(transition[0]!.ok, false);
    assert.equal(!transition[0]!.ok && transition[0]!.problem.code, 'ticket.invalid_transition');
  });

  test('permissions are those of single updates: status with tickets.change_status, anything else tickets.update', async () => {
    const assigned = await createTicket({ subject: 'bulk engineer', assigneeId: engineer.id });
    const notAssigned = await createTicket({ subject: 'bulk not engineer' });
    const out = await results({ ids: [assigned.id, notAssigned.id], changes: { status: 'resolved' } }, engineer);
    assert.deepEqual(out.map((r) => (r.ok ? 'ok' : r.problem.status)), ['ok', 404]);
    const forbidden = await bulk({ ids: [assigned.id], changes: { priority: 'urgent' } }, engineer);
    assert.equal(forbidden.statusCode, 403, forbidden.body);
    const mixed = await bulk({ ids: [assigned.id], changes: { status: 'open', addTags: ['x'] } }, engineer);
    assert.equal(mixed.statusCode, 403, mixed.body);
    assert.equal((await getTicket(assigned.id)).status, 'resolved', 'a refused request changes nothing');
  });

  test('changes that are wrong for every ticket fail the whole request, naming the field', async () => {
    const ticket = await createTicket({ subject: 'bulk refs' });
    assertFieldError(await bulk({ ids: [ticket.id], changes: { assigneeId: '0190a0a0-0000-7000-8000-000000000000' } }), 'changes.assigneeId', 'ticket.assignee_invalid');
    assertFieldError(await bulk({ ids: [ticket.id], changes: { teamId: '0190a0a0-0000-7000-8000-000000000000' } }), 'changes.teamId', 'team.not_found');
    assertFieldError(await bulk({ ids: [ticket.id], changes: { priority: 'nope' } }), 'changes.priority', 'priority.not_found');
    assert.equal((await getTicket(ticket.id)).version, ticket.version);
  });

  test('the request is validated, naming the field', async () => {
    const ticket = await createTicket({ subject: 'bulk validation' });
    assertFieldError(await bulk({ ids: [], changes: { status: 'open' } }), 'ids', 'validation.too_small');
    assertFieldError(await bulk({ ids: Array.from({ length: 101 }, () => ticket.id), changes: { status: 'open' } }), 'ids', 'validation.too_big');
    assertFieldError(await bulk({ ids: [ticket.id, ticket.id], changes: { status: 'open' } }), 'ids', 'validation.duplicates');
    assertFieldError(await bulk({ ids: ['20261123-0001'], changes: { status: 'open' } }), 'ids.0');
    assertFieldError(await bulk({ ids: [ticket.id], changes: {} }), 'changes', 'ticket.bulk_no_changes');
    assertFieldError(await bulk({ ids: [ticket.id], changes: { status: 'done' } }), 'changes.status');
    assertFieldError(await bulk({ ids: [ticket.id], changes: { subject: 'no' } }), 'changes.subject');
    assertFieldError(await bulk({ ids: [ticket.id] }), 'changes');
  });

  test('a ticket would exceed 30 tags: that ticket fails, naming addTags', async () => {
    const full = await createTicket({ subject: 'bulk many tags', tags: Array.from({ length: 29 }, (_, i) => `t${i}`) });
    const light = await createTicket({ subject: 'bulk few tags' });
    const out = await results({ ids: [full.id, light.id], changes: { addTags: ['a', 'b'] } });
    assert.deepEqual(out.map((r) => (r.ok ? 'ok' : r.problem.code)), ['validation.failed', 'ok']);
    assert.deepEqual((await getTicket(light.id)).tags, ['a', 'b']);
  });

  test('a change a ticket already has succeeds without a new version', async () => {
    const ticket = await createTicket({ subject: 'bulk no-op', priority: 'low' });
    assert.deepEqual(await results({ ids: [ticket.id], changes: { priority: 'low' } }), [{ id: ticket.id, ok: true, version: ticket.version }]);
  });
});

test('the bulk route answers 401 without credentials', async () => {
  const res = await t.api('POST', '/api/v1/tickets/bulk', { as: null, body: { ids: ['0190a0a0-0000-7000-8000-000000000000'], changes: { status: 'open' } } });
  assert.equal(res.statusCode, 401, res.body);
});
