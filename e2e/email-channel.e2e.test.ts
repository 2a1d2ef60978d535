/**
 * The email channel in real Chromium against the real server (issue 5), in zh-CN: an admin adds
 * the support mailbox in 设置 › 邮箱 (outbound SMTP pointed at a local sink); a customer's GBK mail
 * from Outlook arrives over real SMTP and becomes a ticket; the agent's reply leaves by email and
 * shows as sent; the customer's answer lands on the same ticket. Writes docs/screenshots/mailboxes.png
 * and email-ticket.png.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { startEmailChannelHarness, type EmailChannelHarness } from './email-channel-harness.js';
import { chromiumPath, docScreenshot, eventually } from './harness.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
let h: EmailChannelHarness;

before(async () => {
  if (skip) return;
  h = await startEmailChannelHarness();
});
after(async () => {
  await h?.close();
});

test('an admin adds a mailbox; a customer’s mail becomes a ticket; the reply goes out by email and the answer threads back', { skip, timeout: 90_000 }, async () => {
  const { admin } = h.users;
  const page = await h.newPage({ user: admin });
  await page.goto('/settings/mailboxes');
  await page.getByText('还没有邮箱').waitFor();
  await page.getByRole('button', { name: '添加邮箱' }).click();
  const dialog = page.locator('.ant-modal');
  const field = (label: string) => dialog.locator('.ant-form-item').filter({ hasText: label }).first();
  await field('邮箱地址').locator('input').fill('support@acme.test');
  await field('发件人名称').locator('input').fill('某某公司客服中心');
  await field('签名').locator('textarea').fill('某某公司 客服中心 400-000-0000');
  await field('服务器').locator('input').fill('127.0.0.1');
  await field('端口').locator('input').fill(String(h.sink.port));
  await field('SSL/TLS').locator('button[role="switch"]').click();
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await page.getByText('邮箱已保存').waitFor();
  await page.locator('.ant-table-row').filter({ hasText: 'support@acme.test' }).filter({ hasText: `127.0.0.1:${h.sink.port}` }).waitFor();
  await docScreenshot(page, 'mailboxes.png');

  // A customer writes from Outlook, in GBK.
  const raw = await readFile(new URL('../src/modules/email-channel/fixtures/outlook-zh-gbk.eml', import.meta.url));
  await h.deliver(raw, { from: 'zhang.san@customer.cn', to: ['support@acme.test'] });
  const ticket = (await eventually(async () => {
    const list = await h.api<{ items: Array<{ id: string; number: string; subject: string }> }>(admin, 'GET', '/api/v1/tickets?status=new');
    return list.items.find((t) => t.subject === '答复: 打印机卡纸');
  }, 'the email ticket'))!;
  await eventually(() => h.sink.received.length >= 1 || undefined, 'the 受理回执');

  const agent = await h.newPage({ user: admin });
  await agent.goto(`/tickets/${ticket.id}`);
  await agent.getByTestId('ticket-subject').filter({ hasText: '答复: 打印机卡纸' }).waitFor();
  await agent.getByText('您好，换了纸盒以后还是卡纸，请派工程师上门。').first().waitFor();
  const reply = '张先生您好，工程师明天上午到，请保持电话畅通。';
  await agent.getByTestId('composer-body').fill(reply);
  await agent.getByTestId('composer-send').click();
  await agent.getByTestId('timeline-reply').filter({ hasText: reply }).getByTestId('message-delivery').filter({ hasText: /已发送/ }).waitFor({ timeout: 15_000 });
  const out = (await eventually(() => h.sink.received.find((m) => m.mail.text?.includes(reply)), 'the reply at the customer’s server'))!;
  assert.equal(out.mail.subject, `[#${ticket.number}] Re: 打印机卡纸`);

  // The customer answers the reply: it threads by In-Reply-To and shows live.
  const answer = ['From: zhang.san@customer.cn', 'To: support@acme.test', `Subject: =?UTF-8?B?${Buffer.from(`回复：[#${ticket.number}] Re: 打印机卡纸`).toString('base64')}?=`, 'Message-ID: <answer-1@customer.cn>', `In-Reply-To: ${out.mail.messageId}`, 'Content-Type: text/plain; charset=UTF-8', '', '好的，谢谢！', ''].join('\r\n');
  await h.deliver(answer, { from: 'zhang.san@customer.cn', to: ['support@acme.test'] });
  await agent.getByTestId('timeline-reply').filter({ hasText: '好的，谢谢！' }).getByTestId('message-channel').filter({ hasText: '邮件' }).waitFor({ timeout: 15_000 });
  await docScreenshot(agent, 'email-ticket.png');
  assert.deepEqual(h.takePageErrors(), []);
});
