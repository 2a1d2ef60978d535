/**
 * Issue 14 §8, the acceptance story, in real Chromium against one running server (no restart
 * between defining the type and using it): a supervisor defines the type 环保投诉 with 污染类型
 * (噪音/废气/废水/固废), 发生地点 (省/市/区), 是否需要现场勘察 and 勘察时间 (required only when
 * the box is ticked) and a portal form; the API refuses a create without 勘察时间 when the box is
 * ticked; an agent logs one by phone on the new ticket page; a customer submits one on the portal
 * at 360 px, where the rule shows and is enforced; an agent sees and edits its fields (the timeline
 * says 将污染类型从“废气”改为“废水”); a view filtered by 污染类型 = 废水 lists it with the column.
 *
 *   node scripts/run-tests.mjs e2e/forms-acceptance.e2e.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { startSmtpSink, type SmtpSink } from '../src/modules/portal/test-smtp-sink.js';
import { chromiumPath, startHarness, type E2eUser, type Harness } from './harness.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
let h: Harness;
// The portal signs customers in with a code sent by email.
let smtp: SmtpSink;

before(async () => {
  if (skip) return;
  smtp = await startSmtpSink();
  h = await startHarness({ env: { OPENCSM_SMTP_URL: smtp.url } });
});
after(async () => {
  await h?.close();
  await smtp?.close();
});

type Ticket = { id: string; number: string; fields: Record<string, unknown>; type: { key: string; version: number } | null };
const label = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** The supervisor's definition, through the API as the designer would send it. */
async function defineComplaintType(supervisor: E2eUser): Promise<void> {
  const fields = [
    {
      key: 'pollution_type',
      label: label('污染类型', 'Pollution type'),
      type: 'select',
      filterable: true,
      customerVisible: true,
      options: [
        { value: 'noise', label: label('噪音', 'Noise') },
        { value: 'gas', label: label('废气', 'Exhaust gas') },
        { value: 'water', label: label('废水', 'Waste water') },
        { value: 'solid', label: label('固废', 'Solid waste') },
      ],
    },
    { key: 'location', label: label('发生地点', 'Location'), type: 'cascader', customerVisible: true, settings: { optionSource: 'china-regions', levels: 3 } },
    { key: 'needs_survey', label: label('是否需要现场勘察', 'Site survey needed'), type: 'checkbox', customerVisible: true },
    { key: 'survey_at', label: label('勘察时间', 'Survey time'), type: 'datetime', customerVisible: true },
    // Staff only, and only supervisors write it: an agent reads it, read-only.
    { key: 'inspector_notes', label: label('勘察记录', 'Inspector notes'), type: 'textarea', writeRoles: ['supervisor'] },
  ];
  for (const field of fields) await h.api(supervisor, 'POST', '/api/v1/ticket-fields', field);
  const placed = [
    { key: 'pollution_type', width: 'half', required: true },
    { key: 'location', width: 'half', required: true },
    { key: 'needs_survey', width: 'half' },
    { key: 'survey_at', width: 'half' },
  ];
  await h.api(supervisor, 'POST', '/api/v1/ticket-types', {
    key: 'env_complaint',
    label: label('环保投诉', 'Environmental complaint'),
    defaultPriority: 'high',
    defaultTeamId: h.teamId,
    form: {
      sections: [
        { key: 'complaint', label: label('投诉信息', 'Complaint'), fields: placed },
        { key: 'handling', label: label('处理', 'Handling'), fields: [{ key: 'inspector_notes', width: 'full' }] },
      ],
      rules: [{ id: 'survey_time_when_needed', when: { field: 'needs_survey', op: 'is', value: true }, then: [{ effect: 'show', field: 'survey_at' }, { effect: 'require', field: 'survey_at' }] }],
      portal: { enabled: true, title: label('环保投诉', 'Environmental complaint'), fields: placed.map((field) => ({ ...field, width: 'full' })) },
    },
  });  // A second type sharing 污染类型: a ticket moved to it keeps every value.
  await h.api(supervisor, 'POST', '/api/v1/ticket-types', {
    key: 'general_complaint',
    label: label('一般投诉', 'General complaint'),
    defaultTeamId: h.teamId,
    form: { sections: [{ key: 'main', label: label('投诉', 'Complaint'), fields: [{ key: 'pollution_type' }] }], rules: [], portal: { enabled: false, fields: [] } },
  });
}

