import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../app/test-app.js';
import { queryRows } from '../../db/database.js';
import { assignmentKit } from './assignment-kit.js';

/**
 * The per-ticket budget: the relay asks the module's filter, judged from the event and the cached
 * facts (which teams assign), before it makes a job. A ticket without a team, or of a team without
 * a strategy, and without an assignee, makes no job; one of an assigning team does, and so does a
 * change of assignee or a resolution (load). The filter is read off the app's own registry.
 */
let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

type EventRow = { id: string; type: string; version: number; aggregate_type: string; aggregate_id: string; cause: string; actor_id: string | null; contact_id: string | null; payload: Record<string, unknown>; created_at: string };

/** Whether the relay would make an `assignment.ticket_event` job for each of the ticket's events. */
async function wanted(ticketId: string): Promise<Array<[string, boolean]>> {
  const rows = await queryRows<EventRow>(t.database.db, sql`select * from domain_events where aggregate_id = ${ticketId} order by id`);
  return rows.map((row) => {
    const subscription = t.context.jobs.subscribersOf(row.type).find((s) => s.jobType === 'assignment.ticket_event');
    const envelope = { eventId: Number(row.id), type: row.type, version: row.version, aggregateType: row.aggregate_type, aggregateId: row.aggregate_id, cause: row.cause, actorId: row.actor_id, contactId: row.contact_id, payload: row.payload, occurredAt: new Date(row.created_at).toISOString() };
    return [row.type, Boolean(subscription && (!subscription.accepts || subscription.accepts(envelope)))];
  });
}

test('plain tickets and tickets of teams without a strategy make no assignment job', async () => {
  const kit = assignmentKit(t);
  const agent = await t.user('agent');
  const assigning = await t.team('分配组', [agent.id]);
  const plain = await t.team('普通组', [agent.id]);
  await kit.settings(assigning, { strategy: 'round_robin' });
  await t.drain();
  const none = await t.createTicket({ subject: '无团队' });
  const other = await t.createTicket({ subject: '普通组的单', teamId: plain });
  const mine = await t.createTicket({ subject: '分配组的单', teamId: assigning });
  const handed = await t.createTicket({ subject: '手工分配', teamId: plain, assigneeId: agent.id });
  assert.deepEqual(await wanted(none.id), [['ticket.created', false]]);
  assert.deepEqual(await wanted(other.id), [['ticket.created', false]]);
  assert.deepEqual(await wanted(mine.id), [['ticket.created', true]]);
  assert.deepEqual(await wanted(handed.id), [['ticket.created', true]], 'an assignee: their load');
  const res = await t.api('PATCH', `/api/v1/tickets/${other.id}`, { body: { priority: 'high' }, ifMatch: other.version });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(await wanted(other.id), [['ticket.created', false], ['ticket.updated', false]], 'a change of priority is none of its business');
});
