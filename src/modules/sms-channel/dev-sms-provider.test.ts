import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock } from '../../app/clock.js';
import { loadConfig } from '../../app/config.js';
import { createDevSmsProvider, SmsDevCodesDisabled, type DevSms } from './dev-sms-provider.js';
import { SmsSendFailed } from './sms-errors.js';

const clock = new ManualClock('2026-12-06T08:00:00Z');

test('without OPENCSM_SMS_DEV_CODES the development provider refuses to exist', () => {
  assert.throws(() => createDevSmsProvider(loadConfig({}), { clock }), (error: unknown) => error instanceof SmsDevCodesDisabled && error.code === 'sms.dev_codes_disabled');
  assert.throws(() => createDevSmsProvider(loadConfig({ OPENCSM_SMS_DEV_CODES: 'false' }), { clock }), SmsDevCodesDisabled);
});

test('the flag accepts true/1 and false/0 and refuses anything else, naming the variable', () => {
  assert.equal(loadConfig({ OPENCSM_SMS_DEV_CODES: 'true' }).OPENCSM_SMS_DEV_CODES, true);
  assert.equal(loadConfig({ OPENCSM_SMS_DEV_CODES: '1' }).OPENCSM_SMS_DEV_CODES, true);
  assert.equal(loadConfig({ OPENCSM_SMS_DEV_CODES: '0' }).OPENCSM_SMS_DEV_CODES, false);
  assert.throws(() => loadConfig({ OPENCSM_SMS_DEV_CODES: 'yes' }), /OPENCSM_SMS_DEV_CODES/);
});

test('with the flag, codes and notifications are recorded locally and logged, never sent', async () => {
  const logged: DevSms[] = [];
  const sms = createDevSmsProvider(loadConfig({ OPENCSM_SMS_DEV_CODES: 'true' }), { clock, log: (entry) => logged.push(entry) });
  assert.deepEqual(await sms.sendCode('+8613800138000', 'SMS_LOGIN', { code: '482913' }), { vendor: 'dev', messageId: 'dev-1' });
  await sms.sendNotification('+8613800138000', 'SMS_TICKET', { ticket: '20261206-0001' });
  await sms.sendCode('+8613900139000', 'SMS_LOGIN', { code: '111111' });
  assert.equal(sms.outbox.length, 3);
  assert.deepEqual(sms.latestTo('+8613800138000'), {
    kind: 'notification',
    phoneE164: '+8613800138000',
    templateId: 'SMS_TICKET',
    params: { ticket: '20261206-0001' },
    at: new Date('2026-12-06T08:00:00Z'),
    messageId: 'dev-2',
  });
  assert.equal(sms.outbox.find((entry) => entry.kind === 'code' && entry.phoneE164 === '+8613900139000')?.params.code, '111111');
  assert.deepEqual(logged, sms.outbox);
});

test('the development provider checks numbers like the real ones and keeps a bounded outbox', async () => {
  const sms = createDevSmsProvider({ OPENCSM_SMS_DEV_CODES: true }, { clock });
  await assert.rejects(sms.sendCode('138 0013 8000', 'SMS_LOGIN', { code: '1' }), (error: unknown) => error instanceof SmsSendFailed && error.code === 'sms.phone_invalid');
  for (let i = 0; i < 250; i++) await sms.sendCode('+8613800138000', 'SMS_LOGIN', { code: String(i) });
  assert.equal(sms.outbox.length, 200);
  assert.equal(sms.latestTo('+8613800138000')?.params.code, '249');
});
