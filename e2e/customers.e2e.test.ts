/**
 * The customers screens in real Chromium against the real server (issue 4), in zh-CN: from a
 * ticket's requester panel to the contact's 360° view (other tickets, the order), the customer
 * list's search, merging a duplicate (survivor, what moved, the old address redirecting), and the
 * phone width. Writes docs/screenshots/customer-360.png and customer-merge.png.
 *
 *   npm run build:web && node --import tsx --test e2e/customers.e2e.test.ts
 *
 * Waits are for expected conditions only (locators, or `eventually` for a number), ~10 s each.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { chromiumPath, docScreenshot, eventually, startHarness, type E2eUser, type Harness } from './harness.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
let h: Harness;
let supervisor: E2eUser;
/** What the API seeded: one organisation, a contact with two tickets and an order, and a likely duplicate. */
let seed: { organizationId: string; contactId: string; duplicateId: string; earlier: Ticket; latest: Ticket; order: CustomerRecord };

type Ticket = { id: string; number: string; subject: string; requester: { id: string } | null };
type Contact = { id: string; name: string };
type CustomerRecord = { id: string; externalId: string; title: string };

before(async () => {
  if (skip) return;
  h = await startHarness();
  const { admin, agentA } = h.users;
  supervisor = await h.user('supervisor', '赵主管', [h.teamId]);
  const organization = await h.api<{ id: string }>(admin, 'POST', '/api/v1/organizations', { name: '深圳华强电子有限公司', tierKey: 'key', tags: ['华南'] });
  const contact = await h.api<Contact>(admin, 'POST', '/api/v1/contacts', {
    name: '陈志明',
    organizationId: organization.id,
    identities: [{ kind: 'phone', value: '138 0013 8000' }],
    tierKey: 'vip',
    tags: ['老客户'],
    ownerId: supervisor.id,
  });
  // Both tickets find the contact by the phone they were logged with.
  const requester = { name: '陈志明', phone: '13800138000' };
  const earlier = await h.api<Ticket>(agentA, 'POST', '/api/v1/tickets', { subject: '空调外机噪音大', channel: 'phone', teamId: h.teamId, requester });
  const latest = await h.api<Ticket>(agentA, 'POST', '/api/v1/tickets', { subject: '新买的空调不制冷', channel: 'phone', teamId: h.teamId, requester, description: '上周收到的两台空调，其中一台开机后只吹风。' });
  assert.equal(latest.requester?.id, contact.id, 'the ticket is filed under the seeded contact');
  await h.api(agentA, 'POST', `/api/v1/tickets/${earlier.id}/messages`, { body: '您好，师傅明天上午上门检查外机。', internal: false });
  const order = await h.api<CustomerRecord>(admin, 'PUT', '/api/v1/customer-records/order/SO-20260301-0042', {
    contactId: contact.id,
    organizationId: organization.id,
    title: '格力 KFR-35GW 空调 ×2',
    status: '已签收',
    occurredOn: '2026-03-01',
  });
  await h.api(admin, 'PUT', '/api/v1/customer-records/device/GREE-KFR35-8812', { contactId: contact.id, title: '格力 KFR-35GW 室内机', status: '在用', occurredOn: '2023-05-10', expiresOn: '2024-05-10' });
  // The same person entered again by a colleague: a similar name in the same organisation, with an email of their own.
  const duplicate = await h.api<Contact>(admin, 'POST', '/api/v1/contacts', {
    name: '陈志明（采购）',
    organizationId: organization.id,
    identities: [{ kind: 'email', value: 'chen.zm@huaqiang.example' }],
  });
  seed = { organizationId: organization.id, contactId: contact.id, duplicateId: duplicate.id, earlier, latest, order };
});

after(async () => {
  await h?.close();
});

async function pageWidth(page: Page): Promise<{ scroll: number; client: number }> {
  return page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
}

