import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../app/test-app.js';
import { queryRows } from '../../db/database.js';
import { startSmtpSink, type SmtpSink } from './test-smtp-sink.js';

/** Customers sign in with a code mailed to them: hashed, short-lived, few tries, and no hint whether an email is known. */
let t: TestApp;
let smtp: SmtpSink;
let ipCounter = 0;
before(async () => {
  smtp = await startSmtpSink();
  t = await createTestApp({ OPENCSM_SMTP_URL: smtp.url });
});
after(async () => {
  await t.close();
  await smtp.close();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Each test comes from its own address, so the per-IP limits of one do not reach another. */
function nextIp() {
  ipCounter += 1;
  return `198.51.100.${ipCounter}`;
}

async function customer(email: string, name = '刘女士'): Promise<string> {
  const res = await t.api('POST', '/api/v1/contacts', { body: { name, identities: [{ kind: 'email', value: email }] } });
  assert.equal(res.statusCode, 201, res.body);
  return (res.json() as Json).id as string;
}

function askCode(email: string, ip: string) {
  return t.api('POST', '/api/v1/portal/login-codes', { as: null, body: { email }, remoteAddress: ip });
}

function signIn(email: string, code: string, ip: string) {
  return t.api('POST', '/api/v1/portal/sessions', { as: null, body: { email, code }, remoteAddress: ip });
}

test('a customer signs in with the code mailed to them; the cookie is httpOnly and SameSite=Lax; the code works once', async () => {
  const ip = nextIp();
  const contactId = await customer('liu@example.cn');
  const before = smtp.mails.length;
  const asked = await askCode('Liu@Example.cn', ip);
  assert.equal(asked.statusCode, 202);
  const code = await smtp.waitForCode('liu@example.cn', { after: before });
  assert.match(smtp.mails.at(-1)!.subject, /登录验证码/);

  const signedIn = await signIn('liu@example.cn', code, ip);
  assert.equal(signedIn.statusCode, 200, signedIn.body);
  assert.equal((signedIn.json() as Json).contactId, contactId);
  const cookie = signedIn.cookies.find((c) => c.name === 'opencsm_portal')!;
  assert.ok(cookie.httpOnly);
  assert.equal(cookie.sameSite, 'Lax');

  const me = await t.api('GET', '/api/v1/portal/me', { as: null, headers: { cookie: `opencsm_portal=${cookie.value}` } });
  assert.equal(me.statusCode, 200);
  assert.equal((me.json() as Json).name, '刘女士');

  // Neither the code nor the session secret is stored as given.
  const stored = await queryRows<{ code_hash: string }>(t.database.db, sql`select code_hash from portal_login_codes where email = 'liu@example.cn'`);
  assert.ok(stored.every((row) => !row.code_hash.includes(code)));
  const sessions = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from portal_sessions where token_hash = ${cookie.value}`);
  assert.equal(sessions[0]!.n, 0);

  const again = await signIn('liu@example.cn', code, ip);
  assert.equal(again.statusCode, 400);
  assert.equal((again.json() as Json).errors[0].path, 'code');

  const out = await t.api('POST', '/api/v1/portal/logout', { as: null, headers: { cookie: `opencsm_portal=${cookie.value}`, origin: 'http://localhost' } });
  assert.equal(out.statusCode, 204);
  const afterLogout = await t.api('GET', '/api/v1/portal/me', { as: null, headers: { cookie: `opencsm_portal=${cookie.value}` } });
  assert.equal(afterLogout.statusCode, 401);
  assert.equal((afterLogout.json() as Json).code, 'portal.unauthenticated');
});

test('two sign-ins racing with one code make one session', async () => {
  const ip = nextIp();
  await customer('race@example.cn');
  const before = smtp.mails.length;
  await askCode('race@example.cn', ip);
  const code = await smtp.waitForCode('race@example.cn', { after: before });
  const results = await Promise.all([signIn('race@example.cn', code, ip), signIn('race@example.cn', code, ip)]);
  assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 400]);
});

test('an unknown email gets the same answer, no mail, and no code that works', async () => {
  const ip = nextIp();
  await customer('known@example.cn');
  const before = smtp.mails.length;
  const known = await askCode('known@example.cn', ip);
  const unknown = await askCode('stranger@example.cn', ip);
  assert.equal(unknown.statusCode, known.statusCode);
  assert.equal(unknown.body, known.body);
  await smtp.waitForCode('known@example.cn', { after: before });
  assert.equal(smtp.mails.slice(before).filter((m) => m.to === 'stranger@example.cn').length, 0);

  // Failures look alike too: the same field and code, and the same lock-out after five tries.
  for (const email of ['known@example.cn', 'stranger@example.cn']) {
    const wrong = await signIn(email, '000000', ip);
    assert.equal(wrong.statusCode, 400);
    assert.deepEqual((wrong.json() as Json).errors.map((e: Json) => [e.path, e.code]), [['code', 'portal.code_invalid']]);
    assert.equal((wrong.json() as Json).title, '验证码不正确，还可以尝试 4 次');
  }
});

test('five wrong codes lock the code: even the right one then fails until a new one is asked for', async () => {
  const ip = nextIp();
  await customer('wrong@example.cn');
  const before = smtp.mails.length;
  await askCode('wrong@example.cn', ip);
  const code = await smtp.waitForCode('wrong@example.cn', { after: before });
  const wrongCode = code === '123456' ? '654321' : '123456';
  const codes: string[] = [];
  const titles: string[] = [];
  for (let i = 0; i < 5; i += 1) {
    const problem = (await signIn('wrong@example.cn', wrongCode, ip)).json() as Json;
    codes.push(problem.errors[0].code);
    titles.push(problem.title);
  }
  assert.deepEqual(codes, ['portal.code_invalid', 'portal.code_invalid', 'portal.code_invalid', 'portal.code_invalid', 'portal.code_attempts_exceeded']);
  // The title says what went wrong and how many tries remain, not "请求参数有误: code …".
  assert.deepEqual(titles, ['验证码不正确，还可以尝试 4 次', '验证码不正确，还可以尝试 3 次', '验证码不正确，还可以尝试 2 次', '验证码不正确，还可以尝试 1 次', '验证码错误次数过多，请重新获取']);
  const right = await signIn('wrong@example.cn', code, ip);
  assert.equal(right.statusCode, 400);
  assert.equal((right.json() as Json).errors[0].code, 'portal.code_attempts_exceeded');

  // A new code starts afresh.
  const mark = smtp.mails.length;
  await askCode('wrong@example.cn', ip);
  const fresh = await smtp.waitForCode('wrong@example.cn', { after: mark });
  assert.equal((await signIn('wrong@example.cn', fresh, ip)).statusCode, 200);
});

test('a wrong code says, in English too, how many attempts are left; a code never asked for says so', async () => {
  const ip = nextIp();
  await customer('english@example.cn');
  const before = smtp.mails.length;
  await askCode('english@example.cn', ip);
  await smtp.waitForCode('english@example.cn', { after: before });
  const wrong = await t.server.inject({ method: 'POST', url: '/api/v1/portal/sessions', payload: { email: 'english@example.cn', code: '000000' }, remoteAddress: ip, headers: { 'accept-language': 'en' } });
  assert.equal(wrong.statusCode, 400);
  const problem = wrong.json() as Json;
  assert.equal(problem.title, 'Wrong code, 4 attempts left');
  assert.deepEqual(problem.errors.map((e: Json) => [e.path, e.message, e.params]), [['code', 'Wrong code, 4 attempts left', { remaining: 4 }]]);
  const never = (await signIn('never-asked@example.cn', '000000', ip)).json() as Json;
  assert.deepEqual([never.errors[0].path, never.title], ['code', '验证码不正确，请先获取验证码']);
});

test('an expired code is refused, naming the code field', async () => {
  const ip = nextIp();
  await customer('late@example.cn');
  const before = smtp.mails.length;
  await askCode('late@example.cn', ip);
  const code = await smtp.waitForCode('late@example.cn', { after: before });
  await t.database.transaction((tx) => tx.execute(sql`update portal_login_codes set expires_at = now() - interval '1 second' where email = 'late@example.cn'`));
  const res = await signIn('late@example.cn', code, ip);
  assert.equal(res.statusCode, 400);
  assert.deepEqual((res.json() as Json).errors.map((e: Json) => [e.path, e.code]), [['code', 'portal.code_expired']]);
});

test('codes are limited per email and per IP: 429 with Retry-After and a problem body', async () => {
  const ip = nextIp();
  const statuses: number[] = [];
  for (let i = 0; i < 6; i += 1) statuses.push((await askCode('flood@example.cn', ip)).statusCode);
  assert.deepEqual(statuses, [202, 202, 202, 202, 202, 429]);
  const limited = await askCode('flood@example.cn', nextIp());
  assert.equal(limited.statusCode, 429, 'the per-email limit holds from another address');
  assert.ok(Number(limited.headers['retry-after']) > 0);
  assert.match(String(limited.headers['content-type']), /application\/problem\+json/);
  assert.equal((limited.json() as Json).code, 'portal.rate_limited');

  const crowded = nextIp();
  const perIp: number[] = [];
  for (let i = 0; i < 21; i += 1) perIp.push((await askCode(`person${i}@example.cn`, crowded)).statusCode);
  assert.equal(perIp.filter((s) => s === 202).length, 20);
  assert.equal(perIp.at(-1), 429);
});

test('bad input names the field; agents\' credentials are not a customer\'s and the reverse', async () => {
  const ip = nextIp();
  const bad = await askCode('not-an-email', ip);
  assert.equal(bad.statusCode, 400);
  assert.equal((bad.json() as Json).errors[0].path, 'email');

  const withToken = await t.api('GET', '/api/v1/portal/me');
  assert.equal(withToken.statusCode, 401);

  await customer('cross@example.cn');
  const before = smtp.mails.length;
  await askCode('cross@example.cn', ip);
  const code = await smtp.waitForCode('cross@example.cn', { after: before });
  const cookie = (await signIn('cross@example.cn', code, ip)).cookies.find((c) => c.name === 'opencsm_portal')!;
  const agentRoute = await t.api('GET', '/api/v1/tickets', { as: null, headers: { cookie: `opencsm_portal=${cookie.value}` } });
  assert.equal(agentRoute.statusCode, 401);
});
