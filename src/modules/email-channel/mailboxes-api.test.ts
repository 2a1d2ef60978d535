import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { emailMailboxes } from './schema.js';

/** Mailbox administration over HTTP: validation naming the field, encrypted passwords never returned, If-Match, permissions. */
let t: TestApp;
let agent: TestUser;
before(async () => {
  t = await createTestApp();
  agent = await t.user('agent');
});
after(() => t.close());

type Options = { as?: TestUser; body?: unknown; ifMatch?: string };
function call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, { as = t.admin, body, ifMatch }: Options = {}) {
  const headers = { ...as.headers, ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }) };
  return t.api(method, url, { as: null, headers, body });
}

function assertFieldError(res: { statusCode: number; body: string; json(): unknown }, status: number, path: string, code: string) {
  assert.equal(res.statusCode, status, res.body);
  const problem = res.json() as { errors?: Array<{ path: string; code: string; message: string }> };
  const error = problem.errors?.find((e) => e.path === path);
  assert.ok(error, `expected an error on ${path}: ${res.body}`);
  assert.equal(error.code, code);
  assert.ok(error.message);
}

test('an admin adds a mailbox; passwords are stored encrypted and never come back', async () => {
  const teamId = await t.team('售后组');
  const res = await call('POST', '/api/v1/mailboxes', {
    body: { address: ' Support@Acme.TEST ', name: '某某公司客服中心', teamId, outbound: { host: 'smtp.acme.test', port: 465, user: 'support', pass: 'smtp-secret-1' }, imap: { host: 'imap.acme.test', port: 993, user: 'support', pass: 'imap-secret-2' } },
  });
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.headers.etag, '"1"');
  const mailbox = res.json();
  assert.equal(mailbox.address, 'support@acme.test');
  assert.deepEqual(mailbox.outbound, { host: 'smtp.acme.test', port: 465, secure: true, user: 'support', hasPassword: true });
  assert.equal(mailbox.imap.hasPassword, true);
  assert.equal(mailbox.imap.folder, 'INBOX');
  assert.doesNotMatch(res.body, /secret-1|secret-2/);
  const listed = await call('GET', '/api/v1/mailboxes');
  assert.doesNotMatch(listed.body, /secret-1|secret-2|"pass"/);
  const [row] = await t.database.db.select().from(emailMailboxes).where(eq(emailMailboxes.id, mailbox.id));
  assert.match(row!.outboundPassword!, /^v1\./);
  assert.doesNotMatch(JSON.stringify(row), /smtp-secret-1|imap-secret-2/);

  // Polling is scheduled as a due-time job for the mailbox.
  const jobs = await t.database.db.execute(`select type from jobs where dedupe_key = 'email.imap.poll:${mailbox.id}'` as never);
  assert.equal((jobs as unknown as { rows: unknown[] }).rows.length, 1);

  const again = await call('POST', '/api/v1/mailboxes', { body: { address: 'support@acme.test', name: 'x' } });
  assertFieldError(again, 409, 'address', 'email.mailbox.address_taken');
});

test('bad input is a 400 naming the field', async () => {
  assertFieldError(await call('POST', '/api/v1/mailboxes', { body: { address: 'not-an-address', name: 'x' } }), 400, 'address', 'email.mailbox.invalid_address');
  assertFieldError(await call('POST', '/api/v1/mailboxes', { body: { address: 'a+b@acme.test', name: 'x' } }), 400, 'address', 'email.mailbox.plus_in_address');
  assertFieldError(await call('POST', '/api/v1/mailboxes', { body: { address: 'c@acme.test', name: 'x', teamId: '0190a0a0-0000-7000-8000-000000000000' } }), 400, 'teamId', 'email.mailbox.unknown_team');
  assertFieldError(await call('POST', '/api/v1/mailboxes', { body: { address: 'c@acme.test', name: 'x', imap: { host: 'h', port: 993, user: 'u' } } }), 400, 'imap.pass', 'email.mailbox.imap_password_required');
  assertFieldError(await call('POST', '/api/v1/mailboxes', { body: { address: 'c@acme.test', name: 'x', outbound: { host: 'h', port: 70000 } } }), 400, 'outbound.port', 'validation.too_big');
  assertFieldError(await call('POST', '/api/v1/mailboxes', { body: { address: 'c@acme.test' } }), 400, 'name', 'validation.required');
});

test('updates need If-Match; a password left out is kept, null removes it', async () => {
  const created = (await call('POST', '/api/v1/mailboxes', { body: { address: 'sales@acme.test', name: '销售', outbound: { host: 'smtp.acme.test', port: 587, user: 'sales', pass: 'p1' } } })).json();
  assert.equal((await call('PATCH', `/api/v1/mailboxes/${created.id}`, { body: { name: '销售部' } })).statusCode, 428);
  const renamed = await call('PATCH', `/api/v1/mailboxes/${created.id}`, { body: { name: '销售部', outbound: { host: 'smtp2.acme.test', port: 587, user: 'sales' } }, ifMatch: '"1"' });
  assert.equal(renamed.statusCode, 200, renamed.body);
  assert.equal(renamed.json().outbound.hasPassword, true);
  assert.equal(renamed.json().outbound.secure, false);
  assert.equal((await call('PATCH', `/api/v1/mailboxes/${created.id}`, { body: { name: 'stale' }, ifMatch: '"1"' })).statusCode, 412);
  const cleared = await call('PATCH', `/api/v1/mailboxes/${created.id}`, { body: { outbound: { host: 'smtp2.acme.test', port: 587, user: 'sales', pass: null } }, ifMatch: '"2"' });
  assert.equal(cleared.json().outbound.hasPassword, false);
  assert.equal((await call('DELETE', `/api/v1/mailboxes/${created.id}`, { ifMatch: '"1"' })).statusCode, 412);
  assert.equal((await call('DELETE', `/api/v1/mailboxes/${created.id}`)).statusCode, 204);
  assert.equal((await call('GET', `/api/v1/mailboxes/${created.id}`)).statusCode, 404);
});

test('only admin.mailboxes may see or change mailboxes', async () => {
  assert.equal((await call('GET', '/api/v1/mailboxes', { as: agent })).statusCode, 403);
  assert.equal((await call('POST', '/api/v1/mailboxes', { as: agent, body: { address: 'x@acme.test', name: 'x' } })).statusCode, 403);
  assert.equal((await t.api('GET', '/api/v1/mailboxes', { as: null })).statusCode, 401);
  const supervisor = await t.user('supervisor');
  assert.equal((await call('GET', '/api/v1/mailboxes', { as: supervisor })).statusCode, 403);
});
