import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../app/test-app.js';
import { filterVisibleTicketIds, grantTicketSight, revokeTicketSight } from './index.js';

/**
 * Sight grants: another module (field service) lets a user see a ticket the visibility rules would
 * hide, under a named source; the list, single reads, search and the bulk check agree, and a
 * source's new holder replaces the old one.
 */
let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

test('a grant shows the ticket to an engineer and an agent everywhere; revoking hides it again', async () => {
  const engineer = await t.user('field_engineer');
  const agent = await t.user('agent');
  const ticket = await t.createTicket({ subject: '锅炉不点火 sightgrant' });
  const sees = async (user: typeof engineer) => ({
    read: (await t.api('GET', `/api/v1/tickets/${ticket.id}`, { as: user })).statusCode,
    list: (await t.api('GET', '/api/v1/tickets', { as: user })).data.items.map((x: { id: string }) => x.id),
    search: (await t.api('GET', '/api/v1/tickets', { as: user, query: { q: 'sightgrant' } })).data.items.length,
    bulk: [...(await filterVisibleTicketIds(t.database.db, user.actor, [ticket.id]))],
  });
  assert.deepEqual(await sees(engineer), { read: 404, list: [], search: 0, bulk: [] });

  await t.database.transaction(async (tx) => {
    await grantTicketSight(tx, { ticketId: ticket.id, userId: engineer.id, source: 'work_order:a' });
    await grantTicketSight(tx, { ticketId: ticket.id, userId: agent.id, source: 'work_order:b' });
  });
  await t.drain();
  for (const user of [engineer, agent]) assert.deepEqual(await sees(user), { read: 200, list: [ticket.id], search: 1, bulk: [ticket.id] });

  // The same source to someone else: the engineer's grant moves; the agent's (another source) stays.
  const other = await t.user('field_engineer');
  await t.database.transaction((tx) => grantTicketSight(tx, { ticketId: ticket.id, userId: other.id, source: 'work_order:a' }));
  assert.equal((await sees(engineer)).read, 404);
  assert.equal((await sees(other)).read, 200);
  await t.database.transaction((tx) => revokeTicketSight(tx, { ticketId: ticket.id, source: 'work_order:b' }));
  assert.equal((await sees(agent)).read, 404);
});
