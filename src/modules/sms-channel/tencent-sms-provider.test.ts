import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ManualClock } from '../../app/clock.js';
import { startFakeTencentSmsServer, type FakeTencentSmsServer } from './fake-tencent-sms-server.js';
import { SmsSendFailed } from './sms-errors.js';
import { createTencentSmsProvider, tencentSmsSettingsSchema } from './tencent-sms-provider.js';
import { tc3Authorization, tc3Sign } from './tencent-signature.js';

const clock = new ManualClock('2026-12-06T08:00:00Z');
const keys = { secretId: 'AKIDfakeSecretId0000', secretKey: 'fakeSecretKey0000' };
let vendor: FakeTencentSmsServer;

before(async () => {
  vendor = await startFakeTencentSmsServer({ ...keys, clock });
});
after(() => vendor.close());

function provider(overrides: Partial<{ secretKey: string; timeoutMs: number }> = {}, providerClock = clock) {
  return createTencentSmsProvider(tencentSmsSettingsSchema.parse({ ...keys, smsSdkAppId: '1400006666', signName: '某某科技', endpoint: vendor.endpoint, ...overrides }), {
    clock: providerClock,
  });
}

async function failure(promise: Promise<unknown>): Promise<SmsSendFailed> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error instanceof SmsSendFailed, `expected SmsSendFailed, got ${String(error)}`);
  return error;
}

test('a code reaches Tencent signed (TC3, X-TC-Action signed too), with the E.164 number and positional parameters in order', async () => {
  const receipt = await provider().sendCode('+8613800138000', '1234567', { '1': '482913', '2': '5' });
  assert.equal(receipt.vendor, 'tencent');
  assert.match(receipt.messageId, /^2028:/);
  assert.deepEqual(vendor.sent.at(-1), { phoneNumberSet: ['+8613800138000'], smsSdkAppId: '1400006666', signName: '某某科技', templateId: '1234567', templateParamSet: ['482913', '5'] });
});

test('a notification with Chinese parameters is signed over the exact UTF-8 body', async () => {
  await provider().sendNotification('+8613800138000', '7654321', { ticket: '20261206-0001', status: '已解决' });
  assert.deepEqual(vendor.sent.at(-1)?.templateParamSet, ['20261206-0001', '已解决']);
});

test('LimitExceeded.PhoneNumberDailyLimit is a 429 with the daily-limit message, not retried by itself', async () => {
  vendor.refuseNext('LimitExceeded.PhoneNumberDailyLimit', '单个手机号日下发短信条数超过设定的上限');
  const error = await failure(provider().sendCode('+8613800138000', '1234567', { '1': '1' }));
  assert.equal(error.code, 'sms.daily_limit');
  assert.equal(error.status, 429);
  assert.equal(error.retryable, false);
  assert.deepEqual(error.params, { vendor: 'tencent', vendorCode: 'LimitExceeded.PhoneNumberDailyLimit' });
});

test('per-number status codes map to the shared failures; an unknown one keeps its name', async () => {
  const cases: Array<[string, string]> = [
    ['LimitExceeded.PhoneNumberThirtySecondLimit', 'sms.vendor_rate_limited'],
    ['LimitExceeded.PhoneNumberOneHourLimit', 'sms.vendor_rate_limited'],
    ['InvalidParameterValue.IncorrectPhoneNumber', 'sms.phone_invalid'],
    ['FailedOperation.PhoneNumberInBlacklist', 'sms.phone_blocked'],
    ['FailedOperation.InsufficientBalanceInSmsPackage', 'sms.insufficient_balance'],
    ['FailedOperation.SignatureIncorrectOrUnapproved', 'sms.sign_name_invalid'],
    ['FailedOperation.TemplateIncorrectOrUnapproved', 'sms.template_invalid'],
    ['FailedOperation.SomethingNew', 'sms.vendor_error'],
  ];
  for (const [vendorCode, key] of cases) {
    vendor.refuseNext(vendorCode);
    const error = await failure(provider().sendNotification('+8613800138000', '1', {}));
    assert.equal(error.code, key, vendorCode);
    assert.equal(error.params.vendorCode, vendorCode);
  }
});

test('a wrong SecretKey is refused by the fake as Tencent refuses it (AuthFailure.SignatureFailure)', async () => {
  const error = await failure(provider({ secretKey: 'not-the-key' }).sendCode('+8613800138000', '1', { '1': '1' }));
  assert.equal(error.code, 'sms.credentials_invalid');
  assert.equal(error.params.vendorCode, 'AuthFailure.SignatureFailure');
});

test('a request signed more than 5 minutes off the vendor’s clock is refused (AuthFailure.SignatureExpire)', async () => {
  const error = await failure(provider({}, new ManualClock('2026-12-06T07:54:00Z')).sendCode('+8613800138000', '1', { '1': '1' }));
  assert.equal(error.params.vendorCode, 'AuthFailure.SignatureExpire');
  assert.equal(error.code, 'sms.vendor_error');
});

test('a number that is not E.164 is refused before Tencent sees it', async () => {
  const before = vendor.answers.length;
  const error = await failure(provider().sendCode('+86 138 0013 8000', '1', { '1': '1' }));
  assert.equal(error.code, 'sms.phone_invalid');
  assert.equal(vendor.answers.length, before);
});

test('a vendor that does not answer within the timeout is a retryable vendor_unavailable; one that is down, too', async () => {
  vendor.stall = true;
  try {
    const error = await failure(provider({ timeoutMs: 200 }).sendCode('+8613800138000', '1', { '1': '1' }));
    assert.deepEqual([error.code, error.params.vendorCode, error.retryable], ['sms.vendor_unavailable', 'timeout', true]);
  } finally {
    vendor.stall = false;
  }
  const down = await startFakeTencentSmsServer({ ...keys, clock });
  await down.close();
  const error = await failure(
    createTencentSmsProvider(tencentSmsSettingsSchema.parse({ ...keys, smsSdkAppId: '1400006666', signName: 'x', endpoint: down.endpoint }), { clock }).sendCode('+8613800138000', '1', {}),
  );
  assert.deepEqual([error.code, error.params.vendorCode], ['sms.vendor_unavailable', 'ECONNREFUSED']);
});

test('the fake server signs over the body: a body changed after signing is refused (AuthFailure.SignatureFailure)', async () => {
  const host = new URL(vendor.endpoint).host;
  const timestamp = Math.floor(clock.now().getTime() / 1000);
  const honestBody = JSON.stringify({ PhoneNumberSet: ['+8613800138000'], SmsSdkAppId: '1400006666', SignName: '某某科技', TemplateId: '1', TemplateParamSet: ['1'] });
  const headers = { 'content-type': 'application/json; charset=utf-8', host, 'x-tc-action': 'SendSms' };
  const signed = tc3Sign({ method: 'POST', path: '/', query: '', headers, payload: honestBody, service: 'sms', timestamp }, keys.secretKey);
  const send = (body: string) =>
    fetch(vendor.endpoint, {
      method: 'POST',
      headers: {
        'content-type': headers['content-type'],
        'x-tc-action': 'SendSms',
        'x-tc-version': '2021-01-11',
        'x-tc-timestamp': String(timestamp),
        'x-tc-region': 'ap-guangzhou',
        authorization: tc3Authorization(keys.secretId, signed),
      },
      body,
    }).then((response) => response.json());
  const tampered = await send(honestBody.replace('+8613800138000', '+8613900139000'));
  assert.equal(tampered.Response.Error.Code, 'AuthFailure.SignatureFailure');
  const honest = await send(honestBody);
  assert.equal(honest.Response.SendStatusSet[0].Code, 'Ok');
});
