import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pino } from 'pino';
import { ManualClock } from '../../app/clock.js';
import { createApp, type App } from '../../app/create-app.js';
import { createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import type { Database } from '../../db/database.js';
import { openPostgres } from '../../db/postgres.js';
import { startSmtpSink, type SmtpSink } from '../portal/test-smtp-sink.js';

/**
 * Brute-force protection of console sign-in: per-account and per-IP delays and locks counted in
 * the database, the sign-in audit log, admin unlock, and the new-IP mail after a lock.
 * Account: delays after 5 failures, lock at 10 (the defaults); IP: delays after 12, lock at 20.
 * Time moves on a manual clock; each test signs in from its own addresses.
 */
const clock = new ManualClock('2026-12-07T02:00:00Z');
let t: TestApp;
let sink: SmtpSink;
before(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({ OPENCSM_SMTP_URL: sink.url, OPENCSM_LOGIN_IP_DELAY_AFTER: '12', OPENCSM_LOGIN_IP_LOCK_AFTER: '20' }, { clock });
});
after(async () => {
  await t.close();
  await sink.close();
});

const password = 'password-123';
type Res = { statusCode: number; body: string; headers: Record<string, unknown>; json(): any };

function login(email: string, pass: string, ip: string, options: { app?: App; lang?: string } = {}): Promise<Res> {
  return (options.app ?? t).server.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: ip,
    headers: { 'user-agent': 'brute-force-test/1.0', ...(options.lang && { 'accept-language': options.lang }) },
    payload: { email, password: pass },
  }) as Promise<Res>;
}

const advanceSeconds = (seconds: number) => clock.set(new Date(clock.now().getTime() + seconds * 1000));
const retryAfter = (res: Res) => Number(res.headers['retry-after']);

/**
 * Fail with a wrong password until the key locks, waiting out each delay as a patient attacker
 * would (moving the clock by Retry-After). Returns what each answer was.
 */
async function failUntilLocked(email: string, ip: string): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < 40; i++) {
    const res = await login(email, 'wrong-password', ip);
    if (res.statusCode === 401) seen.push('401');
    else {
      assert.equal(res.statusCode, 429, res.body);
      const { code } = res.json();
      seen.push(`429 ${code} ${retryAfter(res)}`);
      if (code === 'auth.sign_in_locked') return seen;
      advanceSeconds(retryAfter(res));
    }
  }
  assert.fail(`never locked: ${seen.join(', ')}`);
}

const expectedLockSequence = [
  '401', '401', '401', '401', '401',
  '429 auth.sign_in_delayed 1', '401',
  '429 auth.sign_in_delayed 2', '401',
  '429 auth.sign_in_delayed 4', '401',
  '429 auth.sign_in_delayed 8', '401',
  '429 auth.sign_in_delayed 16', '401',
  '429 auth.sign_in_locked 900',
];

describe('per-account limits', () => {
  let agent: TestUser;
  before(async () => {
    agent = await t.user('agent');
  });

  test('after 5 failures each attempt waits a growing delay, after 10 the account is locked: 429 + Retry-After + a zh-CN/en message; the right password is refused until the lock ends', async () => {
    assert.deepEqual(await failUntilLocked(agent.email, '10.1.0.1'), expectedLockSequence);

    // The right password, from an address never used before, changes nothing during the lock.
    const zh = await login(agent.email, password, '10.1.0.2');
    assert.equal(zh.statusCode, 429, zh.body);
    assert.match(String(zh.headers['content-type']), /^application\/problem\+json/);
    assert.equal(retryAfter(zh), 900);
    assert.equal(zh.json().code, 'auth.sign_in_locked');
    assert.equal(zh.json().title, '登录失败次数过多，已暂时锁定，请 15 分钟后再试，或联系管理员解锁');
    const en = await login(agent.email, password, '10.1.0.2', { lang: 'en-US,en;q=0.9' });
    assert.equal(en.json().title, 'Too many failed sign-ins: locked for now. Try again in 15 minutes, or ask an administrator to unlock it');

    clock.advanceMinutes(14);
    const late = await login(agent.email, password, '10.1.0.1');
    assert.equal(late.statusCode, 429);
    assert.equal(retryAfter(late), 60);
    assert.match(late.json().title, /请 1 分钟后再试/);

    advanceSeconds(60);
    assert.equal((await login(agent.email, password, '10.1.0.1')).statusCode, 200, 'the lock has run out');
  });

  test('a successful sign-in starts the account afresh', async () => {
    const user = await t.user('agent');
    for (let i = 0; i < 4; i++) assert.equal((await login(user.email, 'wrong-password', '10.1.1.1')).statusCode, 401);
    assert.equal((await login(user.email, password, '10.1.1.1')).statusCode, 200);
    for (let i = 0; i < 5; i++) assert.equal((await login(user.email, 'wrong-password', '10.1.1.1')).statusCode, 401, `failure ${i + 1} after the success`);
  });

  test('an unknown email is delayed and locked exactly like a real account (nothing tells them apart)', async () => {
    assert.deepEqual(await failUntilLocked('nobody-here@example.test', '10.2.0.1'), expectedLockSequence);
    const locked = await login('nobody-here@example.test', password, '10.2.0.2');
    assert.equal(locked.json().title, '登录失败次数过多，已暂时锁定，请 15 分钟后再试，或联系管理员解锁');
    assert.equal(retryAfter(locked), 900);
  });
});

