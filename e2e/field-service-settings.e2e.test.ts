import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { phoneReadingNear } from '../src/modules/field-service/test-work-orders.js';
import { choose } from './antd-select.js';
import { startFakeAmap, type FakeAmap } from './fake-amap.js';
import { docScreenshot, startHarness, type E2eUser, type Harness } from './harness.js';

/**
 * 设置 › 现场服务 and the board's map and live refresh in Chromium (issue 20 §2): the admin saves
 * the customer notices and an AMap key (the security code sealed on the server); the supervisor's
 * board then has a 地图 tab that loads the map script from the configured origin (a double of AMap
 * on loopback: the CSP must allow it) and puts the waiting orders and the engineer's last position
 * on it, with the suggested engineer's straight-line distance; and a dispatch made in another
 * session appears on the open board without a reload (the console's event stream).
 */
let h: Harness;
let amap: FakeAmap;
let supervisor: E2eUser;
let engineer: E2eUser;
const site = { region: ['63', '6301', '630103'], street: '南大街 1 号', lat: 36.6171, lng: 101.7782 };
const key = '0123456789abcdef0123456789abcdef';
const securityCode = 'fedcba9876543210fedcba9876543210';

before(async () => {
  amap = await startFakeAmap();
  h = await startHarness({ env: { OPENCSM_MAP_SCRIPT_BASE_URL: amap.url } });
  supervisor = await h.user('supervisor', '钱主管', [h.teamId]);
  engineer = await h.user('field_engineer', '马师傅', [h.teamId]);
});
after(async () => {
  await h?.close();
  await amap?.close();
});

async function waitingOrder(subject: string): Promise<{ id: string; number: string }> {
  const ticket = await h.api<{ id: string }>(supervisor, 'POST', '/api/v1/tickets', { subject, teamId: h.teamId, requester: { name: '马先生', phone: '13909710000' } });
  return h.api(supervisor, 'POST', '/api/v1/work-orders', { ticketId: ticket.id, site, estimatedMinutes: 60 });
}

const stepBody = (type: string, extra: Record<string, unknown> = {}) => ({ opId: randomUUID(), type, at: new Date().toISOString(), ...extra });

