import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { assertProblem as assertSharedProblem, createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { roleHas, roleNames, type Permission, type RoleName } from './permissions.js';

/** Admin CRUD of users and teams, the role × endpoint permission matrix, and 401 without credentials. */
let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type Res = { statusCode: number; body: string; headers: Record<string, unknown>; json(): any };
type User = { id: string; email: string; name: string; role: RoleName; locale: string; active: boolean; teamIds: string[] };
type Team = { id: string; name: string; description: string; memberIds: string[] };

const missingId = '00000000-0000-7000-8000-000000000000';
let seq = 0;
const uniqueEmail = (label: string) => `${label}-${++seq}-${process.pid}@directory.test`;

// Through the shared test client (t.api); `headers` stays an argument so the matrix below reads as before.
function call(method: Method, url: string, payload?: unknown, headers: Record<string, string> = t.admin.headers): Promise<Res> {
  return t.api(method, url, { as: { headers }, body: payload });
}

async function ok<T>(res: Res | Promise<Res>, status = 200): Promise<T> {
  const r = await res;
  assert.equal(r.statusCode, status, r.body);
  return r.json() as T;
}

function assertProblem(res: Res, status: number, code: string, path?: string, fieldCode?: string) {
  const problem = assertSharedProblem(res, status, code);
  if (path) {
    const field = problem.errors?.find((e) => e.path === path);
    assert.ok(field, `an error at ${path}: ${res.body}`);
    if (fieldCode) assert.equal(field.code, fieldCode);
  }
}

const createUser = (body: Record<string, unknown>, headers?: Record<string, string>) =>
  call('POST', '/api/v1/users', { name: 'New User', password: 'password-123', role: 'agent', email: uniqueEmail('user'), ...body }, headers);
const patchUser = (id: string, body: Record<string, unknown>, headers?: Record<string, string>) => call('PATCH', `/api/v1/users/${id}`, body, headers);
const activeAdmins = async () => (await ok<{ items: User[] }>(call('GET', '/api/v1/users?role=admin&active=true'))).items.map((u) => u.id);

// Runs first: at this point the test admin is the only administrator.
describe('the last administrator', () => {
  test('the only active admin cannot be demoted; another admin can; a deactivated admin does not count', async () => {
    assert.deepEqual(await activeAdmins(), [t.admin.id]);
    assertProblem(await patchUser(t.admin.id, { role: 'agent' }), 409, 'user.last_admin');
    assert.equal((await ok<User>(call('GET', `/api/v1/users/${t.admin.id}`))).role, 'admin');

    const second = await ok<User>(createUser({ role: 'admin' }), 201);
    assert.equal((await ok<User>(patchUser(second.id, { role: 'supervisor' }))).role, 'supervisor', 'demoting one of two admins is fine');

    const third = await ok<User>(createUser({ role: 'admin' }), 201);
    assert.equal((await ok<User>(patchUser(third.id, { active: false }))).active, false);
    assertProblem(await patchUser(t.admin.id, { role: 'agent' }), 409, 'user.last_admin');
    assert.deepEqual(await activeAdmins(), [t.admin.id]);
  });

  test('nobody can deactivate themselves', async () => {
    assertProblem(await patchUser(t.admin.id, { active: false }), 403, 'user.cannot_deactivate_self');
    assert.equal((await ok<User>(call('GET', `/api/v1/users/${t.admin.id}`))).active, true);
  });
});

describe('users', () => {
  let teamId: string;
  before(async () => {
    teamId = await t.team('Users team');
  });

  test('create a user: 201 without any secret, readable by id, able to log in', async () => {
    const email = uniqueEmail('Wang.Fang');
    const created = await createUser({ email, name: '王芳', role: 'agent', locale: 'en', teamIds: [teamId] });
    assert.equal(created.statusCode, 201, created.body);
    const user = created.json() as User;
    assert.equal(user.email, email.toLowerCase(), 'emails are stored lower-cased');
    assert.equal(user.name, '王芳');
    assert.equal(user.locale, 'en');
    assert.equal(user.active, true);
    assert.deepEqual(user.teamIds, [teamId]);
    assert.ok(!/password|hash/i.test(created.body), 'no password or hash in the answer');
    assert.deepEqual(await ok<User>(call('GET', `/api/v1/users/${user.id}`)), user);
    const login = await call('POST', '/api/v1/auth/login', { email, password: 'password-123' }, {});
    assert.equal(login.statusCode, 200, login.body);
  });

  test('a duplicate email (in any case) is 409 naming email, on create and on update', async () => {
    const email = uniqueEmail('dup');
    const first = await ok<User>(createUser({ email }), 201);
    assertProblem(await createUser({ email: email.toUpperCase() }), 409, 'validation.failed', 'email', 'user.email_taken');
    const other = await ok<User>(createUser({}), 201);
    assertProblem(await patchUser(other.id, { email }), 409, 'validation.failed', 'email', 'user.email_taken');
    assert.equal((await ok<User>(call('GET', `/api/v1/users/${first.id}`))).email, email);
  });

  test('validation names the field: email, password, role, unknown team', async () => {
    assertProblem(await createUser({ email: 'not-an-email' }), 400, 'validation.failed', 'email');
    assertProblem(await createUser({ password: 'short' }), 400, 'validation.failed', 'password');
    assertProblem(await createUser({ role: 'superuser' }), 400, 'validation.failed', 'role');
    assertProblem(await createUser({ teamIds: [missingId] }), 400, 'validation.failed', 'teamIds', 'team.not_found');
    assertProblem(await createUser({ isAdmin: true }), 400, 'validation.failed');
  });

  test('list with filters: q (name or email), role, active, teamId', async () => {
    const filterTeam = await t.team('Filter team');
    const a = await ok<User>(createUser({ name: '列表测试 甲', role: 'supervisor', teamIds: [filterTeam] }), 201);
    const b = await ok<User>(createUser({ name: '列表测试 乙', role: 'agent' }), 201);
    await ok(patchUser(b.id, { active: false }));
    const list = async (qs: string) => (await ok<{ items: User[] }>(call('GET', `/api/v1/users?${qs}`))).items.map((u) => u.id).sort();
    assert.deepEqual(await list(`q=${encodeURIComponent('列表测试')}`), [a.id, b.id].sort());
    assert.deepEqual(await list(`q=${encodeURIComponent(a.email.toUpperCase())}`), [a.id]);
    assert.deepEqual(await list(`q=${encodeURIComponent('列表测试')}&role=supervisor`), [a.id]);
    assert.deepEqual(await list(`q=${encodeURIComponent('列表测试')}&active=false`), [b.id]);
    assert.deepEqual(await list(`teamId=${filterTeam}`), [a.id]);
    assert.deepEqual(await list('q=%25'), [], 'a % in q is a literal, not a wildcard');
  });

  test('a role change takes effect on the user\'s next request', async () => {
    const user = await t.user('agent');
    const teamId2 = await t.team('Role change team');
    const ticket = await ok<{ id: string }>(call('POST', '/api/v1/tickets', { subject: 'someone else\'s', teamId: teamId2 }), 201);
    assert.equal((await call('GET', `/api/v1/tickets/${ticket.id}`, undefined, user.headers)).statusCode, 404);
    const promoted = await ok<User>(patchUser(user.id, { role: 'supervisor' }));
    assert.equal(promoted.role, 'supervisor');
    const me = await ok<{ role: string; permissions: string[] }>(call('GET', '/api/v1/me', undefined, user.headers));
    assert.equal(me.role, 'supervisor');
    assert.ok(me.permissions.includes('tickets.read_all'));
    assert.equal((await call('GET', `/api/v1/tickets/${ticket.id}`, undefined, user.headers)).statusCode, 200, 'a supervisor sees every ticket');
  });

  test('a team listed twice in teamIds is one membership', async () => {
    const created = await ok<User>(createUser({ teamIds: [teamId, teamId] }), 201);
    assert.deepEqual(created.teamIds, [teamId]);
    const other = await t.team('Users team 2');
    assert.deepEqual((await ok<User>(patchUser(created.id, { teamIds: [other, other, teamId] }))).teamIds, [teamId, other].sort());
  });

  test('deactivate and reactivate a user; missing users are 404', async () => {
    const user = await t.user('agent');
    assert.equal((await ok<User>(patchUser(user.id, { active: false }))).active, false);
    assert.equal((await call('GET', '/api/v1/me', undefined, user.headers)).statusCode, 401);
    assert.equal((await ok<User>(patchUser(user.id, { active: true }))).active, true);
    // Deactivation revoked the token for good (issue 12): reactivation does not bring it back.
    assert.equal((await call('GET', '/api/v1/me', undefined, user.headers)).statusCode, 401);
    const login = await call('POST', '/api/v1/auth/login', { email: user.email, password: 'password-123' }, {});
    assert.equal(login.statusCode, 200, 'the reactivated user can sign in again');
    assertProblem(await patchUser(missingId, { name: 'ghost' }), 404, 'user.not_found');
    assertProblem(await call('GET', `/api/v1/users/${missingId}`), 404, 'user.not_found');
  });
});

describe('teams', () => {
  test('create with members, read, list; members see the team in their teamIds', async () => {
    const u1 = await t.user('agent');
    const u2 = await t.user('agent');
    const created = await ok<Team>(call('POST', '/api/v1/teams', { name: '上海一线', description: 'Tier 1 Shanghai', memberIds: [u1.id, u2.id] }), 201);
    assert.equal(created.name, '上海一线');
    assert.equal(created.description, 'Tier 1 Shanghai');
    assert.deepEqual([...created.memberIds].sort(), [u1.id, u2.id].sort());
    assert.deepEqual(await ok<Team>(call('GET', `/api/v1/teams/${created.id}`)), created);
    assert.ok((await ok<{ items: Team[] }>(call('GET', '/api/v1/teams'))).items.some((x) => x.id === created.id));
    assert.deepEqual((await ok<User>(call('GET', `/api/v1/users/${u1.id}`))).teamIds, [created.id]);
    const me = await ok<{ teamIds: string[] }>(call('GET', '/api/v1/me', undefined, u1.headers));
    assert.deepEqual(me.teamIds, [created.id]);
  });

  test('a duplicate name (case-insensitive) is 409 naming name, on create and rename', async () => {
    await ok(call('POST', '/api/v1/teams', { name: 'Hardware Support' }), 201);
    assertProblem(await call('POST', '/api/v1/teams', { name: 'hardware support' }), 409, 'validation.failed', 'name', 'team.name_taken');
    assertProblem(await call('POST', '/api/v1/teams', { name: '  Hardware Support  ' }), 409, 'validation.failed', 'name', 'team.name_taken');
    const other = await ok<Team>(call('POST', '/api/v1/teams', { name: 'Software Support' }), 201);
    assertProblem(await call('PATCH', `/api/v1/teams/${other.id}`, { name: 'HARDWARE SUPPORT' }), 409, 'validation.failed', 'name', 'team.name_taken');
    assert.equal((await ok<Team>(call('GET', `/api/v1/teams/${other.id}`))).name, 'Software Support');
  });

  test('validation: empty name, unknown member', async () => {
    assertProblem(await call('POST', '/api/v1/teams', { name: '' }), 400, 'validation.failed', 'name');
    assertProblem(await call('POST', '/api/v1/teams', { name: 'Ghost members', memberIds: [missingId] }), 400, 'validation.failed', 'memberIds', 'user.not_found');
    assert.ok(!(await ok<{ items: Team[] }>(call('GET', '/api/v1/teams'))).items.some((x) => x.name === 'Ghost members'), 'nothing half-created');
  });

  test('a member listed twice is one member', async () => {
    const u1 = await t.user('agent');
    const team = await ok<Team>(call('POST', '/api/v1/teams', { name: 'Twice listed', memberIds: [u1.id, u1.id] }), 201);
    assert.deepEqual(team.memberIds, [u1.id]);
    assert.deepEqual((await ok<Team>(call('PATCH', `/api/v1/teams/${team.id}`, { memberIds: [u1.id, u1.id] }))).memberIds, [u1.id]);
  });

  test('an id listed twice in different letter case is one membership, from either side', async () => {
    const u1 = await t.user('agent');
    const team = await ok<Team>(call('POST', '/api/v1/teams', { name: 'Case twice', memberIds: [u1.id, u1.id.toUpperCase()] }), 201);
    assert.deepEqual(team.memberIds, [u1.id]);
    assert.deepEqual((await ok<Team>(call('PATCH', `/api/v1/teams/${team.id}`, { memberIds: [u1.id.toUpperCase(), u1.id] }))).memberIds, [u1.id]);
    const user = await ok<User>(createUser({ teamIds: [team.id.toUpperCase(), team.id] }), 201);
    assert.deepEqual(user.teamIds, [team.id]);
    assert.deepEqual((await ok<User>(patchUser(user.id, { teamIds: [team.id, team.id.toUpperCase()] }))).teamIds, [team.id]);
    assert.deepEqual([...(await ok<Team>(call('GET', `/api/v1/teams/${team.id}`))).memberIds].sort(), [u1.id, user.id].sort());
  });

  test('replacing memberships keeps the ones listed again and drops the others, on both sides', async () => {
    const u1 = await t.user('agent');
    const u2 = await t.user('agent');
    const u3 = await t.user('agent');
    const team = await ok<Team>(call('POST', '/api/v1/teams', { name: 'Replace members', memberIds: [u1.id, u2.id] }), 201);
    assert.deepEqual([...(await ok<Team>(call('PATCH', `/api/v1/teams/${team.id}`, { memberIds: [u2.id, u3.id] }))).memberIds].sort(), [u2.id, u3.id].sort());
    const other = await t.team('Replace members 2');
    assert.deepEqual((await ok<User>(patchUser(u2.id, { teamIds: [other] }))).teamIds, [other]);
    assert.deepEqual((await ok<Team>(call('GET', `/api/v1/teams/${team.id}`))).memberIds, [u3.id]);
    assert.deepEqual((await ok<User>(patchUser(u3.id, { teamIds: [other, team.id] }))).teamIds, [team.id, other].sort());
    assert.deepEqual((await ok<User>(patchUser(u3.id, { teamIds: [] }))).teamIds, []);
    assert.deepEqual((await ok<User>(patchUser(u1.id, { teamIds: [team.id] }))).teamIds, [team.id]);
    assertProblem(await patchUser(u1.id, { teamIds: [other, missingId] }), 400, 'validation.failed', 'teamIds', 'team.not_found');
    assert.deepEqual((await ok<User>(call('GET', `/api/v1/users/${u1.id}`))).teamIds, [team.id], 'a refused replacement changes nothing');
  });

  test('PATCH renames and replaces the member list; other fields are kept', async () => {
    const u1 = await t.user('agent');
    const u2 = await t.user('agent');
    const team = await ok<Team>(call('POST', '/api/v1/teams', { name: 'Night shift', description: '夜班', memberIds: [u1.id] }), 201);
    const renamed = await ok<Team>(call('PATCH', `/api/v1/teams/${team.id}`, { name: 'Night shift B' }));
    assert.equal(renamed.description, '夜班');
    assert.deepEqual(renamed.memberIds, [u1.id], 'members untouched when not sent');
    const replaced = await ok<Team>(call('PATCH', `/api/v1/teams/${team.id}`, { memberIds: [u2.id] }));
    assert.deepEqual(replaced.memberIds, [u2.id]);
    assert.deepEqual((await ok<User>(call('GET', `/api/v1/users/${u1.id}`))).teamIds, []);
    assert.deepEqual((await ok<Team>(call('PATCH', `/api/v1/teams/${team.id}`, { memberIds: [] }))).memberIds, []);
    assertProblem(await call('PATCH', `/api/v1/teams/${missingId}`, { name: 'x' }), 404, 'team.not_found');
  });

  test('DELETE: 204, then 404 for reads and a second delete', async () => {
    const team = await ok<Team>(call('POST', '/api/v1/teams', { name: 'Short-lived' }), 201);
    assert.equal((await call('DELETE', `/api/v1/teams/${team.id}`)).statusCode, 204);
    assertProblem(await call('GET', `/api/v1/teams/${team.id}`), 404, 'team.not_found');
    assertProblem(await call('DELETE', `/api/v1/teams/${team.id}`), 404, 'team.not_found');
    await t.drain();
  });
});

describe('permission matrix', () => {
  const users = {} as Record<RoleName, TestUser>;
  before(async () => {
    users.admin = t.admin;
    users.supervisor = await t.user('supervisor');
    users.agent = await t.user('agent');
    users.field_engineer = await t.user('field_engineer');
  });

  /** A ticket the user can see (assigned to them), fresh so its version is known. */
  async function ticketFor(user: TestUser): Promise<{ id: string; version: number }> {
    return ok(call('POST', '/api/v1/tickets', { subject: `matrix ${user.actor.role}`, assigneeId: user.id }), 201);
  }

  type Probe = { name: string; permission: Permission; allowed: readonly RoleName[]; run: (user: TestUser) => Promise<Res>; success: number };
  const all: readonly RoleName[] = roleNames;
  const probes: Probe[] = [
    { name: 'GET /me', permission: 'profile.self', allowed: all, success: 200, run: (u) => call('GET', '/api/v1/me', undefined, u.headers) },
    { name: 'create ticket', permission: 'tickets.create', allowed: ['admin', 'supervisor', 'agent'], success: 201, run: (u) => call('POST', '/api/v1/tickets', { subject: 'matrix create' }, u.headers) },
    { name: 'list tickets', permission: 'tickets.read', allowed: all, success: 200, run: (u) => call('GET', '/api/v1/tickets', undefined, u.headers) },
    {
      name: 'read ticket', permission: 'tickets.read', allowed: all, success: 200,
      run: async (u) => call('GET', `/api/v1/tickets/${(await ticketFor(u)).id}`, undefined, u.headers),
    },
    {
      name: 'change ticket status', permission: 'tickets.change_status', allowed: all, success: 200,
      run: async (u) => {
        const ticket = await ticketFor(u);
        return call('PATCH', `/api/v1/tickets/${ticket.id}`, { status: 'pending' }, { ...u.headers, 'if-match': `"${ticket.version}"` });
      },
    },
    {
      name: 'change ticket priority', permission: 'tickets.update', allowed: ['admin', 'supervisor', 'agent'], success: 200,
      run: async (u) => {
        const ticket = await ticketFor(u);
        return call('PATCH', `/api/v1/tickets/${ticket.id}`, { priority: 'high' }, { ...u.headers, 'if-match': `"${ticket.version}"` });
      },
    },
    { name: 'reply', permission: 'tickets.reply', allowed: all, success: 201, run: async (u) => call('POST', `/api/v1/tickets/${(await ticketFor(u)).id}/messages`, { body: 'reply' }, u.headers) },
    { name: 'note', permission: 'tickets.note', allowed: all, success: 201, run: async (u) => call('POST', `/api/v1/tickets/${(await ticketFor(u)).id}/messages`, { body: 'note', internal: true }, u.headers) },
    { name: 'export tickets', permission: 'tickets.export', allowed: ['admin', 'supervisor'], success: 200, run: (u) => call('GET', '/api/v1/tickets/export?format=csv&columns=number', undefined, u.headers) },
    { name: 'names on a ticket', permission: 'tickets.read', allowed: all, success: 200, run: async (u) => call('GET', `/api/v1/tickets/${(await ticketFor(u)).id}/names`, undefined, u.headers) },
    { name: 'phone intake', permission: 'tickets.create', allowed: ['admin', 'supervisor', 'agent'], success: 201, run: (u) => call('POST', '/api/v1/channels/phone/intake', { subject: 'matrix intake', requester: { phone: '13800138000' } }, u.headers) },
    { name: 'customer card of a ticket', permission: 'tickets.read', allowed: all, success: 404, run: async (u) => call('GET', `/api/v1/tickets/${(await ticketFor(u)).id}/customer`, undefined, u.headers) },
    { name: 'list users', permission: 'directory.read', allowed: ['admin', 'supervisor', 'agent'], success: 200, run: (u) => call('GET', '/api/v1/users', undefined, u.headers) },
    { name: 'list teams', permission: 'directory.read', allowed: ['admin', 'supervisor', 'agent'], success: 200, run: (u) => call('GET', '/api/v1/teams', undefined, u.headers) },
    { name: 'create user', permission: 'admin.users', allowed: ['admin'], success: 201, run: (u) => createUser({ name: `made by ${u.actor.role}` }, u.headers) },
    { name: 'update user', permission: 'admin.users', allowed: ['admin'], success: 200, run: (u) => patchUser(users.agent.id, { name: `renamed by ${u.actor.role}` }, u.headers) },
    { name: 'create team', permission: 'admin.teams', allowed: ['admin'], success: 201, run: (u) => call('POST', '/api/v1/teams', { name: `matrix team by ${u.actor.role}` }, u.headers) },
    { name: 'create category', permission: 'admin.categories', allowed: ['admin', 'supervisor'], success: 201, run: (u) => call('POST', '/api/v1/categories', { nameZh: `矩阵 ${u.actor.role}` }, u.headers) },
    {
      name: 'create priority', permission: 'admin.priorities', allowed: ['admin', 'supervisor'], success: 201,
      run: (u) => call('POST', '/api/v1/priorities', { key: `matrix-${u.actor.role.replace('_', '-')}`, nameZh: '矩阵', nameEn: 'Matrix', rank: 9 }, u.headers),
    },
    { name: 'list jobs', permission: 'admin.jobs', allowed: ['admin'], success: 200, run: (u) => call('GET', '/api/v1/admin/jobs', undefined, u.headers) },
    { name: 'list mailboxes', permission: 'admin.mailboxes', allowed: ['admin'], success: 200, run: (u) => call('GET', '/api/v1/mailboxes', undefined, u.headers) },
    { name: 'list channel accounts', permission: 'channels.manage', allowed: ['admin'], success: 200, run: (u) => call('GET', '/api/v1/channels/wechat/accounts', undefined, u.headers) },
    { name: 'WeCom member links', permission: 'channels.manage', allowed: ['admin'], success: 200, run: (u) => call('GET', '/api/v1/wecom/staff-links', undefined, u.headers) },
    { name: 'WeCom team robots', permission: 'channels.manage', allowed: ['admin'], success: 200, run: (u) => call('GET', '/api/v1/wecom/team-robots', undefined, u.headers) },
    { name: 'DingTalk member links', permission: 'channels.manage', allowed: ['admin'], success: 200, run: (u) => call('GET', '/api/v1/dingtalk/staff-links', undefined, u.headers) },
    { name: 'DingTalk team robots', permission: 'channels.manage', allowed: ['admin'], success: 200, run: (u) => call('GET', '/api/v1/dingtalk/team-robots', undefined, u.headers) },
    { name: 'Feishu team robots', permission: 'channels.manage', allowed: ['admin'], success: 200, run: (u) => call('GET', '/api/v1/feishu/team-robots', undefined, u.headers) },
    { name: 'my notifications', permission: 'profile.self', allowed: all, success: 200, run: (u) => call('GET', '/api/v1/notifications', undefined, u.headers) },
    { name: 'sandbox SMS', permission: 'channels.manage', allowed: ['admin'], success: 200, run: (u) => call('GET', '/api/v1/channels/sms/sandbox-messages', undefined, u.headers) },
    { name: 'sign-in audit log', permission: 'admin.security', allowed: ['admin'], success: 200, run: (u) => call('GET', '/api/v1/admin/sign-in-audit', undefined, u.headers) },
    { name: 'sign-in locks', permission: 'admin.security', allowed: ['admin'], success: 200, run: (u) => call('GET', '/api/v1/admin/sign-in-locks', undefined, u.headers) },
    { name: 'unlock sign-in', permission: 'admin.security', allowed: ['admin'], success: 404, run: (u) => call('DELETE', `/api/v1/admin/sign-in-locks/${missingId}`, undefined, u.headers) },
    { name: 'list suspicious mail', permission: 'email.quarantine', allowed: ['admin', 'supervisor'], success: 200, run: (u) => call('GET', '/api/v1/email-quarantine', undefined, u.headers) },
    { name: 'installed ticket channels', permission: 'tickets.read', allowed: all, success: 200, run: (u) => call('GET', '/api/v1/ticket-channels', undefined, u.headers) },
    { name: 'which way a reply will go', permission: 'tickets.read', allowed: all, success: 200, run: async (u) => call('GET', `/api/v1/tickets/${(await ticketFor(u)).id}/reply-plan`, undefined, u.headers) },
    { name: 'list a ticket\'s email CCs', permission: 'tickets.read', allowed: all, success: 200, run: async (u) => call('GET', `/api/v1/tickets/${(await ticketFor(u)).id}/email-ccs`, undefined, u.headers) },
    { name: 'accept an email CC', permission: 'tickets.update', allowed: ['admin', 'supervisor', 'agent'], success: 200, run: async (u) => call('PUT', `/api/v1/tickets/${(await ticketFor(u)).id}/email-ccs/cc@acme.test`, { state: 'accepted' }, u.headers) },
    { name: 'read security settings', permission: 'admin.security', allowed: ['admin'], success: 200, run: (u) => call('GET', '/api/v1/settings/security', undefined, u.headers) },
    { name: 'read the field registry', permission: 'forms.read', allowed: all, success: 200, run: (u) => call('GET', '/api/v1/ticket-fields', undefined, u.headers) },
    { name: 'SLA condition fields', permission: 'admin.sla', allowed: ['admin', 'supervisor'], success: 200, run: (u) => call('GET', '/api/v1/sla/condition-fields', undefined, u.headers) },
    { name: 'list field types', permission: 'forms.read', allowed: all, success: 200, run: (u) => call('GET', '/api/v1/field-types', undefined, u.headers) },
    { name: 'read ticket types', permission: 'forms.read', allowed: all, success: 200, run: (u) => call('GET', '/api/v1/ticket-types', undefined, u.headers) },
    { name: 'read the region tree', permission: 'forms.read', allowed: all, success: 200, run: (u) => call('GET', '/api/v1/field-options/china-regions', undefined, u.headers) },
    { name: 'create a custom field', permission: 'forms.manage', allowed: ['admin', 'supervisor'], success: 201, run: (u) => call('POST', '/api/v1/contact-fields', { key: `matrix_${u.actor.role}`, label: { 'zh-CN': '矩阵' }, type: 'text' }, u.headers) },
    { name: 'create a ticket type', permission: 'forms.manage', allowed: ['admin', 'supervisor'], success: 201, run: (u) => call('POST', '/api/v1/ticket-types', { key: `matrix_${u.actor.role}`, label: { 'zh-CN': '矩阵' } }, u.headers) },
    { name: 'search articles', permission: 'knowledge.read', allowed: all, success: 200, run: (u) => call('GET', '/api/v1/articles?q=x', undefined, u.headers) },
    { name: 'list surveys', permission: 'surveys.read', allowed: ['admin', 'supervisor'], success: 200, run: (u) => call('GET', '/api/v1/surveys', undefined, u.headers) },
    { name: 'list work orders', permission: 'field_service.read', allowed: all, success: 200, run: (u) => call('GET', '/api/v1/work-orders', undefined, u.headers) },
    { name: 'create a work order', permission: 'field_service.create', allowed: ['admin', 'supervisor', 'agent'], success: 404, run: (u) => call('POST', '/api/v1/work-orders', { ticketId: missingId }, u.headers) },
    { name: 'read customer notice settings', permission: 'field_service.dispatch', allowed: ['admin', 'supervisor'], success: 200, run: (u) => call('GET', '/api/v1/field-service/customer-notice-settings', undefined, u.headers) },
    { name: 'set the dispatch map', permission: 'field_service.manage', allowed: ['admin'], success: 400, run: (u) => call('PUT', '/api/v1/field-service/map-settings', { apiKey: '0123456789abcdef0123456789abcdef' }, u.headers) },
    { name: 'the dispatch board', permission: 'field_service.dispatch', allowed: ['admin', 'supervisor'], success: 200, run: (u) => call('GET', '/api/v1/dispatch/board?from=2026-12-14', undefined, u.headers) },
    { name: 'list engineers to dispatch', permission: 'field_service.dispatch', allowed: ['admin', 'supervisor'], success: 200, run: (u) => call('GET', '/api/v1/engineers', undefined, u.headers) },
    { name: 'create a service type', permission: 'field_service.manage', allowed: ['admin'], success: 201, run: (u) => call('POST', '/api/v1/service-types', { key: `matrix_${u.actor.role}`, name: { 'zh-CN': '矩阵' } }, u.headers) },
    { name: 'survey statistics', permission: 'surveys.read', allowed: ['admin', 'supervisor'], success: 200, run: (u) => call('GET', '/api/v1/surveys/stats', undefined, u.headers) },
    { name: 'read survey settings', permission: 'surveys.manage', allowed: ['admin', 'supervisor'], success: 200, run: (u) => call('GET', '/api/v1/settings/surveys', undefined, u.headers) },
    { name: 'the assignment board', permission: 'assignment.manage', allowed: ['admin', 'supervisor'], success: 200, run: (u) => call('GET', '/api/v1/assignment/agents', undefined, u.headers) },
    { name: 'send a survey by hand', permission: 'surveys.manage', allowed: ['admin', 'supervisor'], success: 400, run: (u) => call('POST', '/api/v1/surveys', { kind: 'nps', contactId: missingId }, u.headers) },
    { name: 'a ticket\'s surveys', permission: 'tickets.read', allowed: all, success: 200, run: async (u) => call('GET', `/api/v1/tickets/${(await ticketFor(u)).id}/surveys`, undefined, u.headers) },
    { name: 'write an article', permission: 'knowledge.write', allowed: ['admin', 'supervisor', 'agent'], success: 201, run: (u) => call('POST', '/api/v1/articles', { translations: [{ locale: 'zh-CN', title: `matrix ${u.actor.role}`, bodyHtml: '<p>x</p>' }] }, u.headers) },
    { name: 'search macros', permission: 'tickets.reply', allowed: all, success: 200, run: (u) => call('GET', '/api/v1/macros?q=退款', undefined, u.headers) },
    { name: 'create a knowledge category', permission: 'knowledge.review', allowed: ['admin', 'supervisor'], success: 201, run: (u) => call('POST', '/api/v1/knowledge/categories', { nameZh: `matrix ${u.actor.role}` }, u.headers) },
    { name: 'list webhooks', permission: 'webhooks.manage', allowed: ['admin'], success: 200, run: (u) => call('GET', '/api/v1/webhooks', undefined, u.headers) },
    { name: 'export the KPIs', permission: 'reports.read', allowed: ['admin', 'supervisor', 'agent'], success: 200, run: (u) => call('GET', '/api/v1/reports/kpis/export?from=2026-10-01T00:00:00Z&to=2026-10-02T00:00:00Z&format=csv', undefined, u.headers) },
    { name: 'export a drill-down\'s tickets', permission: 'tickets.export', allowed: ['admin', 'supervisor'], success: 200, run: (u) => call('GET', '/api/v1/reports/drill/export?from=2026-10-01T00:00:00Z&to=2026-10-02T00:00:00Z&format=csv', undefined, u.headers) },
    { name: 'the live dashboard', permission: 'reports.read', allowed: ['admin', 'supervisor', 'agent'], success: 200, run: (u) => call('GET', '/api/v1/reports/live', undefined, u.headers) },
    { name: 'the reporting time zone', permission: 'reports.manage', allowed: ['admin'], success: 200, run: (u) => call('PUT', '/api/v1/settings/reports', { timeZone: 'Asia/Shanghai' }, u.headers) },
  ];

  test('the expectations below are the permission catalogue', () => {
    for (const probe of probes) {
      for (const role of roleNames) assert.equal(roleHas(role, probe.permission), probe.allowed.includes(role), `${role} ${probe.permission}`);
    }
  });

  for (const role of roleNames) {
    test(`${role}: allowed requests succeed, the others are 403`, async () => {
      for (const probe of probes) {
        const res = await probe.run(users[role]);
        if (probe.allowed.includes(role)) assert.equal(res.statusCode, probe.success, `${role} ${probe.name}: ${res.body}`);
        else assertProblem(res, 403, 'auth.forbidden');
      }
    });
  }

  test('refused writes change nothing', async () => {
    const teams = (await ok<{ items: Team[] }>(call('GET', '/api/v1/teams'))).items.map((x) => x.name);
    assert.deepEqual(teams.filter((n) => n.startsWith('matrix team by')), ['matrix team by admin']);
    const made = (await ok<{ items: User[] }>(call('GET', `/api/v1/users?q=${encodeURIComponent('made by')}`))).items.map((u) => u.name);
    assert.deepEqual(made, ['made by admin']);
    const keys = (await ok<{ items: Array<{ key: string }> }>(call('GET', '/api/v1/priorities'))).items.map((p) => p.key).filter((k) => k.startsWith('matrix-'));
    assert.deepEqual(keys.sort(), ['matrix-admin', 'matrix-supervisor']);
  });

  test('/me lists exactly the catalogue permissions of the role', async () => {
    for (const role of roleNames) {
      const me = await ok<{ permissions: string[] }>(call('GET', '/api/v1/me', undefined, users[role].headers));
      const expected = probes.map((p) => p.permission).filter((p, i, list) => list.indexOf(p) === i && roleHas(role, p));
      for (const permission of expected) assert.ok(me.permissions.includes(permission), `${role} has ${permission}`);
      for (const probe of probes) if (!roleHas(role, probe.permission)) assert.ok(!me.permissions.includes(probe.permission), `${role} lacks ${probe.permission}`);
    }
  });
});

describe('no credentials', () => {
  const uuid = missingId;
  const protectedRoutes: Array<[Method, string, unknown?]> = [
    ['GET', '/api/v1/me'],
    ['PATCH', '/api/v1/me', { locale: 'en' }],
    ['POST', '/api/v1/me/password', { currentPassword: 'x', newPassword: 'password-456' }],
    ['GET', '/api/v1/tokens'],
    ['POST', '/api/v1/tokens', { name: 'x' }],
    ['DELETE', `/api/v1/tokens/${uuid}`],
    ['GET', '/api/v1/tickets'],
    ['POST', '/api/v1/tickets', { subject: 'x' }],
    ['GET', `/api/v1/tickets/${uuid}`],
    ['PATCH', `/api/v1/tickets/${uuid}`, { subject: 'x' }],
    ['GET', `/api/v1/tickets/${uuid}/timeline`],
    ['GET', `/api/v1/tickets/${uuid}/reply-plan`],
    ['GET', `/api/v1/tickets/${uuid}/sla`],
    ['POST', `/api/v1/tickets/${uuid}/messages`, { body: 'x' }],
    ['POST', `/api/v1/tickets/${uuid}/attachments`],
    ['GET', `/api/v1/attachments/${uuid}`],
    ['GET', '/api/v1/users'],
    ['POST', '/api/v1/users', { email: 'a@b.test', name: 'x', password: 'password-123', role: 'admin' }],
    ['GET', `/api/v1/users/${uuid}`],
    ['PATCH', `/api/v1/users/${uuid}`, { role: 'admin' }],
    ['GET', '/api/v1/teams'],
    ['POST', '/api/v1/teams', { name: 'x' }],
    ['GET', `/api/v1/teams/${uuid}`],
    ['PATCH', `/api/v1/teams/${uuid}`, { name: 'x' }],
    ['DELETE', `/api/v1/teams/${uuid}`],
    ['GET', '/api/v1/categories'],
    ['POST', '/api/v1/categories', { nameZh: 'x' }],
    ['PATCH', `/api/v1/categories/${uuid}`, { nameZh: 'x' }],
    ['DELETE', `/api/v1/categories/${uuid}`],
    ['GET', '/api/v1/priorities'],
    ['POST', '/api/v1/priorities', { key: 'x', nameZh: 'x', nameEn: 'x', rank: 1 }],
    ['PATCH', '/api/v1/priorities/normal', { nameEn: 'x' }],
    ['DELETE', '/api/v1/priorities/lowest'],
    ['GET', '/api/v1/admin/jobs'],
    ['POST', `/api/v1/admin/jobs/${uuid}/retry`],
    ['GET', '/api/v1/contacts'],
    ['POST', '/api/v1/tickets/bulk', { ids: [uuid], changes: { status: 'open' } }],
    ['GET', '/api/v1/tickets/export'],
    ['GET', '/api/v1/ticket-views'],
    ['POST', '/api/v1/ticket-views', { name: 'x' }],
    ['GET', '/api/v1/ticket-views/counts'],
    ['PATCH', `/api/v1/ticket-views/${uuid}`, { name: 'x' }],
    ['DELETE', `/api/v1/ticket-views/${uuid}`],
    ['PUT', `/api/v1/tickets/${uuid}/viewers/tab-1`, { composing: false }],
    ['DELETE', `/api/v1/tickets/${uuid}/viewers/tab-1`],
    ['GET', `/api/v1/tickets/${uuid}/viewers`],
    ['GET', '/api/v1/stream'],
    ['GET', '/api/v1/sla/calendars'],
    ['GET', `/api/v1/sla/calendars/${uuid}`],
    ['GET', `/api/v1/sla/calendars/${uuid}/add-business-time`],
    ['POST', '/api/v1/sla/calendars', { nameZh: 'x' }],
    ['PATCH', `/api/v1/sla/calendars/${uuid}`, { nameZh: 'x' }],
    ['DELETE', `/api/v1/sla/calendars/${uuid}`],
    ['POST', `/api/v1/sla/calendars/${uuid}/import-schedule`, { source: 'china', year: 2026 }],
    ['GET', '/api/v1/sla/holiday-schedules/china'],
    ['GET', '/api/v1/sla/policies'],
    ['GET', `/api/v1/sla/policies/${uuid}`],
    ['POST', '/api/v1/sla/policies', { nameZh: 'x' }],
    ['PATCH', `/api/v1/sla/policies/${uuid}`, { nameZh: 'x' }],
    ['DELETE', `/api/v1/sla/policies/${uuid}`],
    ['POST', '/api/v1/sla/policies/reorder', { ids: [] }],
    ['GET', '/api/v1/rules'],
    ['POST', '/api/v1/rules', { name: 'x' }],
    ['GET', '/api/v1/rules/fields'],
    ['POST', '/api/v1/rules/preview', { conditions: { all: [] } }],
    ['POST', '/api/v1/rules/explain', { ticketId: 'x' }],
    ['POST', '/api/v1/rules/reorder', { ids: [] }],
    ['GET', `/api/v1/rules/${uuid}`],
    ['PATCH', `/api/v1/rules/${uuid}`, { name: 'x' }],
    ['DELETE', `/api/v1/rules/${uuid}`],
    ['PUT', `/api/v1/rules/${uuid}/enabled`, { enabled: false }],
    ['POST', `/api/v1/rules/${uuid}/explain`, { ticketId: 'x' }],
    ['GET', `/api/v1/rules/${uuid}/versions`],
    ['GET', `/api/v1/rules/${uuid}/firings`],
    ['GET', '/api/v1/rule-firings'],
    ['GET', `/api/v1/rules/${uuid}/backfill`],
    ['GET', '/api/v1/rule-names'],
    ['GET', '/api/v1/processes'],
    ['POST', '/api/v1/processes', { key: 'x' }],
    ['POST', '/api/v1/processes/import', {}],
    ['GET', `/api/v1/processes/${uuid}`],
    ['PUT', `/api/v1/processes/${uuid}`, {}],
    ['POST', `/api/v1/processes/${uuid}/publish`],
    ['GET', `/api/v1/processes/${uuid}/versions/1`],
    ['GET', `/api/v1/processes/${uuid}/export`],
    ['GET', `/api/v1/processes/${uuid}/history`],
    ['POST', `/api/v1/processes/${uuid}/migrations/preview`, {}],
    ['POST', `/api/v1/processes/${uuid}/migrations`, {}],
    ['GET', '/api/v1/actor-names'],
    ['POST', `/api/v1/tickets/${uuid}/transitions`, { transition: 'x', expectedRevision: 1 }],
    ['GET', `/api/v1/tickets/${uuid}/process`],
    ['GET', '/api/v1/process-stages'],
    ['GET', '/api/v1/approvals'],
    ['POST', `/api/v1/approvals/${uuid}/decisions`, { decision: 'approve' }],
    ['POST', `/api/v1/approvals/${uuid}/signers`, { userId: uuid }],
    ['POST', `/api/v1/approvals/${uuid}/reassign`, { to: uuid }],
    ['GET', `/api/v1/tickets/${uuid}/approvals`],
    ['GET', '/api/v1/me/approval-delegate'],
    ['PUT', '/api/v1/me/approval-delegate', { userId: uuid, from: '2026-01-01', until: '2026-01-02' }],
    ['DELETE', '/api/v1/me/approval-delegate'],
    ['GET', '/api/v1/process-stages/options'],
    ['GET', '/api/v1/sla/condition-fields'],
    ['GET', '/api/v1/field-types'],
    ['GET', '/api/v1/channels'],
    ['GET', '/api/v1/ticket-channels'],
    ['GET', '/api/v1/channels/wechat/accounts'],
    ['POST', '/api/v1/channels/wechat/accounts', { name: 'x', settings: {} }],
    ['GET', `/api/v1/channels/wechat/accounts/${uuid}`],
    ['PATCH', `/api/v1/channels/wechat/accounts/${uuid}`, { name: 'x' }],
    ['DELETE', `/api/v1/channels/wechat/accounts/${uuid}`],
    ['POST', `/api/v1/channels/wechat/accounts/${uuid}/test`],
    ['GET', '/api/v1/wecom/staff-links'],
    ['PUT', `/api/v1/wecom/staff-links/${uuid}`, { wecomUserId: 'x', accountId: uuid }],
    ['DELETE', `/api/v1/wecom/staff-links/${uuid}`],
    ['GET', '/api/v1/wecom/team-robots'],
    ['PUT', `/api/v1/wecom/team-robots/${uuid}`, { sandbox: true }],
    ['DELETE', `/api/v1/wecom/team-robots/${uuid}`],
    ['GET', '/api/v1/dingtalk/staff-links'],
    ['PUT', `/api/v1/dingtalk/staff-links/${uuid}`, { dingtalkUserId: 'x', accountId: uuid }],
    ['DELETE', `/api/v1/dingtalk/staff-links/${uuid}`],
    ['GET', '/api/v1/dingtalk/team-robots'],
    ['PUT', `/api/v1/dingtalk/team-robots/${uuid}`, { sandbox: true }],
    ['DELETE', `/api/v1/dingtalk/team-robots/${uuid}`],
    ['GET', '/api/v1/notifications'],
    ['POST', `/api/v1/notifications/${uuid}/read`],
    ['POST', '/api/v1/notifications/read-all'],
    ['GET', '/api/v1/me/notification-preferences'],
    ['PUT', '/api/v1/me/notification-preferences', {}],
    ['GET', '/api/v1/feishu/team-robots'],
    ['PUT', `/api/v1/feishu/team-robots/${uuid}`, { sandbox: true }],
    ['DELETE', `/api/v1/feishu/team-robots/${uuid}`],
    ['GET', '/api/v1/channels/sms/sandbox-messages'],
    ['GET', '/api/v1/mailboxes'],
    ['GET', `/api/v1/mailboxes/${uuid}`],
    ['POST', '/api/v1/mailboxes', { address: 'x@acme.test', name: 'x' }],
    ['PATCH', `/api/v1/mailboxes/${uuid}`, { name: 'x' }],
    ['DELETE', `/api/v1/mailboxes/${uuid}`],
    ['GET', '/api/v1/email-quarantine'],
    ['GET', '/api/v1/email-quarantine/count'],
    ['GET', `/api/v1/email-quarantine/${uuid}`],
    ['POST', `/api/v1/email-quarantine/${uuid}/attach`],
    ['POST', `/api/v1/email-quarantine/${uuid}/new-ticket`],
    ['POST', `/api/v1/email-quarantine/${uuid}/reject`],
    ['GET', `/api/v1/tickets/${uuid}/email-ccs`],
    ['GET', `/api/v1/tickets/${uuid}/names`],
    ['GET', `/api/v1/tickets/${uuid}/customer`],
    ['POST', '/api/v1/channels/phone/intake', { subject: 'x', requester: { phone: '13800138000' } }],
    ['PUT', `/api/v1/tickets/${uuid}/email-ccs/cc@acme.test`, { state: 'accepted' }],
    ['DELETE', `/api/v1/tickets/${uuid}/email-ccs/cc@acme.test`],
    ['GET', '/api/v1/settings/security'],
    ['PUT', '/api/v1/settings/security', { outboundAllow: [] }],
    ['GET', '/api/v1/contacts/lookup'],
    ['POST', '/api/v1/contacts'],
    ['GET', `/api/v1/contacts/${uuid}`],
    ['PATCH', `/api/v1/contacts/${uuid}`],
    ['DELETE', `/api/v1/contacts/${uuid}`],
    ['POST', `/api/v1/contacts/${uuid}/identities`],
    ['DELETE', `/api/v1/contacts/${uuid}/identities/identity-id`],
    ['GET', `/api/v1/contacts/${uuid}/duplicates`],
    ['POST', '/api/v1/contacts/merge'],
    ['GET', `/api/v1/contacts/${uuid}/history`],
    ['POST', `/api/v1/contacts/${uuid}/anonymize`],
    ['GET', `/api/v1/contacts/${uuid}/export`],
    ['GET', `/api/v1/contacts/${uuid}/360`],
    ['GET', `/api/v1/contacts/${uuid}/messages`],
    ['GET', '/api/v1/organizations'],
    ['POST', '/api/v1/organizations'],
    ['GET', `/api/v1/organizations/${uuid}`],
    ['PATCH', `/api/v1/organizations/${uuid}`],
    ['DELETE', `/api/v1/organizations/${uuid}`],
    ['GET', `/api/v1/organizations/${uuid}/duplicates`],
    ['POST', '/api/v1/organizations/merge'],
    ['GET', `/api/v1/organizations/${uuid}/history`],
    ['GET', `/api/v1/organizations/${uuid}/360`],
    ['GET', '/api/v1/customer-records'],
    ['GET', '/api/v1/customer-records/order/SO-1'],
    ['PUT', '/api/v1/customer-records/order/SO-1'],
    ['DELETE', '/api/v1/customer-records/order/SO-1'],
    ['GET', '/api/v1/customer-tiers'],
    ['POST', '/api/v1/customer-tiers'],
    ['PATCH', '/api/v1/customer-tiers/vip'],
    ['DELETE', '/api/v1/customer-tiers/vip'],
    ['GET', `/api/v1/contacts/${uuid}/portal-access`],
    ['PUT', `/api/v1/contacts/${uuid}/portal-access`, { orgAdmin: true }],
    ['POST', `/api/v1/tickets/${uuid}/calls`, { direction: 'inbound' }],
    ['POST', '/api/v1/channels/phone/calls', { callId: 'x' }],
    ['GET', '/api/v1/admin/sign-in-audit'],
    ['GET', '/api/v1/admin/sign-in-locks'],
    ['DELETE', `/api/v1/admin/sign-in-locks/${uuid}`],
    ...(['ticket', 'contact', 'organisation'] as const).flatMap((entity): Array<[Method, string, unknown?]> => [
      ['GET', `/api/v1/${entity}-fields`],
      ['POST', `/api/v1/${entity}-fields`, { key: 'x', label: { 'zh-CN': 'x' }, type: 'text' }],
      ['GET', `/api/v1/${entity}-fields/normal`],
      ['PATCH', `/api/v1/${entity}-fields/normal`, { label: { 'zh-CN': 'x' } }],
      ['DELETE', `/api/v1/${entity}-fields/normal`],
    ]),
    ['GET', '/api/v1/ticket-types'],
    ['POST', '/api/v1/ticket-types', { key: 'x', label: { 'zh-CN': 'x' } }],
    ['GET', '/api/v1/ticket-types/normal'],
    ['PATCH', '/api/v1/ticket-types/normal', { active: false }],
    ['POST', '/api/v1/ticket-types/normal/versions', { form: { sections: [] } }],
    ['GET', '/api/v1/ticket-types/normal/versions/1'],
    ['GET', '/api/v1/ticket-types/normal/form'],
    ['GET', '/api/v1/field-options/china-regions'],
    ['GET', '/api/v1/surveys'],
    ['POST', '/api/v1/surveys', { kind: 'nps', contactId: uuid }],
    ['GET', '/api/v1/surveys/stats'],
    ['GET', '/api/v1/service-types'], ['GET', '/api/v1/service-types/normal'], ['POST', '/api/v1/service-types', { key: 'x', name: { 'zh-CN': '某' } }], ['PATCH', '/api/v1/service-types/normal', {}], ['POST', '/api/v1/service-types/normal/versions', {}],
    ['GET', `/api/v1/work-orders/${missingId}/report.pdf`], ['GET', '/api/v1/field-service/customer-notice-settings'], ['PUT', '/api/v1/field-service/customer-notice-settings/global', { noticesEnabled: true, reminderTime: null }],
    ['GET', '/api/v1/field-service/map-settings'], ['PUT', '/api/v1/field-service/map-settings', { apiKey: '0123456789abcdef0123456789abcdef' }], ['DELETE', '/api/v1/field-service/map-settings'], ['GET', '/api/v1/dispatch/map'],
    ['GET', '/api/v1/work-orders'], ['POST', '/api/v1/work-orders', { ticketId: uuid }], ['GET', `/api/v1/work-orders/${missingId}`], ['PATCH', `/api/v1/work-orders/${missingId}`, {}], ['POST', `/api/v1/work-orders/${missingId}/events`, {}], ['POST', '/api/v1/work-orders/sync', { operations: [] }], ['POST', `/api/v1/work-orders/${missingId}/attachments`], ['GET', `/api/v1/work-order-attachments/${missingId}`],
    ['GET', '/api/v1/dispatch/board'], ['GET', `/api/v1/work-orders/${missingId}/suggestions`], ['GET', '/api/v1/engineers'], ['PUT', `/api/v1/engineers/${missingId}/profile`, {}],
    ['GET', '/api/v1/settings/surveys'],
    ['PUT', '/api/v1/settings/surveys', { csatDelayMinutes: 5 }],
    ['GET', `/api/v1/tickets/${uuid}/surveys`],
    ['GET', `/api/v1/contacts/${uuid}/surveys`],
    ['GET', '/api/v1/macros'],
    ['POST', '/api/v1/macros', { scope: 'personal', name: 'x' }],
    ['GET', '/api/v1/macros/variables'],
    ['GET', `/api/v1/macros/${uuid}`],
    ['PATCH', `/api/v1/macros/${uuid}`, { name: 'x' }],
    ['DELETE', `/api/v1/macros/${uuid}`],
    ['POST', `/api/v1/tickets/${uuid}/macros/macro-id/preview`],
    ['POST', `/api/v1/tickets/${uuid}/macros/macro-id/apply`],
    ['GET', '/api/v1/articles'],
    ['POST', '/api/v1/articles', { translations: [] }],
    ['GET', `/api/v1/articles/${uuid}`],
    ['PATCH', `/api/v1/articles/${uuid}`, {}],
    ['POST', `/api/v1/articles/${uuid}/transitions`, { transition: 'publish' }],
    ['GET', `/api/v1/articles/${uuid}/versions`],
    ['GET', `/api/v1/articles/${uuid}/diff`],
    ['POST', `/api/v1/articles/${uuid}/rollback`, { toVersion: 1 }],
    ['GET', `/api/v1/articles/${uuid}/feedback`],
    ['GET', `/api/v1/tickets/${uuid}/article-suggestions`],
    ['GET', `/api/v1/tickets/${uuid}/articles`],
    ['POST', `/api/v1/tickets/${uuid}/articles`, {}],
    ['POST', `/api/v1/tickets/${uuid}/messages/message-id/article-draft`, {}],
    ['POST', `/api/v1/articles/${uuid}/files`],
    ['DELETE', `/api/v1/articles/${uuid}/files/file-id`],
    ['GET', '/api/v1/articles/files/{sha256}'],
    ['GET', '/api/v1/knowledge/categories'],
    ['POST', '/api/v1/knowledge/categories', { nameZh: 'x' }],
    ['PUT', `/api/v1/knowledge/categories/${uuid}`, { nameZh: 'x' }],
    ['GET', '/api/v1/webhooks'],
    ['POST', '/api/v1/webhooks', { url: 'https://example.com/hooks', eventTypes: ['ticket.created'] }],
    ['GET', '/api/v1/webhooks/event-types'],
    ['GET', `/api/v1/webhooks/${uuid}`],
    ['PATCH', `/api/v1/webhooks/${uuid}`, { enabled: false }],
    ['DELETE', `/api/v1/webhooks/${uuid}`],
    ['POST', `/api/v1/webhooks/${uuid}/rotate-secret`, {}],
    ['POST', `/api/v1/webhooks/${uuid}/test`],
    ['GET', `/api/v1/webhooks/${uuid}/deliveries`],
    ['GET', `/api/v1/webhooks/${uuid}/deliveries/delivery-id`],
    ['POST', `/api/v1/webhooks/${uuid}/deliveries/delivery-id/replay`],
    ['GET', '/api/v1/imports'],
    ['POST', '/api/v1/imports'],
    ['GET', `/api/v1/imports/${uuid}`],
    ['PATCH', `/api/v1/imports/${uuid}`, {}],
    ['POST', `/api/v1/imports/${uuid}/dry-run`],
    ['POST', `/api/v1/imports/${uuid}/run`],
    ['POST', `/api/v1/imports/${uuid}/rollback`],
    ['GET', `/api/v1/imports/${uuid}/rejected.xlsx`],
    ['POST', `/api/v1/imports/${uuid}/template`, { name: 'x' }],
    ['GET', '/api/v1/import-templates'],
    ['POST', '/api/v1/import-templates', { name: 'x' }],
    ['PUT', `/api/v1/import-templates/${uuid}`, { name: 'x' }],
    ['DELETE', `/api/v1/import-templates/${uuid}`],
    ['GET', '/api/v1/exports'],
    ['POST', '/api/v1/exports'],
    ['GET', `/api/v1/exports/${uuid}`],
    ['GET', `/api/v1/exports/${uuid}/download`],
    ['GET', '/api/v1/me/status'],
    ['PUT', '/api/v1/me/status', { status: 'online' }],
    ['POST', '/api/v1/me/status/heartbeat'],
    ['GET', `/api/v1/teams/${uuid}/assignment`],
    ['PUT', `/api/v1/teams/${uuid}/assignment`, { strategy: 'round_robin' }],
    ['GET', `/api/v1/users/${uuid}/assignment`],
    ['PUT', `/api/v1/users/${uuid}/assignment`, { capacity: 3 }],
    ['GET', `/api/v1/users/${uuid}/skills`],
    ['PUT', `/api/v1/users/${uuid}/skills`, { skills: {} }],
    ['GET', `/api/v1/users/${uuid}/shifts`],
    ['PUT', `/api/v1/users/${uuid}/shifts`, { weekly: null }],
    ['POST', `/api/v1/users/${uuid}/shift-exceptions`, { kind: 'leave', startsAt: '2026-12-01T00:00:00Z', endsAt: '2026-12-02T00:00:00Z' }],
    ['DELETE', `/api/v1/users/${uuid}/shift-exceptions/exception-id`],
    ['GET', '/api/v1/assignment/queue'],
    ['GET', '/api/v1/assignment/agents'],
    ['POST', `/api/v1/assignment/agents/${uuid}/pause`],
    ['POST', `/api/v1/assignment/agents/${uuid}/resume`],
    ['GET', '/api/v1/reports/kpis'], ['GET', '/api/v1/reports/heatmap'], ['GET', '/api/v1/reports/drill'], ['GET', '/api/v1/reports/live'],
    ['GET', '/api/v1/reports/kpis/export'], ['GET', '/api/v1/reports/drill/export'],
    ['GET', '/api/v1/settings/reports'], ['PUT', '/api/v1/settings/reports', { timeZone: 'UTC' }],
    ['GET', '/api/v1/reports/dimensions'], ['GET', '/api/v1/reports/saved'], ['POST', '/api/v1/reports/saved', { name: 'x', definition: { measure: 'volume', range: { last: 'last7' } } }],
    ['GET', `/api/v1/reports/saved/${uuid}`], ['PATCH', `/api/v1/reports/saved/${uuid}`, { name: 'x' }], ['DELETE', `/api/v1/reports/saved/${uuid}`],
    ['GET', `/api/v1/reports/saved/${uuid}/result`], ['GET', `/api/v1/reports/saved/${uuid}/export`], ['POST', '/api/v1/reports/query', { definition: { measure: 'volume', range: { last: 'last7' } } }],
    ['PUT', `/api/v1/reports/saved/${uuid}/schedule`, { frequency: 'daily', at: '09:00', recipientUserIds: [uuid] }], ['DELETE', `/api/v1/reports/saved/${uuid}/schedule`],
  ];
  /** Customer routes: the portal cookie only (an agent's session or token does not count). */
  const portalRoutes: Array<[Method, string, unknown?]> = [
    ['GET', '/api/v1/portal/me'],
    ['GET', '/api/v1/portal/tickets'],
    ['GET', `/api/v1/portal/tickets/${uuid}`],
    ['POST', `/api/v1/portal/tickets/${uuid}/messages`, { body: 'x' }],
    ['POST', `/api/v1/portal/tickets/${uuid}/close`],
    ['GET', `/api/v1/portal/attachments/${uuid}`],
    ['GET', `/api/v1/portal/tickets/${uuid}/survey`],
    ['POST', `/api/v1/portal/tickets/${uuid}/survey`, { score: 5 }],
    ['GET', '/api/v1/portal/nps'],
    ['GET', `/api/v1/portal/tickets/${uuid}/visits`],
    ['POST', `/api/v1/portal/visits/${uuid}/rating`, { rating: 5 }],
    ['POST', `/api/v1/portal/nps/${uuid}`, { score: 9 }],
  ];
  const publicRoutes: Array<[Method, string]> = [
    ['POST', '/api/v1/auth/login'],
    ['POST', '/api/v1/auth/logout'],
    ['POST', '/api/v1/portal/login-codes'],
    ['POST', '/api/v1/portal/sessions'],
    ['GET', '/api/v1/portal/sign-in-methods'],
    ['POST', '/api/v1/portal/sms-login-codes'],
    ['POST', '/api/v1/portal/sms-sessions'],
    ['POST', '/api/v1/portal/logout'],
    ['GET', '/api/v1/portal/forms/categories'],
    ['POST', '/api/v1/portal/forms/tickets'],
    ['GET', '/api/v1/portal/ticket-types'],
    ['GET', '/api/v1/portal/ticket-types/normal/form'],
    ['GET', `/api/v1/survey-links/${uuid}_1999999999_not-signed`],
    ['POST', `/api/v1/survey-links/${uuid}_1999999999_not-signed/answer`],
    ['POST', `/api/v1/survey-links/${uuid}_1999999999_not-signed/comment`],
    ['GET', '/api/v1/approval-links/{token}'],
    ['POST', '/api/v1/approval-links/{token}'],
    ['GET', '/api/v1/help/articles'],
    ['GET', '/api/v1/help/suggestions'],
    ['GET', '/api/v1/help/articles/{slug}'],
    ['GET', '/api/v1/help/categories'],
    ['POST', `/api/v1/help/articles/${uuid}/visits`],
    ['POST', `/api/v1/help/articles/${uuid}/votes`],
    ['POST', '/api/v1/help/ticket-submitted'],
    ['GET', '/api/v1/help/files/{sha256}'],
    // Vendors call back with their signature, not a session (answered 404 for an unknown account).
    ['GET', `/api/v1/channels/wechat/${uuid}/callback`],
    ['POST', `/api/v1/channels/wechat/${uuid}/callback`],
  ];

  test('every customer route answers 401 without a portal session, even with an agent\'s token', async () => {
    for (const [method, url, payload] of portalRoutes) {
      assertProblem(await call(method, url, payload, {}), 401, 'portal.unauthenticated');
      assertProblem(await call(method, url, payload), 401, 'portal.unauthenticated');
    }
  });

  test('every protected route answers 401 problem+json without credentials, before validating the request', async () => {
    for (const [method, url, payload] of protectedRoutes) {
      const res = await call(method, url, payload, {});
      assertProblem(res, 401, 'auth.unauthenticated');
    }
  });

  test('the list above covers every /api/v1 route of the OpenAPI document', async () => {
    const spec = await ok<{ paths: Record<string, Record<string, unknown>> }>(call('GET', '/api/openapi.json', undefined, {}));
    const known = new Set([...protectedRoutes, ...portalRoutes, ...publicRoutes].map(([method, url]) => `${method} ${url.replace(missingId, '{id}').replace('/normal', '/{key}').replace('/lowest', '/{key}').replace('/viewers/tab-1', '/viewers/{tabId}').replace('/identities/identity-id', '/identities/{identityId}').replace('/order/SO-1', '/{type}/{externalId}').replace('/customer-tiers/vip', '/customer-tiers/{key}').replace('/email-ccs/cc@acme.test', '/email-ccs/{address}').replace('/versions/1', '/versions/{version}').replace('/messages/message-id/', '/messages/{messageId}/').replace('/macros/macro-id/', '/macros/{macroId}/').replace('/files/file-id', '/files/{fileId}').replace('/shift-exceptions/exception-id', '/shift-exceptions/{exceptionId}').replace('/survey-links/{id}_1999999999_not-signed', '/survey-links/{token}').replace('/channels/wechat/', '/channels/{kind}/').replace('/{id}/callback', '/{accountId}/callback').replace('/deliveries/delivery-id', '/deliveries/{deliveryId}').replace('/customer-notice-settings/global', '/customer-notice-settings/{scope}')}`));
    const documented = Object.entries(spec.paths)
      .filter(([path]) => path.startsWith('/api/v1/'))
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    assert.ok(documented.length >= protectedRoutes.length, `the document lists the API: ${documented.length}`);
    const missing = documented.filter((route) => !known.has(route));
    assert.deepEqual(missing, [], 'add new routes to the no-credentials list');
  });

  test('public routes do not ask for credentials', async () => {
    assert.equal((await call('POST', '/api/v1/auth/logout', undefined, {})).statusCode, 204);
    assert.equal((await call('POST', '/api/v1/auth/login', { email: 'nobody@example.test', password: 'x' }, {})).statusCode, 401);
    assert.equal((await call('GET', '/healthz', undefined, {})).statusCode, 200);
    assert.equal((await call('GET', '/api/openapi.json', undefined, {})).statusCode, 200);
  });
});

// Last: it may leave the test admin demoted.
describe('two admins demoting each other at once', () => {
  /** Poll (bounded) until `condition` holds. */
  async function waitUntil(condition: () => Promise<boolean>, what: string) {
    for (let i = 0; i < 1000; i++) {
      if (await condition()) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.fail(`timed out waiting until ${what}`);
  }

  test('exactly one of the two succeeds: there is always an active admin', async () => {
    const other = await ok<User>(createUser({ role: 'admin', email: uniqueEmail('rival') }), 201);
    const login = await t.api('POST', '/api/v1/auth/login', { as: null, body: { email: other.email, password: 'password-123' } });
    assert.equal(login.statusCode, 200, login.body);
    const cookie = { cookie: `opencsm_session=${login.cookies.find((c) => c.name === 'opencsm_session')!.value}`, 'sec-fetch-site': 'same-origin' };
    assert.deepEqual((await activeAdmins()).sort(), [t.admin.id, other.id].sort());
    const race = () => Promise.all([patchUser(other.id, { role: 'agent' }), patchUser(t.admin.id, { role: 'agent' }, cookie)]);

    let results: Res[];
    const url = (t.database as { url?: string }).url;
    if (url) {
      // PostgreSQL: keep both requests inside their transactions (the outbox table is locked, so
      // neither can commit) until both are waiting on a lock, so that they truly overlap.
      const blocker = new pg.Client({ connectionString: url });
      const observer = new pg.Client({ connectionString: url });
      await Promise.all([blocker.connect(), observer.connect()]);
      try {
        await blocker.query('begin');
        await blocker.query('lock table domain_events in exclusive mode');
        const pending = race();
        await waitUntil(async () => {
          const { rows } = await observer.query<{ n: number }>(
            "select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name = 'opencsm' and wait_event_type = 'Lock'",
          );
          return rows[0]!.n >= 2;
        }, 'both demotions wait');
        await blocker.query('commit');
        results = await pending;
      } finally {
        await Promise.all([blocker.end(), observer.end()]);
      }
    } else {
      results = await race(); // PGlite serialises transactions: they cannot overlap there.
    }

    const [a, b] = results;
    const statuses = [a!.statusCode, b!.statusCode];
    assert.equal(statuses.filter((s) => s === 200).length, 1, `exactly one succeeds: ${a!.body} ${b!.body}`);
    // The loser is refused as the last admin, or as forbidden if it had lost its role before authenticating.
    assert.ok(statuses.some((s) => s === 409 || s === 403), `${a!.body} ${b!.body}`);
    const survivor = a!.statusCode === 200 ? t.admin : { headers: cookie, id: other.id };
    const admins = (await ok<{ items: User[] }>(call('GET', '/api/v1/users?role=admin&active=true', undefined, survivor.headers))).items;
    assert.deepEqual(admins.map((u) => u.id), [survivor.id]);
  });
});
