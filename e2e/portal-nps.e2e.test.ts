/**
 * Issue 17 §6, NPS on the portal in Chromium at 360 px: a customer with only a mobile number, and
 * an SMS account without a survey template (sandbox, for the sign-in code), finds the NPS survey on
 * the portal home, answers 9, says why, and the card goes away (also after a reload); the stats
 * count the promoter.
 *
 *   node scripts/run-tests.mjs e2e/portal-nps.e2e.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromiumPath, eventually, startHarness, type Harness } from './harness.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
let h: Harness;

before(async () => {
  if (skip) return;
  h = await startHarness({ env: { OPENCSM_PUBLIC_URL: 'https://csm.example.cn' } });
});
after(async () => {
  await h?.close();
});

type Survey = { id: string; contactId: string; channel: string; status: string; score: number | null; comment: string | null };
type SandboxSms = { phone: string; purpose: string; params: Record<string, string> };

test('at 360 px a mobile-only customer answers the NPS on the portal home with 9 and a reason; the card goes and the stats count it', { skip, timeout: 120_000 }, async () => {
  const { admin } = h.users;
  await h.api(admin, 'POST', '/api/v1/channels/sms/accounts', {
    name: '阿里云短信（培训）',
    sandbox: true,
    settings: { provider: 'aliyun', accessKeyId: 'LTAI5tTrainingKey0001', accessKeySecret: 'trainingSecret0001', signName: '某某科技', loginTemplateId: 'SMS_460001' },
  });
  await h.api(admin, 'POST', '/api/v1/customer-tiers', { key: 'nps_panel', nameZh: 'NPS 样本', nameEn: 'NPS panel', rank: 9 });
  const contact = await h.api<{ id: string }>(admin, 'POST', '/api/v1/contacts', { name: '韩女士', tierKey: 'nps_panel', identities: [{ kind: 'phone', value: '13800138401' }] });
  const settings = await h.api<{ version: number }>(admin, 'GET', '/api/v1/settings/surveys');
  const save = await fetch(`${h.baseURL}/api/v1/settings/surveys`, { method: 'PUT', headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json', 'if-match': `"${settings.version}"` }, body: JSON.stringify({ npsEnabled: true, npsTierKeys: ['nps_panel'] }) });
  assert.equal(save.status, 200, await save.text());
  const mine = async () => (await h.api<{ items: Survey[] }>(admin, 'GET', '/api/v1/surveys?kind=nps')).items.find((s) => s.contactId === contact.id);
  await eventually(async () => ((await mine())?.status === 'delivered' ? true : undefined), 'the NPS survey on the portal', 20_000);
  assert.equal((await mine())?.channel, 'portal');

  const context = await h.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto('/portal/login');
  await page.locator('#portal-phone').fill('138 0013 8401');
  await page.getByTestId('portal-send-sms-code').click();
  await page.getByText('如果该手机号已登记，验证码已通过短信发送').waitFor();
  const code = await eventually(async () => (await h.api<{ items: SandboxSms[] }>(admin, 'GET', '/api/v1/channels/sms/sandbox-messages')).items.find((m) => m.phone === '+8613800138401' && m.purpose === 'code')?.params.code, 'the sandbox code', 20_000);
  await page.locator('#portal-sms-code').fill(code!);
  await page.getByTestId('portal-sign-in').click();
  await page.getByTestId('portal-me').filter({ hasText: '韩女士' }).waitFor();

  const card = page.getByTestId('portal-nps');
  await card.getByText('您有多大可能向朋友或同事推荐我们？').waitFor();
  assert.equal(await card.getByTestId('survey-scores').getByRole('button').count(), 11, '0 to 10');
  await card.getByTestId('survey-scores').getByRole('button', { name: '9', exact: true }).click();
  await card.getByTestId('survey-thanks').waitFor();
  await card.getByTestId('survey-comment').fill('上门准时，师傅专业');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'nothing wider than the 360 px screen');
  await page.screenshot({ path: 'docs/screenshots/portal-nps.png', fullPage: true });
  await card.getByRole('button', { name: '提交评价' }).click();
  await page.getByText('感谢您的反馈！').waitFor();
  await card.waitFor({ state: 'detached' });
  await page.reload();
  await page.getByTestId('portal-me').filter({ hasText: '韩女士' }).waitFor();
  await page.getByText('我的工单').first().waitFor();
  assert.equal(await card.count(), 0, 'answered: not offered again');

  const answered = await mine();
  assert.deepEqual([answered?.status, answered?.score, answered?.comment], ['answered', 9, '上门准时，师傅专业']);
  const stats = await h.api<{ groups: Array<{ key: string; answered: number; promoters: number; nps: number | null }> }>(admin, 'GET', '/api/v1/surveys/stats?kind=nps&by=tier');
  assert.deepEqual(stats.groups.map((g) => [g.key, g.answered, g.promoters, g.nps]), [['nps_panel', 1, 1, 100]]);
  assert.deepEqual(h.takePageErrors(), []);
});