const visibleOption = (page: Page, text: string) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: new RegExp(`^${text}$`) });

async function chooseSelect(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await visibleOption(page, text).click();
}

/** 广东省 / 深圳市 / 南山区 in the cascader of 发生地点. */
async function chooseRegion(page: Page): Promise<void> {
  await page.getByTestId('custom-field-location').locator('.ant-select').click();
  for (const place of ['广东省', '深圳市', '南山区']) {
    const item = page.locator('.ant-cascader-dropdown:not(.ant-select-dropdown-hidden) .ant-cascader-menu-item').filter({ hasText: new RegExp(`^${place}$`) });
    await item.click();
    // A province or city opens its column when clicked; a click that landed while the menu was
    // rendered anew (the region tree answering with the menu open, once in a loaded CI run) did
    // not, so click again until the item is the open one (the district's click closes the menu).
    for (let attempt = 0; place !== '南山区' && attempt < 3 && !(await item.evaluate((el) => el.classList.contains('ant-cascader-menu-item-active'))); attempt++) await item.click();
  }
}

/** A time typed into 勘察时间 as a person would (the picker's input, then 确定). */
async function chooseSurveyTime(page: Page, text: string): Promise<void> {
  const input = page.getByTestId('custom-field-survey_at').locator('input');
  await input.click();
  await input.fill(text);
  // 确定, not Enter: Enter in a form's input submits the form.
  await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden) .ant-picker-ok button').click();
}

