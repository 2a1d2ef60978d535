import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
// The app first: importing a module's index before it changes the order zod schemas with ids are
// made in, and with it the OpenAPI document a later test of this process generates (api-types.test).
import { assertProblem, createTestApp, type TestApp } from './test-app.js';
import { identityKinds } from '../modules/customers/index.js';

/**
 * Email, phone and the portal are channels their modules register (issue 16 §1), like the vendor
 * channels: an installation without the module does not offer its channel anywhere the list of
 * channels is read. `full` is the application as built; `bare` leaves the phone and portal
 * modules out.
 */
let full: TestApp;
let bare: TestApp;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

before(async () => {
  full = await createTestApp();
  bare = await createTestApp({}, { withoutModules: ['phone', 'portal'] });
});
after(async () => {
  await full.close();
  await bare.close();
});

const ticketChannels = async (t: TestApp): Promise<Json[]> => (await t.api('GET', '/api/v1/ticket-channels')).json<{ items: Json[] }>().items;
const createEnum = async (t: TestApp): Promise<string[]> => {
  const doc = (await t.api('GET', '/api/openapi.json', { as: null })).json<Json>();
  return doc.paths['/api/v1/tickets'].post.requestBody.content['application/json'].schema.properties.channel.enum;
};

test('the email, phone and portal modules register their channels: labelled, the platform\'s own, never vendor accounts', async () => {
  const items = await ticketChannels(full);
  assert.deepEqual(items.find((c) => c.key === 'phone'), { key: 'phone', labels: { 'zh-CN': '电话', en: 'Phone' }, deliversReplies: false, builtIn: true });
  assert.deepEqual(items.find((c) => c.key === 'email'), { key: 'email', labels: { 'zh-CN': '邮件', en: 'Email' }, deliversReplies: true, builtIn: true });
  assert.deepEqual(items.find((c) => c.key === 'portal'), { key: 'portal', labels: { 'zh-CN': '客户门户', en: 'Portal' }, deliversReplies: false, builtIn: true });
  // Ours first, then the vendors' (the console's chat-window tag reads `builtIn`).
  const firstVendor = items.findIndex((c) => !c.builtIn);
  assert.ok(items.slice(firstVendor).every((c) => !c.builtIn), JSON.stringify(items));

  // The account API and the vendor callback know only vendor adapters.
  const kinds = (await full.api('GET', '/api/v1/channels')).json<{ items: Json[] }>().items.map((k) => k.kind);
  assert.deepEqual(kinds, full.context.channels.list().map((a) => a.kind));
  for (const kind of ['email', 'phone', 'portal']) {
    assert.equal(kinds.includes(kind), false, kind);
    assertProblem(await full.api('GET', `/api/v1/channels/${kind}/accounts`), 404, 'channel.unknown_kind');
    const callback = await full.api('POST', `/api/v1/channels/${kind}/019400d0-0000-7000-8000-000000000001/callback`, { as: null, body: '<xml/>', headers: { 'content-type': 'text/xml' } });
    assert.equal(callback.statusCode, 404, `${kind}: ${callback.body}`);
  }
});

test('every identity kind a customer may hold is one an installed channel adds, and the other way round', () => {
  const added = new Set(full.context.channels.descriptors().flatMap((d) => d.identityKinds));
  assert.deepEqual([...added].sort(), [...identityKinds].sort());
});

test('without the phone and portal modules, their channels are offered nowhere', async () => {
  const keys = (await ticketChannels(bare)).map((c) => c.key);
  assert.equal(keys.includes('phone'), false);
  assert.equal(keys.includes('portal'), false);
  assert.ok(keys.includes('email'));
  assert.deepEqual(await createEnum(bare), keys);
  assert.deepEqual((await createEnum(full)).filter((k) => k !== 'phone' && k !== 'portal'), keys);

  for (const channel of ['phone', 'portal']) {
    const refused = await bare.api('POST', '/api/v1/tickets', { body: { subject: `来自 ${channel}`, channel } });
    assert.deepEqual(assertProblem(refused, 400, 'validation.failed').errors?.map((e) => e.path), ['channel'], channel);
    const policy = await bare.api('POST', '/api/v1/sla/policies', { body: { nameZh: channel, conditions: { all: [{ field: 'channel', op: 'in', values: [channel] }] } } });
    assert.deepEqual(assertProblem(policy, 400, 'validation.failed').errors?.map((e) => e.code), ['sla.policy.unknown_channel'], channel);
  }
  const fields = (await bare.api('GET', '/api/v1/ticket-fields')).json<{ items: Json[] }>().items;
  assert.deepEqual(fields.find((f) => f.key === 'channel')!.options.map((o: Json) => o.value), keys);
});

test('a reply in the portal or a logged call stays a way to answer, whichever channels are installed', async () => {
  const ticket = await bare.createTicket({ subject: '没有门户模块时的回复', channel: 'api', requester: { name: '周女士', phone: '13800138201' } });
  const plan = (await bare.api('GET', `/api/v1/tickets/${ticket.id}/reply-plan`)).json<Json>();
  assert.equal(plan.via, 'portal');
  // Why email cannot carry it is the email module's answer (its reply probe), not the tickets module's.
  assert.equal(plan.options.find((o: Json) => o.channel === 'email').reason, '客户没有邮箱地址');
  assert.deepEqual(plan.options.map((o: Json) => o.channel).filter((c: string) => c === 'portal' || c === 'phone'), ['portal', 'phone']);
  const reply = await bare.api('POST', `/api/v1/tickets/${ticket.id}/messages`, { body: { body: '已安排师傅上门。', via: 'portal' } });
  assert.equal(reply.statusCode, 201, reply.body);
  assert.equal(reply.json<Json>().channel, 'portal');
});
