/**
 * The notify, reply-from-template and call-a-webhook actions in the rule editor, in real Chromium
 * against the real server (zh-CN): an admin picks a team to notify, writes the texts with the
 * variable inserter, adds a reply from a template and a webhook chosen from 设置 › Webhook; a new
 * email ticket then notifies the team, gets the rule's public reply and calls the
 * receiver, and the ticket's timeline says "规则「VIP 升级」 通知了 一线客服". A second rule applies an SLA
 * policy picked from the SLA policies: a new ticket counts under it, and the timeline says so.
 *
 *   npm run build:web && node --import tsx --test e2e/automation-actions.e2e.test.ts
 *
 * Waits are for expected conditions only (locators, or `eventually`), ~10 s each.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startWebhookReceiver, type WebhookReceiver } from '../src/modules/webhooks/webhook-receiver-kit.js';
import { chromiumPath, eventually, startHarness, type Harness } from './harness.js';
import { choose } from './antd-select.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
let h: Harness;
let receiver: WebhookReceiver;
let endpointId: string;

type Rule = { id: string; name: string; actions: Array<Record<string, unknown>> };
type Ticket = { id: string; number: string };

before(async () => {
  if (skip) return;
  h = await startHarness();
  receiver = await startWebhookReceiver();
  endpointId = (await h.api<{ endpoint: { id: string } }>(h.users.admin, 'POST', '/api/v1/webhooks', { url: receiver.url, description: '工单系统联动', eventTypes: ['survey.answered'] })).endpoint.id;
});

after(async () => {
  await receiver?.close();
  await h?.close();
});


test('admin: notify a team, reply from a template and call a webhook; a new ticket runs all three and the timeline names whom the rule notified', { skip, timeout: 120_000 }, async () => {
  const page = await h.newPage({ user: h.users.admin });
  await page.goto('/settings/automation/new');
  await page.getByRole('textbox', { name: '名称' }).fill('VIP 升级');

  await page.getByRole('button', { name: '添加动作' }).click();
  await choose(page, page.getByRole('combobox', { name: '动作' }).nth(0), '通知', { close: true });
  const notify = page.locator('[data-action="notify"]');
  await choose(page, notify.getByRole('combobox', { name: '通知团队' }), '一线客服', { close: true });
  await notify.getByRole('checkbox', { name: '工单所属团队的成员' }).uncheck();
  await notify.getByRole('textbox', { name: '中文内容' }).fill('请关注工单 ');
  await notify.getByText('工单编号').first().click();
  await eventually(async () => (await notify.getByRole('textbox', { name: '中文内容' }).inputValue()) === '请关注工单 {{ticket.number}}' || undefined, 'the variable inserted at the cursor');
  await notify.getByRole('textbox', { name: '英文内容' }).fill('Please look at this ticket');

  await page.getByRole('button', { name: '添加动作' }).click();
  await page.getByRole('combobox', { name: '动作' }).nth(1).fill('回复');
  await choose(page, page.getByRole('combobox', { name: '动作' }).nth(1), '按模板回复客户', { close: true });
  const reply = page.locator('[data-action="reply"]');
  await reply.getByRole('textbox', { name: '回复内容' }).fill('您好，已收到您的工单 ');
  await reply.getByText('工单编号').first().click();

  await page.getByRole('button', { name: '添加动作' }).click();
  // Twelve action types: the picker searches them (the list scrolls past the first eight).
  await page.getByRole('combobox', { name: '动作' }).nth(2).fill('Webhook');
  await choose(page, page.getByRole('combobox', { name: '动作' }).nth(2), '调用 Webhook', { close: true });
  const webhook = page.locator('[data-action="webhook"]');
  await choose(page, webhook.getByRole('combobox', { name: '选择 Webhook' }), '工单系统联动', { close: true });
  await webhook.getByRole('textbox', { name: '事件类型' }).fill('rule.vip_escalated');

  await page.getByTestId('save-rule').click();
  const saved = await eventually(async () => (await h.api<{ items: Rule[] }>(h.users.admin, 'GET', '/api/v1/rules')).items.find((rule) => rule.name === 'VIP 升级'), 'the saved rule');
  assert.ok(saved);
  assert.deepEqual(saved.actions, [
    { type: 'notify', recipients: { userIds: [], teamIds: [h.teamId], roles: [], assignee: false, teamMembers: false, requester: false }, texts: { 'zh-CN': '请关注工单 {{ticket.number}}', en: 'Please look at this ticket' } },
    { type: 'reply', body: '您好，已收到您的工单 {{ticket.number}}', internal: false },
    { type: 'webhook', endpointId, eventType: 'rule.vip_escalated' },
  ]);

  const ticket = await h.api<Ticket>(h.users.admin, 'POST', '/api/v1/tickets', { subject: '打印机不出纸', description: '', channel: 'email', requester: { name: '吴先生', email: 'wu@example.cn' } });
  await eventually(() => receiver.received.length === 1 || undefined, 'the webhook call');
  assert.equal(JSON.parse(receiver.received[0]!.body).data.ticket.number, ticket.number);
  const inbox = await eventually(async () => {
    const { items } = await h.api<{ items: Array<{ ticketId: string | null; title: string; body: string }> }>(h.users.agentA, 'GET', '/api/v1/notifications');
    return items.find((item) => item.ticketId === ticket.id);
  }, 'the team member’s notification');
  assert.match(JSON.stringify(inbox), new RegExp(`请关注工单 ${ticket.number}`));

  await page.goto(`/tickets/${ticket.number}`);
  await page.getByTestId('timeline-change').filter({ hasText: '规则「VIP 升级」 通知了 一线客服' }).waitFor();
  await page.getByTestId('timeline-reply').filter({ hasText: `您好，已收到您的工单 ${ticket.number}` }).filter({ hasText: '规则「VIP 升级」' }).waitFor();
  h.assertNoPageErrors();
});

test('admin: apply an SLA policy — picked in the action builder; a new ticket’s timers count under it and the timeline says 规则「金牌客户」将 SLA 策略改为 VIP 金牌', { skip, timeout: 120_000 }, async () => {
  const priorities = (await h.api<{ items: Array<{ key: string }> }>(h.users.admin, 'GET', '/api/v1/priorities')).items;
  const targets = Object.fromEntries(priorities.map((priority) => [priority.key, { firstResponseMinutes: 10, resolutionMinutes: 60 }]));
  // Matches no ticket by its conditions (phone only): only the rule applies it.
  const policy = await h.api<{ id: string }>(h.users.admin, 'POST', '/api/v1/sla/policies', { nameZh: 'VIP 金牌', nameEn: 'VIP gold', position: 0, conditions: { all: [{ field: 'channel', op: 'in', values: ['phone'] }] }, targets });

  const page = await h.newPage({ user: h.users.admin });
  await page.goto('/settings/automation/new');
  await page.getByRole('textbox', { name: '名称' }).fill('金牌客户');
  await page.getByRole('button', { name: '添加动作' }).click();
  await page.getByRole('combobox', { name: '动作' }).nth(0).fill('SLA');
  await choose(page, page.getByRole('combobox', { name: '动作' }).nth(0), '应用 SLA 策略', { close: true });
  await choose(page, page.locator('[data-action="apply_sla_policy"]').getByRole('combobox', { name: '选择 SLA 策略' }), 'VIP 金牌', { close: true });
  await page.getByTestId('save-rule').click();
  const saved = await eventually(async () => (await h.api<{ items: Rule[] }>(h.users.admin, 'GET', '/api/v1/rules')).items.find((rule) => rule.name === '金牌客户'), 'the saved rule');
  assert.deepEqual(saved?.actions, [{ type: 'apply_sla_policy', policyId: policy.id }]);

  const ticket = await h.api<Ticket>(h.users.admin, 'POST', '/api/v1/tickets', { subject: '大客户的服务器宕机', description: '', channel: 'api' });
  await eventually(async () => {
    const { items } = await h.api<{ items: Array<{ policyId: string; target: string }> }>(h.users.admin, 'GET', `/api/v1/tickets/${ticket.id}/sla`);
    return (items.length > 0 && items.every((timer) => timer.policyId === policy.id)) || undefined;
  }, 'the timers under the chosen policy');
  await page.goto(`/tickets/${ticket.number}`);
  await page.getByTestId('timeline-change').filter({ hasText: '规则「金牌客户」 将 SLA 策略改为 VIP 金牌' }).waitFor();
  h.assertNoPageErrors();
});