describe('per-IP limits', () => {
  /** 20 failures on different accounts from `from(i)`, waiting out the delays; then the right password of another account from `from(99)`. */
  async function sprayThenLogin(label: string, from: (i: number) => string, victim: TestUser): Promise<Res> {
    let failures = 0;
    for (let i = 0; failures < 20; i++) {
      assert.ok(i < 60, 'bounded');
      const res = await login(`spray-${label}-${i}@example.test`, 'wrong-password', from(i));
      if (res.statusCode === 401) failures += 1;
      else {
        assert.equal(res.json().code, 'auth.sign_in_delayed', res.body);
        advanceSeconds(retryAfter(res));
      }
    }
    return login(victim.email, password, from(99));
  }

  test('failures on many accounts from one address lock that address for every account; other addresses are not affected', async () => {
    const victim = await t.user('agent');
    const refused = await sprayThenLogin('v4', () => '10.3.0.1', victim);
    assert.equal(refused.statusCode, 429, refused.body);
    assert.equal(refused.json().code, 'auth.sign_in_locked');
    assert.equal(retryAfter(refused), 900);
    assert.equal((await login(victim.email, password, '10.3.0.2')).statusCode, 200, 'the account itself is not locked');
  });

  test('IPv6 counts by /64: a new address for every guess inside one network does not escape the limit', async () => {
    const victim = await t.user('agent');
    const refused = await sprayThenLogin('v6', (i) => `2001:db8:77:1::${(i + 1).toString(16)}`, victim);
    assert.equal(refused.statusCode, 429, refused.body);
    assert.equal(refused.json().code, 'auth.sign_in_locked');
    assert.equal((await login(victim.email, password, '2001:db8:77:2::1')).statusCode, 200, 'the next /64 is another network');
  });
});

describe('several server processes', () => {
  test('two apps on one database share the counters: of 30 parallel wrong guesses exactly 5 are checked, and a lock made through one holds on the other', async () => {
    const url = (t.database as Database & { url?: string }).url;
    // PostgreSQL: a second connection pool, as a second process has. PGlite is one process by design.
    const database = url ? await openPostgres(url, 5) : t.database;
    const other = await createApp(t.config, database, { log: pino({ level: 'silent' }), clock });
    try {
      const user = await t.user('agent');
      const ip = '10.4.0.1';
      const results = await Promise.all(Array.from({ length: 30 }, (_, i) => login(user.email, 'wrong-password', ip, { app: i % 2 ? other : undefined })));
      const statuses = results.map((r) => r.statusCode);
      assert.equal(statuses.filter((s) => s === 401).length, 5, `only the first five guesses are checked: ${statuses.join(' ')}`);
      assert.equal(statuses.filter((s) => s === 429).length, 25);

      for (let i = 0; ; i++) {
        assert.ok(i < 20, 'bounded');
        const res = await login(user.email, 'wrong-password', ip, { app: i % 2 ? other : undefined });
        if (res.statusCode === 429 && res.json().code === 'auth.sign_in_locked') break;
        if (res.statusCode === 429) advanceSeconds(retryAfter(res));
      }
      for (const app of [t, other]) {
        const res = await login(user.email, password, '10.4.0.2', { app });
        assert.equal(res.statusCode, 429, res.body);
        assert.equal(res.json().code, 'auth.sign_in_locked');
      }
    } finally {
      await other.server.close();
      if (url) await database.close();
    }
  });
});

