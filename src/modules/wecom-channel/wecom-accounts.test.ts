import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { assertProblem } from '../../app/test-app.js';
import { queryRows } from '../../db/database.js';
import { kfText, startWecomKit, type WecomKit } from './test-kit.js';
import { tokenCacheKey } from './wecom-api.js';

let kit: WecomKit;
before(async () => {
  kit = await startWecomKit({ sandbox: true });
});
after(() => kit.close());

test('a WeCom account keeps its three secrets masked and sealed; the connection test asks gettoken with both secrets', async () => {
  const { t, accountId } = kit;
  const one = await t.api('GET', `/api/v1/channels/wecom/accounts/${accountId}`);
  assert.deepEqual(one.data.secretsSet, ['agentSecret', 'encodingAesKey', 'kfSecret']);
  assert.equal(one.data.settings.kfSecret, undefined);
  assert.doesNotMatch(one.body, /kkkkkkkkkkkk|aaaaaaaaaaaa|abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG/);
  assert.equal(one.data.settings.corpId, kit.settings.corpId);
  const [stored] = await queryRows<{ secrets: string }>(t.database.db, sql`select secrets::text as secrets from channel_accounts where id = ${accountId}`);
  assert.doesNotMatch(stored!.secrets, /kkkkkkkkkkkk/);

  const before = kit.fake.calls.filter((c) => c.path === '/cgi-bin/gettoken').length;
  const health = await t.api('POST', `/api/v1/channels/wecom/accounts/${accountId}/test`);
  assert.deepEqual(health.data, { ok: true, reason: null, detail: null });
  const asked = kit.fake.calls.filter((c) => c.path === '/cgi-bin/gettoken').slice(before).map((c) => c.query.corpsecret);
  assert.deepEqual(asked, [kit.settings.kfSecret, kit.settings.agentSecret]);

  const wrong = await t.api('PATCH', `/api/v1/channels/wecom/accounts/${accountId}`, { body: { settings: { kfSecret: 'w'.repeat(43) } }, ifMatch: one.data.version });
  assert.equal(wrong.statusCode, 200, wrong.body);
  const refused = await t.api('POST', `/api/v1/channels/wecom/accounts/${accountId}/test`);
  assert.equal(refused.data.ok, false);
  assert.match(refused.data.detail, /^40001 /);
  assert.match((await t.api('GET', `/api/v1/channels/wecom/accounts/${accountId}`)).data.lastError, /40001/);
  const back = await t.api('PATCH', `/api/v1/channels/wecom/accounts/${accountId}`, { body: { settings: { kfSecret: kit.settings.kfSecret } }, ifMatch: wrong.data.version });
  assert.equal(back.statusCode, 200);
});

test('malformed settings are a 400 naming the field; AgentId without its Secret is refused', async () => {
  const { t } = kit;
  const bad = assertProblem(await t.api('POST', '/api/v1/channels/wecom/accounts', { body: { name: 'x', settings: { corpId: 'nope', kfSecret: 'k'.repeat(43), token: 'abc', encodingAesKey: 'short' } } }), 400, 'validation.failed');
  assert.deepEqual(bad.errors?.map((e: { path: string }) => e.path).sort(), ['settings.corpId', 'settings.encodingAesKey']);
  const half = assertProblem(await t.api('POST', '/api/v1/channels/wecom/accounts', { body: { name: 'x', settings: { ...kit.settings, agentSecret: undefined } } }), 400, 'validation.failed');
  assert.ok(half.errors?.some((e: { path: string }) => e.path === 'settings.agentSecret'), JSON.stringify(half.errors));
  const kinds = await t.api('GET', '/api/v1/channels');
  const wecom = kinds.data.items.find((k: { kind: string }) => k.kind === 'wecom');
  assert.deepEqual(wecom, { kind: 'wecom', labels: { 'zh-CN': '企业微信', en: 'WeCom' }, identityKinds: ['wecom_external_userid'], secretFields: ['kfSecret', 'encodingAesKey', 'agentSecret'], limits: { replyWindowHours: 48, messagesPerWindow: 5 } });
});

test('a sandbox account records a reply locally: the ticket shows it sent (沙箱 in the window), WeCom never hears of it', async () => {
  kit.fake.customerWrites(kfText('sb-1', 'wmSandbox', '演示消息', Math.floor(kit.clock.now().getTime() / 1000)));
  await kit.notify('SANDBOX_TOKEN');
  await kit.t.drain();
  const contact = await kit.t.api('GET', '/api/v1/contacts/lookup', { query: { kind: 'wecom_external_userid', value: 'wmSandbox' } });
  const [ticket] = (await kit.t.api('GET', '/api/v1/tickets', { query: { requesterId: contact.data.id } })).data.items;
  const plan = await kit.t.api('GET', `/api/v1/tickets/${ticket.id}/reply-plan`);
  assert.equal(plan.data.options.find((o: { channel: string }) => o.channel === 'wecom').window.sandbox, true);
  const reply = await kit.t.api('POST', `/api/v1/tickets/${ticket.id}/messages`, { body: { body: '演示回复' } });
  await kit.t.drain();
  const timeline = await kit.t.api('GET', `/api/v1/tickets/${ticket.id}/timeline`, { query: { limit: 200 } });
  const sent = timeline.data.items.find((e: { message?: { id: string } | null }) => e.message?.id === reply.data.id).message;
  assert.equal(sent.deliveryStatus, 'sent');
  assert.equal(sent.meta.wecom.sandbox, true);
  assert.deepEqual(kit.fake.kfSent(), []);
  const [recorded] = await queryRows<{ status: string; request: { text: { content: string } } }>(kit.t.database.db, sql`select status, request from wecom_outbound where ticket_message_id = ${reply.data.id}`);
  assert.equal(recorded!.status, 'sandbox');
  assert.equal(recorded!.request.text.content, '演示回复');
});

test("the self-built app's token is cached under a uuid of its own, which a new app Secret changes", () => {
  const account = '01a24cea-2c4f-74eb-97ce-569dd0c498ed';
  assert.equal(tokenCacheKey(account, 'kf'), account);
  const app = tokenCacheKey(account, 'app', 'secret-one');
  assert.match(app, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.notEqual(app, account);
  assert.equal(tokenCacheKey(account, 'app', 'secret-one'), app);
  assert.notEqual(tokenCacheKey(account, 'app', 'secret-two'), app);
});
