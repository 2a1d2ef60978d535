/**
 * Sign-in protection in real Chromium (issue 12, section 2): after repeated wrong passwords the
 * login page says the account is locked and for how many minutes, even for the right password;
 * an admin sees the lock on 设置 › 登录安全 and lifts it, and the user gets in.
 * Thresholds are lowered (lock at the third failure) so the test needs no waiting.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { chromiumPath, password, startHarness, type Harness } from './harness.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
let h: Harness;

before(async () => {
  if (skip) return;
  h = await startHarness({ env: { OPENCSM_LOGIN_ACCOUNT_DELAY_AFTER: '3', OPENCSM_LOGIN_ACCOUNT_LOCK_AFTER: '3' } });
});
after(() => h?.close());

async function submit(page: Page, email: string, pass: string): Promise<void> {
  await page.locator('#login-email').fill(email);
  await page.locator('#login-password').fill(pass);
  await page.getByTestId('login-submit').click();
}

test('the login page shows the lock and the minutes to wait; an admin unlocks on 登录安全 and the user gets in', { skip, timeout: 90_000 }, async () => {
  const user = await h.user('agent', '周敏');
  const page = await (await h.newContext()).newPage();
  await page.goto('/login');
  for (let i = 1; i <= 3; i++) {
    await submit(page, user.email, `wrong-${i}`);
    await page.getByTestId('login-error').filter({ hasText: '邮箱或密码不正确' }).waitFor();
    await page.getByTestId('login-submit').and(page.locator(':not(.ant-btn-loading)')).waitFor();
  }
  await submit(page, user.email, password);
  const alert = page.getByTestId('login-error').filter({ hasText: '登录失败次数过多' });
  await alert.waitFor();
  assert.match((await alert.textContent()) ?? '', /请 15 分钟后再试/);
  assert.ok(page.url().includes('/login'), 'still on the login page');

  const admin = await h.newPage({ user: h.users.admin });
  await admin.goto('/settings/sign-in-security');
  await admin.getByRole('menuitem', { name: '登录安全' }).waitFor();
  const locks = admin.getByTestId('sign-in-locks');
  await locks.getByRole('cell', { name: user.email, exact: true }).waitFor();
  await locks.getByRole('cell', { name: '周敏' }).waitFor();
  await admin.screenshot({ path: 'docs/screenshots/sign-in-security.png', fullPage: true });
  await admin.getByTestId(`unlock-${user.email}`).click();
  await admin.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
  await locks.getByText('目前没有被锁定的账号或 IP 地址').waitFor();
  // The log below lists the attempts, the refused one included.
  await admin.getByRole('cell', { name: '账号已锁定' }).first().waitFor();

  await submit(page, user.email, password);
  await page.waitForURL(/\/tickets/);
  assert.deepEqual(h.takePageErrors(), []);
});
