import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';

/** Login, sessions, the caller's profile and password, personal API tokens. */
let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const password = 'password-123';
type Res = { statusCode: number; body: string; headers: Record<string, unknown>; cookies: Array<{ name: string; value: string; httpOnly?: boolean; sameSite?: string; path?: string; expires?: Date; maxAge?: number }>; json(): any };

function login(email: string, pass: string, headers: Record<string, string> = {}): Promise<Res> {
  return t.api('POST', '/api/v1/auth/login', { as: null, headers, body: { email, password: pass } }) as Promise<Res>;
}

/** Log in and return the session cookie header, with the same-origin mark every browser adds (CSRF check). */
async function session(email: string, pass = password): Promise<Record<string, string>> {
  const res = await login(email, pass);
  assert.equal(res.statusCode, 200, res.body);
  const cookie = res.cookies.find((c) => c.name === 'opencsm_session');
  assert.ok(cookie, 'a session cookie');
  return { cookie: `opencsm_session=${cookie.value}`, 'sec-fetch-site': 'same-origin' };
}

const me = (headers: Record<string, string>) => t.api('GET', '/api/v1/me', { as: null, headers }) as Promise<Res>;

function assertProblem(res: Res, status: number, code: string, path?: string) {
  assert.equal(res.statusCode, status, res.body);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  const problem = res.json();
  assert.equal(problem.code, code, res.body);
  assert.equal(problem.status, status);
  if (path) assert.ok((problem.errors as Array<{ path: string }> | undefined)?.some((e) => e.path === path), `an error at ${path}: ${res.body}`);
}

describe('login and sessions', () => {
  let agent: TestUser;
  before(async () => {
    agent = await t.user('agent', { name: '张三' });
  });

  test('the right password answers 200 with the user and an httpOnly, SameSite session cookie that works for /me', async () => {
    const res = await login(agent.email, password);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.id, agent.id);
    assert.equal(body.email, agent.email);
    assert.equal(body.role, 'agent');
    assert.ok(body.permissions.includes('tickets.read'));
    assert.ok(!body.permissions.includes('admin.users'));
    assert.equal(body.passwordHash, undefined);
    const cookie = res.cookies.find((c) => c.name === 'opencsm_session');
    assert.ok(cookie);
    assert.equal(cookie.httpOnly, true);
    assert.match(String(cookie.sameSite), /^(lax|strict)$/i);
    assert.equal(cookie.path, '/');
    assert.ok(cookie.expires && cookie.expires.getTime() > Date.now(), 'a persistent cookie with a future expiry');
    assert.ok(cookie.value.length >= 32, 'a long random secret');

    const who = await me({ cookie: `opencsm_session=${cookie.value}` });
    assert.equal(who.statusCode, 200, who.body);
    assert.equal(who.json().id, agent.id);
    assert.equal(who.json().name, '张三');
  });

  test('the email is matched case-insensitively', async () => {
    const res = await login(agent.email.toUpperCase(), password);
    assert.equal(res.statusCode, 200, res.body);
  });

  test('a wrong password and an unknown email are the same 401, and set no cookie', async () => {
    const wrong = await login(agent.email, 'password-124');
    const unknown = await login('nobody@example.test', password);
    for (const res of [wrong, unknown]) {
      assertProblem(res, 401, 'auth.invalid_credentials');
      assert.equal(res.cookies.length, 0);
    }
    assert.equal(wrong.json().title, unknown.json().title);
  });

  test('a malformed login body is 400', async () => {
    assertProblem((await t.api('POST', '/api/v1/auth/login', { as: null, body: { email: 'not-an-email', password } })) as Res, 400, 'validation.failed', 'email');
    assertProblem((await t.api('POST', '/api/v1/auth/login', { as: null, body: { email: agent.email } })) as Res, 400, 'validation.failed', 'password');
  });

  test('no cookie, an unknown cookie or an expired session is 401', async () => {
    assertProblem(await me({}), 401, 'auth.unauthenticated');
    assertProblem(await me({ cookie: 'opencsm_session=ocss_forged' }), 401, 'auth.unauthenticated');
    const headers = await session(agent.email);
    assert.equal((await me(headers)).statusCode, 200);
    await t.database.db.execute(sql`update sessions set expires_at = now() - interval '1 minute' where user_id = ${agent.id}`);
    assertProblem(await me(headers), 401, 'auth.unauthenticated');
  });

  test('logout ends the session (and only it) and clears the cookie', async () => {
    const first = await session(agent.email);
    const second = await session(agent.email);
    const out = (await t.api('POST', '/api/v1/auth/logout', { as: null, headers: first })) as Res;
    assert.equal(out.statusCode, 204, out.body);
    const cleared = out.cookies.find((c) => c.name === 'opencsm_session');
    assert.ok(cleared, 'the cookie is cleared');
    assert.equal(cleared.value, '');
    assertProblem(await me(first), 401, 'auth.unauthenticated');
    assert.equal((await me(second)).statusCode, 200, 'another session of the same user lives on');
    // Logging out without a session is harmless.
    assert.equal((await t.api('POST', '/api/v1/auth/logout', { as: null })).statusCode, 204);
  });

  test('a deactivated user cannot log in, and their sessions and tokens stop working', async () => {
    const leaver = await t.user('agent');
    const cookie = await session(leaver.email);
    assert.equal((await me(leaver.headers)).statusCode, 200);
    const off = await t.api('PATCH', `/api/v1/users/${leaver.id}`, { body: { active: false } });
    assert.equal(off.statusCode, 200, off.body);
    assertProblem(await login(leaver.email, password), 401, 'auth.invalid_credentials');
    assertProblem(await me(cookie), 401, 'auth.unauthenticated');
    assertProblem(await me(leaver.headers), 401, 'auth.token_invalid');
    // Reactivated, they log in again.
    await t.api('PATCH', `/api/v1/users/${leaver.id}`, { body: { active: true } });
    assert.equal((await login(leaver.email, password)).statusCode, 200);
  });

  test('a role change applies to the very next request of an existing session', async () => {
    const user = await t.user('agent');
    const cookie = await session(user.email);
    assertProblem((await t.api('GET', '/api/v1/admin/jobs', { as: null, headers: cookie })) as Res, 403, 'auth.forbidden');
    await t.api('PATCH', `/api/v1/users/${user.id}`, { body: { role: 'admin' } });
    assert.equal((await t.api('GET', '/api/v1/admin/jobs', { as: null, headers: cookie })).statusCode, 200);
    assert.equal((await me(cookie)).json().role, 'admin');
  });
});

