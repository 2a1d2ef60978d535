import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/database.js';
import { assertProblem } from '../../app/test-app.js';
import { startWechatKit, textXml, type WechatKit } from './test-kit.js';
import { wechatSignature } from './wechat-crypto.js';

let kit: WechatKit;
before(async () => {
  kit = await startWechatKit();
});
after(() => kit.close());

test('an account keeps its secrets: masked in every answer, encrypted at rest, kept when a PATCH leaves them out', async () => {
  const { t, accountId } = kit;
  const one = await t.api('GET', `/api/v1/channels/wechat/accounts/${accountId}`);
  assert.equal(one.statusCode, 200);
  assert.deepEqual(one.data.secretsSet, ['appSecret', 'encodingAesKey']);
  assert.equal(one.data.settings.appSecret, undefined);
  assert.doesNotMatch(one.body, /aaaaaaaaaaaaaaaa|abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG/);
  assert.equal(one.data.callbackPath, `/api/v1/channels/wechat/${accountId}/callback`);
  const [stored] = await queryRows<{ secrets: string }>(t.database.db, sql`select secrets::text as secrets from channel_accounts where id = ${accountId}`);
  assert.match(stored!.secrets, /"appSecret": ?"v1\./, 'sealed by the key service');
  assert.doesNotMatch(stored!.secrets, /aaaaaaaaaaaaaaaa/);

  assertProblem(await t.api('PATCH', `/api/v1/channels/wechat/accounts/${accountId}`, { body: { name: 'x' } }), 428, 'channel.if_match_required');
  assertProblem(await t.api('PATCH', `/api/v1/channels/wechat/accounts/${accountId}`, { body: { name: 'x' }, ifMatch: 99 }), 412, 'channel.version_mismatch');
  const renamed = await t.api('PATCH', `/api/v1/channels/wechat/accounts/${accountId}`, { body: { name: '客服号', settings: { mode: 'plain' } }, ifMatch: one.data.version });
  assert.equal(renamed.statusCode, 200, renamed.body);
  assert.deepEqual(renamed.data.secretsSet, ['appSecret', 'encodingAesKey']);
  const test1 = await t.api('POST', `/api/v1/channels/wechat/accounts/${accountId}/test`);
  assert.deepEqual(test1.data, { ok: true, reason: null, detail: null }, 'the kept AppSecret still opens the token API');
});

test('malformed settings are a 400 naming the field; an unknown channel is a 404', async () => {
  const { t } = kit;
  const bad = assertProblem(await t.api('POST', '/api/v1/channels/wechat/accounts', { body: { name: 'x', settings: { appId: 'nope', appSecret: 'a'.repeat(32), token: 'abc' } } }), 400, 'validation.failed');
  assert.ok(bad.errors?.some((e: { path: string }) => e.path === 'settings.appId'), JSON.stringify(bad.errors));
  const safeWithoutKey = assertProblem(await t.api('POST', '/api/v1/channels/wechat/accounts', { body: { name: 'x', settings: { appId: 'wx1234567890abcdef', appSecret: 'a'.repeat(32), token: 'abc', mode: 'safe' } } }), 400, 'validation.failed');
  assert.ok(safeWithoutKey.errors?.some((e: { path: string }) => e.path === 'settings.encodingAesKey'));
  assertProblem(await t.api('GET', '/api/v1/channels/fax/accounts'), 404, 'channel.unknown_kind');
});

test('only admins manage channel accounts, and the account changes are on the audit record', async () => {
  const { t, accountId } = kit;
  const supervisor = await t.user('supervisor');
  assertProblem(await t.api('GET', '/api/v1/channels/wechat/accounts', { as: supervisor }), 403, 'auth.forbidden');
  const types = await queryRows<{ type: string }>(t.database.db, sql`select type from domain_events where aggregate_id = ${accountId} order by id`);
  assert.deepEqual(types.map((r) => r.type).slice(0, 2), ['channel_account.created', 'channel_account.updated']);
});

test('the connection test reports refused credentials as the account\'s last error', async () => {
  const { t, fake, accountId } = kit;
  fake.failNext('/cgi-bin/stable_token', { errcode: 40125, errmsg: 'invalid appsecret' });
  const result = await t.api('POST', `/api/v1/channels/wechat/accounts/${accountId}/test`);
  assert.equal(result.data.ok, false);
  assert.equal(result.data.reason, 'channel.credentials_refused');
  assert.match((await t.api('GET', `/api/v1/channels/wechat/accounts/${accountId}`)).data.lastError, /40125/);
});

test('URL verification answers echostr only to a valid signature, fresh timestamp and unused nonce', async () => {
  const { t, clock, accountId, settings } = kit;
  const ts = String(Math.floor(clock.now().getTime() / 1000));
  const verify = (q: Record<string, string>) => t.server.inject({ method: 'GET', url: `/api/v1/channels/wechat/${accountId}/callback?${new URLSearchParams(q)}` });
  const ok = await verify({ timestamp: ts, nonce: 'n1', echostr: '4075181314397890557', signature: wechatSignature(settings.token, ts, 'n1') });
  assert.equal(ok.statusCode, 200);
  assert.equal(ok.body, '4075181314397890557');
  assert.equal((await verify({ timestamp: ts, nonce: 'n2', echostr: 'x', signature: wechatSignature('wrong', ts, 'n2') })).statusCode, 403);
  assert.equal((await verify({ timestamp: ts, nonce: 'n1', echostr: 'other', signature: wechatSignature(settings.token, ts, 'n1') })).statusCode, 403, 'a reused nonce is refused');
  const old = String(Math.floor(clock.now().getTime() / 1000) - 301);
  assert.equal((await verify({ timestamp: old, nonce: 'n3', echostr: 'x', signature: wechatSignature(settings.token, old, 'n3') })).statusCode, 403, 'older than 5 minutes');
});

test('message callbacks: a stale or replayed one is refused, a retry of the same message is answered and stored once', async () => {
  const { t, clock } = kit;
  const now = Math.floor(clock.now().getTime() / 1000);
  assert.equal((await kit.post(textXml('oReplay', '9001', 'hi', now), { timestamp: now - 400 })).statusCode, 403);
  const first = await kit.post(textXml('oReplay', '9002', '你好', now), { nonce: 'same' });
  assert.deepEqual(first, { statusCode: 200, body: 'success' });
  assert.equal((await kit.post(textXml('oReplay', '9002', '你好', now), { nonce: 'same' })).body, 'success', "WeChat's retry reuses the nonce");
  assert.equal((await kit.post(textXml('oReplay', '9003', 'other', now), { nonce: 'same' })).statusCode, 403, 'the nonce with another message is a replay');
  const [stored] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from channel_inbound where external_id = 'msg:9002'`);
  assert.equal(stored!.n, 1);
});
