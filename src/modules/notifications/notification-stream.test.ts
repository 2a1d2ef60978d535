import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { SseTestClient } from '../../realtime/sse-test-client.js';
import { startStreamFixture, type StreamFixture } from '../../realtime/stream-fixture.js';

/** The bell is live: a user's stream carries their own notifications' events, never another user's. */
let fixture: StreamFixture;
before(async () => {
  fixture = await startStreamFixture();
});
after(() => fixture.close());

async function stream(headers: Record<string, string>): Promise<SseTestClient> {
  const client = await SseTestClient.connect(`${fixture.base}/api/v1/stream`, headers);
  fixture.clients.push(client);
  await client.waitFor((m) => m.event === 'ready');
  return client;
}

test("a notification reaches its recipient's stream and no one else's, and a read is announced to the recipient", async () => {
  const { t, agent, colleague, teamId } = fixture;
  const mine = await stream(agent.headers);
  const theirs = await stream(colleague.headers);
  const ticket = await t.createTicket<{ id: string }>({ subject: '通知实时', teamId, assigneeId: agent.id });
  await t.drain();
  const arrived = await mine.waitFor((m) => m.event === 'notification');
  assert.equal(JSON.parse(arrived.data).type, 'notifications.delivered');
  // The colleague sees the ticket's own events (same team) but not the agent's notification.
  await theirs.waitFor((m) => m.event === 'ticket' && JSON.parse(m.data).ticketId === ticket.id);
  const from = mine.messages.length;
  const read = await t.api('POST', '/api/v1/notifications/read-all', { as: agent });
  assert.equal(read.statusCode, 200, read.body);
  await mine.waitFor((m) => m.event === 'notification' && JSON.parse(m.data).type === 'notifications.read', { from });
  // A later event both streams carry: by then the colleague's stream has passed the agent's notification events.
  await t.api('POST', `/api/v1/tickets/${ticket.id}/messages`, { as: colleague, body: { body: '同步', internal: true } });
  await theirs.waitFor((m) => m.event === 'ticket' && JSON.parse(m.data).type === 'ticket.message_added');
  assert.equal(theirs.messages.filter((m) => m.event === 'notification').length, 0);
});
