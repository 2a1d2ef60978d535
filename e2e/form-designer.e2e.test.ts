/**
 * The form designer (issue 14 §6) in Chromium on a running server: an admin creates the fields of
 * 环保投诉 (污染类型 with options pasted as a list, 发生地点 on the 省/市/区 tree, 是否需要现场勘察,
 * 勘察时间), creates the type, drags the fields into a section (with the pointer, and one with the
 * keyboard), writes the rule "当 是否需要现场勘察 是 则 显示并必填 勘察时间" in the rule builder, puts
 * the fields on the portal form, previews it as a customer at 360 px (the rule shows), and
 * publishes: the form endpoint then serves version 1 with the rule. Writes the screenshots of
 * docs/admin-forms.md (zh-CN and en) into docs/screenshots/.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { chromiumPath, startHarness, type E2eUser, type Harness } from './harness.js';
import { choose } from './antd-select.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
const shots = new URL('../docs/screenshots/', import.meta.url).pathname;
let h: Harness;

before(async () => {
  if (!skip) h = await startHarness();
});
after(async () => {
  await h?.close();
});

async function shot(page: Page, name: string) {
  await page.waitForFunction(() => !document.querySelector('.ant-message-notice'), undefined, { timeout: 10_000 });
  await page.screenshot({ path: `${shots}${name}`, animations: 'disabled', caret: 'hide' });
}



/** Drag with the pointer as a person does: press, move in steps (past the 4 px activation), release. */
async function drag(page: Page, from: Locator, to: Locator) {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2 + 10, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.move(b.x + b.width / 2 + 2, b.y + b.height / 2 + 2, { steps: 2 });
  await page.mouse.up();
}

type FieldSpec = { key: string; zh: string; en: string; type: string; customerVisible?: boolean; configure?: (drawer: Locator, page: Page) => Promise<void> };

async function createField(page: Page, spec: FieldSpec, screenshot?: string) {
  await page.getByRole('button', { name: '新建字段' }).click();
  const drawer = page.locator('.ant-drawer').filter({ hasText: '新建字段' });
  await drawer.getByLabel('标识').fill(spec.key);
  await drawer.getByLabel('中文名称').first().fill(spec.zh);
  await drawer.getByLabel('英文名称').first().fill(spec.en);
  await choose(page, drawer.locator('.ant-form-item').filter({ hasText: /^类型/ }).locator('.ant-select'), spec.type, { search: spec.type });
  await spec.configure?.(drawer, page);
  if (spec.customerVisible) await drawer.locator('.ant-form-item').filter({ hasText: '客户可见' }).getByRole('switch').click();
  if (screenshot) await shot(page, screenshot);
  await drawer.getByRole('button', { name: '保 存' }).or(drawer.getByRole('button', { name: '保存' })).first().click();
  // The 「字段已保存」 toast lasts 3 s, which a loaded machine can miss: the drawer closing is the answer.
  await drawer.waitFor({ state: 'detached' });
}

const fields: FieldSpec[] = [
  {
    key: 'pollution_type',
    zh: '污染类型',
    en: 'Pollution type',
    type: '单选',
    customerVisible: true,
    async configure(drawer, page) {
      await drawer.getByRole('button', { name: '粘贴列表' }).click();
      const dialog = page.locator('.ant-modal').filter({ hasText: '每行一个选项' });
      await dialog.getByRole('textbox').fill('噪音\tNoise\n废气\tExhaust\n废水\tWaste water\n固废\tSolid waste');
      await dialog.getByRole('button', { name: /确\s?定|OK/ }).click();
      await drawer.locator('input[value="固废"]').first().waitFor();
      await drawer.locator('.ant-form-item').filter({ hasText: /^可筛选/ }).getByRole('switch').click();
    },
  },
  {
    key: 'location',
    zh: '发生地点',
    en: 'Location',
    type: '级联选择',
    customerVisible: true,
    async configure(drawer) {
      await drawer.getByText('中国省/市/区（内置）').click();
      await drawer.locator('.ant-form-item').filter({ hasText: '需选到第几级' }).locator('input').fill('3');
    },
  },
  { key: 'needs_visit', zh: '是否需要现场勘察', en: 'Site visit needed', type: '勾选框', customerVisible: true },
  { key: 'visit_time', zh: '勘察时间', en: 'Visit time', type: '日期时间', customerVisible: true },
];

