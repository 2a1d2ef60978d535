import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { createTestApp, type TestApp } from '../../app/test-app.js';
import { queryRows } from '../../db/database.js';

/** Tickets reacting to customers' events: merged requesters and erasure requests. */
let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function ok(method: 'GET' | 'POST', url: string, payload?: Json): Promise<Json> {
  const res = await t.api(method, url, { body: payload });
  assert.ok(res.statusCode < 300, `${method} ${url} → ${res.statusCode} ${res.body}`);
  return res.json() as Json;
}

/**
 * A message the customer wrote, as an inbound channel stores it (channels arrive with issue 5):
 * authored by the contact, with an attachment.
 */
async function customerMessage(ticketId: string, contactId: string, body: string): Promise<string> {
  const id = uuidv7();
  await t.database.db.execute(sql`insert into ticket_messages (id, ticket_id, author_contact_id, body, channel) values (${id}, ${ticketId}, ${contactId}, ${body}, 'email')`);
  await t.database.db.execute(sql`insert into ticket_attachments (id, ticket_id, message_id, filename, content_type, size, sha256) values (${uuidv7()}, ${ticketId}, ${id}, '身份证.jpg', 'image/jpeg', 10, 'x')`);
  return id;
}

test('anonymising a contact erases their words and attachments, keeps agents\' replies, and the search forgets them', async () => {
  const created = await ok('POST', '/api/v1/tickets', { subject: '洗衣机不脱水', description: '我住在光明街 12 号', requester: { name: '刘女士', phone: '13755556666' } });
  const contactId = created.requester.id as string;
  await customerMessage(created.id, contactId, '我的身份证号是 440301199001011234');
  await ok('POST', `/api/v1/tickets/${created.id}/messages`, { body: '已预约明天上门' });
  await t.drain();
  assert.equal((await ok('GET', '/api/v1/tickets?q=光明街')).items.length, 1, 'indexed before the request');

  await ok('POST', `/api/v1/contacts/${contactId}/anonymize`);
  await t.drain();
  const messages = await queryRows<{ body: string; author_contact_id: string | null }>(t.database.db, sql`select body, author_contact_id from ticket_messages where ticket_id = ${created.id} order by created_at`);
  assert.equal(messages.length, 2);
  assert.doesNotMatch(messages.find((m) => m.author_contact_id)!.body, /440301/);
  assert.equal(messages.find((m) => !m.author_contact_id)!.body, '已预约明天上门');
  const attachments = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from ticket_attachments where ticket_id = ${created.id}`);
  assert.equal(attachments[0]!.n, 0);
  const ticket = await ok('GET', `/api/v1/tickets/${created.id}`);
  assert.doesNotMatch(`${ticket.subject} ${ticket.description}`, /洗衣机|光明街/);
  assert.equal((await ok('GET', '/api/v1/tickets?q=光明街')).items.length, 0, 're-indexed without the words');
  assert.equal((await ok('GET', '/api/v1/tickets?q=440301199001011234')).items.length, 0);
  // Running the job again (a retry) changes nothing more.
  const versionBefore = ticket.version;
  await ok('POST', `/api/v1/contacts/${contactId}/anonymize`).catch(() => undefined);
  await t.drain();
  assert.equal((await ok('GET', `/api/v1/tickets/${created.id}`)).version, versionBefore);
});

test('merging moves tickets and the customer\'s messages to the survivor, once', async () => {
  const a = await ok('POST', '/api/v1/tickets', { subject: '网点咨询', requester: { phone: '13866667777' } });
  const b = await ok('POST', '/api/v1/tickets', { subject: '发票', requester: { email: 'wu@example.cn' } });
  await customerMessage(a.id, a.requester.id, '请回电');
  await ok('POST', '/api/v1/contacts/merge', { sourceId: a.requester.id, targetId: b.requester.id });
  await t.drain();
  const moved = await ok('GET', `/api/v1/tickets/${a.id}`);
  assert.equal(moved.requester.id, b.requester.id);
  assert.equal(moved.version, a.version + 1);
  const authors = await queryRows<{ author_contact_id: string }>(t.database.db, sql`select author_contact_id from ticket_messages where ticket_id = ${a.id} and author_contact_id is not null`);
  assert.deepEqual(authors.map((r) => r.author_contact_id), [b.requester.id]);
  const list = await ok('GET', `/api/v1/tickets?requesterId=${b.requester.id}`);
  assert.deepEqual(list.items.map((i: Json) => i.id).sort(), [a.id, b.id].sort());
});
