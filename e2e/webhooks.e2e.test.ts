/**
 * Issue 18 §5–6 in real Chromium: an admin sets up a webhook in 设置 › Webhook (the secret shown
 * once), sends a test event, sees a ticket's delivery arrive signed (checked with the
 * `standardwebhooks` package), replays it from the delivery log, and sees why an endpoint was
 * disabled after a 410.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { startWebhookReceiver, type WebhookReceiver } from '../src/modules/webhooks/webhook-receiver-kit.js';
import { chromiumPath, docScreenshot, eventually, startHarness, type Harness } from './harness.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
let h: Harness;
let receiver: WebhookReceiver;

before(async () => {
  if (skip) return;
  h = await startHarness();
  receiver = await startWebhookReceiver();
});
after(async () => {
  await receiver?.close();
  await h?.close();
});

const headersOf = (i: number) => {
  const got = receiver.received[i]!;
  return { body: got.body, headers: { 'webhook-id': String(got.headers['webhook-id']), 'webhook-timestamp': String(got.headers['webhook-timestamp']), 'webhook-signature': String(got.headers['webhook-signature']) } };
};

test('an admin adds a webhook, tests it, sees a signed delivery in the log and replays it; a 410 disables it', { skip, timeout: 90_000 }, async () => {
  const page = await h.newPage({ user: h.users.admin });
  await page.goto('/settings/webhooks');
  await page.getByText('还没有 Webhook').waitFor();

  await page.getByTestId('add-webhook').click();
  const form = page.getByTestId('webhook-form');
  await form.getByLabel('地址').fill(receiver.url);
  await form.getByLabel('说明').fill('ERP 同步');
  await form.getByLabel(/工单已更新/).check();
  await page.getByRole('button', { name: /创\s*建/ }).click();
  const secretBox = page.getByTestId('webhook-secret');
  await secretBox.waitFor();
  const secret = await secretBox.inputValue();
  assert.match(secret, /^whsec_/);
  await page.getByRole('button', { name: '我已保存' }).click();
  await page.getByText('ERP 同步').waitFor();

  await page.getByRole('button', { name: '发送测试事件' }).click();
  await page.getByText('测试事件已送达（HTTP 200）').waitFor();
  assert.equal((new Webhook(secret).verify(headersOf(0).body, headersOf(0).headers) as { type: string }).type, 'webhook.test');

  const ticket = await h.api<{ id: string; number: string }>(h.users.admin, 'POST', '/api/v1/tickets', { subject: 'Webhook 演示工单' });
  await eventually(() => receiver.received.length === 2, 'the ticket.created delivery');
  const delivered = new Webhook(secret).verify(headersOf(1).body, headersOf(1).headers) as { type: string; data: { ticketId: string; number: string } };
  assert.deepEqual([delivered.type, delivered.data.ticketId, delivered.data.number], ['ticket.created', ticket.id, ticket.number]);

  await page.getByRole('button', { name: '投递记录' }).click();
  const drawer = page.locator('.ant-drawer');
  await drawer.getByText('ticket.created').waitFor();
  await drawer.locator('.ant-table-row').filter({ hasText: 'ticket.created' }).locator('.ant-table-row-expand-icon').click();
  const detail = drawer.getByTestId('delivery-detail');
  await detail.getByText(String(receiver.received[1]!.headers['webhook-id']), { exact: true }).waitFor();
  await detail.getByText('第 1 次').waitFor();
  await docScreenshot(page, 'webhooks-delivery-log.png');
  await detail.getByRole('button', { name: '重新投递' }).click();
  await page.getByText('已重新投递（HTTP 200）').waitFor();
  await detail.getByText('第 2 次').waitFor();
  assert.equal(receiver.received.length, 3);
  assert.equal(receiver.received[2]!.headers['webhook-id'], receiver.received[1]!.headers['webhook-id'], 'a replay keeps the webhook-id');
  await page.keyboard.press('Escape');

  receiver.answer(410);
  await h.api(h.users.admin, 'POST', '/api/v1/tickets', { subject: '接收方已下线' });
  await eventually(async () => (await h.api<{ items: Array<{ enabled: boolean }> }>(h.users.admin, 'GET', '/api/v1/webhooks')).items.every((e) => !e.enabled), 'the 410 to disable the endpoint');
  await page.reload();
  await page.getByTestId('disabled-reason').filter({ hasText: '已停用：对方返回 410' }).waitFor();
  h.assertNoPageErrors();
});
