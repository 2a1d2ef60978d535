/**
 * Issue 17 §5, the portal ticket page as a survey channel, in Chromium at 360 px: no survey card
 * before the ticket is resolved; after it, the customer rates 2 stars on the ticket page (the stars
 * are radios named by their count), comments, and sees the answered state again on reload; the API
 * shows the rating on the ticket and the low-rating 回访 ticket the module opens.
 *
 *   node scripts/run-tests.mjs e2e/portal-survey.e2e.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromiumPath, eventually, startHarnessWithMailSink, type HarnessWithMailSink } from './harness.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
let h: HarnessWithMailSink;
const customer = 'feng.portal@example.cn';

before(async () => {
  if (skip) return;
  // Survey mails carry links, so the server needs its public address.
  h = await startHarnessWithMailSink({ env: { OPENCSM_PUBLIC_URL: 'https://csm.example.cn' } });
});
after(async () => {
  await h?.close();
});

type Survey = { status: string; score: number | null; comment: string | null; followUpTicketId: string | null };

test('a customer rates a resolved ticket 2 stars on the portal at 360 px and comments; the rating and the 回访 ticket exist; CSAT by their 产品线 shows it', { skip, timeout: 120_000 }, async () => {
  const { admin, agentA } = h.users;
  const settings = await h.api<{ version: number }>(admin, 'GET', '/api/v1/settings/surveys');
  const save = await fetch(`${h.baseURL}/api/v1/settings/surveys`, { method: 'PUT', headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json', 'if-match': `"${settings.version}"` }, body: JSON.stringify({ csatDelayMinutes: 0 }) });
  assert.equal(save.status, 200, await save.text());
  // The customer's 产品线, for the stats by customer field at the end.
  await h.api(admin, 'POST', '/api/v1/contact-fields', { key: 'product_line', label: { 'zh-CN': '产品线', en: 'Product line' }, type: 'select', options: [{ value: 'washer', label: { 'zh-CN': '洗衣机', en: 'Washers' } }] });
  await h.api(admin, 'POST', '/api/v1/contacts', { name: '冯女士', fields: { product_line: 'washer' }, identities: [{ kind: 'email', value: customer }] });
  const ticket = await h.api<{ id: string; number: string; version: number }>(agentA, 'POST', '/api/v1/tickets', { subject: '洗衣机脱水时异响', description: '脱水时咚咚响', channel: 'email', requester: { name: '冯女士', email: customer }, teamId: h.teamId, assigneeId: agentA.id });

  const page = await h.newPage({ viewport: { width: 360, height: 760 } });
  await h.portalSignIn(page, customer, '冯女士');
  // Open: the page asks for the survey and shows no card.
  const none = page.waitForResponse((r) => r.url().endsWith(`/api/v1/portal/tickets/${ticket.id}/survey`));
  await page.goto(`/portal/tickets/${ticket.id}`);
  assert.deepEqual(await (await none).json(), { survey: null });
  await page.getByTestId('portal-description').waitFor();
  assert.equal(await page.getByTestId('portal-survey').count(), 0, 'no survey card without a survey');

  const resolve = await fetch(`${h.baseURL}/api/v1/tickets/${ticket.id}`, { method: 'PATCH', headers: { authorization: `Bearer ${agentA.token}`, 'content-type': 'application/json', 'if-match': `"${ticket.version}"` }, body: JSON.stringify({ status: 'resolved' }) });
  assert.equal(resolve.status, 200, await resolve.text());
  await eventually(async () => (await h.api<{ items: Survey[] }>(agentA, 'GET', `/api/v1/tickets/${ticket.id}/surveys`)).items.find((s) => s.status === 'delivered'), 'the survey sent', 20_000).catch(async (error: unknown) => {
    throw new Error(`${String(error)}: ${JSON.stringify(await h.api(agentA, 'GET', `/api/v1/tickets/${ticket.id}/surveys`))}`);
  });

  await page.reload();
  const card = page.getByTestId('portal-survey');
  await card.getByText(ticket.number).waitFor();
  await card.getByRole('radio', { name: '2 星' }).first().click();
  await card.getByTestId('survey-thanks').waitFor();
  await card.getByTestId('survey-comment').fill('师傅修完还是响');
  await card.getByRole('button', { name: '提交评价' }).click();
  await card.getByTestId('survey-comment-thanks').waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'nothing wider than the 360 px screen');
  await page.screenshot({ path: 'docs/screenshots/portal-survey.png', fullPage: true });

  const surveys = (await h.api<{ items: Survey[] }>(agentA, 'GET', `/api/v1/tickets/${ticket.id}/surveys`)).items;
  assert.equal(surveys[0]?.score, 2);
  assert.equal(surveys[0]?.comment, '师傅修完还是响');
  const followUpId = await eventually(async () => (await h.api<{ items: Survey[] }>(agentA, 'GET', `/api/v1/tickets/${ticket.id}/surveys`)).items[0]?.followUpTicketId, 'the 回访 ticket', 20_000);
  const followUp = await h.api<{ tags: string[]; assigneeId: string | null }>(admin, 'GET', `/api/v1/tickets/${followUpId}`);
  assert.ok(followUp.tags.includes('回访'), `tags: ${followUp.tags.join(',')}`);
  assert.notEqual(followUp.assigneeId, agentA.id, 'not the handler');

  // Answered: on reload the card shows the rating given and the comment, and asks nothing again.
  await page.reload();
  await card.getByTestId('survey-thanks').waitFor();
  assert.equal(await card.getByTestId('survey-stars').count(), 0);
  assert.equal(await card.locator('[role="radio"][aria-checked="true"]').count(), 2, 'two stars shown');
  await card.getByText('师傅修完还是响').waitFor();
  assert.equal(await card.getByTestId('survey-comment').count(), 0);

  // The supervisor's stats by that field: CSAT by 产品线, the option's label as the group.
  const stats = await h.newPage({ user: admin });
  await stats.goto('/settings/surveys');
  const statsCard = stats.getByTestId('survey-stats');
  await statsCard.getByRole('combobox', { name: '调查类型' }).click();
  await stats.locator('.ant-select-dropdown:visible').getByText('CSAT', { exact: true }).click();
  await statsCard.getByRole('combobox', { name: '分组方式' }).click();
  await stats.locator('.ant-select-dropdown:visible').getByText('按客户字段：产品线').click();
  await statsCard.getByRole('row').filter({ hasText: '洗衣机' }).filter({ hasText: '0%' }).waitFor();
  assert.deepEqual(h.takePageErrors(), []);
});
