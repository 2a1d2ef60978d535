/**
 * Layout and small defects of issue 13 §4 in real Chromium: the portal header at 360 px and the
 * wrong-code message, /settings for a supervisor, English sidebar labels, the SLA badge following
 * a status change live, and the composer saying which way a reply will go.
 *
 *   node scripts/run-tests.mjs e2e/layout.e2e.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Locator } from 'playwright-core';
import { attachmentStoreIn, receiveInboundMessage } from '../src/modules/tickets/index.js';
import { chromiumPath, eventually, startHarnessWithMailSink, type HarnessWithMailSink } from './harness.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
let h: HarnessWithMailSink;

type Ticket = { id: string; number: string; version: number; sla: Array<{ target: string; state: string }> };
type Box = { x: number; y: number; width: number; height: number };

before(async () => {
  if (skip) return;
  h = await startHarnessWithMailSink();
});
after(async () => {
  await h?.close();
});

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  assert.ok(found, 'the element is on screen');
  return found;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('portal at 360 px: the header\'s title, language switch and sign-out do not overlap; a wrong code says how many tries are left', { skip, timeout: 120_000 }, async () => {
  await h.api(h.users.admin, 'POST', '/api/v1/contacts', { name: '欧阳女士', identities: [{ kind: 'email', value: 'ouyang@example.cn' }] });
  const context = await h.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const code = await h.requestPortalCode(page, 'ouyang@example.cn');
  await page.locator('#portal-code').fill(code === '000000' ? '111111' : '000000');
  await page.getByTestId('portal-sign-in').click();
  const alert = page.getByRole('alert').filter({ hasText: '验证码不正确' });
  await alert.waitFor();
  assert.equal((await alert.innerText()).trim(), '验证码不正确，还可以尝试 4 次');

  await page.locator('#portal-code').fill(code);
  await page.getByTestId('portal-sign-in').click();
  await page.getByTestId('portal-me').waitFor();
  const title = await box(page.getByTestId('portal-title'));
  const language = await box(page.getByTestId('portal-header').locator('.ant-segmented'));
  const signOut = await box(page.getByTestId('portal-sign-out'));
  for (const [name, control] of [['language switch', language], ['sign-out', signOut]] as const) {
    assert.ok(!overlaps(title, control), `the title does not run under the ${name}: ${JSON.stringify({ title, control })}`);
    assert.ok(control.x + control.width <= 360, `the ${name} is inside the screen`);
  }
  assert.ok(title.height < 32, `the title stays on one line (${title.height} px high)`);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'no horizontal scroll');
  assert.deepEqual(h.takePageErrors(), []);
});

test('a supervisor opening /settings lands on the first settings page they may use', { skip, timeout: 90_000 }, async () => {
  const supervisor = await h.user('supervisor', '主管老周');
  const page = await h.newPage({ user: supervisor });
  await page.goto('/settings');
  await page.waitForURL('**/settings/categories');
  // The page itself, not the 403 result a supervisor saw before.
  await page.locator('.ant-layout-content .ant-card-head-title').filter({ hasText: '工单分类' }).waitFor();
  assert.equal(await page.getByText('您没有管理权限').count(), 0);
  assert.deepEqual(h.takePageErrors(), []);
});

test('the console honours the system\'s reduce-motion setting: a dialog opens without animation; without the setting it animates', { skip, timeout: 90_000 }, async () => {
  const admin = await h.user('admin', '动效管理员');
  // Counts the CSS animations that start inside a dialog, from before the click on.
  const dialogAnimations = async (reducedMotion: 'reduce' | 'no-preference') => {
    const page = await h.newPage({ user: admin, reducedMotion });
    await page.goto('/settings/users');
    await page.evaluate(() => {
      document.body.dataset.dialogAnimations = '';
      document.addEventListener('animationstart', (event) => {
        const element = event.target instanceof Element ? event.target : null;
        if (element?.closest('.ant-modal, .ant-modal-mask')) document.body.dataset.dialogAnimations += `${event.animationName} on .${[...element.classList].join('.')};`;
      });
    });
    await page.getByRole('button', { name: '新建用户' }).click();
    await page.getByRole('dialog').getByLabel('初始密码').waitFor();
    return page;
  };
  // Which animations started, by name and element (so a failure says which).
  const seen = (page: Awaited<ReturnType<typeof dialogAnimations>>) => page.evaluate(() => (document.body.dataset.dialogAnimations ?? '').split(';').filter(Boolean));

  const moving = await dialogAnimations('no-preference');
  await eventually(async () => (await seen(moving)).length > 0, 'the dialog to zoom in by default');
  const still = await dialogAnimations('reduce');
  // Two frames after the dialog is shown: an animation antd had started would have fired by now.
  await still.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  assert.deepEqual(await seen(still), [], 'no animation with reduced motion');
  assert.deepEqual(h.takePageErrors(), []);
});

