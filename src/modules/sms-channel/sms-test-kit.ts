import assert from 'node:assert/strict';
import type { TestApp } from '../../app/test-app.js';

/** Test support for the SMS channel's API tests: accounts through the account API, the portal's SMS sign-in. */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const aliyunKeys = { accessKeyId: 'LTAI5tFakeAccessKey01', accessKeySecret: 'fakeAccessKeySecret0001' };
export const tencentKeys = { secretId: 'AKIDfakeSecretId00000001', secretKey: 'fakeSecretKey00000001' };

export function aliyunSettings(endpoint: string, extra: Record<string, unknown> = {}) {
  return { provider: 'aliyun', ...aliyunKeys, signName: '某某科技', loginTemplateId: 'SMS_460001', notifyTemplateId: 'SMS_460002', apiBaseUrl: endpoint, ...extra };
}

export function tencentSettings(endpoint: string, extra: Record<string, unknown> = {}) {
  return { provider: 'tencent', ...tencentKeys, smsSdkAppId: '1400006666', signName: '某某科技', loginTemplateId: '1234567', notifyTemplateId: '7654321', apiBaseUrl: endpoint, ...extra };
}

export async function createSmsAccount(t: TestApp, settings: Record<string, unknown>, options: { sandbox?: boolean; name?: string } = {}): Promise<Json> {
  const res = await t.api('POST', '/api/v1/channels/sms/accounts', { body: { name: options.name ?? '短信', sandbox: options.sandbox ?? false, settings } });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

export async function disableSmsAccount(t: TestApp, id: string): Promise<void> {
  const res = await t.api('DELETE', `/api/v1/channels/sms/accounts/${id}`);
  assert.equal(res.statusCode, 204, res.body);
}

export async function mobileCustomer(t: TestApp, phone: string, name = '王先生', extra: Array<{ kind: string; value: string }> = []): Promise<string> {
  const res = await t.api('POST', '/api/v1/contacts', { body: { name, identities: [{ kind: 'phone', value: phone }, ...extra] } });
  assert.equal(res.statusCode, 201, res.body);
  return (res.json() as Json).id as string;
}

export function askSmsCode(t: TestApp, phone: string, ip: string) {
  return t.api('POST', '/api/v1/portal/sms-login-codes', { as: null, body: { phone }, remoteAddress: ip });
}

export function signInBySms(t: TestApp, phone: string, code: string, ip: string) {
  return t.api('POST', '/api/v1/portal/sms-sessions', { as: null, body: { phone, code }, remoteAddress: ip });
}

export async function sandboxMessages(t: TestApp): Promise<Json[]> {
  const res = await t.api('GET', '/api/v1/channels/sms/sandbox-messages');
  assert.equal(res.statusCode, 200, res.body);
  return (res.json() as Json).items as Json[];
}
