import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ManualClock } from '../../app/clock.js';
import { createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { startSmtpSink, type SmtpSink } from '../portal/test-smtp-sink.js';

/**
 * Email notifications over real SMTP (a local listener): the kinds a user chose, in their language,
 * held through their quiet hours (in their time zone) and sent when those end, and the daily digest
 * at their chosen time with what is still unread.
 */
type Json = Record<string, any>;
const clock = new ManualClock('2026-12-07T10:00:00+08:00');
let t: TestApp;
let smtp: SmtpSink;
let agent: TestUser;
let english: TestUser;

before(async () => {
  smtp = await startSmtpSink();
  t = await createTestApp({ OPENCSM_SMTP_URL: smtp.url, OPENCSM_PUBLIC_URL: 'https://csm.example.cn' }, { clock });
  agent = await t.user('agent', { name: '坐席甲' });
  english = await t.user('agent', { name: 'Alice' });
  await t.database.db.execute(`update users set locale = 'en' where id = '${english.id}'`);
});
after(async () => {
  await t.close();
  await smtp.close();
});

async function choose(user: TestUser, change: (settings: Json) => Json): Promise<void> {
  const current = await t.api('GET', '/api/v1/me/notification-preferences', { as: user });
  const { version, available, ...settings } = current.data;
  assert.equal(available.email, true, 'the relay makes email available');
  const saved = await t.api('PUT', '/api/v1/me/notification-preferences', { as: user, body: change(settings), ifMatch: version });
  assert.equal(saved.statusCode, 200, saved.body);
}
const withEmail = (settings: Json, kinds: string[]) => ({ ...settings, kinds: Object.fromEntries(Object.entries(settings.kinds).map(([kind, choice]) => [kind, { ...(choice as Json), email: kinds.includes(kind) }])) });
const mailsTo = (user: TestUser) => smtp.mails.filter((m) => m.to === user.email.toLowerCase());

test('a kind with email on is mailed in the reader\'s language with the ticket link; kinds without email are not', async () => {
  await choose(agent, (s) => withEmail(s, ['ticket_assigned']));
  await choose(english, (s) => withEmail(s, ['ticket_assigned']));
  const ticket = await t.createTicket<Json>({ subject: '打印机卡纸', assigneeId: agent.id });
  await t.createTicket({ subject: 'Printer jam', assigneeId: english.id });
  await t.drain();
  const [mail] = mailsTo(agent);
  assert.ok(mail, 'mailed');
  assert.equal(mail.subject, `[OpenCSM] 工单 #${ticket.number}「打印机卡纸」已分配给你`);
  assert.match(mail.text, new RegExp(`https://csm.example.cn/tickets/${ticket.id}`));
  assert.match(mailsTo(english)[0]!.subject, /^\[OpenCSM\] Ticket #\S+ "Printer jam" was assigned to you$/);

  // A note on the agent's ticket makes an in-app notification only: internal_note has no email.
  const note = await t.api('POST', `/api/v1/tickets/${ticket.id}/messages`, { body: { body: '备注', internal: true } });
  assert.equal(note.statusCode, 201, note.body);
  await t.drain();
  assert.equal(mailsTo(agent).length, 1);
  assert.equal((await t.api('GET', '/api/v1/notifications', { as: agent, query: { unread: 1 } })).data.unreadCount, 2);
});

test('quiet hours hold email until they end (in the user\'s time zone); a notification read meanwhile is not mailed', async () => {
  await choose(agent, (s) => ({ ...s, quietHours: { start: '22:00', end: '08:00' }, timeZone: 'Asia/Shanghai' }));
  const before = mailsTo(agent).length;
  clock.set(new Date('2026-12-07T23:30:00+08:00'));
  const night = await t.createTicket<Json>({ subject: '夜间工单', assigneeId: agent.id });
  const readLater = await t.createTicket<Json>({ subject: '夜里已读', assigneeId: agent.id });
  await t.drain();
  assert.equal(mailsTo(agent).length, before, 'nothing during quiet hours');
  // (SLA timers of the earlier tickets fire too as the clock moves: only assignments count here.)
  const unread = (await t.api('GET', '/api/v1/notifications', { as: agent, query: { unread: 1 } })).data.items.filter((n: Json) => n.kind === 'ticket_assigned');
  assert.equal(unread.length, 3, 'the in-app centre has them at once');
  const seen = unread.find((n: Json) => n.ticketId === readLater.id);
  assert.equal((await t.api('POST', `/api/v1/notifications/${seen.id}/read`, { as: agent })).statusCode, 200);

  clock.set(new Date('2026-12-08T07:59:00+08:00'));
  await t.drain();
  assert.equal(mailsTo(agent).length, before, 'still quiet at 07:59');
  clock.set(new Date('2026-12-08T08:00:00+08:00'));
  await t.drain();
  const sent = mailsTo(agent).slice(before);
  assert.deepEqual(sent.map((m) => m.subject), [`[OpenCSM] 工单 #${night.number}「夜间工单」已分配给你`]);
});

test('the daily digest lists what is still unread since the last one, at the chosen local time, once', async () => {
  await t.api('POST', '/api/v1/notifications/read-all', { as: english });
  clock.set(new Date('2026-12-08T09:00:00+08:00'));
  // SLA firings of these tickets would join the digest as the clock moves: this user switched them off.
  const noSla = (s: Json) => ({ ...s, kinds: { ...s.kinds, sla_warning: { ...s.kinds.sla_warning, enabled: false }, sla_breached: { ...s.kinds.sla_breached, enabled: false } } });
  await choose(english, (s) => ({ ...noSla(withEmail(s, [])), digest: { enabled: true, at: '18:00' }, timeZone: 'Europe/London' }));
  const first = await t.createTicket<Json>({ subject: 'Invoice wrong', assigneeId: english.id });
  await t.createTicket({ subject: 'Refund', assigneeId: english.id });
  await t.drain();
  const before = mailsTo(english).length;

  // 18:00 in London is 02:00 the next day in Beijing.
  clock.set(new Date('2026-12-09T01:59:00+08:00'));
  await t.drain();
  assert.equal(mailsTo(english).length, before);
  clock.set(new Date('2026-12-09T02:00:00+08:00'));
  await t.drain();
  const digests = mailsTo(english).slice(before);
  assert.equal(digests.length, 1);
  assert.equal(digests[0]!.subject, '[OpenCSM] Daily notification digest (2 unread)');
  assert.match(digests[0]!.text, new RegExp(`Ticket #${first.number} "Invoice wrong"`));
  assert.match(digests[0]!.text, /"Refund"/);

  // The next day: nothing new and unread since, no mail; the row came due again at 18:00 London time.
  clock.set(new Date('2026-12-10T02:00:00+08:00'));
  await t.drain();
  assert.equal(mailsTo(english).length, before + 1);
});
