import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { pino } from 'pino';
import { createApp } from '../app/create-app.js';
import type { TestApp, TestUser } from '../app/test-app.js';
import { openPostgres } from '../db/postgres.js';
import { createSession, sessionCookieName } from '../modules/auth/index.js';
import { SseTestClient } from './sse-test-client.js';
import { startStreamFixture, type StreamFixture } from './stream-fixture.js';

type Json = Record<string, any>;

let t: TestApp;
let base: string;
let agent: TestUser;
let colleague: TestUser;
let outsider: TestUser;
let teamId: string;
let otherTeamId: string;
let clients: SseTestClient[];
let fixture: StreamFixture;

before(async () => {
  fixture = await startStreamFixture();
  ({ t, base, agent, colleague, outsider, teamId, otherTeamId, clients } = fixture);
});
after(() => fixture.close());

async function stream(headers: Record<string, string>, query = '', url = base): Promise<SseTestClient & { body: string }> {
  const client = await SseTestClient.connect(`${url}/api/v1/stream${query}`, headers);
  clients.push(client);
  if (client.status === 200) await client.waitFor((m) => m.event === 'ready');
  return client;
}

const createTicket = (teamId: string, subject = '实时测试') => t.createTicket<Json>({ subject, teamId });

async function reply(ticketId: string, user: TestUser, body = '您好，已处理'): Promise<void> {
  const res = await t.api('POST', `/api/v1/tickets/${ticketId}/messages`, { body: { body }, as: user });
  assert.equal(res.statusCode, 201, res.body);
}

const isTicketEvent = (ticketId: string, type?: string) => (m: { event: string; data: string }) =>
  m.event === 'ticket' && JSON.parse(m.data).ticketId === ticketId && (type === undefined || JSON.parse(m.data).type === type);

test('without credentials the stream is 401, with a bad token too', async () => {
  const anonymous = await stream({});
  assert.equal(anonymous.status, 401);
  assert.match(String(anonymous.headers['content-type']), /^application\/problem\+json/);
  assert.equal(JSON.parse(anonymous.body).code, 'auth.unauthenticated');
  const badToken = await stream({ authorization: 'Bearer nope' });
  assert.equal(badToken.status, 401);
});

test('the stream starts with headers for proxies, a retry hint and a ready event carrying a position', async () => {
  const client = await stream(agent.headers);
  assert.equal(client.status, 200);
  assert.match(String(client.headers['content-type']), /^text\/event-stream/);
  assert.match(String(client.headers['cache-control']), /no-cache/);
  assert.equal(client.headers['x-accel-buffering'], 'no');
  const [ready] = client.messages;
  assert.equal(ready!.event, 'ready');
  assert.equal(ready!.retry, 3000);
  assert.match(ready!.id ?? '', /^\d+$/);
  assert.deepEqual(JSON.parse(ready!.data), { resync: false });
  client.close();
});

// How fast: a commit wakes the stream by notification, not by the poll fallback; event-tail.test.ts
// proves that with the poll an hour away, on both engines, instead of timing it here.
test("an agent's stream shows a colleague's reply, and nothing of tickets the agent may not see", async () => {
  const mine = await createTicket(teamId);
  const theirs = await createTicket(otherTeamId);
  const agentStream = await stream(agent.headers);
  const outsiderStream = await stream(outsider.headers);

  await reply(theirs.id, outsider, '别组的回复');
  await reply(mine.id, colleague);
  const received = await agentStream.waitFor(isTicketEvent(mine.id, 'ticket.message_added'));
  const data = JSON.parse(received.data);
  assert.deepEqual(data, { ticketId: mine.id, type: 'ticket.message_added', actorId: colleague.id, eventId: data.eventId });
  assert.equal(received.id, String(data.eventId));

  // The outsider's event was committed first, so it would have arrived first.
  assert.equal(agentStream.messages.filter(isTicketEvent(theirs.id)).length, 0);
  await outsiderStream.waitFor(isTicketEvent(theirs.id, 'ticket.message_added'));
  // The other way round: the outsider sees their own ticket, never the agent's.
  await reply(theirs.id, outsider, '再来一条');
  const seen = await outsiderStream.waitFor((m) => isTicketEvent(theirs.id)(m) && JSON.parse(m.data).eventId > data.eventId);
  assert.equal(outsiderStream.messages.filter(isTicketEvent(mine.id)).length, 0);
  // Stream positions still moved past the invisible event (an id-only block), for resuming.
  assert.ok(outsiderStream.messages.some((m) => m.event === '(id)' && m.id === String(data.eventId)));
  assert.ok(Number(seen.id) > data.eventId);
});

