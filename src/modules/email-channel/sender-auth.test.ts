import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { loadConfig } from '../../app/config.js';
import { createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { queryRows } from '../../db/database.js';
import { startTestDns } from './dns-test-server.js';
import { dkimKey, rawMail, type TestMail } from './sender-auth-kit.js';
import { startSmtpListener, type SmtpListener } from './smtp-listener.js';
import { smtpSend, startSink } from './smtp-test-kit.js';

/**
 * Issue 12 §1, each attack over the real SMTP listener with sender authentication against a test
 * DNS server (never the real DNS). Senders connect from 127.0.0.1, so:
 *  - victim.test: DKIM key, SPF for another address (`-all`), DMARC p=reject: only its signed mail passes;
 *  - evil.test: SPF allows 127.0.0.1 — the attacker authenticates their own domain;
 *  - open.test: no records at all: whatever claims to be from it is "unverified".
 */
let t: TestApp;
let listener: SmtpListener;
let sink: Awaited<ReturnType<typeof startSink>>;
let dns: Awaited<ReturnType<typeof startTestDns>>;
let supervisor: TestUser;
let agent: TestUser;
const victimKey = dkimKey('victim.test');

before(async () => {
  dns = await startTestDns({
    'victim.test': ['v=spf1 ip4:192.0.2.10 -all'],
    '_dmarc.victim.test': ['v=DMARC1; p=reject'],
    ...victimKey.record,
    'evil.test': ['v=spf1 ip4:127.0.0.1 -all'],
    'robot.test': ['v=spf1 ip4:127.0.0.1 -all'],
  });
  t = await createTestApp({ EMAIL_DNS_SERVERS: dns.server, EMAIL_ACK_PER_SENDER_PER_HOUR: '2' });
  sink = await startSink();
  const res = await t.server.inject({ method: 'POST', url: '/api/v1/mailboxes', headers: t.admin.headers, payload: { address: 'support@acme.test', name: '客服中心', outbound: { host: '127.0.0.1', port: sink.port, secure: false } } });
  assert.equal(res.statusCode, 201, res.body);
  listener = await startSmtpListener(t.database, loadConfig({ SMTP_PORT: '0' }), pino({ level: 'silent' }));
  supervisor = await t.user('supervisor');
  agent = await t.user('agent');
});
after(async () => {
  await listener.close();
  await sink.close();
  await dns.close();
  await t.close();
});

type Ticket = { id: string; number: string; subject: string };
type Quarantined = { id: string; reason: string; state: string; fromAddress: string; ticket: { id: string; number: string }; verdict: string };

async function deliver(raw: string, envelopeFrom: string, to = ['support@acme.test']) {
  const sent = await smtpSend(listener.port, raw, { from: envelopeFrom, to });
  assert.ok(sent.ok, JSON.stringify(sent));
  await t.drain();
}
const signedByVictim = async (h: TestMail, body: string) => deliver(await victimKey.sign(rawMail(h, body)), 'victim@victim.test');
const tickets = () => queryRows<Ticket>(t.database.db, sql`select id, number, subject from tickets order by created_at`);
const bodies = async (ticketId: string) => (await queryRows<{ body: string }>(t.database.db, sql`select body from ticket_messages where ticket_id = ${ticketId} and delivery_status is null order by created_at`)).map((m) => m.body);
const pending = async () => (await t.server.inject({ method: 'GET', url: '/api/v1/email-quarantine', headers: supervisor.headers })).json() as { items: Quarantined[]; total: number };
const latestQuarantined = async () => (await pending()).items[0]!;

async function agentReply(ticketId: string, body: string) {
  const before = sink.received.length;
  const res = await t.server.inject({ method: 'POST', url: `/api/v1/tickets/${ticketId}/messages`, headers: t.admin.headers, payload: { body } });
  assert.equal(res.statusCode, 201, res.body);
  await t.drain();
  return (await sink.waitFor(before + 1))[before]!;
}

let victimTicket: Ticket;

test('a DKIM-signed mail (DMARC pass) becomes a ticket marked verified, with a 受理回执; its Cc is only a proposed CC', async () => {
  await signedByVictim({ from: 'Victim <victim@victim.test>', cc: 'attacker@evil.test', subject: '合同盖章', id: 'v1@victim.test' }, '请盖章后寄回');
  victimTicket = (await tickets()).at(-1)!;
  const [meta] = await queryRows<{ auth: { verdict: string; dkim: string; dmarc: string; spf: string; reasons: string[] } }>(t.database.db, sql`select auth from email_inbound where external_id = 'v1@victim.test'`);
  assert.deepEqual({ verdict: meta!.auth.verdict, dkim: meta!.auth.dkim, dmarc: meta!.auth.dmarc, spf: meta!.auth.spf }, { verdict: 'pass', dkim: 'pass', dmarc: 'pass', spf: 'fail' }, meta!.auth.reasons.join('; '));
  const [ack] = await sink.waitFor(1);
  assert.deepEqual(ack!.envelope.to, ['victim@victim.test']);
  const ccs = (await t.server.inject({ method: 'GET', url: `/api/v1/tickets/${victimTicket.id}/email-ccs`, headers: supervisor.headers })).json();
  assert.deepEqual(ccs.proposed.map((c: { address: string }) => c.address), ['attacker@evil.test']);
  assert.deepEqual(ccs.accepted, []);
  assert.ok(dns.queries.some((q) => q.startsWith('sel1._domainkey.victim.test')), 'the key came from the test DNS');
});

test('Cc injection: the next reply goes to the requester only; the attacker replying with In-Reply-To copied is quarantined', async () => {
  const out = await agentReply(victimTicket.id, '已收到，稍后寄回。');
  assert.deepEqual(out.envelope.to, ['victim@victim.test']);
  assert.equal(out.mail.cc, undefined);

  await deliver(rawMail({ from: 'attacker@evil.test', to: 'support@acme.test', subject: 'Re: 合同盖章', id: 'a1@evil.test', inReplyTo: 'v1@victim.test', references: '<v1@victim.test>' }, '请改寄到我的地址'), 'attacker@evil.test');
  assert.ok(!(await bodies(victimTicket.id)).some((b) => b.includes('我的地址')));
  const q = await latestQuarantined();
  assert.deepEqual({ reason: q.reason, ticket: q.ticket.id, verdict: q.verdict }, { reason: 'unknown_participant', ticket: victimTicket.id, verdict: 'pass' });
  const next = await agentReply(victimTicket.id, '已寄出。');
  assert.deepEqual(next.envelope.to, ['victim@victim.test'], 'the attacker never becomes a recipient');
});

test('forged From with a guessed subject number: failing DMARC (p=reject) is quarantined as a forged sender', async () => {
  const count = (await tickets()).length;
  await deliver(rawMail({ from: 'Victim <victim@victim.test>', cc: 'attacker@evil.test', subject: `Re: [#${victimTicket.number}] 合同盖章`, id: 'f1@evil.test' }, '请把回复也抄送给 attacker'), 'victim@victim.test');
  const q = await latestQuarantined();
  assert.deepEqual({ reason: q.reason, verdict: q.verdict, ticket: q.ticket.number, from: q.fromAddress }, { reason: 'forged_sender', verdict: 'fail', ticket: victimTicket.number, from: 'victim@victim.test' });
  assert.equal((await tickets()).length, count, 'no silent new ticket either');
  assert.ok(!(await bodies(victimTicket.id)).some((b) => b.includes('attacker')));
});

test('a signed mail whose body was altered on the way (bad signature, SPF fail) is quarantined', async () => {
  const signed = await victimKey.sign(rawMail({ from: 'victim@victim.test', subject: `Re: [#${victimTicket.number}] 合同盖章`, id: 'v-altered@victim.test' }, '原文'));
  await deliver(signed.replace(/\r\n\r\n[A-Za-z0-9+/=]+\r\n$/, `\r\n\r\n${Buffer.from('改过的正文').toString('base64')}\r\n`), 'victim@victim.test');
  const q = await latestQuarantined();
  assert.deepEqual({ reason: q.reason, verdict: q.verdict }, { reason: 'forged_sender', verdict: 'fail' });
});

test('forged From of a domain without SPF/DKIM/DMARC (unverifiable) with a guessed number is quarantined, not threaded', async () => {
  await deliver(rawMail({ from: 'someone@open.test', subject: `Re: [#${victimTicket.number}] 合同盖章`, id: 'o1@open.test' }, '猜的工单号'), 'someone@open.test');
  const q = await latestQuarantined();
  assert.deepEqual({ reason: q.reason, verdict: q.verdict }, { reason: 'unknown_participant', verdict: 'none' });
});

test('the requester’s DKIM-signed reply threads by the subject number alone (no References)', async () => {
  await signedByVictim({ from: 'victim@victim.test', subject: `RE: [#${victimTicket.number}] 合同盖章`, id: 'v2@victim.test' }, '收到，谢谢');
  assert.deepEqual((await bodies(victimTicket.id)).at(-1), '收到，谢谢');
  const [meta] = await queryRows<{ auth: { verdict: string }; threaded: string }>(t.database.db, sql`select meta->'email'->'auth' as auth, meta->'email'->>'threadedBy' as threaded from ticket_messages where ticket_id = ${victimTicket.id} order by created_at desc limit 1`);
  assert.deepEqual({ verdict: meta!.auth.verdict, threaded: meta!.threaded }, { verdict: 'pass', threaded: 'subject_token' });
});

test('a stranger who knows the customer’s Message-ID (forged In-Reply-To) is quarantined, even unauthenticated', async () => {
  await deliver(rawMail({ from: 'guess@open.test', subject: '关于合同', id: 'g1@open.test', inReplyTo: 'v1@victim.test' }, 'hello'), 'guess@open.test');
  const q = await latestQuarantined();
  assert.deepEqual({ reason: q.reason, ticket: q.ticket.id }, { reason: 'unknown_participant', ticket: victimTicket.id });
});

test('the quarantine API: newest first with a total, details, attach / new ticket / reject, each once (409 after), audited; agents get 403', async () => {
  assert.equal((await t.server.inject({ method: 'GET', url: '/api/v1/email-quarantine', headers: agent.headers })).statusCode, 403);
  const list = await pending();
  assert.equal(list.total, 5);
  assert.deepEqual(list.items.map((q) => q.fromAddress), ['guess@open.test', 'someone@open.test', 'victim@victim.test', 'victim@victim.test', 'attacker@evil.test']);
  const page = (await t.server.inject({ method: 'GET', url: '/api/v1/email-quarantine?limit=2&offset=1', headers: supervisor.headers })).json();
  assert.deepEqual({ total: page.total, first: page.items[0].fromAddress, n: page.items.length }, { total: 5, first: 'someone@open.test', n: 2 });
  assert.equal((await t.server.inject({ method: 'GET', url: '/api/v1/email-quarantine?limit=0', headers: supervisor.headers })).statusCode, 400);
  assert.equal((await t.server.inject({ method: 'GET', url: '/api/v1/email-quarantine/count', headers: supervisor.headers })).json().pending, 5);

  const attacker = list.items.at(-1)!;
  const detail = (await t.server.inject({ method: 'GET', url: `/api/v1/email-quarantine/${attacker.id}`, headers: supervisor.headers })).json();
  assert.equal(detail.preview.text, '请改寄到我的地址');
  assert.equal(detail.ticket.number, victimTicket.number);
  assert.ok(detail.headers.some((h: { name: string; value: string }) => h.name === 'in-reply-to' && h.value === '<v1@victim.test>'));
  assert.ok(detail.auth.reasons.length > 0);

  // Two supervisors attach at once: one wins, the other gets 409.
  const other = await t.user('supervisor');
  const both = await Promise.all([supervisor, other].map((u) => t.server.inject({ method: 'POST', url: `/api/v1/email-quarantine/${attacker.id}/attach`, headers: u.headers })));
  assert.deepEqual(both.map((r) => r.statusCode).sort(), [200, 409]);
  assert.equal(both.find((r) => r.statusCode === 409)!.json().code, 'email.quarantine.already_decided');
  assert.ok((await bodies(victimTicket.id)).includes('请改寄到我的地址'));
  const [event] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from domain_events where type = 'email.quarantine_decided' and aggregate_id = ${attacker.id}`);
  assert.equal(event!.n, 1);
  // An attached mail does not make its sender a participant, nor a recipient.
  const out = await agentReply(victimTicket.id, '请勿理会陌生来信。');
  assert.deepEqual(out.envelope.to, ['victim@victim.test']);

  const guess = list.items[0]!;
  const made = await t.server.inject({ method: 'POST', url: `/api/v1/email-quarantine/${guess.id}/new-ticket`, headers: supervisor.headers });
  assert.equal(made.statusCode, 200, made.body);
  const newTicket = (await tickets()).at(-1)!;
  assert.equal(made.json().resultTicketId, newTicket.id);
  assert.equal(newTicket.subject, '关于合同');

  const someone = list.items[1]!;
  assert.equal((await t.server.inject({ method: 'POST', url: `/api/v1/email-quarantine/${someone.id}/reject`, headers: supervisor.headers })).statusCode, 200);
  assert.equal((await t.server.inject({ method: 'POST', url: `/api/v1/email-quarantine/${someone.id}/attach`, headers: supervisor.headers })).statusCode, 409);
  const [raw] = await queryRows<{ outcome: string; n: number }>(t.database.db, sql`select outcome, length(raw)::int as n from email_inbound i join email_quarantine q on q.inbound_id = i.id where q.id = ${someone.id}`);
  assert.equal(raw!.outcome, 'rejected');
  assert.ok(raw!.n > 0, 'the raw mail is kept');
  assert.equal((await pending()).total, 2);
  assert.equal((await t.server.inject({ method: 'POST', url: `/api/v1/email-quarantine/${someone.id}/reject`, headers: agent.headers })).statusCode, 403);
  assert.equal((await t.server.inject({ method: 'GET', url: '/api/v1/email-quarantine/00000000-0000-7000-8000-000000000000', headers: supervisor.headers })).statusCode, 404);
});

test('an accepted CC is copied on replies and may then thread; a dismissed one is not; CC changes need the ticket to be visible', async () => {
  const base = `/api/v1/tickets/${victimTicket.id}/email-ccs`;
  const outsider = await t.user('agent', { teamIds: [await t.team('别的组')] });
  assert.equal((await t.server.inject({ method: 'PUT', url: `${base}/attacker@evil.test`, headers: { ...t.admin.headers }, payload: { state: 'maybe' } })).statusCode, 400);
  assert.equal((await t.server.inject({ method: 'PUT', url: `${base}/not-an-address`, headers: t.admin.headers, payload: { state: 'accepted' } })).statusCode, 400);
  const accepted = await t.server.inject({ method: 'PUT', url: `${base}/lawyer@evil.test`, headers: t.admin.headers, payload: { state: 'accepted' } });
  assert.equal(accepted.statusCode, 200, accepted.body);
  const dismissed = await t.server.inject({ method: 'PUT', url: `${base}/attacker@evil.test`, headers: t.admin.headers, payload: { state: 'dismissed' } });
  assert.equal(dismissed.json().state, 'dismissed');
  const out = await agentReply(victimTicket.id, '已抄送律师。');
  assert.deepEqual(out.envelope.to.sort(), ['lawyer@evil.test', 'victim@victim.test']);
  assert.deepEqual(out.mail.cc && (Array.isArray(out.mail.cc) ? out.mail.cc : [out.mail.cc]).flatMap((c) => c.value.map((v) => v.address)), ['lawyer@evil.test']);
  // The accepted CC (authenticated: evil.test's SPF allows this client) now threads by subject number.
  await deliver(rawMail({ from: 'lawyer@evil.test', subject: `Re: [#${victimTicket.number}] 合同盖章`, id: 'l1@evil.test' }, '律师意见'), 'lawyer@evil.test');
  assert.equal((await bodies(victimTicket.id)).at(-1), '律师意见');
  // An agent of another team does not see the ticket: its CCs look missing (404), and cannot be changed.
  assert.equal((await t.server.inject({ method: 'GET', url: base, headers: outsider.headers })).statusCode, 404);
  assert.equal((await t.server.inject({ method: 'PUT', url: `${base}/attacker@evil.test`, headers: outsider.headers, payload: { state: 'accepted' } })).statusCode, 404);
  const removed = await t.server.inject({ method: 'DELETE', url: `${base}/lawyer@evil.test`, headers: t.admin.headers });
  assert.equal(removed.statusCode, 204);
  assert.equal((await t.server.inject({ method: 'DELETE', url: `${base}/lawyer@evil.test`, headers: t.admin.headers })).statusCode, 404);
});

test('受理回执: none to an unauthenticated sender; at most EMAIL_ACK_PER_SENDER_PER_HOUR (2 here) to one address; the tickets are still made', async () => {
  const before = { tickets: (await tickets()).length, sent: sink.received.length };
  await deliver(rawMail({ from: 'victim@open.test', subject: '伪造的新邮件', id: 'n1@open.test' }, '给陌生人发回执'), 'victim@open.test');
  for (let n = 1; n <= 4; n++) await deliver(rawMail({ from: 'bot@robot.test', subject: `Ticket received ${n}`, id: `robot-${n}@robot.test` }, 'We got your message.'), 'bot@robot.test');
  assert.equal((await tickets()).length, before.tickets + 5);
  const receipts = sink.received.slice(before.sent).map((m) => m.envelope.to.join(','));
  assert.deepEqual(receipts, ['bot@robot.test', 'bot@robot.test']);
});
