import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ManualClock } from '../../app/clock.js';
import { createAliyunSmsProvider, aliyunSmsSettingsSchema } from './aliyun-sms-provider.js';
import { aliyunRpcSignature } from './aliyun-signature.js';
import { startFakeAliyunSmsServer, type FakeAliyunSmsServer } from './fake-aliyun-sms-server.js';
import { SmsSendFailed } from './sms-errors.js';

const clock = new ManualClock('2026-12-06T08:00:00Z');
const keys = { accessKeyId: 'LTAI5tFakeKeyId', accessKeySecret: 'fake-secret-中文也可' };
let vendor: FakeAliyunSmsServer;

before(async () => {
  vendor = await startFakeAliyunSmsServer({ ...keys, clock });
});
after(() => vendor.close());

function provider(overrides: Partial<{ accessKeySecret: string; timeoutMs: number }> = {}) {
  return createAliyunSmsProvider(aliyunSmsSettingsSchema.parse({ ...keys, signName: '某某科技', endpoint: vendor.endpoint, ...overrides }), { clock });
}

async function failure(promise: Promise<unknown>): Promise<SmsSendFailed> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error instanceof SmsSendFailed, `expected SmsSendFailed, got ${String(error)}`);
  return error;
}

test('a code reaches Alibaba signed, with the 11-digit mainland number, the signature name and named template parameters', async () => {
  const receipt = await provider().sendCode('+8613800138000', 'SMS_123456789', { code: '482913' });
  assert.equal(receipt.vendor, 'aliyun');
  assert.match(receipt.messageId, /\^0$/);
  assert.deepEqual(vendor.sent.at(-1), { phoneNumbers: '13800138000', signName: '某某科技', templateCode: 'SMS_123456789', templateParam: { code: '482913' } });
});

test('a notification to a Hong Kong number keeps its country code, without the plus', async () => {
  await provider().sendNotification('+85261234567', 'SMS_987654321', { ticket: '20261206-0001', status: '已解决' });
  assert.deepEqual(vendor.sent.at(-1), {
    phoneNumbers: '85261234567',
    signName: '某某科技',
    templateCode: 'SMS_987654321',
    templateParam: { ticket: '20261206-0001', status: '已解决' },
  });
});

test('two sends never reuse a nonce (Alibaba refuses a repeated SignatureNonce)', async () => {
  const before = vendor.answers.length;
  await Promise.all([provider().sendCode('+8613800138001', 'SMS_1', { code: '1' }), provider().sendCode('+8613800138002', 'SMS_1', { code: '2' })]);
  assert.deepEqual(vendor.answers.slice(before), ['OK', 'OK']);
});

test('Alibaba’s flow control (isv.BUSINESS_LIMIT_CONTROL) becomes a retryable 429 with its own message key', async () => {
  vendor.refuseNext('isv.BUSINESS_LIMIT_CONTROL', '触发分钟级流控Permits:1');
  const error = await failure(provider().sendCode('+8613800138000', 'SMS_123456789', { code: '1' }));
  assert.equal(error.code, 'sms.vendor_rate_limited');
  assert.equal(error.status, 429);
  assert.equal(error.retryable, true);
  assert.deepEqual(error.params, { vendor: 'aliyun', vendorCode: 'isv.BUSINESS_LIMIT_CONTROL' });
  assert.equal(error.vendorMessage, '触发分钟级流控Permits:1');
});

test('vendor codes map to what an administrator must fix; an unknown code keeps its name', async () => {
  const cases: Array<[string, string, boolean]> = [
    ['isv.DAY_LIMIT_CONTROL', 'sms.daily_limit', false],
    ['isv.MOBILE_NUMBER_ILLEGAL', 'sms.phone_invalid', false],
    ['isv.AMOUNT_NOT_ENOUGH', 'sms.insufficient_balance', false],
    ['isv.SMS_SIGNATURE_ILLEGAL', 'sms.sign_name_invalid', false],
    ['isv.SMS_TEMPLATE_ILLEGAL', 'sms.template_invalid', false],
    ['isp.SYSTEM_ERROR', 'sms.vendor_unavailable', true],
    ['isv.SOMETHING_NEW', 'sms.vendor_error', false],
    ['constructor', 'sms.vendor_error', false],
  ];
  for (const [vendorCode, key, retryable] of cases) {
    vendor.refuseNext(vendorCode);
    const error = await failure(provider().sendNotification('+8613800138000', 'SMS_1', {}));
    assert.equal(error.code, key, vendorCode);
    assert.equal(error.retryable, retryable, vendorCode);
    assert.equal(error.params.vendorCode, vendorCode);
  }
});