test('creations and updates arrive too; a session cookie works like a token', async () => {
  const { secret } = await createSession(t.database, agent.id, 1);
  const client = await stream({ cookie: `${sessionCookieName}=${secret}` });
  const ticket = await createTicket(teamId, '新工单');
  await client.waitFor(isTicketEvent(ticket.id, 'ticket.created'));
  const res = await t.api('PATCH', `/api/v1/tickets/${ticket.id}`, { body: { priority: 'high' }, as: colleague, ifMatch: ticket.version });
  assert.equal(res.statusCode, 200, res.body);
  await client.waitFor(isTicketEvent(ticket.id, 'ticket.updated'));
});

test('a client reconnecting with Last-Event-ID gets what it missed; one too far behind is told to resync', async () => {
  const ticket = await createTicket(teamId);
  const first = await stream(agent.headers);
  await reply(ticket.id, colleague, '第一条');
  const one = await first.waitFor(isTicketEvent(ticket.id, 'ticket.message_added'));
  first.close();
  await reply(ticket.id, colleague, '断线期间');
  await reply(ticket.id, colleague, '断线期间二');

  const resumed = await stream({ ...agent.headers, 'last-event-id': one.id! });
  assert.deepEqual(JSON.parse(resumed.messages[0]!.data), { resync: false });
  assert.equal(resumed.messages[0]!.id, undefined); // a resumed client keeps its own position
  await resumed.waitFor((m) => resumed.messages.filter(isTicketEvent(ticket.id, 'ticket.message_added')).length === 2 && m.event === 'ticket');
  const replayed = resumed.messages.filter(isTicketEvent(ticket.id));
  assert.ok(replayed.every((m) => Number(m.id) > Number(one.id)));

  const viaQuery = await stream(agent.headers, `?lastEventId=${one.id}`);
  await viaQuery.waitFor((m) => viaQuery.messages.filter(isTicketEvent(ticket.id, 'ticket.message_added')).length === 2 && m.event === 'ticket');

  const tooOld = await stream({ ...agent.headers, 'last-event-id': '0' });
  assert.deepEqual(JSON.parse(tooOld.messages[0]!.data), { resync: true });
  assert.match(tooOld.messages[0]!.id ?? '', /^\d+$/);
});

test('closing the app ends open streams (nothing keeps it alive)', async () => {
  const other = await createApp(t.config, t.database, { log: pino({ level: 'silent' }) });
  const url = await other.server.listen({ port: 0, host: '127.0.0.1' });
  const client = await stream(agent.headers, '', url);
  await other.server.close();
  await client.waitFor(() => false, { timeoutMs: 5000 }).catch(() => undefined);
  assert.equal(client.ended, true);
});

test('another server process on the same PostgreSQL sees events and presence written by this one', { skip: !process.env.TEST_DATABASE_URL && 'needs TEST_DATABASE_URL' }, async () => {
  const url = (t.database as { url?: string }).url!;
  const database = await openPostgres(url, 3);
  const processB = await createApp(t.config, database, { log: pino({ level: 'silent' }) });
  try {
    const urlB = await processB.server.listen({ port: 0, host: '127.0.0.1' });
    const ticket = await createTicket(teamId);
    const onB = await stream(agent.headers, '', urlB);
    await reply(ticket.id, colleague, '写在进程 A'); // through process A
    // Notified across processes (not polled): event-tail.test.ts proves that without a clock.
    await onB.waitFor(isTicketEvent(ticket.id, 'ticket.message_added'));
    const put = await t.api('PUT', `/api/v1/tickets/${ticket.id}/viewers/tab-a`, { body: {}, as: colleague });
    assert.equal(put.statusCode, 200, put.body);
    await onB.waitFor((m) => m.event === 'presence' && JSON.parse(m.data).ticketId === ticket.id);
  } finally {
    await processB.server.close();
    await database.close();
  }
});
