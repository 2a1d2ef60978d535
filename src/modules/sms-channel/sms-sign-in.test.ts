import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { ManualClock } from '../../app/clock.js';
import { createTestApp, type TestApp } from '../../app/test-app.js';
import { assertProblem } from '../../app/test-client.js';
import { queryRows } from '../../db/database.js';
import { startFakeAliyunSmsServer, type FakeAliyunSmsServer } from './fake-aliyun-sms-server.js';
import { startFakeTencentSmsServer, type FakeTencentSmsServer } from './fake-tencent-sms-server.js';
import { aliyunKeys, aliyunSettings, askSmsCode, createSmsAccount, disableSmsAccount, mobileCustomer, sandboxMessages, signInBySms, tencentKeys, tencentSettings } from './sms-test-kit.js';

/**
 * Portal sign-in by mobile number and SMS code (手机号登录), over HTTP, against fake Alibaba and
 * Tencent servers on loopback that check each request's signature as the vendors do: the code
 * the fake server received is the one that signs in.
 */
const clock = new ManualClock('2026-12-06T08:00:00Z');
let t: TestApp;
let aliyun: FakeAliyunSmsServer;
let tencent: FakeTencentSmsServer;
let ipCounter = 0;

before(async () => {
  aliyun = await startFakeAliyunSmsServer({ ...aliyunKeys, clock, approvedSignNames: ['某某科技'] });
  tencent = await startFakeTencentSmsServer({ ...tencentKeys, clock, smsSdkAppIds: ['1400006666'] });
  t = await createTestApp({}, { clock });
});
after(async () => {
  await t.close();
  await aliyun.close();
  await tencent.close();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function nextIp() {
  ipCounter += 1;
  return `198.51.100.${ipCounter}`;
}

test('Alibaba: the code reaches the fake Alibaba server signed, and that code signs the customer in once', async () => {
  const account = await createSmsAccount(t, aliyunSettings(aliyun.endpoint));
  try {
    assert.deepEqual(account.secretsSet, ['accessKeySecret']);
    assert.equal(account.settings.accessKeySecret, undefined, 'the secret is never returned');
    const methods = await t.api('GET', '/api/v1/portal/sign-in-methods', { as: null });
    assert.deepEqual(methods.json(), { email: true, sms: true });

    const ip = nextIp();
    const contactId = await mobileCustomer(t, '138 0013 8001');
    const asked = await askSmsCode(t, '+86 138-0013-8001', ip);
    assert.equal(asked.statusCode, 202, asked.body);
    await t.drain();
    const sms = aliyun.sent.at(-1)!;
    assert.deepEqual([sms.phoneNumbers, sms.signName, sms.templateCode], ['13800138001', '某某科技', 'SMS_460001']);
    const code = (sms.templateParam as { code: string }).code;
    assert.match(code, /^\d{6}$/);

    const signedIn = await signInBySms(t, '13800138001', code, ip);
    assert.equal(signedIn.statusCode, 200, signedIn.body);
    assert.equal((signedIn.json() as Json).contactId, contactId);
    const cookie = signedIn.cookies.find((c) => c.name === 'opencsm_portal')!;
    assert.ok(cookie.httpOnly);
    const me = await t.api('GET', '/api/v1/portal/me', { as: null, headers: { cookie: `opencsm_portal=${cookie.value}` } });
    assert.equal((me.json() as Json).name, '王先生');

    // Hashed at rest: the code is in no column, not the portal's nor the SMS log's.
    const stored = await queryRows<{ code_hash: string }>(t.database.db, sql`select code_hash from portal_login_codes where phone = '+8613800138001'`);
    assert.ok(stored.length > 0 && stored.every((row) => !row.code_hash.includes(code)));
    const logged = await queryRows<{ params: unknown; status: string }>(t.database.db, sql`select params, status from sms_messages where phone_e164 = '+8613800138001'`);
    assert.deepEqual(logged, [{ params: null, status: 'sent' }]);

    assertProblem(await signInBySms(t, '13800138001', code, ip), 400, 'portal.code_not_requested');

    // Test connection reads the 签名 (QuerySmsSign): nothing is sent.
    const before = aliyun.sent.length;
    const health = await t.api('POST', `/api/v1/channels/sms/accounts/${account.id}/test`);
    assert.deepEqual(health.json(), { ok: true, reason: null, detail: null });
    assert.equal(aliyun.sent.length, before);
    assert.equal(aliyun.answers.at(-1), 'OK');
  } finally {
    await disableSmsAccount(t, account.id);
  }
});

test('Alibaba: test connection says when the 签名 is not approved or the key is wrong', async () => {
  const unapproved = await createSmsAccount(t, aliyunSettings(aliyun.endpoint, { signName: '未审核签名' }));
  const wrongKey = await createSmsAccount(t, aliyunSettings(aliyun.endpoint, { accessKeySecret: 'not-the-secret-at-all' }));
  try {
    const sign = (await t.api('POST', `/api/v1/channels/sms/accounts/${unapproved.id}/test`)).json() as Json;
    assert.deepEqual([sign.ok, sign.reason, sign.detail], [false, 'sms.sign_name_invalid', 'SignStatus 2']);
    const key = (await t.api('POST', `/api/v1/channels/sms/accounts/${wrongKey.id}/test`)).json() as Json;
    assert.deepEqual([key.ok, key.reason], [false, 'sms.credentials_invalid']);
    assert.match(key.detail, /^SignatureDoesNotMatch/);
    const listed = (await t.api('GET', `/api/v1/channels/sms/accounts/${wrongKey.id}`)).json() as Json;
    assert.match(listed.lastError, /SignatureDoesNotMatch/, 'the last error shows on the account');
  } finally {
    await disableSmsAccount(t, unapproved.id);
    await disableSmsAccount(t, wrongKey.id);
  }
});

test('Tencent: the code reaches the fake Tencent server (TC3-signed) as {1}, and signs the customer in', async () => {
  const account = await createSmsAccount(t, tencentSettings(tencent.endpoint));
  try {
    const ip = nextIp();
    const contactId = await mobileCustomer(t, '13800138002', '赵女士');
    assert.equal((await askSmsCode(t, '0086 138 0013 8002', ip)).statusCode, 202);
    await t.drain();
    const sms = tencent.sent.at(-1)!;
    assert.deepEqual([sms.phoneNumberSet, sms.smsSdkAppId, sms.signName, sms.templateId], [['+8613800138002'], '1400006666', '某某科技', '1234567']);
    const [code] = sms.templateParamSet;
    const signedIn = await signInBySms(t, '138 0013 8002', code!, ip);
    assert.equal(signedIn.statusCode, 200, signedIn.body);
    assert.equal((signedIn.json() as Json).contactId, contactId);

    const health = (await t.api('POST', `/api/v1/channels/sms/accounts/${account.id}/test`)).json() as Json;
    assert.equal(health.ok, true);
    assert.equal(tencent.answers.at(-1), 'Ok');
  } finally {
    await disableSmsAccount(t, account.id);
  }
});

test('Tencent: test connection refuses an SDK AppID of another account; a vendor refusal of the code is the account\'s last error', async () => {
  const wrongApp = await createSmsAccount(t, tencentSettings(tencent.endpoint, { smsSdkAppId: '1400009999' }));
  try {
    const health = (await t.api('POST', `/api/v1/channels/sms/accounts/${wrongApp.id}/test`)).json() as Json;
    assert.deepEqual([health.ok, health.reason], [false, 'sms.credentials_invalid']);
    assert.match(health.detail, /SmsSdkAppIdVerifyFail/);
  } finally {
    await disableSmsAccount(t, wrongApp.id);
  }
  const account = await createSmsAccount(t, tencentSettings(tencent.endpoint));
  try {
    await mobileCustomer(t, '13800138003');
    tencent.refuseNext('FailedOperation.TemplateIncorrectOrUnapproved');
    assert.equal((await askSmsCode(t, '13800138003', nextIp())).statusCode, 202, 'the customer hears the same');
    await t.drain();
    const listed = (await t.api('GET', `/api/v1/channels/sms/accounts/${account.id}`)).json() as Json;
    assert.match(listed.lastError, /sms.template_invalid FailedOperation.TemplateIncorrectOrUnapproved/);
  } finally {
    await disableSmsAccount(t, account.id);
  }
});

test('an unknown number gets the same answer, no SMS, and no code that works; failures look alike', async () => {
  const account = await createSmsAccount(t, aliyunSettings(aliyun.endpoint));
  try {
    const ip = nextIp();
    await mobileCustomer(t, '13800138004');
    const before = aliyun.sent.length;
    const known = await askSmsCode(t, '13800138004', ip);
    const unknown = await askSmsCode(t, '13900139004', ip);
    assert.deepEqual([unknown.statusCode, unknown.body], [known.statusCode, known.body]);
    await t.drain();
    assert.deepEqual(aliyun.sent.slice(before).map((s) => s.phoneNumbers), ['13800138004']);
    for (const phone of ['13800138004', '13900139004']) {
      const problem = assertProblem(await signInBySms(t, phone, '000000', ip), 400, 'portal.code_invalid');
      assert.equal(problem.title, '验证码不正确，还可以尝试 4 次');
      assert.deepEqual(problem.errors?.map((e) => e.path), ['code']);
    }
  } finally {
    await disableSmsAccount(t, account.id);
  }
});

test('limits: 60 s between codes to a number, 5 an hour, and 20 an hour per IP — each a 429 problem with Retry-After, known number or not', async () => {
  const account = await createSmsAccount(t, aliyunSettings(aliyun.endpoint), { sandbox: true });
  try {
    const ip = nextIp();
    assert.equal((await askSmsCode(t, '13900139005', ip)).statusCode, 202);
    const soon = await askSmsCode(t, '13900139005', nextIp());
    const problem = assertProblem(soon, 429, 'sms.code_too_soon');
    assert.equal(soon.headers['retry-after'], '60');
    assert.equal(problem.title, '验证码发送过于频繁，请 60 秒后再试');
    const english = await t.server.inject({ method: 'POST', url: '/api/v1/portal/sms-login-codes', payload: { phone: '13900139005' }, remoteAddress: ip, headers: { 'accept-language': 'en' } });
    assert.equal((english.json() as Json).title, 'Codes were requested too often; try again in 60 seconds');

    clock.advanceMinutes(1);
    for (let i = 0; i < 4; i += 1) {
      assert.equal((await askSmsCode(t, '13900139005', ip)).statusCode, 202, `code ${i + 2}`);
      clock.advanceMinutes(1);
    }
    const hourly = await askSmsCode(t, '13900139005', ip);
    assertProblem(hourly, 429, 'sms.code_hourly_limit');
    assert.equal(hourly.headers['retry-after'], String(55 * 60), 'the first of the five leaves the hour in 55 minutes');

    const crowded = nextIp();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i += 1) statuses.push((await askSmsCode(t, `1370013${String(7000 + i)}`, crowded)).statusCode);
    assert.equal(statuses.filter((s) => s === 202).length, 20);
    assertProblem(await askSmsCode(t, '13700139999', crowded), 429, 'sms.code_ip_limit');
    clock.advanceMinutes(61);
    assert.equal((await askSmsCode(t, '13700139999', crowded)).statusCode, 202, 'the IP has room again an hour on');
  } finally {
    await disableSmsAccount(t, account.id);
  }
});

test('two requests for one number at once: the number\'s lock lets one through, the other is told to wait', async () => {
  const account = await createSmsAccount(t, aliyunSettings(aliyun.endpoint), { sandbox: true });
  try {
    const results = await Promise.all([askSmsCode(t, '13900139008', nextIp()), askSmsCode(t, '13900139008', nextIp())]);
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [202, 429]);
    const rows = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from sms_messages where phone_e164 = '+8613900139008'`);
    assert.equal(rows[0]!.n, 1);
  } finally {
    await disableSmsAccount(t, account.id);
  }
});

test('a sandbox account sends nothing: the code is listed for the trainer and signs in', async () => {
  const account = await createSmsAccount(t, tencentSettings(tencent.endpoint), { sandbox: true });
  try {
    const ip = nextIp();
    const contactId = await mobileCustomer(t, '13800138006');
    const before = tencent.sent.length;
    assert.equal((await askSmsCode(t, '13800138006', ip)).statusCode, 202);
    await t.drain();
    assert.equal(tencent.sent.length, before, 'nothing reached the vendor');
    const listed = (await sandboxMessages(t)).find((m) => m.phone === '+8613800138006')!;
    assert.deepEqual([listed.purpose, listed.status, listed.accountId, listed.templateId], ['code', 'sandbox', account.id, '1234567']);
    const signedIn = await signInBySms(t, '13800138006', listed.params.code, ip);
    assert.equal((signedIn.json() as Json).contactId, contactId);
  } finally {
    await disableSmsAccount(t, account.id);
  }
});

test('bad input names the field; without an SMS account the portal offers email only and SMS codes are 503', async () => {
  const account = await createSmsAccount(t, aliyunSettings(aliyun.endpoint));
  try {
    const ip = nextIp();
    for (const phone of ['0755-8888 6666', '12345', '138001380']) {
      const problem = assertProblem(await askSmsCode(t, phone, ip), 400, 'validation.failed', phone);
      assert.deepEqual(problem.errors?.map((e) => [e.path, e.code]), [['phone', 'sms.mobile_invalid']], phone);
    }
    assertProblem(await t.api('POST', '/api/v1/portal/sms-login-codes', { as: null, body: {}, remoteAddress: ip }), 400, 'validation.failed');
    const bad = await t.api('POST', '/api/v1/channels/sms/accounts', { body: { name: 'x', settings: { provider: 'aliyun', accessKeyId: 'LTAI5tFakeAccessKey01' } } });
    const paths = assertProblem(bad, 400, 'validation.failed').errors?.map((e) => e.path) ?? [];
    assert.ok(paths.includes('settings.accessKeySecret') && paths.includes('settings.loginTemplateId'), paths.join());
    const agent = await t.user('agent');
    assertProblem(await t.api('GET', '/api/v1/channels/sms/sandbox-messages', { as: agent }), 403, 'auth.forbidden');
    assertProblem(await t.api('POST', '/api/v1/channels/sms/accounts', { as: agent, body: { name: 'x', settings: aliyunSettings(aliyun.endpoint) } }), 403, 'auth.forbidden');
  } finally {
    await disableSmsAccount(t, account.id);
  }
  assert.deepEqual((await t.api('GET', '/api/v1/portal/sign-in-methods', { as: null })).json(), { email: true, sms: false });
  assertProblem(await askSmsCode(t, '13800138001', nextIp()), 503, 'sms.not_configured');
});
