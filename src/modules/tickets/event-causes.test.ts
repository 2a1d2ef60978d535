import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, desc, eq } from 'drizzle-orm';
import { ReadModels } from '../../app/read-models.js';
import { assertProblem } from '../../app/test-client.js';
import { createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import type { StatusTransition } from '../../app/transition-guards.js';
import { domainEvents } from '../../jobs/schema.js';
import { tickets } from './schema.js';
import { presentTickets } from './ticket-view.js';

let t: TestApp;
let agent: TestUser;
before(async () => {
  t = await createTestApp();
  agent = await t.user('agent');
});
after(() => t.close());

async function lastTicketUpdate(ticketId: string) {
  const [row] = await t.database.db
    .select({ cause: domainEvents.cause, actorId: domainEvents.actorId, contactId: domainEvents.contactId, version: domainEvents.version, payload: domainEvents.payload })
    .from(domainEvents)
    .where(and(eq(domainEvents.aggregateId, ticketId), eq(domainEvents.type, 'ticket.updated')))
    .orderBy(desc(domainEvents.id))
    .limit(1);
  return row;
}

test("an agent's change records cause 'agent' and the agent", async () => {
  const ticket = await t.createTicket({ subject: '打印机卡纸', assigneeId: agent.id });
  const changed = await t.api('PATCH', `/api/v1/tickets/${ticket.id}`, { as: agent, ifMatch: ticket.version, body: { status: 'pending' } });
  assert.equal(changed.statusCode, 200, changed.body);
  assert.deepEqual(await lastTicketUpdate(ticket.id), {
    cause: 'agent',
    actorId: agent.id,
    contactId: null,
    version: 2,
    payload: { fields: ['status'], changes: { status: { from: 'open', to: 'pending' } } },
  });
});

test("a system job's change (a deleted team's tickets lose it) records cause 'system' with its reason", async () => {
  const teamId = await t.team('临时小组');
  const ticket = await t.createTicket({ subject: '小组工单', teamId });
  assert.equal((await t.api('DELETE', `/api/v1/teams/${teamId}`)).statusCode, 204);
  await t.drain();
  const event = await lastTicketUpdate(ticket.id);
  assert.equal(event?.cause, 'system');
  assert.equal(event?.actorId, t.admin.id, 'the admin whose deletion it follows stays the actor');
  assert.deepEqual(event?.payload, { fields: ['teamId'], reason: 'team.deleted' });
});

test('a transition guard on the app context is asked before a status change and can refuse it (409, nothing written)', async () => {
  const asked: StatusTransition[] = [];
  t.context.transitionGuards.add('test.no_resolve_on_vip', async (tx, transition) => {
    asked.push(transition);
    // Reads through the change's own transaction: the ticket row as it is now.
    const [row] = await tx.select({ tags: tickets.tags }).from(tickets).where(eq(tickets.id, transition.ticketId));
    return transition.to === 'resolved' && row?.tags.includes('vip') ? { code: 'ticket.transition_refused' } : null;
  });
  const vip = await t.createTicket({ subject: 'VIP 客户', assigneeId: agent.id, tags: ['vip'] });
  const refused = await t.api('PATCH', `/api/v1/tickets/${vip.id}`, { as: agent, ifMatch: vip.version, body: { status: 'resolved' } });
  const problem = assertProblem(refused, 409, 'ticket.transition_refused');
  assert.match(problem.title, /test\.no_resolve_on_vip/, 'the message names the guard');
  assert.deepEqual(asked, [{ ticketId: vip.id, from: 'open', to: 'resolved', actorId: agent.id, cause: 'agent' }]);
  const unchanged = (await t.api('GET', `/api/v1/tickets/${vip.id}`)).json();
  assert.equal(unchanged.status, 'open');
  assert.equal(unchanged.version, vip.version, 'nothing was written');

  // Bulk updates go through the same guards; other tickets pass.
  const plain = await t.createTicket({ subject: '普通客户', assigneeId: agent.id });
  const bulk = await t.api('POST', '/api/v1/tickets/bulk', { as: agent, body: { ids: [vip.id, plain.id], changes: { status: 'resolved' } } });
  assert.equal(bulk.statusCode, 200, bulk.body);
  assert.deepEqual(bulk.json().results.map((r: { ok: boolean; problem?: { status: number; code: string } }) => r.ok || `${r.problem?.status} ${r.problem?.code}`), ['409 ticket.transition_refused', true]);
});

test('ticket views show SLA targets from the read model provided on the app context, and none without one', async () => {
  const ticket = await t.createTicket({ subject: '读模型' });
  const [row] = await t.database.db.select().from(tickets).where(eq(tickets.id, ticket.id));
  const entry = { target: 'resolution' as const, dueAt: new Date('2026-03-02T10:00:00Z'), state: 'running' as const, remainingMinutes: 42 };
  const provided = new ReadModels();
  const asked: string[][] = [];
  provided.provide('ticketSla', { summaries: async (_db, ids) => (asked.push([...ids]), new Map([[ticket.id, [entry]]])) });
  const [view] = await presentTickets(t.database.db, agent.actor, [row!], provided);
  assert.deepEqual(view!.sla, [entry]);
  assert.deepEqual(asked, [[ticket.id]]);
  const [bare] = await presentTickets(t.database.db, agent.actor, [row!], new ReadModels());
  assert.deepEqual(bare!.sla, []);
  assert.throws(() => provided.provide('ticketSla', { summaries: async () => new Map() }), /provided twice/);
});