test('agent: from the requester panel to the contact 360° view with the other ticket and the order', { skip, timeout: 60_000 }, async () => {
  const page = await h.newPage({ user: h.users.agentA });
  await page.goto(`/tickets/${seed.latest.id}`);
  const panel = page.getByTestId('requester-panel');
  await panel.getByText('深圳华强电子有限公司').waitFor();
  await panel.getByText('138 0013 8000').waitFor(); // the stored +8613800138000, as people write it
  await panel.getByTestId('tier-tag').filter({ hasText: 'VIP' }).waitFor();
  await panel.getByRole('link', { name: seed.earlier.subject }).waitFor();
  await panel.getByTestId('requester-records').getByText(seed.order.title).waitFor();

  await panel.getByTestId('requester-link').filter({ hasText: '陈志明' }).click();
  await page.waitForURL(new RegExp(`/customers/contacts/${seed.contactId}$`));
  await page.getByTestId('contact-name').filter({ hasText: '陈志明' }).waitFor();
  const tickets = page.getByTestId('customer-tickets');
  await tickets.getByRole('link', { name: seed.earlier.subject }).waitFor();
  await tickets.getByRole('link', { name: seed.latest.subject }).waitFor();
  await page.getByTestId('ticket-counts').filter({ hasText: '进行中 2 / 全部 2' }).waitFor();
  await page.getByTestId('identities-phone').getByRole('link', { name: '138 0013 8000' }).waitFor();
  assert.equal(await page.getByTestId('identities-phone').getByRole('link').getAttribute('href'), 'tel:+8613800138000');
  // The colleague's entry of the same person is flagged, but an agent may not merge.
  const duplicates = page.getByTestId('duplicates-card');
  await duplicates.getByText('陈志明（采购）').waitFor();
  await duplicates.getByText('同企业相似姓名').waitFor();
  assert.equal(await duplicates.getByRole('button', { name: '合并' }).count(), 0, 'agents have no customers.merge');
  assert.equal(await page.getByTestId('anonymize-contact').count(), 0, 'agents have no customers.privacy');
  await docScreenshot(page, 'customer-360.png');

  await page.getByRole('tab', { name: /订单与合同/ }).click();
  const records = page.getByTestId('customer-records');
  await records.getByText(seed.order.title).waitFor();
  await records.getByText('SO-20260301-0042').waitFor();
  await records.getByText('订单', { exact: true }).waitFor();
  await records.getByText('已过保').waitFor(); // the device's warranty ended in 2024

  await page.getByRole('tab', { name: '沟通记录' }).click();
  await page.getByTestId('customer-messages').getByText('您好，师傅明天上午上门检查外机。').waitFor();
  await page.getByTestId('customer-messages').getByRole('link', { name: seed.earlier.number }).waitFor();
  await page.context().close();
  h.assertNoPageErrors();
});

test('agent: the customer list finds the contact by a phone number written any way', { skip, timeout: 60_000 }, async () => {
  const page = await h.newPage({ user: h.users.agentA });
  await page.goto('/customers');
  await page.getByRole('tab', { name: '联系人' }).waitFor();
  assert.equal(await page.getByTestId('new-contact').count(), 0, 'agents have no customers.write');
  await page.getByTestId('customer-search').locator('input').fill('138-0013-8000');
  await page.waitForURL(/q=138-0013-8000/);
  const row = page.getByTestId(`contact-row-${seed.contactId}`);
  await row.getByText('深圳华强电子有限公司').waitFor();
  await eventually(async () => (await page.locator('tr[data-testid^="contact-row-"]').count()) === 1, 'only the matching contact listed');
  await page.getByTestId('customer-search').locator('input').fill('没有这个客户');
  await page.getByText('没有找到与“没有这个客户”匹配的客户').waitFor();

  await page.getByRole('tab', { name: '企业客户' }).click();
  await page.waitForURL(/tab=organizations/);
  await page.getByRole('button', { name: '清除筛选' }).click();
  await page.getByRole('link', { name: '深圳华强电子有限公司' }).click();
  await page.getByTestId('organization-name').filter({ hasText: '深圳华强电子有限公司' }).waitFor();
  await page.getByTestId('organization-contacts').getByRole('link', { name: '陈志明', exact: true }).waitFor();
  await page.context().close();
  h.assertNoPageErrors();
});

