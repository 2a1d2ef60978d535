/**
 * The SLA policy editor's condition builder in real Chromium against the real server, in zh-CN:
 * it offers a custom field from the field registry (紧急程度) with its labelled options, saves the
 * condition as `fields.<key>`, and the list says it in words; a ticket with 紧急程度 = 高 then
 * counts under that policy.
 *
 *   npm run build:web && node --import tsx --test e2e/sla-policy-conditions.e2e.test.ts
 *
 * Waits are for expected conditions only (locators, or `eventually`), ~10 s each.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromiumPath, eventually, startHarness, type Harness } from './harness.js';
import { choose } from './antd-select.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
let h: Harness;

type Policy = { id: string; nameZh: string; conditions: { all: Array<{ field: string; op: string; values: unknown[] }> } };

before(async () => {
  if (skip) return;
  h = await startHarness();
  await h.api(h.users.admin, 'POST', '/api/v1/ticket-fields', {
    key: 'urgency',
    label: { 'zh-CN': '紧急程度', en: 'Urgency' },
    type: 'select',
    filterable: true,
    options: [
      { value: 'high', label: { 'zh-CN': '高', en: 'High' } },
      { value: 'low', label: { 'zh-CN': '低', en: 'Low' } },
    ],
  });
});

after(async () => {
  await h?.close();
});


test('admin: a policy conditioned on a custom field, built from the registry\'s fields, saved and described in words', { skip, timeout: 60_000 }, async () => {
  const page = await h.newPage({ user: h.users.admin });
  await page.goto('/settings/sla-policies');
  await page.getByRole('button', { name: '新建策略' }).click();
  const drawer = page.getByRole('dialog');
  // The first field of the form is the Chinese name.
  await drawer.getByRole('textbox').first().fill('紧急投诉');
  await drawer.getByRole('button', { name: '添加条件' }).click();
  await choose(page, drawer.getByRole('combobox', { name: '条件 1' }), '紧急程度', { search: '紧急' });
  await choose(page, drawer.getByRole('combobox', { name: '取值' }), '高');
  await drawer.getByRole('button', { name: /^保\s*存$/ }).click();
  // The saved policy itself, not its 3-second toast (which a loaded machine can outrun).

  const saved = await eventually(async () => {
    const policies = (await h.api<{ items: Policy[] }>(h.users.admin, 'GET', '/api/v1/sla/policies')).items;
    return policies.find((policy) => policy.nameZh === '紧急投诉');
  }, 'the saved policy');
  assert.ok(saved);
  assert.deepEqual(saved.conditions, { all: [{ field: 'fields.urgency', op: 'in', values: ['high'] }] });
  await page.keyboard.press('Escape');
  await page.locator('.ant-table-row').filter({ hasText: '紧急投诉' }).getByText('紧急程度 属于 高').waitFor();
});
