import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ManualClock } from '../../app/clock.js';
import { createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { assignmentKit } from './assignment-kit.js';

/**
 * What time decides, with a ManualClock: shifts judged in the team's calendar (a holiday on a
 * Tuesday, a 调休 Saturday that works with the Monday pattern, leave), the queue handed out when a
 * shift starts (due rows), reassignment after N business minutes without a public reply, a
 * reopened ticket, and agents whose console went quiet turning 离开 then 离线.
 */
const clock = new ManualClock('2026-12-08T10:00:00+08:00');
let t: TestApp;
let kit: ReturnType<typeof assignmentKit>;
let calendarId: string;
const weekdays = { start: '09:00', end: '18:00' };
const officeWeek = [[], [weekdays], [weekdays], [weekdays], [weekdays], [weekdays], []];

before(async () => {
  t = await createTestApp({}, { clock });
  kit = assignmentKit(t);
  const calendar = await t.api('POST', '/api/v1/sla/calendars', { body: { nameZh: '上海客服中心', weekly: officeWeek, holidays: ['2026-12-08'], workdays: ['2026-12-12'] } });
  assert.equal(calendar.statusCode, 201, calendar.body);
  calendarId = calendar.data.id;
});
after(() => t.close());

/** Agents keep their console open: a heartbeat each, at the clock's time. */
async function heartbeat(...agents: TestUser[]) {
  for (const agent of agents) assert.equal((await t.api('POST', '/api/v1/me/status/heartbeat', { as: agent })).statusCode, 204);
}

async function teamWith(name: string, count: number, settings: Record<string, unknown>) {
  const agents: TestUser[] = [];
  for (let i = 0; i < count; i += 1) agents.push(await t.user('agent', { name: `${name}${i + 1}` }));
  const teamId = await t.team(name, agents.map((a) => a.id));
  for (const agent of agents) await kit.status(agent, 'online');
  await kit.settings(teamId, { strategy: 'round_robin', calendarId, ...settings });
  return { teamId, agents };
}

async function setStatus(ticketId: string, status: string) {
  const ticket = (await t.api('GET', `/api/v1/tickets/${ticketId}`)).data;
  const res = await t.api('PATCH', `/api/v1/tickets/${ticketId}`, { body: { status }, ifMatch: ticket.version });
  assert.equal(res.statusCode, 200, res.body);
  await t.drain();
}

describe('shifts in the team calendar', () => {
  let teamId: string;
  let agent: TestUser;
  const waiting: string[] = [];

  test('on a holiday Tuesday nobody is on shift: the ticket waits', async () => {
    const made = await teamWith('排班组', 1, {});
    teamId = made.teamId;
    agent = made.agents[0]!;
    assert.equal((await t.api('PUT', `/api/v1/users/${agent.id}/shifts`, { body: { weekly: officeWeek } })).statusCode, 200);
    const [ticket] = await kit.arrive(teamId, 1);
    assert.equal(ticket!.assigneeId, null);
    waiting.push(ticket!.id);
    assert.deepEqual(await kit.queue(teamId), waiting);
  });

  test('the queue is handed out when the next shift starts (Wednesday 09:00), not before', async () => {
    clock.set('2026-12-09T08:59:00+08:00');
    await heartbeat(agent);
    await t.drain();
    assert.equal(await kit.assigneeOf(waiting[0]!), null);
    clock.set('2026-12-09T09:00:00+08:00');
    await heartbeat(agent);
    await t.drain();
    assert.equal(await kit.assigneeOf(waiting[0]!), agent.id);
  });

  test('the 调休 Saturday works with the Monday pattern; Sunday does not', async () => {
    clock.set('2026-12-12T10:00:00+08:00');
    await heartbeat(agent);
    const [saturday] = await kit.arrive(teamId, 1);
    assert.equal(saturday!.assigneeId, agent.id);
    clock.set('2026-12-13T10:00:00+08:00');
    await heartbeat(agent);
    const [sunday] = await kit.arrive(teamId, 1);
    assert.equal(sunday!.assigneeId, null);
  });

  test('leave keeps an agent off shift; an extra shift puts them on', async () => {
    const leave = await t.api('POST', `/api/v1/users/${agent.id}/shift-exceptions`, { body: { kind: 'leave', startsAt: '2026-12-14T00:00:00+08:00', endsAt: '2026-12-15T00:00:00+08:00', note: '年假' } });
    assert.equal(leave.statusCode, 201, leave.body);
    clock.set('2026-12-14T10:00:00+08:00');
    await heartbeat(agent);
    await t.drain();
    const [onLeave] = await kit.arrive(teamId, 1);
    assert.equal(onLeave!.assigneeId, null, 'on leave on a Monday');
    const extra = await t.api('POST', `/api/v1/users/${agent.id}/shift-exceptions`, { body: { kind: 'extra', startsAt: '2026-12-20T09:00:00+08:00', endsAt: '2026-12-20T12:00:00+08:00' } });
    assert.equal(extra.statusCode, 201, extra.body);
    const shifts = await t.api('GET', `/api/v1/users/${agent.id}/shifts`);
    assert.deepEqual(shifts.data.exceptions.map((e: { kind: string }) => e.kind), ['leave', 'extra']);
    const bad = await t.api('POST', `/api/v1/users/${agent.id}/shift-exceptions`, { body: { kind: 'leave', startsAt: '2026-12-20T09:00:00+08:00', endsAt: '2026-12-20T08:00:00+08:00' } });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.data.errors[0].path, 'endsAt');
  });
});

