import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { pino } from 'pino';
import { loadConfig } from '../../app/config.js';
import { startIngress } from '../../app/create-app.js';
import { createTestApp, type TestApp } from '../../app/test-app.js';
import { queryRows } from '../../db/database.js';
import { emailKeys } from './installation-key.js';
import { emailInbound } from './schema.js';
import { startSmtpListener, type SmtpListener } from './smtp-listener.js';
import { fixturePath, selfSignedCertificate, smtpSend, swaksSend } from './smtp-test-kit.js';
import { signedReplyAddress } from './ticket-token.js';

/** The SMTP listener over real sockets: who it accepts, what it refuses, and that 250 means stored. */
let t: TestApp;
let listener: SmtpListener;
let tlsListener: SmtpListener;
const log = pino({ level: 'silent' });

before(async () => {
  t = await createTestApp();
  for (const address of ['support@acme.test', 'sales@acme.test']) {
    const res = await t.api('POST', '/api/v1/mailboxes', { body: { address, name: '客服中心' } });
    assert.equal(res.statusCode, 201, res.body);
  }
  listener = await startSmtpListener(t.database, loadConfig({ SMTP_PORT: '0', SMTP_MAX_MESSAGE_MB: '0.05' }), log);
  const { key, cert } = await selfSignedCertificate();
  tlsListener = await startSmtpListener(t.database, loadConfig({ SMTP_PORT: '0', SMTP_TLS_KEY: key, SMTP_TLS_CERT: cert }), log);
});
after(async () => {
  await listener.close();
  await tlsListener.close();
  await t.close();
});

const simple = (subject: string) => `From: a@customer.test\r\nTo: support@acme.test\r\nSubject: ${subject}\r\nMessage-ID: <${subject}@customer.test>\r\n\r\nhello\r\n`;
const inboundCount = async () => (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from email_inbound`))[0]!.n;

test('250 only after the raw message and its processing job are stored', async () => {
  const before = await inboundCount();
  const sent = await smtpSend(listener.port, simple('stored-1'), { from: 'a@customer.test', to: ['support@acme.test'] });
  assert.ok(sent.ok, JSON.stringify(sent));
  assert.match(sent.response, /^250 /);
  const id = /stored as ([0-9a-f-]{36})/.exec(sent.response)![1]!;
  const [row] = await t.database.db.select().from(emailInbound).where(eq(emailInbound.id, id));
  assert.equal(row!.raw.toString(), simple('stored-1'));
  assert.deepEqual(row!.recipients, ['support@acme.test']);
  assert.equal(row!.envelopeFrom, 'a@customer.test');
  // Recorded at receipt for SPF in the processing job (issue 12): the client's address and HELO name.
  assert.match(row!.clientIp ?? '', /^(::ffff:)?127\.0\.0\.1$/);
  assert.ok(row!.helo, 'the HELO name');
  assert.equal(row!.auth, null, 'no DNS before 250: authentication runs in the job');
  const jobs = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from jobs where type = 'email.process' and payload->>'inboundId' = ${id}`);
  assert.equal(jobs[0]!.n, 1);
  assert.equal(await inboundCount(), before + 1);
});

test('one message to two of our mailboxes is stored once, with both', async () => {
  const sent = await smtpSend(listener.port, simple('two-boxes'), { from: 'a@customer.test', to: ['support@acme.test', 'SALES@acme.test'] });
  assert.ok(sent.ok);
  const id = /stored as ([0-9a-f-]{36})/.exec(sent.response)![1]!;
  const [row] = await t.database.db.select().from(emailInbound).where(eq(emailInbound.id, id));
  assert.equal(row!.mailboxIds.length, 2);
});

test('unknown recipients are refused with 550 at RCPT; nothing is stored', async () => {
  const before = await inboundCount();
  const sent = await smtpSend(listener.port, simple('unknown'), { from: 'a@customer.test', to: ['nobody@acme.test'] });
  assert.equal(sent.ok, false);
  assert.equal(!sent.ok && sent.code, 550);
  assert.match(!sent.ok ? sent.message : '', /no such mailbox/);
  assert.equal(await inboundCount(), before);
});

