import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { maxSavedViewsPerUser } from './saved-views.js';
import { countTicketViews } from './view-counts.js';

/**
 * Ticket views: the built-in queues, personal saved views (owner-only CRUD), `view=` on the list,
 * and the counts, which must equal what the list shows the same caller.
 */
let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

type Ticket = { id: string; status: string; version: number };
type View = { id: string; kind: 'builtin' | 'saved'; key?: string; name: string; nameZh?: string; nameEn?: string; filters: Record<string, unknown>; sort: string; position?: number };
type Res = { statusCode: number; body: string; json(): unknown };

async function createTicket(payload: Record<string, unknown>, as: TestUser = t.admin): Promise<Ticket> {
  const res = await t.api('POST', '/api/v1/tickets', { as: as, body: { description: '', ...payload } });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as Ticket;
}

async function setStatus(ticket: Ticket, status: string): Promise<void> {
  const res = await t.api('PATCH', `/api/v1/tickets/${ticket.id}`, { as: null, headers: { ...t.admin.headers, 'if-match': `"${ticket.version}"` }, body: { status } });
  assert.equal(res.statusCode, 200, res.body);
}

const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, as: TestUser, payload?: unknown, headers: Record<string, string> = {}) =>
  t.api(method, url, { as, headers, body: payload });

async function listAll(as: TestUser, query: Record<string, string>): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await api('GET', `/api/v1/tickets?${new URLSearchParams({ limit: '100', ...query, ...(cursor ? { cursor } : {}) })}`, as);
    assert.equal(res.statusCode, 200, res.body);
    const page = res.json() as { items: Array<{ id: string }>; nextCursor: string | null };
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids.sort();
}

const views = async (as: TestUser, locale?: string): Promise<View[]> => {
  const res = await api('GET', '/api/v1/ticket-views', as, undefined, locale ? { 'accept-language': locale } : {});
  assert.equal(res.statusCode, 200, res.body);
  return (res.json() as { items: View[] }).items;
};
const counts = async (as: TestUser) => {
  const res = await api('GET', '/api/v1/ticket-views/counts', as);
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as { counts: Record<string, number>; capped: string[]; cap: number };
};

function assertFieldError(res: Res, status: number, path: string, code?: string) {
  assert.equal(res.statusCode, status, res.body);
  const problem = res.json() as { errors?: Array<{ path: string; code: string }> };
  assert.ok(problem.errors?.some((e) => (e.path === path || e.path.startsWith(`${path}.`)) && (!code || e.code === code)), `an error names ${path}${code ? ` (${code})` : ''}: ${res.body}`);
}

