import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertProblem, createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { assignmentKit, countBy } from './assignment-kit.js';

/**
 * The decision over HTTP: each strategy among agents who are 在线, not paused and under capacity;
 * the queue when nobody is, handed out when someone comes online or frees a place.
 */
let t: TestApp;
let kit: ReturnType<typeof assignmentKit>;
before(async () => {
  t = await createTestApp();
  kit = assignmentKit(t);
});
after(() => t.close());

async function teamOf(name: string, size: number): Promise<{ teamId: string; agents: TestUser[] }> {
  const agents: TestUser[] = [];
  for (let i = 0; i < size; i += 1) agents.push(await t.user('agent', { name: `${name}坐席${i + 1}` }));
  const teamId = await t.team(name, agents.map((a) => a.id));
  return { teamId, agents };
}

describe('strategies', () => {
  test('round robin: every online agent in turn, and the timeline says 智能分配 decided', async () => {
    const { teamId, agents } = await teamOf('轮询组', 3);
    for (const agent of agents) await kit.status(agent, 'online');
    await kit.settings(teamId, { strategy: 'round_robin' });
    const tickets = await kit.arrive(teamId, 6);
    assert.deepEqual(tickets.map((x) => x.assigneeId), [agents[0]!.id, agents[1]!.id, agents[2]!.id, agents[0]!.id, agents[1]!.id, agents[2]!.id]);
    const timeline = (await t.api('GET', `/api/v1/tickets/${tickets[0]!.id}/timeline`)).data.items as Array<{ field?: string; actor?: { name?: string } | null; actorName?: string }>;
    const entry = timeline.find((e) => e.field === 'assigneeId');
    assert.ok(entry, 'the assignment is on the timeline');
  });

  test('an agent who sets 离开, and a paused agent, receive nothing', async () => {
    const { teamId, agents } = await teamOf('离开组', 3);
    const [present, away, paused] = agents as [TestUser, TestUser, TestUser];
    for (const agent of agents) await kit.status(agent, 'online');
    await kit.status(away, 'away');
    assert.equal((await t.api('POST', `/api/v1/assignment/agents/${paused.id}/pause`)).statusCode, 200);
    await kit.settings(teamId, { strategy: 'round_robin' });
    const tickets = await kit.arrive(teamId, 4);
    assert.deepEqual(countBy(tickets.map((x) => x.assigneeId)), new Map([[present.id, 4]]));
    const board = (await t.api('GET', `/api/v1/assignment/agents?teamId=${teamId}`)).data.items as Array<{ userId: string; status: string; paused: boolean; openCount: number }>;
    assert.deepEqual(board.map((a) => [a.userId, a.status, a.paused, a.openCount]).sort(), [[present.id, 'online', false, 4], [away.id, 'away', false, 0], [paused.id, 'online', true, 0]].sort());
  });

  test('least open tickets: the agent with fewest open tickets gets the next one', async () => {
    const { teamId, agents } = await teamOf('最少组', 2);
    const [busy, idle] = agents as [TestUser, TestUser];
    for (const agent of agents) await kit.status(agent, 'online');
    for (let i = 0; i < 3; i += 1) await t.createTicket({ subject: '手工分配', teamId, assigneeId: busy.id });
    await t.drain();
    await kit.settings(teamId, { strategy: 'least_open' });
    const tickets = await kit.arrive(teamId, 4);
    assert.deepEqual(countBy(tickets.map((x) => x.assigneeId)), new Map([[idle.id, 3], [busy.id, 1]]), 'idle catches up to 3, then they alternate');
  });

  test('weighted: an agent of weight 3 carries three times the load of one of weight 1', async () => {
    const { teamId, agents } = await teamOf('权重组', 2);
    const [heavy, light] = agents as [TestUser, TestUser];
    for (const agent of agents) await kit.status(agent, 'online');
    await kit.profile(heavy, { weight: 3 });
    await kit.settings(teamId, { strategy: 'weighted' });
    const tickets = await kit.arrive(teamId, 8);
    assert.deepEqual(countBy(tickets.map((x) => x.assigneeId)), new Map([[heavy.id, 6], [light.id, 2]]));
  });

  test('skills: a ticket goes to an agent holding its value of each skill field, or waits', async () => {
    const field = await t.api('POST', '/api/v1/ticket-fields', { body: { key: 'language', label: { 'zh-CN': '语言' }, type: 'select', options: [{ value: 'zh', label: { 'zh-CN': '中文' } }, { value: 'en', label: { 'zh-CN': '英文' } }, { value: 'ja', label: { 'zh-CN': '日文' } }] } });
    assert.equal(field.statusCode, 201, field.body);
    const { teamId, agents } = await teamOf('技能组', 2);
    const [chinese, english] = agents as [TestUser, TestUser];
    for (const agent of agents) await kit.status(agent, 'online');
    assert.equal((await t.api('PUT', `/api/v1/users/${chinese.id}/skills`, { body: { skills: { 'fields.language': ['zh'] } } })).statusCode, 200);
    assert.equal((await t.api('PUT', `/api/v1/users/${english.id}/skills`, { body: { skills: { 'fields.language': ['en', 'zh'] } } })).statusCode, 200);
    await kit.settings(teamId, { strategy: 'skills', skillFields: ['fields.language'] });
    const [en1, en2] = await kit.arrive(teamId, 2, { fields: { language: 'en' } });
    assert.equal(en1!.assigneeId, english.id);
    assert.equal(en2!.assigneeId, english.id);
    const [zh] = await kit.arrive(teamId, 1, { fields: { language: 'zh' } });
    assert.equal(zh!.assigneeId, chinese.id, 'fewest open tickets among those who speak it');
    const [ja] = await kit.arrive(teamId, 1, { fields: { language: 'ja' } });
    assert.equal(ja!.assigneeId, null);
    assert.deepEqual(await kit.queue(teamId), [ja!.id]);
  });

  test('skill fields must be choice fields of tickets: 400 naming the field', async () => {
    const teamId = await t.team('技能校验组');
    const res = await t.api('PUT', `/api/v1/teams/${teamId}/assignment`, { body: { strategy: 'skills', skillFields: ['priority', 'fields.nope'] } });
    const problem = assertProblem(res, 400, 'validation.failed');
    assert.deepEqual(problem.errors?.map((e) => [e.path, e.code]), [['skillFields.1', 'assignment.skill_field_unknown']]);
    const strategy = assertProblem(await t.api('PUT', `/api/v1/teams/${teamId}/assignment`, { body: { strategy: 'fastest' } }), 400, 'validation.failed');
    assert.equal(strategy.errors?.[0]?.path, 'strategy');
  });
});

