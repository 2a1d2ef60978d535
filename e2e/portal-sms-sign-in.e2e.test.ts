/**
 * Portal sign-in by mobile number and SMS code in real Chromium at 360 px (issue 16 §5): with a
 * sandbox SMS account the sign-in page opens on 手机号登录, the code a customer asks for is
 * recorded instead of sent, an administrator reads it on 设置 › 渠道 › 短信 (沙箱短信), and the
 * customer signs in with it and sees their tickets.
 *
 *   node scripts/run-tests.mjs e2e/portal-sms-sign-in.e2e.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromiumPath, startHarness, type Harness } from './harness.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
let h: Harness;

before(async () => {
  if (skip) return;
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

test('at 360 px a customer signs in with mobile number and the sandbox SMS code, and sees their tickets', { skip, timeout: 120_000 }, async () => {
  const { admin } = h.users;
  const account = await h.api<{ id: string; sandbox: boolean }>(admin, 'POST', '/api/v1/channels/sms/accounts', {
    name: '阿里云短信（培训）',
    sandbox: true,
    settings: { provider: 'aliyun', accessKeyId: 'LTAI5tTrainingKey0001', accessKeySecret: 'trainingSecret0001', signName: '某某科技', loginTemplateId: 'SMS_460001', notifyTemplateId: 'SMS_460002' },
  });
  assert.equal(account.sandbox, true);
  await h.api(admin, 'POST', '/api/v1/contacts', { name: '蒋先生', identities: [{ kind: 'phone', value: '13800138301' }] });
  const ticket = await h.api<{ number: string }>(admin, 'POST', '/api/v1/tickets', { subject: '热水器不点火', channel: 'phone', requester: { phone: '13800138301' } });

  // The administrator's settings page: the account with its 沙箱 badge, and the empty sandbox list.
  const settings = await h.newPage({ user: admin });
  await settings.goto('/settings/channels/sms');
  await settings.getByTestId('sms-account').filter({ hasText: '阿里云短信（培训）' }).getByTestId('sandbox-tag').waitFor();
  await settings.getByTestId('sms-sandbox-messages').getByText('还没有沙箱短信').waitFor();

  const context = await h.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto('/portal/login');
  // SMS is the default way when an SMS account exists; email stays one tap away.
  await page.locator('.ant-tabs-tab-active').filter({ hasText: '手机号登录' }).waitFor();
  await page.getByTestId('portal-tab-email').waitFor();
  await page.locator('#portal-phone').fill('138 0013 8301');
  await page.getByTestId('portal-send-sms-code').click();
  await page.getByText('如果该手机号已登记，验证码已通过短信发送').waitFor();

  // The code never left the server: the trainer reads it in the sandbox list (refreshed every few seconds).
  const codeCell = settings.getByTestId('sms-sandbox-code');
  await codeCell.waitFor({ timeout: 20_000 });
  const code = (await codeCell.first().textContent())!.trim();
  assert.match(code, /^\d{6}$/);

  await page.locator('#portal-sms-code').fill(code);
  await page.getByTestId('portal-sign-in').click();
  await page.getByTestId('portal-me').filter({ hasText: '蒋先生' }).waitFor();
  await page.getByText('热水器不点火').waitFor();
  await page.getByText(ticket.number).first().waitFor();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `nothing wider than the screen (${width} px)`);
  assert.deepEqual(h.takePageErrors(), []);
});