test('the admin saves notices and the map key; the board\'s map shows orders and the engineer; another session\'s dispatch shows up live', async () => {
  // The engineer was last seen 1.1 km north of the site (a depart on an earlier visit; the phone reads WGS-84).
  const earlier = await waitingOrder('上周的保养');
  await h.api(supervisor, 'POST', `/api/v1/work-orders/${earlier.id}/events`, stepBody('dispatch', { engineerId: engineer.id }));
  await h.api(engineer, 'POST', `/api/v1/work-orders/${earlier.id}/events`, stepBody('accept'));
  await h.api(engineer, 'POST', `/api/v1/work-orders/${earlier.id}/events`, stepBody('depart', phoneReadingNear(site, 1100)));
  const first = await waitingOrder('空调不制冷');
  const second = await waitingOrder('暖气不热');

  const admin = await h.newPage({ user: h.users.admin });
  await admin.goto('/settings/field-service?tab=notices');
  await admin.getByRole('checkbox', { name: '取消', exact: true }).uncheck();
  await admin.getByRole('button', { name: '保 存' }).click();
  await admin.getByText('客户通知设置已保存').waitFor();
  await admin.getByRole('tab', { name: '地图' }).click();
  await admin.getByLabel('Key').fill(key);
  await admin.getByLabel('安全密钥').fill(securityCode);
  await admin.getByRole('button', { name: '保 存' }).click();
  await admin.getByText('地图设置已保存').waitFor();
  await admin.getByText('已设置（加密保存）；留空则不修改').waitFor();
  const notices = await h.api<{ items: Array<{ scope: string; noticeKinds: string[] }> }>(h.users.admin, 'GET', '/api/v1/field-service/customer-notice-settings');
  assert.deepEqual(notices.items.find((s) => s.scope === 'global')?.noticeKinds, ['scheduled', 'rescheduled']);
  // 保养 gets notices of its own: it shows the global ones until saved, then its own; the others keep following the global ones.
  await admin.getByRole('tab', { name: '客户通知' }).click();
  await choose(admin, admin.getByLabel('适用于'), '保养', { close: true });
  await admin.getByTestId('notice-scope-state').filter({ hasText: '保养 目前沿用' }).waitFor();
  assert.equal(await admin.getByRole('checkbox', { name: '取消', exact: true }).isChecked(), false, 'the global kinds shown');
  await admin.getByRole('checkbox', { name: /^改约/ }).uncheck();
  await admin.getByRole('button', { name: '保 存' }).click();
  await admin.getByTestId('notice-scope-state').filter({ hasText: '保养 有单独的设置' }).waitFor();
  const scoped = await h.api<{ items: Array<{ scope: string; reminderTime: string | null; noticeKinds: string[] }> }>(h.users.admin, 'GET', '/api/v1/field-service/customer-notice-settings');
  assert.deepEqual(scoped.items.map((s) => [s.scope, s.reminderTime, s.noticeKinds.length]), [['global', '18:00', 2], ['maintenance', '18:00', 1]]);
  // The engineers' list edits with the board's own profile dialog, home base included.
  await admin.getByRole('tab', { name: '工程师档案' }).click();
  await admin.getByRole('button', { name: '编辑 马师傅 的档案' }).click();
  const dialog = admin.getByRole('dialog');
  await dialog.locator('.ant-cascader').nth(1).click();
  for (const name of ['青海省', '西宁市', '城中区']) await admin.locator('.ant-cascader-menu-item', { hasText: name }).first().click();
  await dialog.getByLabel('常驻地 街道').fill('七一路 8 号');
  await dialog.getByLabel('纬度（GCJ-02）').fill('36.62');
  await dialog.getByLabel('经度（GCJ-02）').fill('101.78');
  await dialog.getByRole('button', { name: '保 存' }).click();
  await admin.getByText('工程师档案已保存').waitFor();
  const profiles = await h.api<{ items: Array<{ id: string; home: unknown }> }>(h.users.admin, 'GET', '/api/v1/engineers');
  assert.deepEqual(profiles.items.find((e) => e.id === engineer.id)?.home, { region: ['63', '6301', '630103'], street: '七一路 8 号', lat: 36.62, lng: 101.78, coordinateSystem: 'gcj02' });
  await admin.getByRole('tab', { name: '服务类型与自动派工' }).click();
  await admin.getByText('综合排名第一 · 不限时间').first().waitFor();
  await docScreenshot(admin, 'field-service-settings.png');

  const page = await h.newPage({ user: supervisor });
  await page.goto('/dispatch');
  await page.getByTestId(`waiting-${first.number}`).waitFor();
  await page.evaluate(() => Object.assign(window, { notReloaded: true }));
  await page.getByRole('tab', { name: '地图' }).click();
  await page.locator(`[data-amap-marker="派工单 ${first.number}"]`).waitFor();
  await page.locator(`[data-amap-marker="派工单 ${second.number}"]`).waitFor();
  await page.locator('[data-amap-marker="马师傅（上次位置）"]').waitFor();
  const calls: { calls: unknown[][]; security: unknown } = JSON.parse(await page.evaluate(() => JSON.stringify(Reflect.get(window, '__fakeAmap'))));
  assert.deepEqual(calls.security, { securityJsCode: securityCode }, 'the security code is set before the script runs');
  assert.ok(calls.calls.some(([name]) => name === 'setFitView'), JSON.stringify(calls.calls));
  assert.equal(amap.scriptRequests[0]?.get('key'), key);
  assert.equal(amap.scriptRequests[0]?.get('v'), '2.0');
  // A click on the order's marker: the suggested engineer and the straight line (1.1 km) to the site.
  await page.locator(`[data-amap-marker="派工单 ${first.number}"]`).click();
  await page.getByTestId('map-suggestion').getByText(`${first.number} 建议：马师傅 · 直线 1.1 km`).waitFor();

  // Another dispatcher's session dispatches the first order: it leaves this board's map and list without a reload.
  const other = await h.user('supervisor', '孙主管', [h.teamId]);
  const tomorrow = new Date(Date.now() + 86_400_000);
  tomorrow.setUTCHours(2, 0, 0, 0);
  await h.api(other, 'POST', `/api/v1/work-orders/${first.id}/events`, stepBody('dispatch', { engineerId: engineer.id, appointmentStart: tomorrow.toISOString(), force: true }));
  await page.locator(`[data-amap-marker="派工单 ${first.number}"]`).waitFor({ state: 'detached' });
  await page.getByTestId(`waiting-${first.number}`).waitFor({ state: 'detached' });
  await page.getByRole('tab', { name: '看板' }).click();
  await page.getByTestId(`visit-${first.number}`).waitFor();
  assert.equal(await page.evaluate(() => Reflect.get(window, 'notReloaded')), true, 'the board was not reloaded');
  h.assertNoPageErrors();
});