test('supervisor: merge the duplicate into the contact, land on the survivor; the old address shows it', { skip, timeout: 60_000 }, async () => {
  const page = await h.newPage({ user: supervisor });
  await page.goto(`/customers/contacts/${seed.duplicateId}`);
  await page.getByTestId('contact-name').filter({ hasText: '陈志明（采购）' }).waitFor();
  const duplicates = page.getByTestId('duplicates-card');
  await duplicates.getByRole('link', { name: '陈志明', exact: true }).waitFor();
  await duplicates.getByTestId(`merge-${seed.contactId}`).click();

  const dialog = page.getByRole('dialog').filter({ hasText: '合并联系人' });
  await dialog.waitFor();
  // Keep the contact with the tickets; the duplicate on screen is the one merged away.
  await dialog.getByTestId('merge-keep-other').click();
  const summary = dialog.getByTestId('merge-summary');
  await summary.getByText('以下内容将从“陈志明（采购）”移到“陈志明”：').waitFor();
  await summary.getByText('chen.zm@huaqiang.example').waitFor();
  await summary.getByText('0 张工单').waitFor();
  await summary.getByText('“陈志明（采购）”的页面地址会自动打开“陈志明”', { exact: false }).waitFor();
  await docScreenshot(page, 'customer-merge.png');
  await dialog.getByRole('button', { name: '确认合并' }).click();

  await page.waitForURL(new RegExp(`/customers/contacts/${seed.contactId}$`));
  await page.getByTestId('contact-name').filter({ hasText: /^陈志明$/ }).waitFor();
  await page.getByTestId('identities-email').getByRole('link', { name: 'chen.zm@huaqiang.example' }).waitFor();
  await page.getByTestId('identities-phone').getByRole('link', { name: '138 0013 8000' }).waitFor();
  await page.getByTestId('duplicates-card').waitFor({ state: 'detached' });
  await page.getByRole('tab', { name: '变更记录' }).click();
  await page.getByTestId('customer-history').getByText('赵主管 将重复的联系人“陈志明（采购）”合并到这里，移入 1 个联系方式、0 条业务记录及其工单').waitFor();

  // The merged contact's address now opens the survivor (the API answers 308; the console follows).
  await page.goto(`/customers/contacts/${seed.duplicateId}`);
  await page.waitForURL(new RegExp(`/customers/contacts/${seed.contactId}$`));
  await page.getByTestId('merged-redirect').waitFor();
  await page.getByTestId('contact-name').filter({ hasText: /^陈志明$/ }).waitFor();
  await page.getByTestId('identities-email').getByText('chen.zm@huaqiang.example').waitFor();
  await page.context().close();
  h.assertNoPageErrors();
});

test('supervisor: a phone that is someone else\'s leads to them, a new contact is created; a stale profile save says so and shows the new version', { skip, timeout: 60_000 }, async () => {
  const page = await h.newPage({ user: supervisor });
  await page.goto('/customers');
  await page.getByTestId('new-contact').click();
  const dialog = page.getByRole('dialog').filter({ hasText: '新建联系人' });
  await dialog.getByTestId('contact-name-input').fill('陈先生');
  await dialog.getByRole('textbox', { name: '号码或账号' }).fill('+86 138-0013-8000');
  await dialog.locator('.ant-modal-footer').getByRole('button', { name: /新\s?建/ }).click();
  const taken = dialog.getByTestId('identity-taken');
  await taken.getByText('已属于另一位联系人', { exact: false }).waitFor();
  assert.equal(await taken.getByRole('link', { name: '查看已有的联系人' }).getAttribute('href'), `/customers/contacts/${seed.contactId}`);
  // A number of their own, a tag, and the contact is created and opened.
  await dialog.getByRole('textbox', { name: '号码或账号' }).fill('139 0013 9000');
  await dialog.locator('.ant-form-item').filter({ hasText: '标签' }).getByRole('combobox').fill('回访');
  await page.keyboard.press('Enter');
  await dialog.locator('.ant-select-selection-item').filter({ hasText: '回访' }).waitFor();
  await dialog.locator('.ant-modal-footer').getByRole('button', { name: /新\s?建/ }).click();
  await page.waitForURL(/\/customers\/contacts\/[0-9a-f-]{36}$/);
  await page.getByTestId('contact-name').filter({ hasText: '陈先生' }).waitFor();
  await page.getByText('回访', { exact: true }).waitFor();
  await page.getByTestId('identities-phone').getByRole('link', { name: '139 0013 9000' }).waitFor();

  await page.goto(`/customers/contacts/${seed.contactId}`);
  await page.getByTestId('contact-name').filter({ hasText: '陈志明' }).waitFor();

  await page.getByRole('tab', { name: '资料' }).click();
  const form = page.getByTestId('profile-form');
  await form.getByRole('textbox', { name: '备注' }).fill('只在工作日上午联系');
  // Meanwhile a colleague changes the contact.
  await h.api(h.users.admin, 'PATCH', `/api/v1/contacts/${seed.contactId}`, { notes: '周末也可以联系' });
  await form.getByTestId('profile-save').click();
  await form.getByTestId('profile-stale').filter({ hasText: '已被他人修改' }).waitFor();
  await eventually(async () => (await form.getByRole('textbox', { name: '备注' }).inputValue()) === '周末也可以联系', "the colleague's notes loaded");
  await form.getByRole('textbox', { name: '备注' }).fill('只在工作日上午联系');
  await form.getByTestId('profile-save').click();
  await page.getByText('资料已保存').waitFor();
  assert.equal((await h.api<{ notes: string }>(h.users.admin, 'GET', `/api/v1/contacts/${seed.contactId}`)).notes, '只在工作日上午联系');
  await page.context().close();
  h.assertNoPageErrors();
});