describe('API tokens', () => {
  let owner: TestUser;
  before(async () => {
    owner = await t.user('agent');
  });

  const createToken = (body: Record<string, unknown>, as: Record<string, string> = owner.headers) =>
    t.api('POST', '/api/v1/tokens', { as: null, headers: as, body: body }) as Promise<Res>;
  const listTokens = async (as: Record<string, string> = owner.headers) => {
    const res = (await t.api('GET', '/api/v1/tokens', { as: null, headers: as })) as Res;
    assert.equal(res.statusCode, 200, res.body);
    return res;
  };

  test('a new token is shown once; the list never contains the secret', async () => {
    const created = await createToken({ name: 'CI 集成' });
    assert.equal(created.statusCode, 201, created.body);
    const { id, token, prefix, name, expiresAt, revokedAt } = created.json();
    assert.equal(name, 'CI 集成');
    assert.equal(typeof token, 'string');
    assert.ok(token.length >= 32);
    assert.ok(token.startsWith(prefix), 'the prefix identifies the token');
    assert.equal(expiresAt, null);
    assert.equal(revokedAt, null);

    const list = await listTokens();
    const listed = (list.json().items as Array<Record<string, unknown>>).find((x) => x.id === id);
    assert.ok(listed);
    assert.equal(listed.token, undefined);
    assert.ok(!list.body.includes(token), 'the secret is not in the list');
    assert.ok(!list.body.includes('hash'), 'nor its hash');
    // Another user's list does not show it.
    const other = await t.user('agent');
    assert.ok(!(await listTokens(other.headers)).json().items.some((x: { id: string }) => x.id === id));
  });

  test('the token works as a bearer, and records its last use', async () => {
    const { token, id } = (await createToken({ name: 'bearer' })).json();
    const who = await me({ authorization: `Bearer ${token}` });
    assert.equal(who.statusCode, 200, who.body);
    assert.equal(who.json().id, owner.id);
    const listed = (await listTokens()).json().items.find((x: { id: string }) => x.id === id);
    assert.ok(listed.lastUsedAt, 'lastUsedAt is set');
  });

  test('a revoked token is 401; revoking twice or revoking another user\'s token is 404', async () => {
    const { token, id } = (await createToken({ name: 'to revoke' })).json();
    const bearer = { authorization: `Bearer ${token}` };
    assert.equal((await me(bearer)).statusCode, 200);
    const stranger = await t.user('agent');
    assertProblem((await t.api('DELETE', `/api/v1/tokens/${id}`, { as: stranger })) as Res, 404, 'auth.token_not_found');
    assert.equal((await me(bearer)).statusCode, 200, 'a stranger cannot revoke it');
    const revoked = await t.api('DELETE', `/api/v1/tokens/${id}`, { as: owner });
    assert.equal(revoked.statusCode, 204, revoked.body);
    assertProblem(await me(bearer), 401, 'auth.token_invalid');
    assertProblem((await t.api('DELETE', `/api/v1/tokens/${id}`, { as: owner })) as Res, 404, 'auth.token_not_found');
    const listed = (await listTokens()).json().items.find((x: { id: string }) => x.id === id);
    assert.ok(listed.revokedAt, 'the list shows it revoked');
  });

  test('expiry: a past expiresAt is refused; a token past its expiry is 401', async () => {
    assertProblem(await createToken({ name: 'stale', expiresAt: new Date(Date.now() - 60_000).toISOString() }), 400, 'validation.failed', 'expiresAt');
    assertProblem(await createToken({ name: 'bad date', expiresAt: 'tomorrow' }), 400, 'validation.failed', 'expiresAt');
    const future = new Date(Date.now() + 86_400_000);
    const created = await createToken({ name: 'expiring', expiresAt: future.toISOString() });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(Date.parse(created.json().expiresAt), future.getTime());
    const bearer = { authorization: `Bearer ${created.json().token}` };
    assert.equal((await me(bearer)).statusCode, 200, 'valid before its expiry');
    await t.database.db.execute(sql`update api_tokens set expires_at = now() - interval '1 second' where id = ${created.json().id}`);
    assertProblem(await me(bearer), 401, 'auth.token_invalid');
  });

  test('a garbage, empty or non-bearer authorization header is 401', async () => {
    for (const authorization of ['Bearer ocsm_not-a-real-token', 'Bearer ', 'Bearer', 'Basic dXNlcjpwYXNz', owner.token, `Bearer ${owner.token}x`]) {
      const res = await me({ authorization });
      assert.equal(res.statusCode, 401, `${authorization}: ${res.body}`);
    }
  });

  test('a bearer header wins over a session cookie: a bad bearer is 401 even with a good cookie', async () => {
    const cookie = await session(owner.email);
    assertProblem(await me({ ...cookie, authorization: 'Bearer ocsm_bogus' }), 401, 'auth.token_invalid');
  });

  test('a token name is required', async () => {
    assertProblem(await createToken({ name: '  ' }), 400, 'validation.failed', 'name');
    assertProblem(await createToken({}), 400, 'validation.failed', 'name');
  });
});