describe('capacity and the queue', () => {
  test('nobody over capacity; the waiting ticket goes out when a place frees up, most urgent first', async () => {
    const { teamId, agents } = await teamOf('容量组', 2);
    for (const agent of agents) {
      await kit.status(agent, 'online');
      await kit.profile(agent, { capacity: 1 });
    }
    await kit.settings(teamId, { strategy: 'round_robin' });
    const [first, second, normal] = await kit.arrive(teamId, 3);
    const [urgent] = await kit.arrive(teamId, 1, { priority: 'urgent' });
    assert.ok(first!.assigneeId && second!.assigneeId && first!.assigneeId !== second!.assigneeId);
    assert.equal(normal!.assigneeId, null);
    assert.deepEqual(await kit.queue(teamId), [urgent!.id, normal!.id], 'most urgent first, then oldest');
    const ticket = (await t.api('GET', `/api/v1/tickets/${first!.id}`)).data;
    assert.equal((await t.api('PATCH', `/api/v1/tickets/${first!.id}`, { body: { status: 'resolved' }, ifMatch: ticket.version })).statusCode, 200);
    await t.drain();
    assert.equal(await kit.assigneeOf(urgent!.id), first!.assigneeId, 'the freed place takes the urgent one');
    assert.deepEqual(await kit.queue(teamId), [normal!.id]);
  });

  test('chats count against their own limit too: a full chat capacity still takes an email ticket', async () => {
    const { teamId, agents } = await teamOf('会话组', 1);
    const [agent] = agents as [TestUser];
    await kit.status(agent, 'online');
    await kit.profile(agent, { capacity: 10, chatCapacity: 1 });
    await kit.settings(teamId, { strategy: 'least_open' });
    const [chat, secondChat] = await kit.arrive(teamId, 2, { channel: 'wechat' });
    const [mail] = await kit.arrive(teamId, 1, { channel: 'email', requester: { name: '邮件客户', email: 'mail.customer@example.cn' } });
    assert.deepEqual([chat!.assigneeId, secondChat!.assigneeId, mail!.assigneeId], [agent.id, null, agent.id]);
    const [row] = (await t.api('GET', `/api/v1/assignment/agents?teamId=${teamId}`)).data.items as Array<{ openCount: number; chatCounts: Record<string, number> }>;
    assert.deepEqual([row!.openCount, row!.chatCounts], [2, { wechat: 1, wecom: 0, dingtalk: 0 }]);
  });

  test('turning a strategy on decides the team\'s tickets already waiting without an assignee', async () => {
    const { teamId, agents } = await teamOf('后开组', 2);
    for (const agent of agents) await kit.status(agent, 'online');
    const before = await kit.arrive(teamId, 3);
    assert.deepEqual(before.map((x) => x.assigneeId), [null, null, null], 'no strategy yet');
    await kit.settings(teamId, { strategy: 'round_robin' });
    await t.drain();
    const after = await Promise.all(before.map((x) => kit.assigneeOf(x.id)));
    assert.deepEqual(countBy(after), new Map([[agents[0]!.id, 2], [agents[1]!.id, 1]]));
  });

  test('the queue is handed out as soon as an agent comes online', async () => {
    const { teamId, agents } = await teamOf('上线组', 1);
    await kit.settings(teamId, { strategy: 'least_open' });
    const [waiting] = await kit.arrive(teamId, 1);
    assert.equal(waiting!.assigneeId, null);
    assert.deepEqual(await kit.queue(teamId), [waiting!.id]);
    await kit.status(agents[0]!, 'online');
    await t.drain();
    assert.equal(await kit.assigneeOf(waiting!.id), agents[0]!.id);
    assert.deepEqual(await kit.queue(teamId), []);
  });

  test('a deactivated agent goes 离线 at once and receives nothing', async () => {
    const { teamId, agents } = await teamOf('停用组', 2);
    const [leaving, staying] = agents as [TestUser, TestUser];
    for (const agent of agents) await kit.status(agent, 'online');
    await kit.settings(teamId, { strategy: 'round_robin' });
    assert.equal((await t.api('PATCH', `/api/v1/users/${leaving.id}`, { body: { active: false } })).statusCode, 200);
    await t.drain();
    const board = (await t.api('GET', `/api/v1/assignment/agents?teamId=${teamId}`)).data.items as Array<{ userId: string; status: string }>;
    assert.equal(board.find((a) => a.userId === leaving.id)?.status, 'offline');
    const tickets = await kit.arrive(teamId, 2);
    assert.deepEqual(tickets.map((x) => x.assigneeId), [staying.id, staying.id]);
  });

  test('agents set only their own status; the board and settings need assignment.manage', async () => {
    const agent = await t.user('agent');
    assertProblem(await t.api('GET', '/api/v1/assignment/queue', { as: agent }), 403, 'auth.forbidden');
    assertProblem(await t.api('POST', `/api/v1/assignment/agents/${agent.id}/pause`, { as: agent }), 403, 'auth.forbidden');
    const status = assertProblem(await t.api('PUT', '/api/v1/me/status', { as: agent, body: { status: 'sleeping' } }), 400, 'validation.failed');
    assert.equal(status.errors?.[0]?.path, 'status');
    const supervisor = await t.user('supervisor');
    assert.equal((await t.api('GET', '/api/v1/assignment/agents', { as: supervisor })).statusCode, 200);
    assertProblem(await t.api('GET', '/api/v1/users/00000000-0000-7000-8000-000000000000/shifts'), 404, 'assignment.agent_not_found');
    const mine = await t.api('GET', '/api/v1/me/status', { as: agent });
    assert.equal(mine.data.status, 'offline');
  });
});