describe('admin: locks and the audit log', () => {
  let agent: TestUser;
  let supervisor: TestUser;
  before(async () => {
    agent = await t.user('agent');
    supervisor = await t.user('supervisor');
  });

  const get = (url: string, headers: Record<string, string> = t.admin.headers) => t.server.inject({ method: 'GET', url, headers }) as Promise<Res>;

  test('an admin sees who is locked and unlocks them: the right password works at once; agents and supervisors are refused', async () => {
    const locked = await t.user('agent', { name: '李四' });
    await failUntilLocked(locked.email, '10.5.0.1');
    const list = await get('/api/v1/admin/sign-in-locks');
    assert.equal(list.statusCode, 200, list.body);
    const entry = list.json().items.find((l: { subject: string }) => l.subject === locked.email);
    assert.ok(entry, list.body);
    assert.equal(entry.kind, 'account');
    assert.equal(entry.userId, locked.id);
    assert.equal(entry.userName, '李四');
    assert.equal(entry.failures, 10);
    assert.equal(new Date(entry.lockedUntil).getTime(), clock.now().getTime() + 900_000);

    for (const user of [agent, supervisor]) {
      assert.equal((await get('/api/v1/admin/sign-in-locks', user.headers)).statusCode, 403);
      const refused = await t.server.inject({ method: 'DELETE', url: `/api/v1/admin/sign-in-locks/${entry.id}`, headers: user.headers });
      assert.equal(refused.statusCode, 403);
    }
    assert.equal((await login(locked.email, password, '10.5.0.1')).statusCode, 429, 'still locked');

    const unlock = await t.server.inject({ method: 'DELETE', url: `/api/v1/admin/sign-in-locks/${entry.id}`, headers: t.admin.headers });
    assert.equal(unlock.statusCode, 204, unlock.body);
    assert.equal((await login(locked.email, password, '10.5.0.1')).statusCode, 200, 'unlocked');
    assert.ok(!(await get('/api/v1/admin/sign-in-locks')).json().items.some((l: { id: string }) => l.id === entry.id));
    const again = await t.server.inject({ method: 'DELETE', url: `/api/v1/admin/sign-in-locks/${entry.id}`, headers: t.admin.headers });
    assert.equal(again.statusCode, 404);
    assert.equal(again.json().code, 'auth.sign_in_lock_not_found');
  });

  test('every attempt is in the audit log (email, user, IP, user agent, outcome, reason), filtered and paged; agents are refused', async () => {
    const user = await t.user('agent', { name: '王五' });
    const ip = '10.6.0.1';
    const start = clock.now();
    clock.advanceMinutes(1);
    assert.equal((await login(user.email, 'wrong-password', ip)).statusCode, 401);
    assert.equal((await login(user.email, password, ip)).statusCode, 200);
    assert.equal((await login('ghost@example.test', 'wrong-password', ip)).statusCode, 401);
    await t.server.inject({ method: 'PATCH', url: `/api/v1/users/${user.id}`, headers: t.admin.headers, payload: { active: false } });
    assert.equal((await login(user.email, password, ip)).statusCode, 401);

    const mine = await get(`/api/v1/admin/sign-in-audit?userId=${user.id}`);
    assert.equal(mine.statusCode, 200, mine.body);
    const rows = mine.json().items as Array<Record<string, unknown>>;
    assert.deepEqual(rows.map((r) => [r.outcome, r.reason]), [['failure', 'inactive_user'], ['success', null], ['failure', 'wrong_password']]);
    assert.equal(rows[1]!.email, user.email);
    assert.equal(rows[1]!.userName, '王五');
    assert.equal(rows[1]!.ip, ip);
    assert.equal(rows[1]!.userAgent, 'brute-force-test/1.0');
    assert.equal(new Date(String(rows[1]!.createdAt)).getTime(), clock.now().getTime());

    const ghost = (await get('/api/v1/admin/sign-in-audit?email=ghost%40example')).json().items;
    assert.equal(ghost.length, 1);
    assert.equal(ghost[0].userId, null);
    assert.equal(ghost[0].reason, 'unknown_email');

    const successes = (await get(`/api/v1/admin/sign-in-audit?userId=${user.id}&outcome=success`)).json().items;
    assert.equal(successes.length, 1);
    const refused = (await get('/api/v1/admin/sign-in-audit?outcome=refused&limit=200')).json().items as Array<{ reason: string }>;
    assert.ok(refused.length > 0 && refused.every((r) => ['account_locked', 'account_delay', 'ip_locked', 'ip_delay'].includes(r.reason)));

    const since = (await get(`/api/v1/admin/sign-in-audit?from=${encodeURIComponent(new Date(start.getTime() + 1).toISOString())}&limit=200`)).json().items as Array<{ email: string }>;
    assert.deepEqual(new Set(since.map((r) => r.email)), new Set([user.email, 'ghost@example.test']));
    const before = (await get(`/api/v1/admin/sign-in-audit?userId=${user.id}&to=${encodeURIComponent(start.toISOString())}`)).json().items;
    assert.equal(before.length, 0);

    // Pages of two walk the same rows in the same order.
    const page1 = (await get(`/api/v1/admin/sign-in-audit?userId=${user.id}&limit=2`)).json();
    assert.equal(page1.items.length, 2);
    const page2 = (await get(`/api/v1/admin/sign-in-audit?userId=${user.id}&limit=2&cursor=${page1.nextCursor}`)).json();
    assert.deepEqual([...page1.items, ...page2.items].map((r: { id: string }) => r.id), rows.map((r) => r.id));
    assert.equal(page2.nextCursor, null);

    const bad = await get('/api/v1/admin/sign-in-audit?outcome=maybe');
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().errors[0].path, 'outcome');
    assert.equal((await get('/api/v1/admin/sign-in-audit?cursor=nope')).json().errors[0].path, 'cursor');
    assert.equal((await get('/api/v1/admin/sign-in-audit', agent.headers)).statusCode, 403);
    assert.equal((await get('/api/v1/admin/sign-in-audit', supervisor.headers)).statusCode, 403);
  });
});

