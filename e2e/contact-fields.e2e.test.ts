/**
 * Contact custom fields in real Chromium against the real server (issue 14 §3, §7: "customer 360
 * showing contact custom fields"), in zh-CN: without any field the 360 page says so and sends an
 * admin to 设置 › 客户字段; once an admin defines 客户行业 over the API, whoever may edit contacts
 * fills it in the 资料 form (the ticket page's FormRenderer) and finds it after a reload, in the
 * card and in the history; an agent reads it.
 *
 * Agents may not edit contacts (customers.write is a supervisor's permission), so the person who
 * fills it is a supervisor working the queue; the agent's part is reading it.
 *
 * Writes docs/screenshots/contact-fields.png (the 360 page with the filled field).
 *
 * Waits are for expected conditions only (locators), ~10 s each.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { chromiumPath, docScreenshot, startHarness, type E2eUser, type Harness } from './harness.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
let h: Harness;
let supervisor: E2eUser;
let contactId: string;
let otherId: string;

before(async () => {
  if (skip) return;
  h = await startHarness();
  supervisor = await h.user('supervisor', '周主管', [h.teamId]);
  contactId = (await h.api<{ id: string }>(h.users.admin, 'POST', '/api/v1/contacts', { name: '郑晓峰', identities: [{ kind: 'phone', value: '139 0013 9000' }] })).id;
  otherId = (await h.api<{ id: string }>(h.users.admin, 'POST', '/api/v1/contacts', { name: '吴天明' })).id;
});

after(async () => {
  await h?.close();
});

const visibleOption = (page: Page, text: string) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: new RegExp(`^${text}$`) });

test('contact custom fields: none defined, an admin defines 客户行业, it is filled on the 360 page and read after a reload', { skip, timeout: 90_000 }, async () => {
  const adminPage = await h.newPage({ user: h.users.admin });
  await adminPage.goto(`/customers/contacts/${contactId}`);
  const empty = adminPage.getByTestId('customer-custom-fields');
  await empty.getByText('还没有定义联系人字段').waitFor();
  await empty.getByTestId('define-custom-fields').click();
  await adminPage.waitForURL('**/settings/customer-fields');

  const option = (value: string, zh: string) => ({ value, label: { 'zh-CN': zh, en: '' } });
  await h.api(h.users.admin, 'POST', '/api/v1/contact-fields', {
    key: 'industry',
    label: { 'zh-CN': '客户行业', en: 'Industry' },
    type: 'select',
    filterable: true,
    options: [option('manufacturing', '制造业'), option('retail', '零售'), option('energy', '能源')],
  });

  const page = await h.newPage({ user: supervisor });
  await page.goto(`/customers/contacts/${contactId}`);
  const card = page.getByTestId('customer-custom-fields');
  await card.getByText('客户行业').waitFor();
  await card.getByTestId('customer-field-industry').getByText('未填写').waitFor();
  await card.getByTestId('custom-fields-edit').click();
  const form = page.getByTestId('profile-form');
  await form.getByTestId('custom-field-industry').locator('.ant-select').click();
  await visibleOption(page, '零售').click();
  await form.getByTestId('profile-save').click();
  await card.getByTestId('customer-field-industry').getByText('零售').waitFor();

  await page.reload();
  await page.getByTestId('customer-custom-fields').getByTestId('customer-field-industry').getByText('零售').waitFor();
  await docScreenshot(page, 'contact-fields.png');
  await page.getByRole('tab', { name: '变更记录' }).click();
  await page.getByTestId('customer-history').getByText('周主管 修改了客户行业从“无”改为“零售”').waitFor();
  const stored = await h.api<{ fields: Record<string, unknown> }>(h.users.admin, 'GET', `/api/v1/contacts/${contactId}`);
  assert.deepEqual(stored.fields, { industry: 'retail' }, 'stored by option key');

  const agentPage = await h.newPage({ user: h.users.agentA });
  await agentPage.goto(`/customers/contacts/${contactId}`);
  const agentCard = agentPage.getByTestId('customer-custom-fields');
  await agentCard.getByTestId('customer-field-industry').getByText('零售').waitFor();
  assert.equal(await agentCard.getByTestId('custom-fields-edit').count(), 0, 'an agent reads the value but may not edit the contact');

  // The contact list filters by it (a filterable select): only 郑晓峰 is 零售.
  await agentPage.goto('/customers');
  await agentPage.getByTestId(`contact-row-${otherId}`).waitFor();
  await agentPage.getByTestId('contact-filter-industry').click();
  await visibleOption(agentPage, '零售').click();
  await agentPage.waitForURL(/fields\.industry=retail/);
  await agentPage.getByTestId(`contact-row-${otherId}`).waitFor({ state: 'detached' });
  await agentPage.getByTestId(`contact-row-${contactId}`).waitFor();
  h.assertNoPageErrors();
});

test('a new contact takes its custom fields in the 新建联系人 dialog: the value is checked, sent and shown on its page', { skip, timeout: 90_000 }, async () => {
  await h.api(h.users.admin, 'POST', '/api/v1/contact-fields', { key: 'billing_email', label: { 'zh-CN': '开票邮箱', en: 'Billing email' }, type: 'email' });
  const page = await h.newPage({ user: supervisor });
  await page.goto('/customers');
  await page.getByTestId('new-contact').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('contact-name-input').fill('冯建国');
  await dialog.getByLabel('号码或账号').first().fill('139 0013 9001');
  await dialog.getByTestId('custom-field-industry').locator('.ant-select').click();
  await visibleOption(page, '能源').click();
  // Not an address: the server's own check marks the field before anything is sent.
  const email = dialog.getByTestId('custom-field-billing_email');
  await email.locator('input').fill('invoice-at-example.cn');
  await dialog.getByRole('button', { name: /^新\s*建$/ }).click();
  await email.locator('.ant-form-item-explain-error').getByText(/不是有效的邮箱地址/).waitFor();
  await email.locator('input').fill('Invoice@Example.cn');
  await dialog.getByRole('button', { name: /^新\s*建$/ }).click();
  await page.waitForURL(/\/customers\/contacts\/[0-9a-f-]{36}$/);
  const card = page.getByTestId('customer-custom-fields');
  await card.getByTestId('customer-field-industry').getByText('能源').waitFor();
  await card.getByTestId('customer-field-billing_email').getByText('invoice@example.cn').waitFor();
  const id = page.url().split('/').pop()!;
  const stored = await h.api<{ name: string; fields: Record<string, unknown> }>(h.users.admin, 'GET', `/api/v1/contacts/${id}`);
  assert.deepEqual({ name: stored.name, fields: stored.fields }, { name: '冯建国', fields: { industry: 'energy', billing_email: 'invoice@example.cn' } });
  h.assertNoPageErrors();
});