test('环保投诉: defined without a restart, refused by the API without 勘察时间, filled on the portal at 360 px, edited by an agent, filtered in a view', { skip, timeout: 240_000 }, async () => {
  const { admin, agentA } = h.users;
  const supervisor = await h.user('supervisor', '赵主管', [h.teamId]);
  await defineComplaintType(supervisor);

  // The API refuses a create with the box ticked and no 勘察时间, naming the field.
  const refused = await fetch(`${h.baseURL}/api/v1/tickets`, {
    method: 'POST',
    headers: { authorization: `Bearer ${agentA.token}`, 'content-type': 'application/json', 'accept-language': 'zh-CN' },
    body: JSON.stringify({ subject: '河道排污', channel: 'phone', requester: { name: '钱先生', phone: '13900001111' }, type: 'env_complaint', fields: { pollution_type: 'water', location: ['44', '4403', '440305'], needs_survey: true } }),
  });
  assert.equal(refused.status, 400);
  const problem = (await refused.json()) as { errors?: Array<{ path: string }> };
  assert.deepEqual(problem.errors?.map((error) => error.path), ['fields.survey_at']);

  // An agent logs a noise complaint by phone: the type's default priority (高) prefills.
  const agent = await h.newPage({ user: agentA, viewport: { width: 1366, height: 800 } });
  await agent.goto('/tickets/new');
  await chooseSelect(agent, 'ticket-type', '环保投诉');
  await agent.getByTestId('custom-field-pollution_type').waitFor();
  assert.equal(await agent.getByTestId('custom-field-survey_at').count(), 0, '勘察时间 is hidden until the box is ticked');
  await agent.getByTestId('requester-name').fill('孙女士');
  await agent.getByTestId('requester-email').fill('sun@example.cn');
  await agent.getByTestId('ticket-subject-input').fill('楼下工地夜间施工');
  await agent.getByTestId('custom-field-pollution_type').locator('.ant-select').click();
  await visibleOption(agent, '噪音').click();
  await chooseRegion(agent);
  await agent.getByTestId('create-ticket').click();
  await agent.waitForURL(/\/tickets\/[0-9a-f-]{36}$/);
  const noiseId = /\/tickets\/([0-9a-f-]{36})$/.exec(agent.url())![1]!;
  const noise = await h.api<Ticket & { priority: string }>(admin, 'GET', `/api/v1/tickets/${noiseId}`);
  assert.deepEqual(noise.fields, { pollution_type: 'noise', location: ['44', '4403', '440305'] });
  assert.equal(noise.type?.key, 'env_complaint');
  assert.equal(noise.priority, 'high', 'the type’s default priority');

  // A customer on a phone (360 px) picks the type and fills its portal form.
  const customer = await (await h.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })).newPage();
  await customer.goto('/portal/form');
  await customer.locator('#form-name').fill('周先生');
  await customer.locator('#form-email').fill('zhou@example.cn');
  await customer.locator('#form-description').fill('化工厂晚上排放刺鼻气体');
  await chooseSelect(customer, 'form-type', '环保投诉');
  await customer.getByTestId('custom-field-pollution_type').locator('.ant-select').click();
  await visibleOption(customer, '废气').click();
  await chooseRegion(customer);
  assert.equal(await customer.getByTestId('custom-field-survey_at').count(), 0, '勘察时间 is hidden until the box is ticked');
  await customer.getByTestId('custom-field-needs_survey').getByRole('checkbox').check();
  const surveyAt = customer.getByTestId('custom-field-survey_at');
  await surveyAt.waitFor();
  assert.equal(await surveyAt.getAttribute('data-required'), 'true', 'the rule makes 勘察时间 required');
  // Enforced before sending: the field says what is missing and nothing is created.
  await customer.getByTestId('form-submit').click();
  await surveyAt.locator('.ant-form-item-explain-error').filter({ hasText: '勘察时间' }).waitFor();
  assert.equal(await customer.getByTestId('form-number').count(), 0);
  const width = await customer.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scrolling at 360 px (${width})`);
  await customer.screenshot({ path: 'docs/screenshots/forms-portal-360.png', fullPage: true });
  await chooseSurveyTime(customer, '2026-12-08 09:30');
  await customer.getByTestId('form-submit').click();
  const confirmation = await customer.getByTestId('form-number').textContent();
  const number = /(\d{8}-\d{4})/.exec(confirmation ?? '')?.[1];
  assert.ok(number, `the customer is shown a ticket number: ${confirmation}`);
  const submitted = (await h.api<{ items: Ticket[] }>(admin, 'GET', '/api/v1/tickets?limit=100')).items.find((ticket) => ticket.number === number)!;
  assert.deepEqual(submitted.fields, { pollution_type: 'gas', location: ['44', '4403', '440305'], needs_survey: true, survey_at: '2026-12-08T01:30:00.000Z' });

  // The agent sees the fields and corrects 污染类型 to 废水 (saved with If-Match).
  await agent.goto(`/tickets/${submitted.id}`);
  const panel = agent.getByTestId('custom-fields-panel');
  await panel.getByTestId('custom-value-pollution_type').filter({ hasText: '废气' }).waitFor();
  await panel.getByTestId('custom-value-location').filter({ hasText: '广东省 / 深圳市 / 南山区' }).waitFor();
  await panel.getByTestId('custom-value-survey_at').filter({ hasText: '2026-12-08 09:30' }).waitFor();
  await panel.getByTestId('custom-fields-edit').click();
  assert.ok(await panel.getByTestId('custom-field-inspector_notes').locator('textarea').isDisabled(), '勘察记录 is read-only for an agent');
  await panel.getByTestId('custom-field-pollution_type').locator('.ant-select').click();
  await visibleOption(agent, '废水').click();
  await panel.getByTestId('custom-fields-save').click();
  await panel.getByTestId('custom-value-pollution_type').filter({ hasText: '废水' }).waitFor();
  await agent.getByTestId('timeline-change').filter({ hasText: '将污染类型从“废气”改为“废水”' }).waitFor();
  assert.equal((await h.api<Ticket>(admin, 'GET', `/api/v1/tickets/${submitted.id}`)).fields.pollution_type, 'water');

  // Changing the type keeps every value, including those the new form does not place.
  await chooseSelect(agent, 'custom-fields-type', '一般投诉');
  await panel.getByTestId('custom-fields-type-label').filter({ hasText: '一般投诉' }).waitFor();
  await agent.getByTestId('timeline-change').filter({ hasText: '将工单类型从“环保投诉”改为“一般投诉”' }).waitFor();
  await panel.getByTestId('custom-value-pollution_type').filter({ hasText: '废水' }).waitFor();
  const moved = await h.api<Ticket>(admin, 'GET', `/api/v1/tickets/${submitted.id}`);
  assert.equal(moved.type?.key, 'general_complaint');
  assert.deepEqual(moved.fields, { pollution_type: 'water', location: ['44', '4403', '440305'], needs_survey: true, survey_at: '2026-12-08T01:30:00.000Z' });

  // A view filtered by 污染类型 = 废水, with 污染类型 as a column: the customer's ticket, not the noise one.
  await agent.goto('/tickets?view=open');
  await chooseSelect(agent, 'filter-fields.pollution_type', '废水');
  await agent.keyboard.press('Escape');
  await agent.getByTestId('list-settings-button').click();
  await agent.getByTestId('list-custom-columns').getByText('污染类型').click();
  await agent.getByTestId('list-settings-button').click();
  await agent.getByTestId('list-settings').waitFor({ state: 'hidden' });
  const list = agent.getByTestId('ticket-list');
  await list.locator('.ant-table-thead').getByText('污染类型').waitFor();
  await agent.getByTestId(`ticket-row-${submitted.number}`).getByText('废水').waitFor();
  assert.equal(await agent.getByTestId(`ticket-row-${noise.number}`).count(), 0, 'the noise complaint is filtered out');
  assert.match(agent.url(), /fields\.pollution_type=water/);
  // Saved as a view, the filter and the column go with it (to the server, for every device).
  await agent.getByRole('button', { name: '保存为视图' }).click();
  await agent.getByPlaceholder('视图名称').fill('废水投诉');
  await agent.locator('.ant-modal').getByRole('button', { name: /确\s*定|OK/ }).click();
  await agent.waitForURL(/view=[0-9a-f-]{36}/);
  assert.doesNotMatch(agent.url(), /fields\./);
  await list.locator('.ant-table-thead').getByText('污染类型').waitFor();
  await agent.getByTestId(`ticket-row-${submitted.number}`).getByText('废水').waitFor();
  assert.equal(await agent.getByTestId(`ticket-row-${noise.number}`).count(), 0, 'the saved view keeps the filter');
  const views = await h.api<{ items: Array<{ kind: string; name: string; filters: Record<string, unknown>; columns?: string[] }> }>(agentA, 'GET', '/api/v1/ticket-views');
  const saved = views.items.find((view) => view.kind === 'saved' && view.name === '废水投诉');
  assert.deepEqual(saved?.filters.fields, { pollution_type: ['water'] });
  assert.deepEqual(saved?.columns, ['fields.pollution_type']);
  await agent.screenshot({ path: 'docs/screenshots/forms-list-filter.png' });

  // The customer, signed in to the portal, reads the values they may see on their ticket.
  await customer.goto('/portal/login');
  const mark = smtp.mails.length;
  await customer.locator('#portal-email').fill('zhou@example.cn');
  await customer.getByTestId('portal-send-code').click();
  await customer.locator('#portal-code').fill(await smtp.waitForCode('zhou@example.cn', { after: mark, timeoutMs: 10_000 }));
  await customer.getByTestId('portal-sign-in').click();
  await customer.getByTestId('portal-ticket').filter({ hasText: number }).getByRole('link').click();
  await customer.getByTestId('portal-custom-value-pollution_type').filter({ hasText: '废水' }).waitFor();
  await customer.getByTestId('portal-custom-value-location').filter({ hasText: '广东省 / 深圳市 / 南山区' }).waitFor();
  await customer.getByTestId('portal-custom-value-needs_survey').filter({ hasText: '是' }).waitFor();
  assert.ok(!(await customer.locator('body').innerText()).includes('勘察记录'), 'staff-only fields never reach the customer');
  assert.deepEqual(h.takePageErrors(), []);
});
