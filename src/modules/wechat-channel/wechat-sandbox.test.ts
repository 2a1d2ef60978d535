import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/database.js';
import { startWechatKit, textXml, type WechatKit } from './test-kit.js';

let kit: WechatKit;
before(async () => {
  kit = await startWechatKit({ sandbox: true });
});
after(() => kit.close());

test('a sandbox account records a reply locally: the ticket shows it sent, WeChat never hears of it', async () => {
  const now = Math.floor(kit.clock.now().getTime() / 1000);
  assert.equal((await kit.post(textXml('oSandbox', '5001', '演示消息', now))).body, 'success');
  await kit.t.drain();
  const contact = await kit.t.api('GET', '/api/v1/contacts/lookup', { query: { kind: 'wechat_openid', value: 'oSandbox' } });
  const [ticket] = (await kit.t.api('GET', '/api/v1/tickets', { query: { requesterId: contact.data.id } })).data.items;
  const plan = await kit.t.api('GET', `/api/v1/tickets/${ticket.id}/reply-plan`);
  assert.equal(plan.data.options.find((o: { channel: string }) => o.channel === 'wechat').window.sandbox, true);

  const reply = await kit.t.api('POST', `/api/v1/tickets/${ticket.id}/messages`, { body: { body: '演示回复' } });
  await kit.t.drain();
  const timeline = await kit.t.api('GET', `/api/v1/tickets/${ticket.id}/timeline`, { query: { limit: 200 } });
  const sent = timeline.data.items.find((e: { message?: { id: string } | null }) => e.message?.id === reply.data.id).message;
  assert.equal(sent.deliveryStatus, 'sent');
  assert.equal(sent.meta.wechat.sandbox, true);
  assert.deepEqual(kit.fake.sent(), [], 'nothing reached WeChat');
  assert.equal(kit.fake.calls.filter((c) => c.path === '/cgi-bin/stable_token').length, 0, 'no token was even asked for');
  const [recorded] = await queryRows<{ status: string; request: { text: { content: string } } }>(kit.t.database.db, sql`select status, request from wechat_outbound where ticket_message_id = ${reply.data.id}`);
  assert.equal(recorded!.status, 'sandbox');
  assert.equal(recorded!.request.text.content, '演示回复');
});
