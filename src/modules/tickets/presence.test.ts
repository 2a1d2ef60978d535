import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { TestApp, TestUser } from '../../app/test-app.js';
import { SseTestClient } from '../../realtime/sse-test-client.js';
import { startStreamFixture, type StreamFixture } from '../../realtime/stream-fixture.js';

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

async function createTicket(team = teamId): Promise<Json> {
  const res = await t.api('POST', '/api/v1/tickets', { body: { subject: '谁在看', teamId: team } });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

function heartbeat(ticketId: string, tabId: string, user: TestUser, payload: Json | undefined = {}) {
  return t.api('PUT', `/api/v1/tickets/${ticketId}/viewers/${tabId}`, { as: user, body: payload });
}

async function viewers(ticketId: string, user: TestUser): Promise<Json[]> {
  const res = await t.api('GET', `/api/v1/tickets/${ticketId}/viewers`, { as: user });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().viewers;
}

async function stream(user: TestUser): Promise<SseTestClient> {
  const client = await SseTestClient.connect(`${base}/api/v1/stream`, user.headers);
  clients.push(client);
  assert.equal(client.status, 200);
  await client.waitFor((m) => m.event === 'ready');
  return client;
}

const presenceOf = (ticketId: string) => (m: { event: string; data: string }) => m.event === 'presence' && JSON.parse(m.data).ticketId === ticketId;

test('a heartbeat answers with the other viewers; GET lists them; DELETE leaves', async () => {
  const ticket = await createTicket();
  const first = await heartbeat(ticket.id, 'tab-1', agent);
  assert.equal(first.statusCode, 200, first.body);
  assert.deepEqual(first.json(), { viewers: [] });

  const second = await heartbeat(ticket.id, 'tab-9', colleague, { composing: true });
  assert.deepEqual(second.json(), { viewers: [{ userId: agent.id, name: '坐席甲', composing: false }] });
  assert.deepEqual(await viewers(ticket.id, agent), [{ userId: colleague.id, name: '坐席乙', composing: true }]);

  // Omitting `composing` keeps it; a second tab of the same user is still one viewer.
  await heartbeat(ticket.id, 'tab-9', colleague, undefined);
  await heartbeat(ticket.id, 'tab-10', colleague, { composing: false });
  assert.deepEqual(await viewers(ticket.id, agent), [{ userId: colleague.id, name: '坐席乙', composing: true }]);

  const left = await t.api('DELETE', `/api/v1/tickets/${ticket.id}/viewers/tab-9`, { as: colleague });
  assert.equal(left.statusCode, 204, left.body);
  assert.deepEqual(await viewers(ticket.id, agent), [{ userId: colleague.id, name: '坐席乙', composing: false }]);
  await t.api('DELETE', `/api/v1/tickets/${ticket.id}/viewers/tab-10`, { as: colleague });
  assert.deepEqual(await viewers(ticket.id, agent), []);
  // Works with the ticket number too.
  assert.equal((await heartbeat(ticket.number, 'tab-1', agent)).statusCode, 200);
});

test('tickets the caller may not see are 404; a bad tab id is 400; no credentials 401', async () => {
  const ticket = await createTicket();
  const hidden = await heartbeat(ticket.id, 'tab-1', outsider);
  assert.equal(hidden.statusCode, 404, hidden.body);
  assert.equal(hidden.json().code, 'ticket.not_found');
  assert.equal((await t.api('GET', `/api/v1/tickets/${ticket.id}/viewers`, { as: outsider })).statusCode, 404);
  assert.equal((await t.api('DELETE', `/api/v1/tickets/${ticket.id}/viewers/tab-1`, { as: outsider })).statusCode, 404);
  const badTab = await heartbeat(ticket.id, 'bad tab!', agent);
  assert.equal(badTab.statusCode, 400, badTab.body);
  assert.equal(badTab.json().errors[0].path, 'tabId');
  const badBody = await heartbeat(ticket.id, 'tab-1', agent, { composing: 'yes' });
  assert.equal(badBody.statusCode, 400);
  assert.equal((await t.api('PUT', `/api/v1/tickets/${ticket.id}/viewers/tab-1`, { as: null, body: {} })).statusCode, 401);
});

test('expired rows are ignored, and swept by the next heartbeat on the ticket', async () => {
  const ticket = await createTicket();
  await t.database.transaction((tx) =>
    tx.execute(sql`insert into ticket_viewers (ticket_id, user_id, tab_id, composing, expires_at) values (${ticket.id}, ${colleague.id}, 'gone', true, now() - interval '1 second')`),
  );
  assert.deepEqual(await viewers(ticket.id, agent), []);
  assert.deepEqual((await heartbeat(ticket.id, 'tab-1', agent)).json(), { viewers: [] });
  const rows = (await t.database.db.execute(sql`select count(*)::int as n from ticket_viewers where ticket_id = ${ticket.id} and tab_id = 'gone'`)) as unknown as { rows: Array<{ n: number }> };
  assert.equal(rows.rows[0]!.n, 0);
  // Presence is not history: nothing was written to domain_events.
  const events = (await t.database.db.execute(sql`select count(*)::int as n from domain_events where aggregate_id = ${ticket.id} and type <> 'ticket.created'`)) as unknown as { rows: Array<{ n: number }> };
  assert.equal(events.rows[0]!.n, 0);
});

test('joining, composing and leaving are announced on the streams of users who may see the ticket', async () => {
  const ticket = await createTicket();
  const elsewhere = await createTicket(otherTeamId);
  const agentStream = await stream(agent);
  const outsiderStream = await stream(outsider);

  let from = agentStream.messages.length;
  await heartbeat(ticket.id, 'tab-c', colleague);
  await agentStream.waitFor(presenceOf(ticket.id), { from });

  // A renewal that changes nothing is not announced; a change of `composing` is.
  from = agentStream.messages.length;
  await heartbeat(ticket.id, 'tab-c', colleague);
  await heartbeat(ticket.id, 'tab-c', colleague, { composing: true });
  await agentStream.waitFor(presenceOf(ticket.id), { from });
  assert.equal(agentStream.messages.slice(from).filter(presenceOf(ticket.id)).length, 1);

  from = agentStream.messages.length;
  await t.api('DELETE', `/api/v1/tickets/${ticket.id}/viewers/tab-c`, { as: colleague });
  await agentStream.waitFor(presenceOf(ticket.id), { from });

  // The outsider's own ticket is announced to them; the agent's ticket never was (it came first).
  await heartbeat(elsewhere.id, 'tab-o', outsider);
  await outsiderStream.waitFor(presenceOf(elsewhere.id));
  assert.equal(outsiderStream.messages.filter(presenceOf(ticket.id)).length, 0);
});
