/**
 * A field type a module registered (issue 14: "adding a field type touches one place") through the
 * whole console in Chromium: the test registers 车牌号 on the running app's `context.fieldTypes`,
 * an admin creates a field of it in the designer (offered with its label, beside the built-in
 * types) and places it on a type's form; an agent fills it on a ticket (the server's row
 * normalises the plate, the panel shows it) and a bad plate shows the server's error at the field.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromiumPath, startHarness, type Harness } from './harness.js';
import { choose } from './antd-select.js';
import { licensePlateType as licensePlate } from '../src/forms/fixtures/license-plate.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
let h: Harness;

before(async () => {
  if (skip) return;
  h = await startHarness();
  h.app.context.fieldTypes.register(licensePlate);
});
after(async () => {
  await h?.close();
});


test('an admin adds a 车牌号 field in the designer; an agent fills it on a ticket and a bad plate shows the server\'s error at the field', { skip, timeout: 180_000 }, async () => {
  const admin = h.users.admin;
  // The type, with an empty section to place the field in (the designer itself is form-designer.e2e's subject).
  await h.api(admin, 'POST', '/api/v1/ticket-types', { key: 'roadside', label: { 'zh-CN': '道路救援', en: 'Roadside assistance' }, defaultTeamId: h.teamId });
  await h.api(admin, 'POST', '/api/v1/ticket-types/roadside/versions', { form: { sections: [{ key: 'vehicle', label: { 'zh-CN': '车辆信息', en: 'Vehicle' }, fields: [] }] } });

  const page = await h.newPage({ user: admin, viewport: { width: 1440, height: 900 } });
  await page.goto('/settings/ticket-types?tab=fields');
  await page.locator('tr').filter({ hasText: '系统字段' }).first().waitFor();
  await page.getByRole('button', { name: '新建字段' }).click();
  const drawer = page.locator('.ant-drawer').filter({ hasText: '新建字段' });
  await drawer.getByLabel('标识').fill('plate');
  await drawer.getByLabel('中文名称').first().fill('车牌号');
  await drawer.getByLabel('英文名称').first().fill('Plate');
  // The select lists what GET /field-types lists: the built-in types first, then the registered one.
  const typeSelect = drawer.getByTestId('field-type-select');
  await typeSelect.click();
  const offered = page.locator('.ant-select-dropdown').filter({ visible: true });
  await offered.locator('.ant-select-item-option').first().filter({ hasText: '单行文本' }).waitFor();
  await page.keyboard.press('Escape');
  await choose(page, typeSelect, '车牌号', { search: '车牌号' });
  // The row allows search: the switch is offered; options are not.
  await drawer.locator('.ant-form-item').filter({ hasText: /^可搜索/ }).waitFor();
  assert.equal(await drawer.getByText('选项', { exact: true }).count(), 0);
  await drawer.getByRole('button', { name: '保 存' }).or(drawer.getByRole('button', { name: '保存' })).first().click();
  await drawer.waitFor({ state: 'detached' });
  // Listed with its type's label (the registry reader keeps it).
  await page.locator('tr').filter({ hasText: 'plate' }).filter({ hasText: '车牌号' }).filter({ hasText: '自定义' }).waitFor();
  assert.equal((await h.api<{ type: string }>(admin, 'GET', '/api/v1/ticket-fields/plate')).type, 'license_plate');

  // Placed on 道路救援's form through the palette's menu, previewed as a text input, published.
  await page.goto('/settings/ticket-types/roadside');
  const palette = page.locator('[data-palette-field="plate"]');
  await palette.getByText('车牌号').first().waitFor();
  await palette.getByRole('button', { name: /添加到分组/ }).click();
  await page.locator('.ant-dropdown:not(.ant-dropdown-hidden) .ant-dropdown-menu-item').filter({ hasText: '车辆信息' }).click();
  await page.locator('[data-section="vehicle"] [data-placed-field="plate"]').waitFor();
  await page.getByRole('tab', { name: '预览' }).click();
  await page.locator('.designer-preview').getByTestId('custom-field-plate').locator('input[type="text"], input:not([type])').first().waitFor();
  await page.getByRole('button', { name: '发布新版本' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '发布新版本' }).click();
  await page.getByTestId('designer-version').filter({ hasText: '当前版本 2' }).waitFor();

  // The agent fills it on a ticket of the type: the server's row normalises the plate.
  const agentA = h.users.agentA;
  const ticket = await h.api<{ id: string }>(agentA, 'POST', '/api/v1/tickets', { subject: '高速抛锚', type: 'roadside', teamId: h.teamId });
  const agent = await h.newPage({ user: agentA });
  await agent.goto(`/tickets/${ticket.id}`);
  const panel = agent.getByTestId('custom-fields-panel');
  await panel.getByTestId('custom-fields-edit').click();
  const plate = panel.getByTestId('custom-field-plate');
  await plate.locator('input').fill('京a 12345');
  await panel.getByTestId('custom-fields-save').click();
  await panel.getByTestId('custom-value-plate').filter({ hasText: '京A12345' }).waitFor();
  assert.equal((await h.api<{ fields: Record<string, unknown> }>(agentA, 'GET', `/api/v1/tickets/${ticket.id}`)).fields.plate, '京A12345');

  // A bad plate passes the console's check (the row is the server's) and the server's error lands at the field.
  await panel.getByTestId('custom-fields-edit').click();
  await plate.locator('input').fill('AB-1234');
  await panel.getByTestId('custom-fields-save').click();
  await plate.locator('.ant-form-item-explain-error').filter({ hasText: '京A12345' }).waitFor();
  assert.equal((await h.api<{ fields: Record<string, unknown> }>(agentA, 'GET', `/api/v1/tickets/${ticket.id}`)).fields.plate, '京A12345', 'the bad plate was not saved');
  assert.deepEqual(h.takePageErrors(), []);
});