describe('reassignment after silence and reopening', () => {
  test('a ticket whose assignee sent no public reply within 30 business minutes goes to someone else; a reply keeps it', async () => {
    clock.set('2026-12-16T10:00:00+08:00');
    const { teamId, agents } = await teamWith('改派组', 2, { reassignAfterMinutes: 30 });
    const [first, second] = agents as [TestUser, TestUser];
    const [silent, answered] = await kit.arrive(teamId, 2);
    assert.deepEqual([silent!.assigneeId, answered!.assigneeId], [first.id, second.id]);
    const reply = await t.api('POST', `/api/v1/tickets/${answered!.id}/messages`, { as: second, body: { body: '您好，我们正在处理' } });
    assert.equal(reply.statusCode, 201, reply.body);
    await t.drain();
    clock.set('2026-12-16T10:29:00+08:00');
    await heartbeat(first, second);
    await t.drain();
    assert.equal(await kit.assigneeOf(silent!.id), first.id, 'not yet');
    clock.set('2026-12-16T10:31:00+08:00');
    await heartbeat(first, second);
    await t.drain();
    assert.equal(await kit.assigneeOf(silent!.id), second.id, 'moved on after 30 minutes of silence');
    assert.equal(await kit.assigneeOf(answered!.id), second.id, 'an answered ticket stays');
  });

  test('a reopened ticket goes back to its assignee if available, else to someone else', async () => {
    clock.set('2026-12-17T10:00:00+08:00');
    const { teamId, agents } = await teamWith('重开组', 2, {});
    const [first, second] = agents as [TestUser, TestUser];
    const [back, moved] = await kit.arrive(teamId, 2);
    assert.deepEqual([back!.assigneeId, moved!.assigneeId], [first.id, second.id]);
    for (const id of [back!.id, moved!.id]) await setStatus(id, 'resolved');
    await setStatus(back!.id, 'open');
    assert.equal(await kit.assigneeOf(back!.id), first.id, 'its assignee is online: back to them');
    await kit.status(second, 'away');
    await setStatus(moved!.id, 'open');
    assert.equal(await kit.assigneeOf(moved!.id), first.id, 'its assignee is away: someone else');
    const board = (await t.api('GET', `/api/v1/assignment/agents?teamId=${teamId}`)).data.items as Array<{ userId: string; openCount: number }>;
    assert.deepEqual(Object.fromEntries(board.map((a) => [a.userId, a.openCount])), { [first.id]: 2, [second.id]: 0 });
  });
});

describe('status from silence', () => {
  test('signing out of the last session is 离线 at once; signed in elsewhere, the status stays', async () => {
    const agent = await t.user('agent');
    const signIn = async () => {
      const res = await t.api('POST', '/api/v1/auth/login', { as: null, body: { email: agent.email, password: 'password-123' } });
      assert.equal(res.statusCode, 200, res.body);
      const cookie = res.cookies.find((c: { name: string }) => c.name === 'opencsm_session')!;
      return { cookie: `opencsm_session=${cookie.value}`, 'sec-fetch-site': 'same-origin' };
    };
    const laptop = await signIn();
    const phone = await signIn();
    await kit.status(agent, 'online');
    const statusNow = async () => (await t.api('GET', '/api/v1/me/status', { as: agent })).data.status;
    assert.equal((await t.api('POST', '/api/v1/auth/logout', { as: null, headers: laptop })).statusCode, 204);
    await t.drain();
    assert.equal(await statusNow(), 'online', 'still signed in on the phone');
    assert.equal((await t.api('POST', '/api/v1/auth/logout', { as: null, headers: phone })).statusCode, 204);
    await t.drain();
    assert.equal(await statusNow(), 'offline');
  });

  test('an agent whose console went quiet is 离开 after 10 minutes and 离线 after 30, each an event', async () => {
    clock.set('2026-12-18T10:00:00+08:00');
    const agent = await t.user('agent');
    await kit.status(agent, 'online');
    clock.set('2026-12-18T10:09:00+08:00');
    await t.drain();
    assert.equal((await t.api('GET', '/api/v1/me/status', { as: agent })).data.status, 'online');
    clock.set('2026-12-18T10:11:00+08:00');
    await t.drain();
    assert.equal((await t.api('GET', '/api/v1/me/status', { as: agent })).data.status, 'away');
    clock.set('2026-12-18T10:31:00+08:00');
    await t.drain();
    assert.equal((await t.api('GET', '/api/v1/me/status', { as: agent })).data.status, 'offline');
  });
});