test('a wrong AccessKey secret is refused by the fake exactly as Alibaba refuses it, and reported as a credentials problem', async () => {
  const error = await failure(provider({ accessKeySecret: 'not-the-secret' }).sendCode('+8613800138000', 'SMS_1', { code: '1' }));
  assert.equal(error.code, 'sms.credentials_invalid');
  assert.equal(error.params.vendorCode, 'SignatureDoesNotMatch');
  assert.equal(vendor.answers.at(-1), 'SignatureDoesNotMatch');
});

test('a request signed 16 minutes off the vendor’s clock is refused (InvalidTimeStamp.Expired)', async () => {
  const skewed = createAliyunSmsProvider(aliyunSmsSettingsSchema.parse({ ...keys, signName: '某某科技', endpoint: vendor.endpoint }), {
    clock: new ManualClock('2026-12-06T07:44:00Z'),
  });
  const error = await failure(skewed.sendCode('+8613800138000', 'SMS_1', { code: '1' }));
  assert.equal(error.params.vendorCode, 'InvalidTimeStamp.Expired');
});

test('a number that is not E.164 is refused before Alibaba sees it, naming the field', async () => {
  const before = vendor.answers.length;
  const error = await failure(provider().sendCode('13800138000', 'SMS_1', { code: '1' }));
  assert.equal(error.code, 'sms.phone_invalid');
  assert.equal(error.status, 400);
  assert.deepEqual(error.errors, [{ path: 'phone', code: 'sms.phone_invalid' }]);
  assert.equal(vendor.answers.length, before);
});

test('a vendor that does not answer within the timeout is a retryable vendor_unavailable', async () => {
  vendor.stall = true;
  try {
    const error = await failure(provider({ timeoutMs: 200 }).sendCode('+8613800138000', 'SMS_1', { code: '1' }));
    assert.equal(error.code, 'sms.vendor_unavailable');
    assert.equal(error.params.vendorCode, 'timeout');
    assert.equal(error.retryable, true);
  } finally {
    vendor.stall = false;
  }
});

test('settings: the endpoint defaults to Alibaba’s and must be http(s)', () => {
  assert.equal(aliyunSmsSettingsSchema.parse({ ...keys, signName: 'x' }).endpoint, 'https://dysmsapi.aliyuncs.com/');
  assert.equal(aliyunSmsSettingsSchema.safeParse({ ...keys, signName: 'x', endpoint: 'file:///etc/passwd' }).success, false);
  assert.equal(aliyunSmsSettingsSchema.safeParse({ ...keys, signName: '' }).success, false);
});

test('the fake server checks every parameter: one changed after signing is refused (SignatureDoesNotMatch)', async () => {
  const params: Record<string, string> = {
    AccessKeyId: keys.accessKeyId,
    Action: 'SendSms',
    Format: 'JSON',
    PhoneNumbers: '13800138000',
    RegionId: 'cn-hangzhou',
    SignName: '某某科技',
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: 'tamper-test-nonce',
    SignatureVersion: '1.0',
    TemplateCode: 'SMS_1',
    Timestamp: '2026-12-06T08:00:00Z',
    Version: '2017-05-25',
  };
  const signature = aliyunRpcSignature('POST', params, keys.accessKeySecret);
  const sentBefore = vendor.sent.length;
  const tampered = await fetch(vendor.endpoint, { method: 'POST', body: new URLSearchParams({ ...params, PhoneNumbers: '13900139000', Signature: signature }) });
  assert.equal(tampered.status, 400);
  assert.equal((await tampered.json()).Code, 'SignatureDoesNotMatch');
  // The untouched request passes, as a GET too (the signature then starts with GET&).
  const query = new URLSearchParams({ ...params, Signature: aliyunRpcSignature('GET', params, keys.accessKeySecret) });
  const honest = await fetch(`${vendor.endpoint}?${query}`);
  assert.equal((await honest.json()).Code, 'OK');
  assert.equal(vendor.sent.length, sentBefore + 1);
});