test('a signed reply address (mailbox+tag) is accepted; an unknown base address with a tag is not', async () => {
  const reply = signedReplyAddress(emailKeys(t.config).replyAddress, 'support@acme.test', '20261123-0007');
  assert.ok((await smtpSend(listener.port, simple('plus'), { from: 'a@customer.test', to: [reply] })).ok);
  const refused = await smtpSend(listener.port, simple('plus2'), { from: 'a@customer.test', to: ['nobody+20261123-0007.abc@acme.test'] });
  assert.equal(!refused.ok && refused.code, 550);
});

test('a message over the size limit is refused with 552 and a clear reply', async () => {
  const before = await inboundCount();
  const big = simple('big') + 'x'.repeat(80 * 1024) + '\r\n';
  const sent = await smtpSend(listener.port, big, { from: 'a@customer.test', to: ['support@acme.test'] });
  assert.equal(sent.ok, false);
  assert.equal(!sent.ok && sent.code, 552);
  assert.match(!sent.ok ? sent.message : '', /too big|limit/i);
  assert.equal(await inboundCount(), before);
});

test('swaks (Debian) delivers a GBK Outlook message from the corpus byte for byte', async () => {
  const file = fixturePath('outlook-zh-gbk.eml');
  const result = await swaksSend(listener.port, file, 'zhang.san@customer.cn', 'support@acme.test');
  assert.equal(result.code, 0, result.output);
  const rows = await queryRows<{ raw: Buffer }>(t.database.db, sql`select raw from email_inbound where envelope_from = 'zhang.san@customer.cn'`);
  assert.equal(rows.length, 1);
  const original = await readFile(file);
  // swaks ends the data with CRLF; the bytes of the message are otherwise unchanged.
  assert.ok(Buffer.from(rows[0]!.raw).includes(original.subarray(original.indexOf('\r\n\r\n'))));
  const refused = await swaksSend(listener.port, file, 'zhang.san@customer.cn', 'nobody@acme.test');
  assert.notEqual(refused.code, 0);
  assert.match(refused.output, /550/);
});

test('STARTTLS is offered and works when a certificate is configured', async () => {
  const sent = await smtpSend(tlsListener.port, simple('tls'), { from: 'a@customer.test', to: ['support@acme.test'] }, { requireTLS: true });
  assert.ok(sent.ok, JSON.stringify(sent));
  // Without a certificate, a client that insists on TLS is refused.
  const plain = await smtpSend(listener.port, simple('tls2'), { from: 'a@customer.test', to: ['support@acme.test'] }, { requireTLS: true });
  assert.equal(plain.ok, false);
});

test('the app starts the listener beside HTTP when SMTP_PORT is set, stops it, and refuses to start on a taken port', async () => {
  const port = await new Promise<number>((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
  const withSmtp = (smtpPort: number) => ({ ...t, context: { ...t.context, config: { ...t.config, SMTP_PORT: smtpPort } } });
  // Without SMTP_PORT no SMTP listener starts (other modules' entry points may: stop them, or they keep the process alive).
  const stopOthers = await startIngress(t);
  assert.equal((await smtpSend(port, simple('no-listener'), { from: 'a@customer.test', to: ['support@acme.test'] })).ok, false, 'no SMTP without SMTP_PORT');
  await stopOthers();
  const stop = await startIngress(withSmtp(port));
  assert.ok((await smtpSend(port, simple('via-app'), { from: 'a@customer.test', to: ['support@acme.test'] })).ok);
  await stop();
  assert.equal((await smtpSend(port, simple('after-stop'), { from: 'a@customer.test', to: ['support@acme.test'] })).ok, false);
  await assert.rejects(startIngress(withSmtp(listener.port)), /EADDRINUSE/);
});