describe('built-in views and counts', () => {
  let teamA: string;
  let teamB: string;
  let agent: TestUser; // in team A
  let otherAgent: TestUser; // in team B
  let engineer: TestUser;
  let supervisor: TestUser;
  const sorted = (ids: string[]) => [...ids].sort();
  const tk: Record<string, Ticket> = {};

  before(async () => {
    teamA = await t.team('Views A');
    teamB = await t.team('Views B');
    agent = await t.user('agent', { teamIds: [teamA] });
    otherAgent = await t.user('agent', { teamIds: [teamB] });
    engineer = await t.user('field_engineer');
    supervisor = await t.user('supervisor');
    tk.mineOpen = await createTicket({ subject: 'v mine open', teamId: teamA, assigneeId: agent.id });
    tk.mineOtherTeam = await createTicket({ subject: 'v mine other team', teamId: teamB, assigneeId: agent.id, priority: 'urgent' });
    tk.mineResolved = await createTicket({ subject: 'v mine resolved', teamId: teamA, assigneeId: agent.id });
    await setStatus(tk.mineResolved, 'resolved');
    tk.unassignedA = await createTicket({ subject: 'v unassigned A', teamId: teamA });
    tk.unassignedB = await createTicket({ subject: 'v unassigned B', teamId: teamB });
    tk.unassignedNoTeam = await createTicket({ subject: 'v unassigned no team' });
    tk.closedA = await createTicket({ subject: 'v closed A', teamId: teamA });
    await setStatus(tk.closedA, 'closed');
    tk.pendingB = await createTicket({ subject: 'v pending B', teamId: teamB, assigneeId: otherAgent.id });
    tk.engineers = await createTicket({ subject: 'v engineer', teamId: teamB, assigneeId: engineer.id });
    tk.createdByAgent = await createTicket({ subject: 'v created by agent' }, agent);
  });

  test('GET /ticket-views lists the built-in views first, named in the caller\'s language', async () => {
    const zh = await views(agent);
    assert.deepEqual(zh.map((v) => v.id), ['mine', 'unassigned', 'my_teams', 'open', 'due_soon', 'breached', 'solved']);
    for (const v of zh) {
      assert.equal(v.kind, 'builtin');
      assert.equal(v.key, v.id);
      assert.equal(v.name, v.nameZh);
      assert.ok(v.nameEn);
    }
    assert.deepEqual(zh[0]!.filters, { assigneeId: 'me', status: ['new', 'open', 'pending'] });
    assert.deepEqual(zh.find((v) => v.id === 'solved')!.filters, { status: ['resolved', 'closed'] });
    const en = await views(agent, 'en');
    assert.equal(en[0]!.name, 'My tickets');
  });

  test('each built-in view lists what it says, for the caller', async () => {
    assert.deepEqual(await listAll(agent, { view: 'mine' }), sorted([tk.mineOpen!.id, tk.mineOtherTeam!.id]));
    assert.deepEqual(await listAll(agent, { view: 'my_teams' }), sorted([tk.mineOpen!.id, tk.unassignedA!.id]));
    assert.deepEqual(await listAll(otherAgent, { view: 'my_teams' }), sorted([tk.mineOtherTeam!.id, tk.unassignedB!.id, tk.pendingB!.id, tk.engineers!.id]));
    assert.deepEqual(await listAll(agent, { view: 'solved' }), sorted([tk.mineResolved!.id, tk.closedA!.id]));
    assert.deepEqual(await listAll(agent, { view: 'unassigned' }), sorted([tk.unassignedA!.id, tk.createdByAgent!.id]));
    assert.deepEqual(await listAll(engineer, { view: 'mine' }), [tk.engineers!.id]);
    assert.deepEqual(await listAll(engineer, { view: 'my_teams' }), [], 'no teams, no tickets');
    assert.deepEqual(await listAll(supervisor, { view: 'unassigned' }), sorted([tk.unassignedA!.id, tk.unassignedB!.id, tk.unassignedNoTeam!.id, tk.createdByAgent!.id]));
  });

  test('view= combines with explicit filters (AND), and its sort applies unless sort is given', async () => {
    assert.deepEqual(await listAll(agent, { view: 'mine', teamId: teamB }), [tk.mineOtherTeam!.id]);
    assert.deepEqual(await listAll(agent, { view: 'solved', status: 'open' }), []);
    // `mine` sorts by priority: the urgent ticket first.
    const res = await api('GET', '/api/v1/tickets?view=mine', agent);
    assert.equal((res.json() as { items: Array<{ id: string }> }).items[0]!.id, tk.mineOtherTeam!.id);
    const byCreation = await api('GET', '/api/v1/tickets?view=mine&sort=createdAt', agent);
    assert.deepEqual((byCreation.json() as { items: Array<{ id: string }> }).items.map((i) => i.id), [tk.mineOpen!.id, tk.mineOtherTeam!.id]);
    // The list query takes the views' relative values directly too.
    assert.deepEqual(await listAll(agent, { assigneeId: 'me', teamId: 'mine' }), sorted([tk.mineOpen!.id, tk.mineResolved!.id]));
  });

  test('an unknown view is a 400 naming view', async () => {
    assertFieldError(await api('GET', '/api/v1/tickets?view=everything', agent), 400, 'view');
    assertFieldError(await api('GET', '/api/v1/tickets?view=0190a0a0-0000-7000-8000-000000000000', agent), 400, 'view', 'ticket_view.not_found');
  });

  test('counts equal the lengths of the lists, for every view and every role', async () => {
    const saved = await api('POST', '/api/v1/ticket-views', agent, { name: 'Team B open', filters: { teamId: teamB, status: ['new', 'open', 'pending'] } });
    assert.equal(saved.statusCode, 201, saved.body);
    for (const user of [agent, otherAgent, engineer, supervisor, t.admin]) {
      const { counts: byView, capped, cap } = await counts(user);
      assert.deepEqual(capped, []);
      assert.equal(cap, 10_000);
      const all = await views(user);
      assert.deepEqual(Object.keys(byView).sort(), all.map((v) => v.id).sort());
      for (const view of all) assert.equal(byView[view.id], (await listAll(user, { view: view.id })).length, `${user.email} ${view.id}`);
    }
  });

  test('counts respect visibility: the same saved filters count only what the caller may see', async () => {
    const filters = { teamId: teamB };
    const mine = (await api('POST', '/api/v1/ticket-views', agent, { name: 'B for agent', filters })).json() as View;
    const theirs = (await api('POST', '/api/v1/ticket-views', supervisor, { name: 'B for supervisor', filters })).json() as View;
    assert.equal((await counts(agent)).counts[mine.id], 1, 'the agent sees only its own ticket of team B');
    assert.equal((await counts(supervisor)).counts[theirs.id], 4);
    assert.equal((await counts(agent)).counts.open, 4, 'mineOpen, mineOtherTeam, unassignedA, createdByAgent');
    assert.equal((await counts(supervisor)).counts.open, 8, 'every unresolved ticket of this file');
  });

  test('counting stops at the cap, and the capped views say so', async () => {
    const { counts: byView, capped, cap } = await countTicketViews(t.database.db, supervisor.actor, 3);
    assert.equal(cap, 3);
    assert.equal(byView.open, 3);
    assert.equal(byView.solved, 2);
    assert.ok(capped.includes('open') && capped.includes('unassigned'), capped.join(','));
    assert.ok(!capped.includes('solved') && !capped.includes('mine'), capped.join(','));
  });
});

