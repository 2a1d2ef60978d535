/**
 * Issue 12 in real Chromium: a page on a sibling origin (same site, other port) cannot log an agent
 * out through the browser's cookie; the API docs load under the console's CSP; an admin edits the
 * outbound allowlist in 设置 › 安全.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, test } from 'node:test';
import { chromiumPath, startHarness, type Harness } from './harness.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
let h: Harness;
let sibling: Server;
let siblingUrl: string;
let attackRuns = 0;

before(async () => {
  if (skip) return;
  h = await startHarness();
  // The attacker's page: same host, another port — "same-site", so SameSite=Lax cookies go along.
  sibling = createServer((request, response) => {
    if (request.url === '/done') {
      attackRuns += 1;
      return void response.writeHead(204).end();
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><title>sibling</title><script>
      fetch(${JSON.stringify(`${h.baseURL}/api/v1/auth/logout`)}, { method: 'POST', mode: 'no-cors', credentials: 'include' })
        .finally(() => fetch('/done').then(() => { document.title = 'sent'; }));
    </script>`);
  });
  await new Promise<void>((resolve) => sibling.listen(0, '127.0.0.1', resolve));
  siblingUrl = `http://127.0.0.1:${(sibling.address() as { port: number }).port}/`;
});
after(async () => {
  await new Promise<void>((resolve) => (sibling ? sibling.close(() => resolve()) : resolve()));
  await h?.close();
});

test('a sibling-origin page cannot log the agent out; the console itself still can', { skip, timeout: 60_000 }, async () => {
  const page = await h.newPage({ user: h.users.agentA });
  await page.goto('/tickets');
  await page.locator('.ant-layout-sider').waitFor();
  const attacker = await page.context().newPage();
  await attacker.goto(siblingUrl);
  await attacker.waitForFunction(() => document.title === 'sent');
  assert.equal(attackRuns, 1);
  const me = await page.evaluate(async () => (await fetch('/api/v1/me')).status);
  assert.equal(me, 200, 'still signed in after the forged logout');
  // The console's own POST (a real browser sends Origin / Sec-Fetch-Site) is accepted.
  const logout = await page.evaluate(async () => (await fetch('/api/v1/auth/logout', { method: 'POST' })).status);
  assert.equal(logout, 204);
  assert.equal(await page.evaluate(async () => (await fetch('/api/v1/me')).status), 401);
});

test('the API docs load under the console’s CSP, with no violation', { skip, timeout: 60_000 }, async () => {
  const context = await h.newContext();
  const page = await context.newPage();
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto('/api/docs/');
  assert.match(String(response?.headers()['content-security-policy']), /frame-ancestors 'none'/);
  // The spec is large: rendering it on a busy CI machine takes a while.
  await page.locator('.swagger-ui .info .title').filter({ hasText: 'OpenCSM API' }).waitFor({ timeout: 30_000 });
  await page.locator('.opblock-tag').filter({ hasText: 'auth' }).first().waitFor({ timeout: 30_000 });
  assert.deepEqual(violations, []);
});

test('an admin adds an on-premise range to the outbound allowlist in 设置 › 安全', { skip, timeout: 60_000 }, async () => {
  const page = await h.newPage({ user: h.users.admin });
  await page.goto('/settings/security');
  await page.getByText('出站连接白名单').waitFor();
  await page.getByText('还没有允许的内部地址').waitFor();
  const input = page.getByTestId('outbound-allow').locator('input');
  await input.fill('10.8.0.0/16');
  await input.press('Enter');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText('安全设置已保存').waitFor();
  const saved = await h.api<{ outboundAllow: string[]; version: number }>(h.users.admin, 'GET', '/api/v1/settings/security');
  assert.deepEqual(saved.outboundAllow, ['10.8.0.0/16']);
  await page.reload();
  await page.locator('.ant-select-selection-item').filter({ hasText: '10.8.0.0/16' }).waitFor();

  // An agent sees no such page in the menu and is told plainly when going there.
  const agent = await h.newPage({ user: h.users.agentA });
  await agent.goto('/settings/security');
  await agent.getByText('您没有管理权限').waitFor();
});
