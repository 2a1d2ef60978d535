import assert from 'node:assert/strict';
import { after, before, describe, test, type TestContext } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { queryRows } from '../../db/database.js';
import { domainEvents } from '../../jobs/schema.js';
import { createTestApp, type TestApp } from '../../app/test-app.js';
import { findOrCreateContact, type ContactRef } from './contacts.js';
import { contactIdentities, contacts } from './schema.js';

/**
 * Two messages from a new customer at the same moment make ONE contact with ONE identity.
 *
 * Only PostgreSQL runs transactions side by side; PGlite serialises them (one session), so there
 * the same assertions hold trivially and the test says so. To make the race real on PostgreSQL,
 * this file's database gets two test-only triggers: inserting a contact sleeps 50 ms (both
 * transactions have looked the identity up and found nothing before either inserts it), and
 * every deleted contact is logged — the loser of the race deletes the contact it just made, so
 * the log proves the concurrent path ran.
 */
let t: TestApp;
let engine: 'pglite' | 'postgres';
const rounds = 20;

before(async () => {
  t = await createTestApp();
  engine = t.database.engine;
  await t.database.transaction(async (tx) => {
    await tx.execute(sql`create table race_probe_deleted_contacts (id uuid not null)`);
    await tx.execute(sql`create function race_probe_log_delete() returns trigger language plpgsql as $$ begin insert into race_probe_deleted_contacts (id) values (old.id); return old; end $$`);
    await tx.execute(sql`create trigger race_probe_deleted after delete on contacts for each row execute function race_probe_log_delete()`);
    await tx.execute(sql`create function race_probe_widen_window() returns trigger language plpgsql as $$ begin perform pg_sleep(0.05); return new; end $$`);
    await tx.execute(sql`create trigger race_probe_widen before insert on contacts for each row execute function race_probe_widen_window()`);
  });
});
after(() => t.close());

async function deletedContacts(): Promise<string[]> {
  return (await queryRows<{ id: string }>(t.database.db, sql`select id from race_probe_deleted_contacts`)).map((r) => r.id);
}

/** Exactly one contact holds this phone, with exactly one identity row for it; nothing else was left behind. */
async function assertOneContact(phone: string, expectedId: string, name: string) {
  const identities = await t.database.db.select().from(contactIdentities).where(and(eq(contactIdentities.kind, 'phone'), eq(contactIdentities.value, phone)));
  assert.equal(identities.length, 1, `one identity row for ${phone}`);
  assert.equal(identities[0]!.contactId, expectedId);
  const named = await t.database.db.select({ id: contacts.id }).from(contacts).where(eq(contacts.name, name));
  assert.deepEqual(named.map((r) => r.id), [expectedId], `one contact named ${name}, no orphan from the losing transaction`);
  const created = await t.database.db.select({ id: domainEvents.id }).from(domainEvents).where(and(eq(domainEvents.type, 'contact.created'), eq(domainEvents.aggregateId, expectedId)));
  assert.equal(created.length, 1, 'one contact.created event');
}

/** The concurrent path must have run on PostgreSQL; on PGlite it cannot, and the report says so. */
function assertRaced(context: TestContext, losers: number, attempts: number) {
  if (engine === 'postgres') {
    assert.ok(losers > 0, `on PostgreSQL at least one of ${attempts} rounds must have raced (a losing transaction deleted its contact); none did`);
    context.diagnostic(`PostgreSQL: ${losers} of ${attempts} rounds took the losing path (insert, wait on the unique index, delete own contact, take the winner's)`);
  } else {
    assert.equal(losers, 0, 'PGlite serialises transactions, so no transaction can lose a race');
    context.diagnostic(`PGlite serialises transactions: ${attempts} rounds ran one after the other; set TEST_DATABASE_URL to exercise the race`);
  }
}