test('admin: a contact with tickets cannot be deleted (anonymise instead); export and anonymisation', { skip, timeout: 60_000 }, async () => {
  const page = await h.newPage({ user: h.users.admin });
  await page.goto(`/customers/contacts/${seed.contactId}`);
  await page.getByTestId('delete-contact').click();
  await page.getByRole('tooltip').getByRole('button', { name: /确\s?定/ }).click();
  const warning = page.getByRole('dialog').filter({ hasText: '该联系人有工单，不能删除' });
  await warning.getByText('请改用“匿名化”', { exact: false }).waitFor();
  await warning.getByRole('button').last().click();

  // A data-access request, then an erasure request, from another customer.
  const person = await h.api<Contact>(h.users.admin, 'POST', '/api/v1/contacts', { name: '林小姐', identities: [{ kind: 'email', value: 'lin@example.com' }] });
  await h.api(h.users.agentA, 'POST', '/api/v1/tickets', { subject: '热水器漏水', channel: 'email', teamId: h.teamId, requester: { email: 'lin@example.com' } });
  await page.goto(`/customers/contacts/${person.id}`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-contact').click()]);
  const exported = JSON.parse(await readFile((await download.path())!, 'utf8')) as { contact: { name: string }; tickets: unknown[] };
  assert.equal(exported.contact.name, '林小姐');
  assert.equal(exported.tickets.length, 1);
  await page.getByTestId('anonymize-contact').click();
  const confirm = page.getByRole('dialog').filter({ hasText: '此操作不可撤销' });
  await confirm.getByTestId('anonymize-name').fill('林');
  assert.ok(await confirm.getByRole('button', { name: '永久匿名化' }).isDisabled(), 'the name must be typed in full');
  await confirm.getByTestId('anonymize-name').fill('林小姐');
  await confirm.getByRole('button', { name: '永久匿名化' }).click();
  await page.getByTestId('contact-name').filter({ hasText: '已匿名化的联系人' }).waitFor();
  await page.getByTestId('identities-card').getByText('还没有联系方式').waitFor();
  await page.getByTestId('ticket-counts').filter({ hasText: '全部 1' }).waitFor(); // tickets stay for statistics
  await page.context().close();
  h.assertNoPageErrors();
});

test('phone width (360 px): the contact page and the customer list fit without sideways scrolling', { skip, timeout: 60_000 }, async () => {
  const page = await h.newPage({ user: supervisor, viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  await page.goto(`/customers/contacts/${seed.contactId}`);
  await page.getByTestId('contact-name').filter({ hasText: '陈志明' }).waitFor();
  await page.getByTestId('customer-tickets').getByRole('link', { name: seed.earlier.subject }).waitFor();
  await eventually(async () => {
    const { scroll, client } = await pageWidth(page);
    return scroll <= client;
  }, 'the contact page fits 360 px');
  await page.getByRole('tab', { name: /订单与合同/ }).click();
  await page.getByTestId('customer-records').getByText(seed.order.title).waitFor();
  const { scroll, client } = await pageWidth(page);
  assert.ok(scroll <= client, `records fit: ${scroll} > ${client}`);

  await page.goto('/customers');
  await page.getByTestId(`contact-row-${seed.contactId}`).waitFor();
  const list = await pageWidth(page);
  assert.ok(list.scroll <= list.client, `the list fits: ${list.scroll} > ${list.client}`);
  await page.context().close();
  h.assertNoPageErrors();
});