/** On failure, what the page showed (for the person reading the log). */
async function explain<T>(page: Page, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    await page.screenshot({ path: `${process.env.TMPDIR ?? '/tmp'}/form-designer-failure.png` }).catch(() => undefined);
    throw error;
  }
}

test('an admin builds 环保投诉 in the designer by drag and drop, with a required-when rule, previews it at 360 px and publishes it', { skip, timeout: 240_000 }, async () => {
  const admin = h.users.admin;
  const page = await h.newPage({ user: admin, viewport: { width: 1440, height: 900 } });
  await explain(page, () => buildEnvironmentalComplaint(page, admin));
});

async function buildEnvironmentalComplaint(page: Page, admin: E2eUser) {

  // 设置 › 工单类型与字段 › 工单字段: the empty state, then four fields through the drawer.
  await page.goto('/settings/ticket-types?tab=fields');
  await page.getByText('还没有自定义字段').waitFor();
  await page.locator('tr').filter({ hasText: '系统字段' }).first().waitFor();
  for (const [index, spec] of fields.entries()) await createField(page, spec, index === 0 ? 'admin-forms-field.png' : undefined);
  await page.locator('tr').filter({ hasText: 'pollution_type' }).getByText('自定义').waitFor();
  await shot(page, 'admin-forms-fields.png');

  // 工单类型: create 环保投诉; the designer opens.
  await page.getByRole('tab', { name: '工单类型' }).click();
  await page.getByText('还没有工单类型').waitFor();
  await page.getByRole('button', { name: '新建工单类型' }).click();
  const dialog = page.locator('.ant-modal').filter({ hasText: '新建工单类型' });
  await dialog.getByLabel('标识').fill('env_complaint');
  await dialog.getByLabel('中文名称').fill('环保投诉');
  await dialog.getByLabel('英文名称').fill('Environmental complaint');
  await choose(page, dialog.locator('.ant-form-item').filter({ hasText: '默认团队' }).locator('.ant-select'), '一线客服', { search: '一线客服' });
  await dialog.getByRole('button', { name: /确\s?定|OK/ }).click();
  await page.waitForURL(/\/settings\/ticket-types\/env_complaint$/);
  await page.getByText('尚未发布').waitFor();

  // A section, renamed; three fields dragged in with the pointer, one moved with the keyboard.
  await page.getByRole('button', { name: '添加分组' }).click();
  const section = page.locator('[data-section="section_1"]');
  await section.getByLabel('分组名称 (中文名称)').fill('投诉信息');
  await section.getByLabel('分组名称 (英文名称)').fill('Complaint');
  const drop = section.locator('[data-drop-container="section_1"]');
  for (const key of ['pollution_type', 'location', 'needs_visit']) {
    await drag(page, page.locator(`[data-palette-field="${key}"] > div`).first(), drop);
    await section.locator(`[data-placed-field="${key}"]`).waitFor();
  }
  // Keyboard: focus the palette item, Space picks it up, arrows move it over the section, Space drops it.
  const handle = page.locator('[data-palette-field="visit_time"] > div').first();
  await handle.focus();
  // Each key waits for the drag to have answered the one before: on a loaded machine the arrows
  // otherwise arrive before the pick-up has measured where the sections are.
  await page.keyboard.press('Space');
  await page.getByTestId('drag-overlay').waitFor();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('ArrowRight');
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }
  await page.keyboard.press('Space');
  await page.getByTestId('drag-overlay').waitFor({ state: 'detached' });
  await section.locator('[data-placed-field="visit_time"]').waitFor();
  const placed = await section.locator('[data-placed-field]').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-placed-field')));
  assert.deepEqual(placed.sort(), ['location', 'needs_visit', 'pollution_type', 'visit_time']);
  // 污染类型 and 发生地点 share a row.
  await section.locator('[data-placed-field="pollution_type"]').getByText('半行').click();
  await section.locator('[data-placed-field="location"]').getByText('半行').click();
  await page.getByTestId('designer-dirty').waitFor();
  await shot(page, 'admin-forms-designer.png');

  // 表单联动: 当 是否需要现场勘察 等于 是 则 显示 勘察时间, 设为必填 勘察时间.
  await page.getByRole('tab', { name: /表单联动/ }).click();
  await page.getByRole('button', { name: '添加联动规则' }).click();
  const rule = page.locator('[data-rule="rule_1"]');
  await choose(page, rule.locator('[data-condition="0"] .ant-select').first(), '是否需要现场勘察', { search: '是否需要现场勘察' });
  assert.equal(await rule.locator('[data-condition="0"] .ant-switch-checked').count(), 1, 'a checkbox condition starts at 是');
  await choose(page, rule.locator('[data-effect] .ant-select').nth(1), '勘察时间', { search: '勘察时间' });
  await rule.getByRole('button', { name: '添加动作' }).click();
  await choose(page, rule.locator('[data-effect]').nth(1).locator('.ant-select').first(), '设为必填', { search: '设为必填' });
  await choose(page, rule.locator('[data-effect]').nth(1).locator('.ant-select').nth(1), '勘察时间', { search: '勘察时间' });
  await rule.getByLabel('规则名称（可选）').fill('需要勘察时必填勘察时间');
  assert.equal(await rule.locator('.ant-alert-error').count(), 0, 'the rule checks');
  await shot(page, 'admin-forms-rules.png');

  // 门户表单: offered to customers, the four fields on it.
  await page.getByRole('tab', { name: '门户表单' }).click();
  await page.getByRole('switch', { name: '在客户门户开放此类型' }).click();
  const portalDrop = page.locator('[data-drop-container="__portal__"]');
  await drag(page, page.locator('[data-palette-field="pollution_type"] > div').first(), portalDrop);
  await portalDrop.locator('[data-placed-field="pollution_type"]').waitFor();
  for (const key of ['location', 'needs_visit', 'visit_time']) {
    await page.locator(`[data-palette-field="${key}"]`).getByRole('button', { name: /添加到分组/ }).click();
    await page.locator('.ant-dropdown:not(.ant-dropdown-hidden) .ant-dropdown-menu-item').filter({ hasText: '加入门户表单' }).click();
    await portalDrop.locator(`[data-placed-field="${key}"]`).waitFor();
  }

  // 预览: as a customer at 360 px the rule shows 勘察时间, required, only once the box is ticked.
  await page.getByRole('tab', { name: '预览' }).click();
  await page.getByText('客户视角').click();
  await page.getByText('360 像素').click();
  const preview = page.locator('.designer-preview[data-preview-width="360"][data-preview-audience="customer"]');
  await preview.getByTestId('custom-field-pollution_type').waitFor();
  assert.equal(await preview.getByTestId('custom-field-visit_time').count(), 0, '勘察时间 is hidden until the rule shows it');
  await preview.getByTestId('custom-field-needs_visit').locator('input[type="checkbox"]').check();
  const visitTime = preview.getByTestId('custom-field-visit_time');
  await visitTime.waitFor();
  assert.equal(await visitTime.getAttribute('data-required'), 'true');
  const width = await preview.evaluate((element) => element.getBoundingClientRect().width);
  assert.equal(Math.round(width), 360);
  // One column at 360 px: 污染类型 (a half-row field) takes the pane's whole width.
  const fieldWidth = await preview.getByTestId('custom-field-pollution_type').evaluate((element) => element.closest('.ant-col')!.getBoundingClientRect().width);
  assert.ok(fieldWidth > 300, `a half-width field fills a phone's row (${fieldWidth} px)`);
  await shot(page, 'admin-forms-preview-mobile.png');

  // Publish: version 1, shown with who published it; the form endpoint serves it.
  await page.getByRole('button', { name: '发布新版本' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '发布新版本' }).click();
  await page.getByTestId('designer-version').filter({ hasText: `当前版本 1，${admin.name} 发布于` }).waitFor();
  assert.equal(await page.getByTestId('designer-dirty').count(), 0);
  const served = await h.api<{ type: { key: string; version: number }; form: { sections: Array<{ label: { 'zh-CN': string }; fields: Array<{ key: string; width: string }> }>; rules: Array<{ when: unknown; then: unknown[] }>; portal: { enabled: boolean; fields: Array<{ key: string }> } } }>(admin, 'GET', '/api/v1/ticket-types/env_complaint/form');
  assert.deepEqual(served.type, { ...served.type, key: 'env_complaint', version: 1 });
  assert.equal(served.form.sections[0]!.label['zh-CN'], '投诉信息');
  assert.deepEqual(served.form.sections[0]!.fields.find((field) => field.key === 'pollution_type')?.width, 'half');
  assert.deepEqual(served.form.rules, [{ id: 'rule_1', label: '需要勘察时必填勘察时间', when: { field: 'needs_visit', op: 'is', value: true }, then: [{ effect: 'show', field: 'visit_time' }, { effect: 'require', field: 'visit_time' }] }]);
  assert.equal(served.form.portal.enabled, true);
  assert.deepEqual(served.form.portal.fields.map((field) => field.key), ['pollution_type', 'location', 'needs_visit', 'visit_time']);

  // 版本: the list, and version 1 read-only.
  await page.getByRole('tab', { name: '版本' }).click();
  await page.getByRole('button', { name: /查\s?看/ }).click();
  await page.locator('[data-version-view="1"]').getByTestId('custom-field-pollution_type').waitFor();
  await shot(page, 'admin-forms-versions.png');
  assert.deepEqual(h.takePageErrors(), []);
}

