import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { OutboundRefused } from '../../app/net/outbound-guard.js';
import { createTestApp, type TestApp } from '../../app/test-app.js';
import { pinOutbound } from '../security-settings/index.js';
import { pollOnce } from './imap-poll.js';
import { emailKeys } from './installation-key.js';
import { findMailbox } from './mailboxes.js';
import { startSink } from './smtp-test-kit.js';
import { transportFor } from './smtp-transport.js';

/**
 * Mailbox hosts accepted internal addresses (169.254.169.254, loopback). Now they pass the outbound
 * guard when saved and at every connection, with the admin's allowlist (config + setting) as the
 * only way in. This app starts with an empty allowlist (the test default allowlists loopback).
 */
let t: TestApp;
let sink: Awaited<ReturnType<typeof startSink>>;
let settingsVersion = 0;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

before(async () => {
  t = await createTestApp({ OPENCSM_OUTBOUND_ALLOW: '' });
  sink = await startSink();
});
after(async () => {
  await t.close();
  await sink.close();
});

const createMailbox = (payload: Json) => t.server.inject({ method: 'POST', url: '/api/v1/mailboxes', headers: t.admin.headers, payload });

async function allow(entries: string[]) {
  const res = await t.server.inject({ method: 'PUT', url: '/api/v1/settings/security', headers: { ...t.admin.headers, 'if-match': `"${settingsVersion}"` }, payload: { outboundAllow: entries } });
  assert.equal(res.statusCode, 200, res.body);
  settingsVersion = (res.json() as Json).version;
}

function assertHostRefused(res: LightMyRequestResponse, path: string, address: string) {
  assert.equal(res.statusCode, 400, res.body);
  const [error] = (res.json() as Json).errors;
  assert.equal(error.path, path);
  assert.equal(error.code, 'outbound.address_refused');
  assert.equal(error.params.address, address);
}

test('a mailbox whose SMTP host is the cloud metadata address is a 400 naming outbound.host', async () => {
  assertHostRefused(await createMailbox({ address: 'meta@acme.test', name: 'x', outbound: { host: '169.254.169.254', port: 25 } }), 'outbound.host', '169.254.169.254');
});

test('loopback by name, IPv4-mapped loopback and private IMAP hosts are refused, naming imap.host', async () => {
  const res = await createMailbox({ address: 'loop@acme.test', name: 'x', imap: { host: 'localhost', port: 993, user: 'u', pass: 'p' } });
  assert.equal(res.statusCode, 400, res.body);
  assert.equal((res.json() as Json).errors[0].path, 'imap.host');
  assert.equal((res.json() as Json).errors[0].code, 'outbound.address_refused');
  assertHostRefused(await createMailbox({ address: 'loop@acme.test', name: 'x', imap: { host: '::ffff:127.0.0.1', port: 993, user: 'u', pass: 'p' } }), 'imap.host', '::ffff:127.0.0.1');
  assertHostRefused(await createMailbox({ address: 'loop@acme.test', name: 'x', outbound: { host: '192.168.10.5', port: 587 } }), 'outbound.host', '192.168.10.5');
});

test('an on-premise server is accepted once an admin allowlists it in the settings, at once, without a restart', async () => {
  const created = await createMailbox({ address: 'onprem@acme.test', name: '本地邮件', outbound: { host: 'smtp.acme.test', port: 587 } });
  assert.equal(created.statusCode, 201, created.body);
  const patch = () => t.server.inject({ method: 'PATCH', url: `/api/v1/mailboxes/${(created.json() as Json).id}`, headers: { ...t.admin.headers, 'if-match': '"1"' }, payload: { outbound: { host: '10.0.0.8', port: 587 } } });
  assertHostRefused(await patch(), 'outbound.host', '10.0.0.8');
  await allow(['10.0.0.0/8']);
  assert.equal((await patch()).statusCode, 200);
  await allow([]);
});

test('sending re-checks the host at connection time: refused when no longer allowed, delivered when allowed', async () => {
  await allow(['127.0.0.1']);
  const created = await createMailbox({ address: 'loopback@acme.test', name: '客服', outbound: { host: '127.0.0.1', port: sink.port, secure: false } });
  assert.equal(created.statusCode, 201, created.body);
  const mailbox = await findMailbox(t.database.db, (created.json() as Json).id);
  const send = () => transportFor(mailbox, emailKeys(t.config), (host) => pinOutbound(t.database.db, t.config, host)).sendMail({ from: 'loopback@acme.test', to: 'li@customer.cn', subject: '测试', text: '您好' });

  await allow([]);
  await assert.rejects(send(), (error: unknown) => error instanceof OutboundRefused && error.address === '127.0.0.1');
  assert.equal(sink.received.length, 0, 'nothing reached the server');

  await allow(['127.0.0.1']);
  await send();
  await sink.waitFor(1);
  assert.equal(sink.received[0]!.mail.subject, '测试');
  await allow([]);
});

test('the connection goes to the pinned address, the name kept for TLS: a later DNS answer cannot redirect it', async () => {
  const created = await createMailbox({ address: 'pinned@acme.test', name: '客服', outbound: { host: 'mail.customer.example', port: sink.port, secure: false } });
  assert.equal(created.statusCode, 201, created.body);
  const mailbox = await findMailbox(t.database.db, (created.json() as Json).id);
  const before = sink.received.length;
  // The guard's answer is all the transport uses: this name resolves nowhere, yet the mail arrives.
  await transportFor(mailbox, emailKeys(t.config), async (host) => ({ host, address: '127.0.0.1', family: 4 })).sendMail({ from: 'pinned@acme.test', to: 'li@customer.cn', subject: '固定地址', text: '您好' });
  await sink.waitFor(before + 1);
  assert.equal(sink.received.at(-1)!.mail.subject, '固定地址');
});

test('IMAP polling goes through the guard too: a host no longer allowed is refused before any connection', async () => {
  await allow(['127.0.0.1']);
  const created = await createMailbox({ address: 'imap@acme.test', name: '收信', imap: { host: '127.0.0.1', port: sink.port, secure: false, user: 'u', pass: 'p' } });
  assert.equal(created.statusCode, 201, created.body);
  await allow([]);
  const mailbox = await findMailbox(t.database.db, (created.json() as Json).id);
  await assert.rejects(pollOnce(t.database, t.config, mailbox), (error: unknown) => error instanceof OutboundRefused && error.code === 'outbound.address_refused');
});
