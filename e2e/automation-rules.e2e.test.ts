/**
 * 设置 › 自动化 in real Chromium against the real server, in zh-CN: an admin builds "微信来源且分类为
 * 硬件故障 → 分配给硬件支持组" with the condition rows and the action builder, previews it ("现在会匹配
 * 1 张工单"), saves it; a new WeChat ticket of that category lands on the team, whose round robin
 * (the assignment module) gives it to the engineer who is 在线, never to the one who is 离开, and its
 * timeline names the rule.
 *
 *   npm run build:web && node --import tsx --test e2e/automation-rules.e2e.test.ts
 *
 * Waits are for expected conditions only (locators, or `eventually`), ~10 s each.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromiumPath, docScreenshot, eventually, startHarness, type E2eUser, type Harness } from './harness.js';
import { choose } from './antd-select.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
let h: Harness;
let hardwareTeam: string;
let hardwareCategory: string;
let matchingNumber: string;
let onlineEngineer: E2eUser;
let awayEngineer: E2eUser;

type Rule = { id: string; name: string; triggers: string[]; conditions: unknown; actions: unknown[] };
type Ticket = { id: string; number: string; teamId: string | null; assigneeId: string | null };

before(async () => {
  if (skip) return;
  h = await startHarness();
  hardwareTeam = await h.team('硬件支持组');
  // The team hands its tickets out by round robin (the assignment module): 张工 is 在线, 李工 离开.
  onlineEngineer = await h.user('agent', '张工', [hardwareTeam]);
  awayEngineer = await h.user('agent', '李工', [hardwareTeam]);
  await h.api(h.users.admin, 'PUT', `/api/v1/teams/${hardwareTeam}/assignment`, { strategy: 'round_robin' });
  await h.api(onlineEngineer, 'PUT', '/api/v1/me/status', { status: 'online' });
  await h.api(awayEngineer, 'PUT', '/api/v1/me/status', { status: 'away' });
  hardwareCategory = (await h.api<{ id: string }>(h.users.admin, 'POST', '/api/v1/categories', { nameZh: '硬件故障' })).id;
  // One ticket the rule's condition already matches: the preview counts it.
  matchingNumber = (await h.api<Ticket>(h.users.admin, 'POST', '/api/v1/tickets', { subject: '扫码枪无法识别', description: '', channel: 'wechat', categoryId: hardwareCategory })).number;
  await h.api(h.users.admin, 'POST', '/api/v1/tickets', { subject: '邮件咨询', description: '', channel: 'email', categoryId: hardwareCategory });
});

after(async () => {
  await h?.close();
});


test('admin: 微信来源且分类为硬件故障 → 分配给硬件支持组, previewed and saved; a new ticket lands on the team and its timeline names the rule', { skip, timeout: 90_000 }, async () => {
  const page = await h.newPage({ user: h.users.admin });
  await page.goto('/settings/automation');
  await page.getByText('还没有自动化规则').waitFor();
  await page.getByRole('button', { name: '新建规则' }).first().click();
  await page.getByRole('textbox', { name: '名称' }).fill('微信硬件故障');

  await page.getByRole('button', { name: '添加条件' }).click();
  await choose(page, page.getByRole('combobox', { name: '字段' }).nth(0), '渠道');
  await choose(page, page.getByRole('combobox', { name: '值' }).nth(0), '微信公众号');
  await page.getByRole('button', { name: '添加条件' }).click();
  await choose(page, page.getByRole('combobox', { name: '字段' }).nth(1), '分类');
  await choose(page, page.getByRole('combobox', { name: '值' }).nth(1), '硬件故障');

  await page.getByRole('button', { name: '添加动作' }).click();
  await choose(page, page.getByRole('combobox', { name: '动作' }), '分配给团队');
  await choose(page, page.getByRole('combobox', { name: '团队' }), '硬件支持组');

  await page.getByTestId('run-preview').click();
  await page.getByTestId('preview-result').getByText('现在会匹配 1 张工单').waitFor();
  await page.getByTestId('preview-result').getByText('扫码枪无法识别').waitFor();
  // Tested on that ticket: each condition holds, the rule would fire and assign the team (nothing runs).
  await page.getByRole('textbox', { name: '工单编号' }).fill(matchingNumber);
  await page.getByRole('button', { name: /^测\s*试$/ }).click();
  const tested = page.getByTestId('test-result');
  await tested.getByText('规则会触发').waitFor();
  await tested.getByText('渠道 等于').waitFor();
  await tested.getByText('分配给团队').waitFor();
  await docScreenshot(page, 'admin-automation-rule.png');

  await page.getByTestId('save-rule').click();
  const found = await eventually(async () => (await h.api<{ items: Rule[] }>(h.users.admin, 'GET', '/api/v1/rules')).items.find((rule) => rule.name === '微信硬件故障'), 'the saved rule');
  assert.ok(found);
  const saved = found;
  assert.deepEqual(saved.triggers, ['ticket.created']);
  assert.deepEqual(saved.conditions, { all: [{ field: 'channel', op: 'is', value: 'wechat' }, { field: 'category', op: 'is', value: hardwareCategory }] });
  assert.deepEqual(saved.actions, [{ type: 'assign_team', teamId: hardwareTeam }]);
  await page.waitForURL(`**/settings/automation/${saved.id}`);

  const ticket = await h.api<Ticket>(h.users.admin, 'POST', '/api/v1/tickets', { subject: '打印机不出纸', description: '', channel: 'wechat', categoryId: hardwareCategory });
  await eventually(async () => (await h.api<Ticket>(h.users.admin, 'GET', `/api/v1/tickets/${ticket.id}`)).teamId === hardwareTeam || undefined, 'the rule assigning the team');
  // …and the team's round robin gives it to the engineer who is 在线, never to the one who is 离开.
  await eventually(async () => (await h.api<Ticket>(h.users.admin, 'GET', `/api/v1/tickets/${ticket.id}`)).assigneeId === onlineEngineer.id || undefined, 'the available engineer receiving it');
  const nextTicket = await h.api<Ticket>(h.users.admin, 'POST', '/api/v1/tickets', { subject: '扫码枪没反应', description: '', channel: 'wechat', categoryId: hardwareCategory });
  await eventually(async () => (await h.api<Ticket>(h.users.admin, 'GET', `/api/v1/tickets/${nextTicket.id}`)).assigneeId === onlineEngineer.id || undefined, 'round robin skipping the engineer who is away');

  await page.goto(`/tickets/${ticket.number}`);
  await page.getByTestId('timeline-change').filter({ hasText: '规则「微信硬件故障」' }).first().waitFor();

  // The list shows it, enabled, with its trigger.
  await page.goto('/settings/automation');
  const row = page.locator(`[data-rule="${saved.id}"]`);
  await row.getByText('工单创建').waitFor();
  assert.equal(await row.getByRole('switch').getAttribute('aria-checked'), 'true');
  await docScreenshot(page, 'admin-automation-rules.png');
  // The global firing log names the rule of each firing.
  await page.getByRole('tab', { name: '触发记录' }).click();
  await page.locator('.ant-table-row').filter({ hasText: '微信硬件故障' }).first().waitFor();
  await page.getByRole('tab', { name: '自动化规则' }).click();

  // Drag ordering with the keyboard (Space picks up, arrows move, Space drops), as @dnd-kit offers it.
  const second = await h.api<Rule>(h.users.admin, 'POST', '/api/v1/rules', { name: 'VIP 升级', triggers: ['ticket.created'], conditions: { field: 'tags', op: 'contains', value: ['vip'] }, actions: [{ type: 'set_field', field: 'priority', value: 'urgent' }] });
  await page.reload();
  const handle = page.getByRole('button', { name: '拖动调整“VIP 升级”的顺序' });
  await handle.focus();
  await page.keyboard.press('Space');
  // Picked up (dnd-kit marks the handle pressed), then one place up, then dropped.
  await page.locator('[aria-pressed="true"]').waitFor();
  // dnd-kit measures the drop targets in the frames after the pick-up; an arrow before that moves nothing.
  const moved = page.locator(`[data-rule="${second.id}"]`);
  const movedUp = async () => /translate3d\([^,]+, -[1-9]/.test((await moved.getAttribute('style')) ?? '');
  for (let attempt = 1; !(await movedUp()); attempt++) {
    if (attempt > 20) throw new Error('the picked-up rule never moved');
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.keyboard.press('ArrowUp');
  }
  // Dropped only once dnd-kit has judged the rule over the first one (its announcement says so): a
  // drop before that lands where it was picked up.
  await page.getByRole('status').filter({ hasText: '规则「VIP 升级」移到「微信硬件故障」的位置' }).waitFor();
  await page.keyboard.press('Space');
  await page.locator('[aria-pressed="true"]').waitFor({ state: 'detached' });
  await eventually(async () => {
    const ids = (await h.api<{ items: Rule[] }>(h.users.admin, 'GET', '/api/v1/rules')).items.map((rule) => rule.id);
    return ids[0] === second.id && ids[1] === saved.id;
  }, 'VIP 升级 moved first');
  await page.locator('[data-rule]').first().getByText('VIP 升级').waitFor();
  h.assertNoPageErrors();
});

test('admin: a time rule (定时规则) — 等待客户 7 个工作日 in a business calendar — is built with the trigger type switch and listed as a time rule', { skip, timeout: 60_000 }, async () => {
  const calendar = await h.api<{ id: string }>(h.users.admin, 'POST', '/api/v1/sla/calendars', { nameZh: '上海客服中心', weekly: [[], ...Array.from({ length: 5 }, () => [{ start: '09:00', end: '18:00' }]), []], workdays: ['2026-10-10'] });
  const page = await h.newPage({ user: h.users.admin });
  await page.goto('/settings/automation/new');
  await page.getByRole('textbox', { name: '名称' }).fill('等待客户 7 个工作日');
  await page.getByText('定时规则', { exact: true }).click();
  const trigger = page.getByTestId('time-trigger');
  await trigger.getByText('从哪一刻开始计时').waitFor();
  await choose(page, page.getByRole('combobox', { name: '起算时点' }), '进入某状态后');
  await choose(page, trigger.getByRole('combobox', { name: '状态' }), '等待客户');
  await page.getByRole('spinbutton', { name: '时长' }).fill('7');
  await choose(page, page.getByRole('combobox', { name: '分钟' }), '个工作日');
  await choose(page, page.getByRole('combobox', { name: '工作日历' }), '上海客服中心');
  await page.getByRole('button', { name: '添加动作' }).click();
  await choose(page, page.getByRole('combobox', { name: '动作' }), '分配给团队');
  await choose(page, page.getByRole('combobox', { name: '团队' }), '硬件支持组');
  await page.getByTestId('save-rule').click();
  type TimeRule = Rule & { kind: string; timeTrigger: unknown };
  const found = await eventually(async () => (await h.api<{ items: TimeRule[] }>(h.users.admin, 'GET', '/api/v1/rules')).items.find((rule) => rule.name === '等待客户 7 个工作日'), 'the saved time rule');
  assert.ok(found);
  const saved = found;
  assert.equal(saved.kind, 'time');
  assert.deepEqual(saved.triggers, []);
  assert.deepEqual(saved.timeTrigger, { anchor: 'status', status: 'pending', amount: 7, unit: 'business_days', calendarId: calendar.id });
  await page.waitForURL(`**/settings/automation/${saved.id}`);
  await page.goto('/settings/automation');
  const row = page.locator(`[data-rule="${saved.id}"]`);
  await row.getByTestId('rule-kind').getByText('定时规则').waitFor();
  await row.getByText('进入某状态后满 7 个工作日').waitFor();
  h.assertNoPageErrors();
});