test('English sidebar labels are not cut', { skip, timeout: 90_000 }, async () => {
  const admin = await h.user('admin', 'English Admin');
  await h.api(admin, 'PATCH', '/api/v1/me', { locale: 'en' });
  const page = await h.newPage({ user: admin });
  await page.goto('/settings/users');
  await page.locator('.ant-layout-sider').getByText('Outbound connections').waitFor();
  const cut = await page.locator('.ant-layout-sider .ant-menu-title-content').evaluateAll((items) =>
    items.filter((item) => item.scrollWidth > item.clientWidth + 1 || item.getBoundingClientRect().right > item.closest('.ant-layout-sider')!.getBoundingClientRect().right).map((item) => item.textContent),
  );
  assert.deepEqual(cut, [], 'every label fits the sider');
  assert.ok((await page.locator('.ant-layout-sider .ant-menu-title-content').allInnerTexts()).some((text) => text.includes('Knowledge base')));
  assert.deepEqual(h.takePageErrors(), []);
});

test('the SLA badge follows a change to 等待客户 without a reload', { skip, timeout: 90_000 }, async () => {
  const created = await h.api<Ticket>(h.users.agentA, 'POST', '/api/v1/tickets', { subject: '打印机卡纸（SLA 实时）', priority: 'high', channel: 'web', requester: { name: '钱先生', phone: '13900006666' }, teamId: h.teamId });
  const ticket = await eventually(async () => {
    const current = await h.api<Ticket>(h.users.agentA, 'GET', `/api/v1/tickets/${created.id}`);
    return current.sla.length ? current : null;
  }, 'the SLA timers start');
  if (!ticket) throw new Error('unreachable: eventually returns a value');
  const page = await h.newPage({ user: h.users.agentA });
  await page.goto(`/tickets/${ticket.id}`);
  await page.getByTestId('sla-badge').locator('[data-state="running"]').first().waitFor();

  const response = await fetch(`${h.baseURL}/api/v1/tickets/${ticket.id}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${h.users.agentB.token}`, 'content-type': 'application/json', 'if-match': `"${ticket.version}"` },
    body: JSON.stringify({ status: 'pending' }),
  });
  assert.equal(response.status, 200);
  // No reload: the timers change in a job after the status, and their own event reaches the page.
  await page.getByTestId('sla-badge').locator('[data-state="paused"]').first().waitFor({ timeout: 15_000 });
  assert.equal(await page.getByTestId('sla-badge').locator('[data-state="running"]').count(), 0);
  assert.deepEqual(h.takePageErrors(), []);
});

test('the composer says a WeChat ticket cannot be answered by WeChat, offers the ways that work, and the reply goes the chosen way', { skip, timeout: 90_000 }, async () => {
  const received = await receiveInboundMessage(
    h.database,
    { channel: 'wechat', externalId: 'wx-layout-1', requester: { name: '孙女士', email: 'sun@example.cn' }, subject: '洗衣机不脱水', body: '滚筒洗衣机脱水时报 E21' },
    { timeZone: 'Asia/Shanghai', store: attachmentStoreIn(h.app.context.config.OPENCSM_DATA_DIR), guards: h.app.context.transitionGuards, fieldTypes: h.app.context.fieldTypes },
  );
  const page = await h.newPage({ user: h.users.admin });
  await page.goto(`/tickets/${received.ticketId}`);
  const hint = page.getByTestId('reply-plan');
  await hint.waitFor();
  // The channel is named by the server's label (GET /ticket-channels), which may arrive after the plan.
  await page.getByTestId('reply-plan-problem').filter({ hasText: /该工单来自微信公众号，但无法经微信公众号回复：该渠道未配置/ }).waitFor();
  assert.equal(await hint.getAttribute('data-via'), 'portal');
  assert.match(await page.getByTestId('reply-plan-via').innerText(), /客户门户/);
  await page.getByTestId('reply-via').getByText('电话').click();
  await page.getByTestId('reply-plan-via').filter({ hasText: '电话答复' }).waitFor();
  await page.getByTestId('composer-body').fill('已电话告知：周六上午师傅上门');
  await page.getByTestId('composer-send').click();
  await eventually(async () => {
    const timeline = await h.api<{ items: Array<{ message: { body: string; channel: string; deliveryStatus: string | null } | null }> }>(h.users.admin, 'GET', `/api/v1/tickets/${received.ticketId}/timeline?limit=100`);
    const sent = timeline.items.find((e) => e.message?.body === '已电话告知：周六上午师傅上门');
    return sent && sent.message!.channel === 'phone' && sent.message!.deliveryStatus === null ? true : undefined;
  }, 'the reply is stored as a phone answer, nothing queued');
  assert.deepEqual(h.takePageErrors(), []);
});
