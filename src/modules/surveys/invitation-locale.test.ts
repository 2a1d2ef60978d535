import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ManualClock } from '../../app/clock.js';
import { assertProblem, createTestApp, type TestApp } from '../../app/test-app.js';
import { startSmtpSink, type SmtpSink } from '../portal/test-smtp-sink.js';
import { sql } from 'drizzle-orm';
import { localeOfAttributes } from '../customers/index.js';
import { invitationLocale } from './invitation-locale.js';

/**
 * The invitation's language: the customer's own (their contact's `locale` attribute) first, else
 * the installation's (survey settings `invitationLocale`, zh-CN until changed) — never a fixed one.
 */
const clock = new ManualClock('2026-12-01T09:00:00+08:00');
let t: TestApp;
let smtp: SmtpSink;

before(async () => {
  smtp = await startSmtpSink();
  t = await createTestApp({ OPENCSM_SMTP_URL: smtp.url, OPENCSM_PUBLIC_URL: 'https://csm.example.cn' }, { clock });
});
after(async () => {
  await t.close();
  await smtp.close();
});

/** Resolves a ticket of a new customer, lets the CSAT survey come due, and returns the mail they got. */
async function invitationTo(email: string, attributes?: Record<string, unknown>): Promise<{ text: string }> {
  if (attributes) {
    const contact = await t.api('POST', '/api/v1/contacts', { body: { name: '客户', identities: [{ kind: 'email', value: email }], attributes } });
    assert.equal(contact.statusCode, 201, contact.body);
  }
  const ticket = await t.createTicket({ subject: '发票抬头错了', description: '请重开', channel: 'email', requester: { name: '客户', email } });
  const resolved = await t.api('PATCH', `/api/v1/tickets/${ticket.id}`, { body: { status: 'resolved' }, ifMatch: ticket.version });
  assert.equal(resolved.statusCode, 200, resolved.body);
  await t.drain();
  clock.advanceMinutes(61);
  await t.drain();
  const mail = smtp.mails.filter((m) => m.to === email).at(-1);
  assert.ok(mail, `no invitation to ${email}`);
  return mail;
}

test('a contact attribute names the customer language; anything else is no preference', () => {
  assert.equal(localeOfAttributes({ locale: 'en-US' }), 'en');
  assert.equal(localeOfAttributes({ language: 'zh_TW' }), 'zh-CN');
  assert.equal(localeOfAttributes({ locale: 'fr' }), null);
  assert.equal(localeOfAttributes({}), null);
});

test("without a preference the invitation is in the installation's language; a customer's own language comes first", async () => {
  assert.match((await invitationTo('default.zh@example.cn')).text, /您对这次服务满意吗/);
  assert.match((await invitationTo('own.en@example.cn', { locale: 'en' })).text, /How satisfied are you with our service/);

  const current = await t.api('GET', '/api/v1/settings/surveys');
  assertProblem(await t.api('PUT', '/api/v1/settings/surveys', { body: { invitationLocale: 'fr' }, ifMatch: current.data.version }), 400, 'validation.failed');
  const saved = await t.api('PUT', '/api/v1/settings/surveys', { body: { invitationLocale: 'en' }, ifMatch: current.data.version });
  assert.equal(saved.statusCode, 200, saved.body);
  assert.equal(saved.data.invitationLocale, 'en');

  assert.match((await invitationTo('default.en@example.cn')).text, /How satisfied are you with our service/);
  assert.match((await invitationTo('own.zh@example.cn', { locale: 'zh-CN' })).text, /您对这次服务满意吗/);
});

test('a contact that does not exist has no language of its own; a failed read is an error, not the installation language', async () => {
  assert.equal(await invitationLocale(t.database.db, '00000000-0000-7000-8000-00000000dead', 'en'), 'en');
  // A read that fails (here: inside a transaction a failed statement aborted) must fail the job, which is retried.
  await assert.rejects(
    t.database.db.transaction(async (tx) => {
      await tx.execute(sql`select 1/0`).catch(() => undefined);
      return invitationLocale(tx, '00000000-0000-7000-8000-00000000dead', 'en');
    }),
  );
});
