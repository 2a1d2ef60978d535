import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertProblem, createTestApp, type TestApp, type TestUser } from '../../app/test-app.js';
import { assignmentKit } from './assignment-kit.js';

/**
 * Chat limits per channel (issue 18 §2, "per channel for chats"): each chat channel counts on its
 * own counter, so an agent at their WeChat limit still receives a WeCom chat; a channel without a
 * limit of its own takes the agent's default chat limit.
 */
let t: TestApp;
let kit: ReturnType<typeof assignmentKit>;
before(async () => {
  t = await createTestApp();
  kit = assignmentKit(t);
});
after(() => t.close());

type AgentView = { openCount: number; chatCapacity: number; chatCapacities: Record<string, number>; chatCounts: Record<string, number> };
const agentView = async (teamId: string): Promise<AgentView> => (await t.api('GET', `/api/v1/assignment/agents?teamId=${teamId}`)).data.items[0];

test('an agent at their WeChat limit still receives a WeCom chat; a freed WeChat place takes the waiting one', async () => {
  const agent: TestUser = await t.user('agent', { name: '会话坐席' });
  const teamId = await t.team('渠道会话组', [agent.id]);
  await kit.status(agent, 'online');
  const profile = await kit.profile(agent, { capacity: 20, chatCapacity: 1, chatCapacities: { wechat: 2, wecom: 1 } });
  assert.deepEqual(profile.chatCapacities, { wechat: 2, wecom: 1 });
  await kit.settings(teamId, { strategy: 'least_open' });

  const wechat = await kit.arrive(teamId, 3, { channel: 'wechat' });
  assert.deepEqual(wechat.map((x) => x.assigneeId), [agent.id, agent.id, null], 'two WeChat chats, the third waits');
  const [wecom, secondWecom] = await kit.arrive(teamId, 2, { channel: 'wecom' });
  assert.equal(wecom!.assigneeId, agent.id, 'the WeChat limit does not hold back a WeCom chat');
  assert.equal(secondWecom!.assigneeId, null, 'WeCom has a limit of its own (1)');
  const [dingtalk, secondDingtalk] = await kit.arrive(teamId, 2, { channel: 'dingtalk' });
  assert.deepEqual([dingtalk!.assigneeId, secondDingtalk!.assigneeId], [agent.id, null], 'DingTalk takes the default chat limit (1)');
  assert.deepEqual((await agentView(teamId)).chatCounts, { wechat: 2, wecom: 1, dingtalk: 1 }, 'every chat channel counts on its own');

  // Raising the WeCom limit hands the waiting WeCom chat out, although a WeChat chat that still finds no place waits ahead of it.
  await kit.profile(agent, { chatCapacities: { wechat: 2, wecom: 2 } });
  await t.drain();
  assert.equal(await kit.assigneeOf(secondWecom!.id), agent.id);
  assert.equal(await kit.assigneeOf(wechat[2]!.id), null);

  // Resolving a WeChat chat frees a WeChat place: the waiting WeChat ticket gets it, the DingTalk one keeps waiting.
  const first = (await t.api('GET', `/api/v1/tickets/${wechat[0]!.id}`)).data;
  assert.equal((await t.api('PATCH', `/api/v1/tickets/${first.id}`, { body: { status: 'resolved' }, ifMatch: first.version })).statusCode, 200);
  await t.drain();
  assert.equal(await kit.assigneeOf(wechat[2]!.id), agent.id);
  assert.equal(await kit.assigneeOf(secondDingtalk!.id), null);
  const view = await agentView(teamId);
  assert.deepEqual([view.openCount, view.chatCounts], [5, { wechat: 2, wecom: 2, dingtalk: 1 }]);
  assert.deepEqual(await kit.queue(teamId), [secondDingtalk!.id]);
});

test('a chat assigned by hand and moved to another agent moves its channel counter with it', async () => {
  const [a, b] = [await t.user('agent', { name: '甲' }), await t.user('agent', { name: '乙' })];
  const teamId = await t.team('手动会话组', [a.id, b.id]);
  const ticket = await t.createTicket({ subject: '手动分配的会话', channel: 'wecom', teamId, assigneeId: a.id });
  await t.drain();
  const counts = async () => new Map(((await t.api('GET', `/api/v1/assignment/agents?teamId=${teamId}`)).data.items as Array<{ userId: string; chatCounts: Record<string, number> }>).map((row) => [row.userId, row.chatCounts]));
  assert.deepEqual((await counts()).get(a.id), { wechat: 0, wecom: 1, dingtalk: 0 });
  const current = (await t.api('GET', `/api/v1/tickets/${ticket.id}`)).data;
  assert.equal((await t.api('PATCH', `/api/v1/tickets/${ticket.id}`, { body: { assigneeId: b.id }, ifMatch: current.version })).statusCode, 200);
  await t.drain();
  const after = await counts();
  assert.deepEqual([after.get(a.id), after.get(b.id)], [{ wechat: 0, wecom: 0, dingtalk: 0 }, { wechat: 0, wecom: 1, dingtalk: 0 }]);
});

test('chat limits are checked at the edge: only chat channels, whole numbers 0–100, admins and supervisors only', async () => {
  const agent = await t.user('agent', { name: '校验坐席' });
  const url = `/api/v1/users/${agent.id}/assignment`;
  const unknown = assertProblem(await t.api('PUT', url, { body: { chatCapacities: { email: 3 } } }), 400, 'validation.failed');
  assert.equal(unknown.errors?.[0]?.path, 'chatCapacities.email');
  const negative = assertProblem(await t.api('PUT', url, { body: { chatCapacities: { wechat: -1 } } }), 400, 'validation.failed');
  assert.equal(negative.errors?.[0]?.path, 'chatCapacities.wechat');
  const fraction = assertProblem(await t.api('PUT', url, { body: { chatCapacities: { wecom: 2.5 } } }), 400, 'validation.failed');
  assert.equal(fraction.errors?.[0]?.path, 'chatCapacities.wecom');
  assertProblem(await t.api('PUT', url, { as: agent, body: { chatCapacities: { wechat: 9 } } }), 403, 'auth.forbidden');
  assert.deepEqual((await t.api('GET', url)).data.chatCapacities, {}, 'nothing was saved');
});