describe('saved views', () => {
  let owner: TestUser;
  let stranger: TestUser;

  before(async () => {
    owner = await t.user('agent');
    stranger = await t.user('agent');
  });

  test('create, list, use, update and delete an own view', async () => {
    await createTicket({ subject: 'saved view urgent', priority: 'urgent', tags: ['sv'] }, owner);
    await createTicket({ subject: 'saved view low', priority: 'low', tags: ['sv'] }, owner);
    const created = await api('POST', '/api/v1/ticket-views', owner, { name: '  紧急 ', filters: { priority: ['urgent'], tag: 'sv' }, sort: 'createdAt' });
    assert.equal(created.statusCode, 201, created.body);
    const view = created.json() as View & { createdAt: string };
    assert.equal(view.kind, 'saved');
    assert.equal(view.name, '紧急');
    assert.deepEqual(view.filters, { priority: ['urgent'], tag: 'sv' });
    assert.equal(view.sort, 'createdAt');
    assert.equal(view.position, 0);
    assert.deepEqual((await views(owner)).map((v) => v.id).slice(7), [view.id]);

    const used = await api('GET', `/api/v1/tickets?view=${view.id}`, owner);
    assert.deepEqual((used.json() as { items: Array<{ subject: string }> }).items.map((i) => i.subject), ['saved view urgent']);

    const second = (await api('POST', '/api/v1/ticket-views', owner, { name: 'Low', filters: { priority: ['low'] } })).json() as View;
    assert.equal(second.position, 1);
    assert.equal(second.sort, '-updatedAt', 'the default sort');
    const moved = await api('PATCH', `/api/v1/ticket-views/${second.id}`, owner, { position: 0, name: 'Low first', filters: { priority: ['low', 'lowest'] } });
    assert.equal(moved.statusCode, 200, moved.body);
    assert.deepEqual((moved.json() as View).filters, { priority: ['low', 'lowest'] });
    await api('PATCH', `/api/v1/ticket-views/${view.id}`, owner, { position: 1 });
    assert.deepEqual((await views(owner)).slice(7).map((v) => v.name), ['Low first', '紧急']);

    const deleted = await api('DELETE', `/api/v1/ticket-views/${second.id}`, owner);
    assert.equal(deleted.statusCode, 204, deleted.body);
    assert.deepEqual((await views(owner)).slice(7).map((v) => v.id), [view.id]);
    assert.equal((await api('DELETE', `/api/v1/ticket-views/${second.id}`, owner)).statusCode, 404);
  });

  test('someone else\'s view is a 404 to read-modify-delete and a 400 to list with', async () => {
    const view = (await api('POST', '/api/v1/ticket-views', owner, { name: 'Private', filters: { status: ['open'] } })).json() as View;
    const patch = await api('PATCH', `/api/v1/ticket-views/${view.id}`, stranger, { name: 'Mine now' });
    assert.equal(patch.statusCode, 404, patch.body);
    assert.equal((patch.json() as { code: string }).code, 'ticket_view.not_found');
    assert.equal((await api('DELETE', `/api/v1/ticket-views/${view.id}`, stranger)).statusCode, 404);
    assertFieldError(await api('GET', `/api/v1/tickets?view=${view.id}`, stranger), 400, 'view', 'ticket_view.not_found');
    assert.ok(!(await views(stranger)).some((v) => v.id === view.id));
    assert.ok(!(view.id in (await counts(stranger)).counts));
    assert.equal((await api('GET', `/api/v1/tickets?view=${view.id}`, owner)).statusCode, 200);
  });

  test('filters are validated like the list query, naming the field', async () => {
    const post = (body: unknown) => api('POST', '/api/v1/ticket-views', owner, body);
    assertFieldError(await post({ name: 'x', filters: { status: ['open', 'bogus'] } }), 400, 'filters.status');
    assertFieldError(await post({ name: 'x', filters: { teamId: 'not-a-uuid' } }), 400, 'filters.teamId');
    assertFieldError(await post({ name: 'x', filters: { assigneeId: 'nobody' } }), 400, 'filters.assigneeId');
    assertFieldError(await post({ name: 'x', filters: { priority: ['Not A Key'] } }), 400, 'filters.priority');
    assertFieldError(await post({ name: 'x', filters: { colour: 'red' } }), 400, 'filters.colour');
    assertFieldError(await post({ name: 'x', filters: {}, sort: 'subject' }), 400, 'sort');
    assertFieldError(await post({ name: 'x', filters: {}, sort: 'relevance' }), 400, 'sort', 'ticket.relevance_needs_query');
    assertFieldError(await post({ name: '', filters: {} }), 400, 'name');
    assertFieldError(await post({ filters: {} }), 400, 'name');
    const searched = await post({ name: 'Printers', filters: { q: '打印机' } });
    assert.equal(searched.statusCode, 201, searched.body);
    assert.equal((searched.json() as View).sort, 'relevance', 'a search view defaults to relevance');
    assertFieldError(await api('PATCH', `/api/v1/ticket-views/${(searched.json() as View).id}`, owner, { filters: {} }), 400, 'sort', 'ticket.relevance_needs_query');
    assertFieldError(await api('PATCH', '/api/v1/ticket-views/mine', owner, { name: 'y' }), 400, 'id');
  });

  test('names are unique per user (ignoring case); other users may reuse them', async () => {
    assert.equal((await api('POST', '/api/v1/ticket-views', owner, { name: 'Dup' })).statusCode, 201);
    const clash = await api('POST', '/api/v1/ticket-views', owner, { name: 'dup' });
    assertFieldError(clash, 409, 'name', 'ticket_view.name_taken');
    assert.equal((await api('POST', '/api/v1/ticket-views', stranger, { name: 'Dup' })).statusCode, 201);
  });

  test(`at most ${maxSavedViewsPerUser} saved views per user`, async () => {
    const hoarder = await t.user('agent');
    for (let i = 0; i < maxSavedViewsPerUser; i++) assert.equal((await api('POST', '/api/v1/ticket-views', hoarder, { name: `v${i}` })).statusCode, 201);
    const over = await api('POST', '/api/v1/ticket-views', hoarder, { name: 'one more' });
    assert.equal(over.statusCode, 409, over.body);
    assert.equal((over.json() as { code: string }).code, 'ticket_view.limit_reached');
    assert.equal((await views(hoarder)).length, 7 + maxSavedViewsPerUser);
  });
});

test('every view route answers 401 without credentials', async () => {
  const id = '0190a0a0-0000-7000-8000-000000000000';
  for (const [method, url, payload] of [['GET', '/api/v1/ticket-views'], ['GET', '/api/v1/ticket-views/counts'], ['POST', '/api/v1/ticket-views', { name: 'x' }], ['PATCH', `/api/v1/ticket-views/${id}`, { name: 'x' }], ['DELETE', `/api/v1/ticket-views/${id}`]] as const) {
    const res = await t.api(method, url, { as: null, body: payload });
    assert.equal(res.statusCode, 401, `${method} ${url}`);
  }
});