describe('own profile and password', () => {
  test('PATCH /me changes name and locale, and nothing else', async () => {
    const user = await t.user('agent');
    const res = (await t.api('PATCH', '/api/v1/me', { as: user, body: { locale: 'en', name: 'Li Lei' } })) as Res;
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().locale, 'en');
    assert.equal(res.json().name, 'Li Lei');
    assert.equal((await me(user.headers)).json().locale, 'en');
    assertProblem((await t.api('PATCH', '/api/v1/me', { as: user, body: { locale: 'fr' } })) as Res, 400, 'validation.failed', 'locale');
    const escalate = (await t.api('PATCH', '/api/v1/me', { as: user, body: { role: 'admin' } })) as Res;
    assert.equal(escalate.statusCode, 400, escalate.body);
    const deactivate = (await t.api('PATCH', '/api/v1/me', { as: user, body: { active: false } })) as Res;
    assert.equal(deactivate.statusCode, 400, deactivate.body);
    assert.equal((await me(user.headers)).json().role, 'agent');
  });

  test('changing the password: a wrong current password is 400 naming currentPassword; afterwards only the new one logs in', async () => {
    const user = await t.user('agent');
    const change = (body: Record<string, unknown>) => t.api('POST', '/api/v1/me/password', { as: user, body: body }) as Promise<Res>;
    const wrong = await change({ currentPassword: 'not-my-password', newPassword: 'brand-new-secret' });
    assertProblem(wrong, 400, 'validation.failed', 'currentPassword');
    assert.equal(wrong.json().errors[0].code, 'auth.wrong_password');
    assertProblem(await change({ currentPassword: password, newPassword: 'short' }), 400, 'validation.failed', 'newPassword');
    assert.equal((await login(user.email, password)).statusCode, 200, 'unchanged so far');

    const done = await change({ currentPassword: password, newPassword: 'brand-new-secret' });
    assert.equal(done.statusCode, 204, done.body);
    assertProblem(await login(user.email, password), 401, 'auth.invalid_credentials');
    assert.equal((await login(user.email, 'brand-new-secret')).statusCode, 200);
  });

  const changePassword = (headers: Record<string, string>, currentPassword: string, newPassword: string) =>
    t.api('POST', '/api/v1/me/password', { as: null, headers, body: { currentPassword, newPassword } }) as Promise<Res>;
  const passwordChangedEvents = (userId: string) =>
    t.database.db.execute(sql`select payload from domain_events where type = 'user.password_changed' and aggregate_id = ${userId} order by id`)
      .then((result) => (result as unknown as { rows: Array<{ payload: { endedSessions?: number } }> }).rows);

  test('changing the password with session A ends the user\'s other sessions, keeps A, and leaves API tokens working', async () => {
    const user = await t.user('agent');
    const other = await t.user('agent');
    const sessionA = await session(user.email);
    const sessionB = await session(user.email);
    const sessionC = await session(user.email);
    const othersSession = await session(other.email);
    assert.equal((await me(sessionB)).statusCode, 200, 'B works before the change');

    const done = await changePassword(sessionA, password, 'brand-new-secret');
    assert.equal(done.statusCode, 204, done.body);
    assertProblem(await me(sessionB), 401, 'auth.unauthenticated');
    assertProblem(await me(sessionC), 401, 'auth.unauthenticated');
    const stillA = await me(sessionA);
    assert.equal(stillA.statusCode, 200, 'the session that changed the password lives on');
    assert.equal(stillA.json().id, user.id);
    assert.equal((await me(user.headers)).statusCode, 200, 'API tokens are revoked separately, not by a password change');
    assert.equal((await me(othersSession)).statusCode, 200, 'another user\'s session is untouched');
    assert.deepEqual((await passwordChangedEvents(user.id)).map((e) => e.payload.endedSessions), [2]);

    // A can change it again, and a fresh login with the new password is a session like any other.
    const sessionD = await session(user.email, 'brand-new-secret');
    assert.equal((await changePassword(sessionA, 'brand-new-secret', 'third-secret-99')).statusCode, 204);
    assertProblem(await me(sessionD), 401, 'auth.unauthenticated');
    assert.equal((await me(sessionA)).statusCode, 200);
  });

  test('changing the password with a bearer token ends every session of the user, even with a session cookie alongside', async () => {
    const user = await t.user('agent');
    const sessionA = await session(user.email);
    const sessionB = await session(user.email);
    const done = await changePassword({ ...user.headers, ...sessionA }, password, 'brand-new-secret');
    assert.equal(done.statusCode, 204, done.body);
    assertProblem(await me(sessionA), 401, 'auth.unauthenticated');
    assertProblem(await me(sessionB), 401, 'auth.unauthenticated');
    assert.equal((await me(user.headers)).statusCode, 200, 'the token itself still works');
    assert.deepEqual((await passwordChangedEvents(user.id)).map((e) => e.payload.endedSessions), [2]);
  });

  test('a refused password change (wrong current password) ends no session', async () => {
    const user = await t.user('agent');
    const sessionA = await session(user.email);
    const sessionB = await session(user.email);
    assertProblem(await changePassword(sessionA, 'not-my-password', 'brand-new-secret'), 400, 'validation.failed', 'currentPassword');
    assert.equal((await me(sessionA)).statusCode, 200);
    assert.equal((await me(sessionB)).statusCode, 200);
    assert.deepEqual(await passwordChangedEvents(user.id), []);
  });

  test('an admin reset of a password ends the user\'s sessions', async () => {
    const user = await t.user('agent');
    const cookie = await session(user.email);
    const reset = await t.api('PATCH', `/api/v1/users/${user.id}`, { body: { password: 'reset-by-admin' } });
    assert.equal(reset.statusCode, 200, reset.body);
    assertProblem(await me(cookie), 401, 'auth.unauthenticated');
    assert.equal((await login(user.email, 'reset-by-admin')).statusCode, 200);
  });

  test('problem titles follow Accept-Language (zh-CN by default)', async () => {
    const zh = await login('nobody@example.test', password);
    const en = await login('nobody@example.test', password, { 'accept-language': 'en-US,en;q=0.9' });
    assert.equal(zh.json().title, '邮箱或密码错误');
    assert.equal(en.json().title, 'Wrong email or password');
    assert.equal(en.json().code, zh.json().code);
  });
});
