import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../db/database.js';
import { openTestDatabase } from '../db/test-database.js';

/**
 * Rows written before typed events get the cause they imply from the backfill migration
 * (0021_typed_events_backfill.sql, renumbered at merge); it can be re-applied (only rows without a
 * cause change). Payloads keep their old shape: readers upgrade them (typed-events.test.ts).
 */
let database: Database;
before(async () => {
  database = await openTestDatabase();
});
after(() => database.close());

const backfill = sql.raw(await readFile(new URL('../../migrations/0021_typed_events_backfill.sql', import.meta.url), 'utf8'));

const agent = '0190f0f0-0000-7000-8000-0000000000a1';
const contact = '0190f0f0-0000-7000-8000-0000000000c1';
const slaActor = '00000000-0000-7000-8000-00000000051a';

test('old rows get agent, customer (with the contact), sla or system, and a re-run changes nothing', async () => {
  const old: Array<[string, string, string | null, Record<string, unknown>]> = [
    ['agent-update', 'ticket.updated', agent, { fields: ['status'] }],
    ['requester-close', 'ticket.updated', null, { fields: ['status'], cause: 'requester', contactId: contact }],
    ['customer-reopen', 'ticket.updated', null, { fields: ['status'], cause: 'customer_message' }],
    ['escalation-change', 'ticket.updated', slaActor, { fields: ['priority'] }],
    ['customer-message', 'ticket.message_added', null, { messageId: 'm', internal: false, channel: 'email', authorContactId: contact }],
    ['customer-ticket', 'ticket.created', null, { number: '1', teamId: null, assigneeId: null, priority: 'normal', channel: 'email' }],
    ['breach', 'sla.breached', null, { target: 'resolution' }],
    ['delivery', 'ticket.message_delivery', null, { messageId: 'm', status: 'sent', channel: 'email' }],
  ];
  await database.transaction(async (tx) => {
    for (const [id, type, actor, payload] of old) {
      await tx.execute(sql`insert into domain_events (type, aggregate_type, aggregate_id, actor_id, payload) values (${type}, 'ticket', ${id}, ${actor}::uuid, ${JSON.stringify(payload)}::jsonb)`);
    }
    // Written after typed events: left alone.
    await tx.execute(sql`insert into domain_events (type, version, aggregate_type, aggregate_id, cause, actor_id, payload) values ('ticket.updated', 2, 'ticket', 'rule-change', 'rule:7', null, '{"fields": ["priority"]}'::jsonb)`);
  });
  const read = () => queryRows<{ aggregate_id: string; cause: string; contact_id: string | null; version: number }>(database.db, sql`select aggregate_id, cause, contact_id, version from domain_events order by id`);

  await database.transaction((tx) => tx.execute(backfill));
  const first = await read();
  assert.deepEqual(
    first.map((r) => [r.aggregate_id, r.cause, r.contact_id, r.version]),
    [
      ['agent-update', 'agent', null, 1],
      ['requester-close', 'customer', contact, 1],
      ['customer-reopen', 'customer', null, 1],
      ['escalation-change', 'sla', null, 1],
      ['customer-message', 'customer', contact, 1],
      ['customer-ticket', 'customer', null, 1],
      ['breach', 'sla', null, 1],
      ['delivery', 'system', null, 1],
      ['rule-change', 'rule:7', null, 2],
    ],
  );
  await database.transaction((tx) => tx.execute(backfill));
  assert.deepEqual(await read(), first);
});
