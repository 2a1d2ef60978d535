import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { pino } from 'pino';
import type { TailEvent } from './event-tail.js';
import { SseConnection, sseBlock } from './sse-connection.js';
import { SseTestClient } from './sse-test-client.js';

const visibleIds = new Set(['t-visible', 't-also']);
const visibilityQueries: string[][] = [];
let connection: SseConnection | undefined;
let server: Server;
let url: string;

before(async () => {
  server = createServer((_request, response) => {
    connection = new SseConnection(response, async (ids) => {
      visibilityQueries.push([...ids]);
      return new Set(ids.filter((id) => visibleIds.has(id)));
    }, pino({ level: 'silent' }), { heartbeatMs: 50, retryMs: 1500, maxQueuedBytes: 1024 * 1024 });
    connection.open({ cursor: 7, resync: false });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

const event = (eventId: number, aggregateId: string, aggregateType = 'ticket'): TailEvent => ({ eventId, type: 'ticket.updated', aggregateType, aggregateId, actorId: null });

test('sseBlock writes the fields of one message', () => {
  assert.equal(sseBlock({ id: 3, event: 'ticket', data: { a: 1 } }), 'id: 3\nevent: ticket\ndata: {"a":1}\n\n');
  assert.equal(sseBlock({ id: 4 }), 'id: 4\n\n');
});

test('one visibility query per delivery; invisible tickets are dropped but the position moves on; heartbeats flow', async () => {
  const client = await SseTestClient.connect(url);
  try {
    const ready = await client.waitFor((m) => m.event === 'ready');
    assert.equal(ready.id, '7');
    assert.equal(ready.retry, 1500);
    visibilityQueries.length = 0;
    connection!.events([event(8, 't-visible'), event(9, 't-hidden'), event(10, 't-also'), event(11, 'u-1', 'user')]);
    connection!.presence('t-hidden');
    connection!.presence('t-visible');
    const position = await client.waitFor((m) => m.event === '(id)');
    assert.equal(position.id, '11'); // the last one was not a visible ticket event
    assert.deepEqual(visibilityQueries, [['t-visible', 't-hidden', 't-also']]);
    const ticketEvents = client.messages.filter((m) => m.event === 'ticket');
    assert.deepEqual(ticketEvents.map((m) => m.id), ['8', '10']);
    assert.deepEqual(JSON.parse(ticketEvents[0]!.data), { ticketId: 't-visible', type: 'ticket.updated', actorId: null, eventId: 8 });
    await client.waitFor((m) => m.event === 'presence');
    assert.deepEqual(client.dataOf('presence'), [{ ticketId: 't-visible' }]);
    const deadline = Date.now() + 5000;
    while (client.comments < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(client.comments >= 2, 'heartbeat comments arrive');
  } finally {
    client.close();
  }
});

test('a client that goes away ends the connection and its timers', async () => {
  const client = await SseTestClient.connect(url);
  await client.waitFor((m) => m.event === 'ready');
  const current = connection!;
  let ended = false;
  current.onEnd(() => (ended = true));
  client.close();
  const deadline = Date.now() + 5000;
  while (!ended && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal(ended, true);
  assert.equal(current.ended, true);
});
