/**
 * The email channel in real Chromium against the real server (issue 5), in zh-CN: an admin adds
 * the support mailbox in 设置 › 邮箱 (outbound SMTP pointed at a local sink); a customer's GBK mail
 * from Outlook arrives over real SMTP and becomes a ticket; the agent's reply leaves by email and
 * shows as sent; the customer's answer lands on the same ticket. Writes docs/screenshots/mailboxes.png
 * and email-ticket.png.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { pino } from 'pino';
import type { Page } from 'playwright-core';
import { startSmtpListener, type SmtpListener } from '../src/modules/email-channel/index.js';
import { startTestDns } from '../src/modules/email-channel/dns-test-server.js';
import { smtpSend, startSink } from '../src/modules/email-channel/smtp-test-kit.js';
import { chromiumPath, eventually, startHarness, type Harness } from './harness.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
const shots = new URL('../docs/screenshots/', import.meta.url).pathname;
let h: Harness;
let listener: SmtpListener;
let sink: Awaited<ReturnType<typeof startSink>>;
let dns: Awaited<ReturnType<typeof startTestDns>>;

before(async () => {
  if (skip) return;
  mkdirSync(shots, { recursive: true });
  // Sender authentication asks this DNS (never the real one): customer.cn allows the test's client by SPF.
  dns = await startTestDns({ 'customer.cn': ['v=spf1 ip4:127.0.0.1 -all'] });
  h = await startHarness({ env: { EMAIL_DNS_SERVERS: dns.server } });
  sink = await startSink();
  listener = await startSmtpListener(h.database, { ...h.app.context.config, SMTP_PORT: 0 }, pino({ level: 'silent' }));
});
after(async () => {
  await listener?.close();
  await sink?.close();
  await h?.close();
  await dns?.close();
});

async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `${shots}${name}`, animations: 'disabled', caret: 'hide' });
}

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
  await field('端口').locator('input').fill(String(sink.port));
  await field('SSL/TLS').locator('button[role="switch"]').click();
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await page.getByText('邮箱已保存').waitFor();
  await page.locator('.ant-table-row').filter({ hasText: 'support@acme.test' }).filter({ hasText: `127.0.0.1:${sink.port}` }).waitFor();
  await screenshot(page, 'mailboxes.png');

  // A customer writes from Outlook, in GBK.
  const raw = await readFile(new URL('../src/modules/email-channel/fixtures/outlook-zh-gbk.eml', import.meta.url));
  const sent = await smtpSend(listener.port, raw, { from: 'zhang.san@customer.cn', to: ['support@acme.test'] });
  assert.ok(sent.ok, JSON.stringify(sent));
  const ticket = (await eventually(async () => {
    const list = await h.api<{ items: Array<{ id: string; number: string; subject: string }> }>(admin, 'GET', '/api/v1/tickets?status=new');
    return list.items.find((t) => t.subject === '答复: 打印机卡纸');
  }, 'the email ticket'))!;
  await eventually(() => sink.received.length >= 1 || undefined, 'the 受理回执');

  const agent = await h.newPage({ user: admin });
  await agent.goto(`/tickets/${ticket.id}`);
  await agent.getByTestId('ticket-subject').filter({ hasText: '答复: 打印机卡纸' }).waitFor();
  await agent.getByText('您好，换了纸盒以后还是卡纸，请派工程师上门。').first().waitFor();
  const reply = '张先生您好，工程师明天上午到，请保持电话畅通。';
  await agent.getByTestId('composer-body').fill(reply);
  await agent.getByTestId('composer-send').click();
  await agent.getByTestId('timeline-reply').filter({ hasText: reply }).getByTestId('message-delivery').filter({ hasText: /已发送/ }).waitFor({ timeout: 15_000 });
  const out = (await eventually(() => sink.received.find((m) => m.mail.text?.includes(reply)), 'the reply at the customer’s server'))!;
  assert.equal(out.mail.subject, `[#${ticket.number}] Re: 打印机卡纸`);

  // The customer answers the reply: it threads by In-Reply-To and shows live.
  const answer = ['From: zhang.san@customer.cn', 'To: support@acme.test', `Subject: =?UTF-8?B?${Buffer.from(`回复：[#${ticket.number}] Re: 打印机卡纸`).toString('base64')}?=`, 'Message-ID: <answer-1@customer.cn>', `In-Reply-To: ${out.mail.messageId}`, 'Content-Type: text/plain; charset=UTF-8', '', '好的，谢谢！', ''].join('\r\n');
  assert.ok((await smtpSend(listener.port, answer, { from: 'zhang.san@customer.cn', to: ['support@acme.test'] })).ok);
  await agent.getByTestId('timeline-reply').filter({ hasText: '好的，谢谢！' }).getByTestId('message-channel').filter({ hasText: '邮件' }).waitFor({ timeout: 15_000 });
  await screenshot(agent, 'email-ticket.png');
  assert.deepEqual(h.takePageErrors(), []);
});
