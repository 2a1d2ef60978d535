import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { assertProblem, createTestApp, type TestApp } from '../../app/test-app.js';
import { queryRows } from '../../db/database.js';
import { createPortalSession, portalCookieName } from '../portal/portal-sessions.js';

/** Phone intake (issue 13 §3): the caller's report is shown once, as theirs, taken down by the agent. */
let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function portalView(ticketId: string): Promise<Json> {
  const [ticket] = await queryRows<{ requester_id: string }>(t.database.db, sql`select requester_id from tickets where id = ${ticketId}`);
  const { secret } = await t.database.transaction((tx) => createPortalSession(tx, ticket!.requester_id, 1));
  const res = await t.server.inject({ method: 'GET', url: `/api/v1/portal/tickets/${ticketId}`, cookies: { [portalCookieName]: secret } });
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as Json;
}

test('a phone-intake ticket has its description once, as the customer\'s opening message entered by the agent, with the call', async () => {
  const res = await t.api('POST', '/api/v1/channels/phone/intake', {
    body: {
      subject: '洗衣机不脱水',
      description: '客户说洗衣机转不动，有异响',
      requester: { name: '周女士', phone: '186 3564 7349' },
      call: { direction: 'inbound', durationSeconds: 185 },
    },
  });
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.data.channel, 'phone');

  const timeline = (await t.api('GET', `/api/v1/tickets/${res.data.id}/timeline`, { query: { limit: 100 } })).data.items as Json[];
  const messages = timeline.filter((e) => e.message);
  assert.equal(messages.length, 1, 'one message: no public agent reply repeating the summary');
  const opening = messages[0]!;
  assert.equal(opening.type, 'created');
  assert.equal(opening.message.body, '客户说洗衣机转不动，有异响');
  assert.equal(opening.message.internal, false);
  assert.equal(opening.message.channel, 'phone');
  assert.equal(opening.message.authorContact.name, '周女士');
  assert.equal(opening.message.authorUser ?? null, null, 'not an agent message');
  assert.deepEqual(opening.message.meta.enteredBy, { userId: t.admin.id });
  assert.equal(opening.message.meta.call.number, '+8618635647349');
  assert.equal(opening.message.meta.call.durationSeconds, 185);

  const portal = await portalView(res.data.id);
  const shown = (portal.entries as Json[]).filter((e) => e.kind === 'message');
  assert.equal(shown.length, 1, 'the portal shows the report once');
  assert.equal(shown[0]!.opening, true);
  assert.equal(shown[0]!.author.kind, 'customer');
  assert.equal(shown[0]!.body, '客户说洗衣机转不动，有异响');
  assert.equal(shown[0]!.enteredByAgent, true, 'the portal can say the agent took it down by phone');
});

test('a phone ticket made through POST /tickets gets the same opening message; other channels do not', async () => {
  const phone = await t.createTicket({ subject: '冰箱不制冷', description: '冷藏室不冷', channel: 'phone', requester: { name: '吴先生', phone: '13800138000' } });
  const items = (await t.api('GET', `/api/v1/tickets/${phone.id}/timeline`)).data.items as Json[];
  assert.deepEqual(items.filter((e) => e.message).map((e) => [e.type, e.message.body, e.message.authorContact?.name]), [['created', '冷藏室不冷', '吴先生']]);

  const api = await t.createTicket({ subject: '接口建单', description: '说明', requester: { email: 'api@example.cn' } });
  assert.equal(((await t.api('GET', `/api/v1/tickets/${api.id}/timeline`)).data.items as Json[]).filter((e) => e.message).length, 0);
});

test('phone intake needs the caller\'s number and a valid call; field engineers may not use it', async () => {
  const noPhone = await t.api('POST', '/api/v1/channels/phone/intake', { body: { subject: '无号码', description: 'x', requester: { email: 'a@example.cn' } } });
  assertProblem(noPhone, 400, 'validation.failed');
  assert.ok(noPhone.data.errors.some((e: Json) => e.path === 'requester.phone'), noPhone.body);
  const badCall = await t.api('POST', '/api/v1/channels/phone/intake', { body: { subject: 'x', requester: { phone: '13800138000' }, call: { direction: 'sideways', durationSeconds: 1 } } });
  assertProblem(badCall, 400, 'validation.failed');
  assert.match(badCall.body, /call\.direction|direction/);
  const engineer = await t.user('field_engineer');
  assertProblem(await t.api('POST', '/api/v1/channels/phone/intake', { as: engineer, body: { subject: 'x', requester: { phone: '13800138000' } } }), 403, 'auth.forbidden');
});
