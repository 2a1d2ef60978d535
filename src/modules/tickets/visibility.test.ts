import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { filterVisibleTicketIds } from './index.js';

/**
 * Who sees which ticket. One rule (visibility.ts) must give the same answer in the list, search,
 * single reads by id and by number, the timeline, writes, and the bulk check.
 */
let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

type Ticket = { id: string; number: string; subject: string; teamId: string | null; assigneeId: string | null; version: number };

async function createTicket(payload: Record<string, unknown>, as: TestUser = t.admin): Promise<Ticket> {
  const res = await t.api('POST', '/api/v1/tickets', { as: as, body: { description: '', ...payload } });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

async function getTicket(idOrNumber: string, as: TestUser = t.admin) {
  return t.api('GET', `/api/v1/tickets/${idOrNumber}`, { as: as });
}

async function patchTicket(id: string, changes: Record<string, unknown>, as: TestUser = t.admin) {
  const current = await getTicket(id);
  assert.equal(current.statusCode, 200, current.body);
  return t.api('PATCH', `/api/v1/tickets/${id}`, { as: null, headers: { ...as.headers, 'if-match': `"${current.json().version}"` }, body: changes });
}

async function listIds(as: TestUser, query: Record<string, string>): Promise<string[]> {
  const qs = new URLSearchParams({ limit: '100', ...query }).toString();
  const res = await t.api('GET', `/api/v1/tickets?${qs}`, { as: as });
  assert.equal(res.statusCode, 200, res.body);
  return (res.json().items as Array<{ id: string }>).map((i) => i.id).sort();
}

const sorted = (values: string[]) => [...values].sort();

function assertNotFound(res: { statusCode: number; body: string; json(): unknown }) {
  assert.equal(res.statusCode, 404, res.body);
  assert.equal((res.json() as { code: string }).code, 'ticket.not_found');
}

describe('ticket visibility by role', () => {
  let teamA: string;
  let teamB: string;
  let agent: TestUser; // member of team A
  let engineer: TestUser; // field engineer, member of team A too (membership grants nothing)
  let supervisor: TestUser;
  let otherAgent: TestUser;
  const tk: Record<'teamA' | 'teamB' | 'assignedToAgent' | 'createdByAgent' | 'unrelated' | 'assignedToEngineer', Ticket> = {} as never;
  let all: string[];

  before(async () => {
    teamA = await t.team('Visibility A');
    teamB = await t.team('Visibility B');
    agent = await t.user('agent', { teamIds: [teamA] });
    otherAgent = await t.user('agent', { teamIds: [teamB] });
    engineer = await t.user('field_engineer', { teamIds: [teamA] });
    supervisor = await t.user('supervisor');
    const tags = ['vis'];
    tk.teamA = await createTicket({ subject: '能见度 team A', teamId: teamA, tags });
    tk.teamB = await createTicket({ subject: '能见度 team B', teamId: teamB, tags });
    tk.assignedToAgent = await createTicket({ subject: '能见度 assigned to agent', teamId: teamB, assigneeId: agent.id, tags });
    tk.createdByAgent = await createTicket({ subject: '能见度 created by agent', tags }, agent);
    tk.unrelated = await createTicket({ subject: '能见度 unrelated', tags });
    tk.assignedToEngineer = await createTicket({ subject: '能见度 assigned to engineer', teamId: teamB, assigneeId: engineer.id, tags }, otherAgent);
    all = Object.values(tk).map((x) => x.id);
    await t.drain();
  });

  const expectations = () => [
    { name: 'agent', user: agent, sees: [tk.teamA, tk.assignedToAgent, tk.createdByAgent] },
    { name: 'other agent', user: otherAgent, sees: [tk.teamB, tk.assignedToAgent, tk.assignedToEngineer] },
    { name: 'field engineer', user: engineer, sees: [tk.assignedToEngineer] },
    { name: 'supervisor', user: supervisor, sees: Object.values(tk) },
    { name: 'admin', user: t.admin, sees: Object.values(tk) },
  ];

  test('the list shows each role exactly its tickets', async () => {
    for (const { name, user, sees } of expectations()) {
      assert.deepEqual(await listIds(user, { tag: 'vis' }), sorted(sees.map((x) => x.id)), name);
    }
  });

  test('search shows each role exactly its tickets', async () => {
    for (const { name, user, sees } of expectations()) {
      assert.deepEqual(await listIds(user, { q: '能见度' }), sorted(sees.map((x) => x.id)), name);
    }
  });

  test('single reads by id and by number, and the timeline: 200 when visible, 404 otherwise', async () => {
    for (const { name, user, sees } of expectations()) {
      const visible = new Set(sees.map((x) => x.id));
      for (const ticket of Object.values(tk)) {
        const label = `${name} / ${ticket.subject}`;
        const byId = await getTicket(ticket.id, user);
        const byNumber = await getTicket(ticket.number, user);
        const timeline = await t.api('GET', `/api/v1/tickets/${ticket.number}/timeline`, { as: user });
        if (visible.has(ticket.id)) {
          assert.equal(byId.statusCode, 200, label);
          assert.equal(byNumber.json().id, ticket.id, label);
          assert.equal(timeline.statusCode, 200, label);
          assert.ok(timeline.json().items.length >= 1, label);
        } else {
          assertNotFound(byId);
          assertNotFound(byNumber);
          assertNotFound(timeline);
        }
      }
    }
  });

  test('an invisible ticket looks exactly like a missing one', async () => {
    const invisible = await getTicket(tk.unrelated.id, agent);
    const missing = await getTicket('00000000-0000-7000-8000-000000000000', agent);
    assert.equal(invisible.statusCode, missing.statusCode);
    const body = (res: typeof missing) => ({ ...(res.json() as Record<string, unknown>), instance: null });
    assert.deepEqual(body(invisible), body(missing));
    assertNotFound(await getTicket('19990101-0001', agent));
    assertNotFound(await getTicket('not-a-ticket', agent));
  });

  test('writes to an invisible ticket are 404 too, and change nothing', async () => {
    const patched = await t.api('PATCH', `/api/v1/tickets/${tk.unrelated.id}`, { as: null, headers: { ...agent.headers, 'if-match': '"1"' }, body: { subject: 'hijacked' } });
    assertNotFound(patched);
    const reply = await t.api('POST', `/api/v1/tickets/${tk.unrelated.id}/messages`, { as: agent, body: { body: 'hello' } });
    assertNotFound(reply);
    const engineerNote = await t.api('POST', `/api/v1/tickets/${tk.teamA.id}/messages`, { as: engineer, body: { body: 'note', internal: true } });
    assertNotFound(engineerNote);
    const after = await getTicket(tk.unrelated.id);
    assert.equal(after.json().subject, '能见度 unrelated');
    assert.equal(after.json().version, tk.unrelated.version);
  });

  test('the bulk check filterVisibleTicketIds agrees with the list for every role', async () => {
    const missing = '00000000-0000-7000-8000-000000000001';
    for (const { name, user } of expectations()) {
      const bulk = await filterVisibleTicketIds(t.database.db, user.actor, [...all, missing]);
      assert.deepEqual(sorted([...bulk]), await listIds(user, { tag: 'vis' }), name);
    }
    assert.equal((await filterVisibleTicketIds(t.database.db, agent.actor, [])).size, 0);
  });

  test('joining a team makes its tickets visible at once; a new assignee gains and the old one loses the ticket', async () => {
    const joiner = await t.user('agent');
    assert.deepEqual(await listIds(joiner, { tag: 'vis' }), []);
    const joined = await t.api('PATCH', `/api/v1/users/${joiner.id}`, { body: { teamIds: [teamB] } });
    assert.equal(joined.statusCode, 200, joined.body);
    assert.deepEqual(await listIds(joiner, { tag: 'vis' }), sorted([tk.teamB.id, tk.assignedToAgent.id, tk.assignedToEngineer.id]));

    const moved = await createTicket({ subject: 'reassigned', assigneeId: engineer.id, tags: ['vis-move'] });
    assert.equal((await getTicket(moved.id, engineer)).statusCode, 200);
    const reassigned = await patchTicket(moved.id, { assigneeId: joiner.id });
    assert.equal(reassigned.statusCode, 200, reassigned.body);
    assertNotFound(await getTicket(moved.id, engineer));
    assert.equal((await getTicket(moved.id, joiner)).statusCode, 200);
    assert.deepEqual(await listIds(engineer, { tag: 'vis-move' }), []);
  });

  test('an agent who moves a team ticket to another team keeps seeing it only if they created or hold it', async () => {
    const ticket = await createTicket({ subject: 'hand over', teamId: teamA });
    const handed = await patchTicket(ticket.id, { teamId: teamB }, agent);
    assert.equal(handed.statusCode, 200, handed.body);
    assertNotFound(await getTicket(ticket.id, agent));
    assert.equal((await getTicket(ticket.id, otherAgent)).statusCode, 200);
  });
});

describe('team deletion', () => {
  test('DELETE /teams/:id, then the worker: the team\'s tickets lose their team with a timeline entry', async () => {
    const member = await t.user('agent');
    const teamId = await t.team('Doomed team', [member.id]);
    const keep = await t.team('Surviving team');
    const doomed1 = await createTicket({ subject: 'doomed 1', teamId });
    const doomed2 = await createTicket({ subject: 'doomed 2', teamId, assigneeId: member.id });
    const other = await createTicket({ subject: 'other team', teamId: keep });
    assert.equal((await getTicket(doomed1.id, member)).statusCode, 200, 'a member sees the team ticket');

    const deleted = await t.api('DELETE', `/api/v1/teams/${teamId}`);
    assert.equal(deleted.statusCode, 204, deleted.body);
    assert.equal((await t.api('GET', `/api/v1/teams/${teamId}`)).statusCode, 404);
    await t.drain();

    for (const ticket of [doomed1, doomed2]) {
      const after = (await getTicket(ticket.id)).json();
      assert.equal(after.teamId, null, ticket.subject);
      assert.equal(after.version, ticket.version + 1, 'the change bumps the version');
      const timeline = await t.api('GET', `/api/v1/tickets/${ticket.id}/timeline`);
      const entry = (timeline.json().items as Array<{ type: string; field: string | null; oldValue: unknown; newValue: unknown; actor: { id: string } | null }>).find((e) => e.field === 'teamId');
      assert.ok(entry, `a teamId entry on ${ticket.subject}: ${timeline.body}`);
      assert.equal(entry.type, 'field_changed');
      assert.equal(entry.oldValue, teamId);
      assert.equal(entry.newValue, null);
      assert.equal(entry.actor?.id, t.admin.id, 'the admin who deleted the team is the actor');
    }
    assert.equal((await getTicket(other.id)).json().teamId, keep, 'other teams are untouched');
    assert.deepEqual(await listIds(t.admin, { teamId }), []);
    // The former member no longer sees the unassigned ticket, but still the one assigned to them.
    assertNotFound(await getTicket(doomed1.id, member));
    assert.equal((await getTicket(doomed2.id, member)).statusCode, 200);
  });
});