describe('two tickets from a new phone number at the same moment', () => {
  test(`make one contact with one phone identity (${rounds} rounds)`, async (context) => {
    const deletedBefore = (await deletedContacts()).length;
    for (let round = 0; round < rounds; round++) {
      const local = `139${String(round).padStart(4, '0')}5678`; // 13900005678, 13900015678, …
      const name = `同时来电 ${round}`;
      const ways = [local, `+86-${local.slice(0, 3)}-${local.slice(3, 7)}-${local.slice(7)}`];
      const [a, b] = await Promise.all(
        ways.map((phone) => t.api('POST', '/api/v1/tickets', { body: { subject: `来电 ${round}`, requester: { name, phone } } })),
      );
      assert.equal(a!.statusCode, 201, a!.body);
      assert.equal(b!.statusCode, 201, b!.body);
      const requesterA = (a!.json() as { requester: { id: string; phone: string } }).requester;
      const requesterB = (b!.json() as { requester: { id: string; phone: string } }).requester;
      assert.equal(requesterA.id, requesterB.id, `round ${round}: both tickets name the same requester`);
      assert.equal(requesterA.phone, `+86${local}`);
      await assertOneContact(`+86${local}`, requesterA.id, name);
      const listed = await t.api('GET', `/api/v1/tickets?requesterId=${requesterA.id}`);
      assert.equal((listed.json() as { items: unknown[] }).items.length, 2, `round ${round}: both tickets are the contact's`);
    }
    assertRaced(context, (await deletedContacts()).length - deletedBefore, rounds);
  });

  test('with email and phone given in opposite orders (no deadlock surfaces, one contact)', async (context) => {
    const deletedBefore = (await deletedContacts()).length;
    for (let round = 0; round < 5; round++) {
      const local = `137${String(round).padStart(4, '0')}4321`;
      const email = `race${round}@both.example`;
      const name = `两种方式 ${round}`;
      const refs = [
        { name, email, phone: local },
        { name, identities: [{ kind: 'phone', value: `0086 ${local}` }, { kind: 'email', value: email.toUpperCase() }] },
      ];
      const responses = await Promise.all(refs.map((requester) => t.api('POST', '/api/v1/tickets', { body: { subject: '两个渠道', requester } })));
      for (const res of responses) assert.equal(res.statusCode, 201, res.body);
      const ids = responses.map((res) => (res.json() as { requester: { id: string } }).requester.id);
      assert.equal(ids[0], ids[1]);
      await assertOneContact(`+86${local}`, ids[0]!, name);
      const emails = await t.database.db.select().from(contactIdentities).where(eq(contactIdentities.value, email));
      assert.deepEqual(emails.map((i) => i.contactId), [ids[0]]);
    }
    context.diagnostic(`${(await deletedContacts()).length - deletedBefore} of 5 rounds took the losing path`);
  });
});

describe('findOrCreateContact in two transactions', () => {
  test(`side by side (${rounds} rounds): one contact`, async (context) => {
    const deletedBefore = (await deletedContacts()).length;
    for (let round = 0; round < rounds; round++) {
      const local = `136${String(round).padStart(4, '0')}8888`;
      const name = `并发直调 ${round}`;
      const refs: ContactRef[] = [{ name, phone: local }, { name, phone: `(+86) ${local.slice(0, 3)} ${local.slice(3, 7)} ${local.slice(7)}` }];
      const [a, b] = await Promise.all(refs.map((ref) => t.database.transaction((tx) => findOrCreateContact(tx, ref, t.admin.id))));
      assert.ok(a && b);
      assert.equal(a.id, b.id, `round ${round}`);
      await assertOneContact(`+86${local}`, a.id, name);
    }
    assertRaced(context, (await deletedContacts()).length - deletedBefore, rounds);
  });

  test('the later transaction waits on the unique index, then takes the winner and leaves nothing behind', async (context) => {
    const name = '先后两笔';
    const deletedBefore = await deletedContacts();
    let releaseFirst!: () => void;
    const firstMayCommit = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstFound!: (id: string) => void;
    const firstHasContact = new Promise<string>((resolve) => (firstFound = resolve));

    // The first transaction creates the contact and stays open.
    const first = t.database.transaction(async (tx) => {
      const contact = await findOrCreateContact(tx, { name, phone: '135 0000 9999' }, t.admin.id);
      firstFound(contact!.id);
      await firstMayCommit;
      return contact!;
    });
    if (engine === 'pglite') releaseFirst(); // the second transaction cannot start before the first ends
    const firstId = await firstHasContact;

    // The second starts while the first is uncommitted: it cannot see the identity, inserts, and must wait.
    const second = t.database.transaction((tx) => findOrCreateContact(tx, { name, phone: '+8613500009999' }, t.admin.id));
    if (engine === 'postgres') {
      let waiting = 0;
      for (let i = 0; i < 200 && waiting === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        const [row] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`);
        waiting = Number(row!.n);
      }
      assert.ok(waiting > 0, 'the second transaction waits for the first one\'s uncommitted identity');
      releaseFirst();
    }
    const [winner, other] = await Promise.all([first, second]);
    assert.equal(winner.id, firstId);
    assert.equal(other!.id, firstId, 'the second transaction answers the winner');
    await assertOneContact('+8613500009999', firstId, name);
    const losers = (await deletedContacts()).filter((id) => !deletedBefore.includes(id));
    assertRaced(context, losers.length, 1);
    if (engine === 'postgres') {
      assert.equal(losers.length, 1);
      const [loser] = losers;
      const events = await t.database.db.select({ id: domainEvents.id }).from(domainEvents).where(eq(domainEvents.aggregateId, loser!));
      assert.equal(events.length, 0, 'the losing contact left no event behind');
    }
  });
});