describe('the new-IP mail after a lock', () => {
  test('a successful sign-in from an address the user never used, after a lock, mails them in their language; a known address or no lock does not', async () => {
    const zhUser = await t.user('agent', { name: '赵六' });
    const enUser = await t.user('agent', { name: 'Grace' });
    const patch = await t.server.inject({ method: 'PATCH', url: `/api/v1/users/${enUser.id}`, headers: t.admin.headers, payload: { locale: 'en' } });
    assert.equal(patch.statusCode, 200, patch.body);

    // A new address without a lock: no mail.
    assert.equal((await login(zhUser.email, password, '10.7.0.1')).statusCode, 200);
    // Locked, then the lock runs out and the owner signs in from the address they used before: no mail.
    await failUntilLocked(zhUser.email, '10.7.9.9');
    clock.advanceMinutes(16);
    assert.equal((await login(zhUser.email, password, '10.7.0.1')).statusCode, 200);
    await t.drain();
    assert.deepEqual(sink.mails.filter((m) => m.to === zhUser.email), []);

    // Locked again, and this time the next success comes from a new address: mailed.
    await failUntilLocked(zhUser.email, '10.7.9.9');
    clock.advanceMinutes(16);
    assert.equal((await login(zhUser.email, password, '10.7.0.2')).statusCode, 200);
    await failUntilLocked(enUser.email, '10.7.9.8');
    clock.advanceMinutes(16);
    assert.equal((await login(enUser.email, password, '10.7.0.3')).statusCode, 200);
    await t.drain();

    const zhMail = sink.mails.filter((m) => m.to === zhUser.email);
    assert.equal(zhMail.length, 1);
    assert.equal(zhMail[0]!.subject, 'OpenCSM 安全提醒：您的账号在新的 IP 地址登录');
    assert.match(zhMail[0]!.text, /赵六，您好/);
    assert.match(zhMail[0]!.text, /IP 地址：10\.7\.0\.2/);
    assert.match(zhMail[0]!.text, /brute-force-test\/1\.0/);
    assert.match(zhMail[0]!.text, /时间：2026-12-07 \d\d:\d\d:\d\d \(Asia\/Shanghai\)/, 'the time, in the server time zone');
    const enMail = sink.mails.filter((m) => m.to === enUser.email);
    assert.equal(enMail.length, 1);
    assert.equal(enMail[0]!.subject, 'OpenCSM security notice: your account signed in from a new IP address');
    assert.match(enMail[0]!.text, /IP address: 10\.7\.0\.3/);

    // The audit row says why; the next sign-in from yet another address is ordinary again.
    const audit = (await t.server.inject({ method: 'GET', url: `/api/v1/admin/sign-in-audit?userId=${zhUser.id}&outcome=success&limit=1`, headers: t.admin.headers })).json();
    assert.equal(audit.items[0].reason, 'new_ip_after_lock');
    assert.equal((await login(zhUser.email, password, '10.7.0.4')).statusCode, 200);
    await t.drain();
    assert.equal(sink.mails.filter((m) => m.to === zhUser.email).length, 1);
  });
});
