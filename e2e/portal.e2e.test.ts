/**
 * The customer's side in real Chromium (issue 5, points 7–8): a customer submits the public web
 * form, gets a ticket number, signs in to the portal with the code mailed to them, and reads the
 * agent's reply — never the internal note. The form page may be framed by other sites; the
 * console may not.
 *
 *   npm run build:web && node --import tsx --test e2e/portal.e2e.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { attachmentStoreIn, receiveInboundMessage } from '../src/modules/tickets/index.js';
import { chromiumPath, startHarnessWithMailSink, type HarnessWithMailSink } from './harness.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
let h: HarnessWithMailSink;

before(async () => {
  if (skip) return;
  h = await startHarnessWithMailSink();
});
after(async () => {
  await h?.close();
});

type TicketList = { items: Array<{ id: string; number: string }> };

test('a customer submits the web form, signs in by code, sees the agent\'s reply and not the internal note', { skip, timeout: 90_000 }, async () => {
  const context = await h.newContext();
  const page = await context.newPage();
  await page.goto('/portal/form');
  await page.locator('#form-name').fill('郑女士');
  await page.locator('#form-email').fill('zheng@example.cn');
  await page.locator('#form-description').fill('热水器打不着火\n型号 JSQ25');
  await page.screenshot({ path: 'docs/screenshots/portal-form.png', fullPage: true });
  await page.getByTestId('form-submit').click();
  const confirmation = await page.getByTestId('form-number').textContent();
  const number = /(\d{8}-\d{4})/.exec(confirmation ?? '')?.[1];
  assert.ok(number, `the customer is shown a ticket number: ${confirmation}`);

  const { admin } = h.users;
  const ticket = (await h.api<TicketList>(admin, 'GET', '/api/v1/tickets?limit=100')).items.find((t) => t.number === number)!;
  assert.ok(ticket, 'the agent finds the ticket');
  await h.api(admin, 'POST', `/api/v1/tickets/${ticket.id}/messages`, { body: '内部备注：这位客户上次投诉过', internal: true });
  await h.api(admin, 'POST', `/api/v1/tickets/${ticket.id}/messages`, { body: '您好，师傅今天下午两点上门检查。' });

  await h.portalSignIn(page, 'zheng@example.cn', '郑女士');

  await page.getByTestId('portal-ticket').filter({ hasText: number }).getByRole('link').click();
  await page.getByTestId('portal-agent-message').filter({ hasText: '师傅今天下午两点上门检查' }).waitFor();
  await page.getByTestId('portal-description').filter({ hasText: '热水器打不着火' }).waitFor();
  const text = await page.locator('body').innerText();
  assert.ok(!text.includes('内部备注'), 'the internal note is not shown');
  assert.ok(!text.includes('上次投诉过'), 'the internal note is not shown');
  assert.ok(!text.includes(admin.email), 'no agent email');

  // The customer answers; the agent sees it as a portal message.
  await page.locator('#portal-reply').fill('好的，我在家等。');
  await page.getByTestId('portal-send').click();
  await page.getByTestId('portal-my-message').filter({ hasText: '我在家等' }).waitFor();
  const timeline = await h.api<{ items: Array<{ message: { body: string; channel: string } | null }> }>(admin, 'GET', `/api/v1/tickets/${ticket.id}/timeline?limit=500`);
  assert.equal(timeline.items.find((e) => e.message?.body === '好的，我在家等。')?.message?.channel, 'portal');
  await page.screenshot({ path: 'docs/screenshots/portal-ticket.png', fullPage: true });
  assert.deepEqual(h.takePageErrors(), []);
});

test('an emailed ticket\'s opening message: the agent sees its attachment and opens its HTML in a sandboxed frame; the customer sees both in the portal', { skip, timeout: 90_000 }, async () => {
  const received = await receiveInboundMessage(
    h.database,
    {
      channel: 'email',
      externalId: '<e2e-opening@customer.cn>',
      requester: { name: '钱先生', email: 'qian@example.cn' },
      subject: '空调遥控器失灵',
      body: '遥控器按键没反应，见附件照片',
      bodyHtml: '<p>遥控器按键<strong id="html-mark">没反应</strong>，见附件照片</p>',
      attachments: [{ filename: '遥控器.txt', contentType: 'text/plain', content: Buffer.from('照片说明') }],
    },
    { timeZone: h.app.context.config.OPENCSM_TIMEZONE, store: attachmentStoreIn(h.app.context.config.OPENCSM_DATA_DIR), guards: h.app.context.transitionGuards, fieldTypes: h.app.context.fieldTypes },
  );

  const page = await h.newPage({ user: h.users.admin });
  await page.goto(`/tickets/${received.ticketId}`);
  const opening = page.getByTestId('timeline-opening');
  await opening.filter({ hasText: '遥控器按键没反应' }).waitFor();
  const link = opening.getByTestId('message-attachment').getByRole('link', { name: /遥控器\.txt/ });
  const href = await link.getAttribute('href');
  assert.match(href ?? '', /^\/api\/v1\/attachments\/[0-9a-f-]{36}$/);
  const download = await page.request.get(href!);
  assert.equal(download.status(), 200);
  assert.equal(await download.text(), '照片说明');

  await opening.getByRole('button', { name: '显示原格式' }).click();
  const frame = opening.locator('iframe');
  assert.equal(await frame.getAttribute('sandbox'), '', 'no scripts, no same-origin access');
  await page.frameLocator('[data-testid="timeline-opening"] iframe').locator('#html-mark').filter({ hasText: '没反应' }).waitFor();

  // The customer sees their own first message with its file at the head of the portal page.
  const customer = await h.newContext();
  const portalPage = await customer.newPage();
  await h.portalSignIn(portalPage, 'qian@example.cn', '钱先生');
  await portalPage.goto(`/portal/tickets/${received.ticketId}`);
  const head = portalPage.getByTestId('portal-description');
  await head.filter({ hasText: '遥控器按键没反应' }).waitFor();
  await head.getByRole('link', { name: /遥控器\.txt/ }).waitFor();
  assert.equal(await portalPage.getByTestId('portal-my-message').count(), 0, 'shown once, not again below');
  assert.deepEqual(h.takePageErrors(), []);
});

test('the web form may be framed by other sites; the console and the portal may not', { skip }, async () => {
  const form = await fetch(`${h.baseURL}/portal/form`);
  assert.match(form.headers.get('content-security-policy') ?? '', /frame-ancestors \*/);
  assert.equal(form.headers.get('x-frame-options'), null);
  for (const path of ['/portal', '/portal/login', '/tickets']) {
    const res = await fetch(`${h.baseURL}${path}`);
    assert.match(res.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/, path);
    assert.equal(res.headers.get('x-frame-options'), 'DENY', path);
  }
});