test('the same pages in English, and a refused delete offers to archive the field', { skip, timeout: 120_000 }, async () => {
  const english: E2eUser = await h.user('admin', 'Alex Admin');
  await h.api(english, 'PATCH', '/api/v1/me', { locale: 'en' });
  const page = await h.newPage({ user: english, locale: 'en-US', viewport: { width: 1440, height: 900 } });
  await explain(page, () => inEnglish(page));
});

async function inEnglish(page: Page) {
  await page.goto('/settings/ticket-types/env_complaint');
  await page.getByTestId('designer-version').filter({ hasText: /Version 1, published by/ }).waitFor();
  await page.locator('[data-placed-field="pollution_type"]').waitFor();
  await shot(page, 'admin-forms-designer-en.png');
  await page.getByRole('tab', { name: /Conditions/ }).click();
  await page.locator('[data-rule="rule_1"]').waitFor();
  await shot(page, 'admin-forms-rules-en.png');

  // Leaving through the menu with unpublished changes loses nothing: coming back restores them.
  await page.getByRole('tab', { name: 'Form', exact: true }).click();
  await page.locator('[data-placed-field="pollution_type"]').getByText('Third').click();
  await page.getByTestId('designer-dirty').waitFor();
  await page.locator('.ant-layout-sider').getByText('Priorities').click();
  await page.waitForURL(/\/settings\/priorities$/);
  // Route changes are transitions: the designer stays mounted until the next page has rendered.
  await page.getByRole('button', { name: 'New priority' }).waitFor();
  await page.goBack();
  await page.getByText('The unpublished changes you left earlier are restored.').waitFor();
  await page.locator('[data-placed-field="pollution_type"] .ant-segmented-item-selected').filter({ hasText: 'Third' }).waitFor();
  await page.getByRole('button', { name: 'Discard them' }).click();
  await page.locator('[data-placed-field="pollution_type"] .ant-segmented-item-selected').filter({ hasText: 'Half' }).waitFor();
  assert.equal(await page.getByTestId('designer-dirty').count(), 0);

  // A field a published form places cannot be deleted: the server says why, the console offers to archive it.
  await page.goto('/settings/ticket-types?tab=fields');
  const row = page.locator('tr').filter({ hasText: 'visit_time' });
  await row.getByRole('button', { name: 'Delete' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /OK|Yes/ }).click();
  const refusal = page.locator('.ant-modal-confirm').filter({ hasText: 'cannot be deleted' });
  await refusal.waitFor();
  await refusal.getByRole('button', { name: 'Archive' }).click();
  await row.getByText('Archived').waitFor();
  assert.deepEqual(h.takePageErrors(), []);
}
