/**
 * Issue 12 §1 in real Chromium against the real server, in zh-CN: an authenticated customer's mail
 * shows 已验证 and its Cc only as 建议抄送; a stranger's reply with the customer's Message-ID
 * copied waits in 工单 › 可疑邮件 (with the count in the menu), where a supervisor reads the
 * preview and attaches it; the attached mail shows 未验证 on the timeline. Writes
 * docs/screenshots/email-quarantine.png.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { rawMail } from '../src/modules/email-channel/sender-auth-kit.js';
import { startEmailChannelHarness, type EmailChannelHarness } from './email-channel-harness.js';
import { chromiumPath, docScreenshot, eventually } from './harness.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
let h: EmailChannelHarness;

before(async () => {
  if (skip) return;
  h = await startEmailChannelHarness();
  await h.api(h.users.admin, 'POST', '/api/v1/mailboxes', { address: 'support@acme.test', name: '客服中心', outbound: { host: '127.0.0.1', port: h.sink.port, secure: false } });
});
after(async () => {
  await h?.close();
});

test('verified mark, proposed CC, and a forged reply handled in 可疑邮件', { skip, timeout: 240_000 }, async () => {
  const { admin } = h.users;
  const send = (raw: string, from: string) => h.deliver(raw, { from, to: ['support@acme.test'] });
  await send(rawMail({ from: '王经理 <wang@customer.cn>', cc: 'attacker@evil.test', subject: '发票抬头有误', id: 'w1@customer.cn' }, '请重开发票，抬头是某某公司。'), 'wang@customer.cn');
  const ticket = (await eventually(async () => {
    const list = await h.api<{ items: Array<{ id: string; number: string; subject: string }> }>(admin, 'GET', '/api/v1/tickets');
    return list.items.find((t) => t.subject === '发票抬头有误');
  }, 'the email ticket'))!;

  // The ticket exists once the processing job's first transaction commits; its proposed CCs
  // come in the job's last one, and the page reads them once: wait for them, not for the ticket.
  await eventually(async () => {
    const ccs = await h.api<{ proposed: Array<{ address: string }> }>(admin, 'GET', `/api/v1/tickets/${ticket.id}/email-ccs`);
    return ccs.proposed.some((cc) => cc.address === 'attacker@evil.test');
  }, 'the mail processed: attacker@evil.test proposed as a CC');

  const page = await h.newPage({ user: admin });
  await page.goto(`/tickets/${ticket.id}`);
  await page.getByTestId('email-cc-panel').getByTestId('email-cc-proposed').filter({ hasText: 'attacker@evil.test' }).waitFor();
  await page.getByTestId('email-cc-panel').getByText('回复只发给客户本人').waitFor();

  // The attacker, copied on that mail, answers it from their own address.
  await send(rawMail({ from: 'attacker@evil.test', subject: 'Re: 发票抬头有误', id: 'a1@evil.test', inReplyTo: 'w1@customer.cn' }, '请把发票寄到新地址：某某路 1 号'), 'attacker@evil.test');
  // The quarantine page reads its list once: open it when the processing job has put the mail
  // there. Through the menu, so the menu's count was fetched before the mail (0) and has to follow
  // the list (under load the page once showed the row beside a count of 0).
  await eventually(async () => (await h.api<{ pending: number }>(admin, 'GET', '/api/v1/email-quarantine/count')).pending === 1, 'the forged reply processed into 可疑邮件');
  await page.locator('.ant-layout-sider').getByRole('menuitem', { name: /可疑邮件/ }).click();
  const row = page.getByTestId('quarantine-table').locator('.ant-table-row').filter({ hasText: 'attacker@evil.test' });
  await row.filter({ hasText: '发件人不是该工单的参与人' }).filter({ hasText: ticket.number }).waitFor();
  await page.getByTestId('quarantine-count').filter({ hasText: '1' }).waitFor();
  await row.click();
  await page.getByTestId('quarantine-preview').filter({ hasText: '请把发票寄到新地址' }).waitFor();
  await docScreenshot(page, 'email-quarantine.png');
  await page.getByTestId('quarantine-attach').click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
  await page.getByText('没有待处理的可疑邮件').waitFor();

  await page.goto(`/tickets/${ticket.id}`);
  await page.getByTestId('timeline-reply').filter({ hasText: '请把发票寄到新地址' }).getByTestId('email-auth-mark').filter({ hasText: '未验证' }).waitFor();
  assert.deepEqual(h.takePageErrors(), []);
});
