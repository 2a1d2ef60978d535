import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import type { Caller } from '../../app/test-client.js';
import { queryRows } from '../../db/database.js';

/** Calls agents log and calls a telephony system pushes: on the right ticket, once per call id. */
let t: TestApp;
let agent: TestUser;
before(async () => {
  t = await createTestApp();
  agent = await t.user('agent');
});
after(() => t.close());

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function push(body: Json, as: Caller = t.admin) {
  return t.api('POST', '/api/v1/channels/phone/calls', { body, as });
}

async function timelineMessages(ticketId: string): Promise<Json[]> {
  const res = await t.api('GET', `/api/v1/tickets/${ticketId}/timeline?limit=500`);
  return ((res.json() as Json).items as Json[]).filter((e) => e.message).map((e) => e.message);
}

test('an agent logs a call on a ticket: a phone message with the call record, the number looked up to the contact', async () => {
  const contact = (await t.api('POST', '/api/v1/contacts', { body: { name: '孙先生', identities: [{ kind: 'phone', value: '13900001111' }] } })).json() as Json;
  const ticket = (await t.api('POST', '/api/v1/tickets', { body: { subject: '洗衣机不脱水', channel: 'phone', requester: { phone: '13900001111' }, assigneeId: agent.id }, as: agent })).json() as Json;
  const res = await t.api('POST', `/api/v1/tickets/${ticket.id}/calls`, { body: { direction: 'outbound', callerNumber: '139-0000-1111', durationSeconds: 200, recordingUrl: 'https://pbx.example.cn/rec/1.mp3', summary: '约好周六上午上门' }, as: agent });
  assert.equal(res.statusCode, 201, res.body);
  const [message] = (await timelineMessages(ticket.id)).filter((m) => m.channel === 'phone');
  assert.equal(message!.body, '约好周六上午上门');
  assert.equal(message!.internal, false);
  assert.equal(message!.deliveryStatus, null);
  assert.deepEqual({ ...message!.meta.call, startedAt: undefined }, {
    direction: 'outbound', number: '+8613900001111', durationSeconds: 200, missed: false, recordingUrl: 'https://pbx.example.cn/rec/1.mp3', startedAt: undefined, contactId: contact.id,
  });

  for (const [payload, path] of [
    [{ direction: 'inbound', callerNumber: '13900001111', durationSeconds: 5, recordingUrl: 'http://pbx.example.cn/rec/2.mp3', summary: 'x' }, 'recordingUrl'],
    [{ direction: 'sideways', callerNumber: '13900001111', durationSeconds: 5, summary: 'x' }, 'direction'],
    [{ direction: 'inbound', callerNumber: '12', durationSeconds: 5, summary: 'x' }, 'callerNumber'],
    [{ direction: 'inbound', callerNumber: '13900001111', durationSeconds: -1, summary: 'x' }, 'durationSeconds'],
  ] as const) {
    const bad = await t.api('POST', `/api/v1/tickets/${ticket.id}/calls`, { body: payload, as: agent });
    assert.equal(bad.statusCode, 400, bad.body);
    assert.equal((bad.json() as Json).errors[0].path, path);
  }
  const engineer = await t.user('field_engineer');
  const hidden = await t.api('POST', `/api/v1/tickets/${ticket.id}/calls`, { body: { direction: 'inbound', callerNumber: '13900001111', durationSeconds: 5, summary: 'x' }, as: engineer });
  assert.equal(hidden.statusCode, 404, 'a ticket the caller cannot see');
});

test('CTI: a call makes a phone ticket; the same call id again changes nothing; the next call joins the open ticket', async () => {
  const first = await push({ callId: 'cdr-1001', direction: 'inbound', callerNumber: '+86 137 0000 2222', durationSeconds: 95, summary: '冰箱不制冷' });
  assert.equal(first.statusCode, 201, first.body);
  const created = first.json() as Json;
  assert.equal(created.createdTicket, true);

  const again = await push({ callId: 'cdr-1001', direction: 'inbound', callerNumber: '+86 137 0000 2222', durationSeconds: 95, summary: '冰箱不制冷' });
  assert.equal(again.statusCode, 200);
  assert.deepEqual({ ...(again.json() as Json), duplicate: false }, created);

  const next = (await push({ callId: 'cdr-1002', direction: 'inbound', callerNumber: '13700002222', durationSeconds: 40 })).json() as Json;
  assert.equal(next.ticketId, created.ticketId);
  assert.equal(next.createdTicket, false);
  // The first call is the ticket's opening message (issue 12), the second joins it; neither twice.
  const messages = await timelineMessages(created.ticketId);
  assert.deepEqual(messages.map((m) => m.meta.call.callId), ['cdr-1001', 'cdr-1002'], 'one message per call, none twice');
  assert.equal(messages[1]!.channel, 'phone');
  assert.match(messages[1]!.body, /来电 .*40秒/);
  const [row] = await queryRows<Json>(t.database.db, sql`select channel, description from tickets where id = ${created.ticketId}`);
  assert.deepEqual(row, { channel: 'phone', description: '冰箱不制冷' });
});

test('CTI: a missed call from a number without an open ticket becomes a ticket tagged missed_call', async () => {
  const res = (await push({ callId: 'cdr-2001', direction: 'inbound', callerNumber: '13600003333', durationSeconds: 0 })).json() as Json;
  assert.equal(res.createdTicket, true);
  const ticket = (await t.api('GET', `/api/v1/tickets/${res.ticketId}`)).json() as Json;
  assert.deepEqual(ticket.tags, ['missed_call']);
  assert.match(ticket.subject, /^未接来电/);
});

test('CTI: a bad token is 401, a user without channels.phone.ingest 403, bad input 400 naming the field', async () => {
  assert.equal((await push({ callId: 'x', direction: 'inbound', callerNumber: '13600003333', durationSeconds: 1 }, { headers: { authorization: 'Bearer nope' } })).statusCode, 401);
  assert.equal((await push({ callId: 'x', direction: 'inbound', callerNumber: '13600003333', durationSeconds: 1 }, agent)).statusCode, 403);
  const bad = await push({ direction: 'inbound', callerNumber: '13600003333', durationSeconds: 1 });
  assert.equal(bad.statusCode, 400);
  assert.equal((bad.json() as Json).errors[0].path, 'callId');
});
