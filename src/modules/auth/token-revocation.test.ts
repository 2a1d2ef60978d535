import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';

/** API tokens and sessions end for good on deactivation, and on request with a password change; logout is POST only. */
let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const password = 'password-123';
type Res = { statusCode: number; body: string; cookies: Array<{ name: string; value: string }>; json(): any };

const me = (headers: Record<string, string>) => t.server.inject({ method: 'GET', url: '/api/v1/me', headers }) as Promise<Res>;
const patchUser = (id: string, payload: Record<string, unknown>) => t.server.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: t.admin.headers, payload }) as Promise<Res>;

async function session(email: string, pass = password): Promise<Record<string, string>> {
  const res = (await t.server.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: pass } })) as Res;
  assert.equal(res.statusCode, 200, res.body);
  // What a browser sends from our own pages (the same-origin check refuses cookie writes otherwise).
  return { cookie: `opencsm_session=${res.cookies.find((c) => c.name === 'opencsm_session')!.value}`, 'sec-fetch-site': 'same-origin' };
}

async function newToken(headers: Record<string, string>, name: string): Promise<Record<string, string>> {
  const res = (await t.server.inject({ method: 'POST', url: '/api/v1/tokens', headers, payload: { name } })) as Res;
  assert.equal(res.statusCode, 201, res.body);
  return { authorization: `Bearer ${res.json().token}` };
}

describe('deactivation', () => {
  test('deactivate → reactivate: the old API tokens and sessions stay dead (401), the tokens list shows them revoked, new ones work', async () => {
    const leaver: TestUser = await t.user('agent');
    const second = await newToken(leaver.headers, 'erp sync');
    const browser = await session(leaver.email);
    assert.equal((await me(second)).statusCode, 200);

    assert.equal((await patchUser(leaver.id, { active: false })).statusCode, 200);
    for (const headers of [leaver.headers, second, browser]) assert.equal((await me(headers)).statusCode, 401);
    assert.equal((await patchUser(leaver.id, { active: true })).statusCode, 200);

    for (const headers of [leaver.headers, second, browser]) {
      const res = await me(headers);
      assert.equal(res.statusCode, 401, `still refused after reactivation: ${res.body}`);
    }
    const fresh = await session(leaver.email);
    const tokens = (await t.server.inject({ method: 'GET', url: '/api/v1/tokens', headers: fresh })).json().items as Array<{ name: string; revokedAt: string | null }>;
    assert.deepEqual(tokens.map((x) => [x.name, x.revokedAt !== null]).sort(), [['erp sync', true], ['test', true]]);
    assert.equal((await me(await newToken(fresh, 'after return'))).statusCode, 200);
  });

  test('changing other fields of an active user leaves their tokens alone', async () => {
    const user = await t.user('agent');
    assert.equal((await patchUser(user.id, { name: 'Renamed', active: true })).statusCode, 200);
    assert.equal((await me(user.headers)).statusCode, 200);
  });
});

describe('password change', () => {
  const change = (headers: Record<string, string>, payload: Record<string, unknown>) =>
    t.server.inject({ method: 'POST', url: '/api/v1/me/password', headers, payload }) as Promise<Res>;

  test('with revokeApiTokens: every API token ends, other sessions end, the session making the change stays', async () => {
    const user = await t.user('agent');
    const token2 = await newToken(user.headers, 'second');
    const here = await session(user.email);
    const elsewhere = await session(user.email);
    const res = await change(here, { currentPassword: password, newPassword: 'new-password-456', revokeApiTokens: true });
    assert.equal(res.statusCode, 204, res.body);
    assert.equal((await me(user.headers)).statusCode, 401);
    assert.equal((await me(token2)).statusCode, 401);
    assert.equal((await me(elsewhere)).statusCode, 401);
    assert.equal((await me(here)).statusCode, 200);
  });

  test('without it (or false) API tokens keep working; other sessions still end', async () => {
    for (const revokeApiTokens of [undefined, false]) {
      const user = await t.user('agent');
      const here = await session(user.email);
      const elsewhere = await session(user.email);
      const res = await change(here, { currentPassword: password, newPassword: 'new-password-456', ...(revokeApiTokens === false && { revokeApiTokens }) });
      assert.equal(res.statusCode, 204, res.body);
      assert.equal((await me(user.headers)).statusCode, 200);
      assert.equal((await me(elsewhere)).statusCode, 401);
    }
  });

  test('a wrong current password revokes nothing; a malformed option is 400 naming it', async () => {
    const user = await t.user('agent');
    const wrong = await change(user.headers, { currentPassword: 'not-it', newPassword: 'new-password-456', revokeApiTokens: true });
    assert.equal(wrong.statusCode, 400);
    assert.equal((await me(user.headers)).statusCode, 200);
    const bad = await change(user.headers, { currentPassword: password, newPassword: 'new-password-456', revokeApiTokens: 'yes' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().errors[0].path, 'revokeApiTokens');
  });
});

test('logout is POST only: there is no GET logout a link or image could trigger', async () => {
  const user = await t.user('agent');
  const cookie = await session(user.email);
  const get = await t.server.inject({ method: 'GET', url: '/api/v1/auth/logout', headers: cookie });
  assert.equal(get.statusCode, 404);
  assert.equal((await me(cookie)).statusCode, 200, 'still signed in');
  assert.equal((await t.server.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: cookie })).statusCode, 204);
  assert.equal((await me(cookie)).statusCode, 401);
});
