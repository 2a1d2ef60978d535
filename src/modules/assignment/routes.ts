import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { optionalIfMatchVersion } from '../../app/http/if-match.js';
import { actorOf } from '../../app/http/request-context.js';
import { getUserNames, listTeams } from '../auth/index.js';
import { chatChannels } from './chat-counters.js';
import { addShiftException, deleteShiftException, getAgent, listAgents, listShiftExceptions, setAgentPaused, setAgentStatus, touchAgent, updateAgentProfile, type AgentRow } from './agents.js';
import { agentProfileBody, agentSchema, agentStatusSchema, myStatusSchema, queueItemSchema, shiftExceptionBody, shiftExceptionSchema, teamAssignmentBody, teamAssignmentSchema, weeklyShiftsSchema, weeklyShiftsView } from './http-schemas.js';
import { listQueue } from './queue-view.js';
import { getTeamAssignment, updateTeamAssignment } from './team-settings.js';

const tags = ['assignment'];
const idParams = z.object({ id: z.uuid() });
const status = (row: AgentRow) => ({ status: row.status, paused: row.paused, statusChangedAt: row.statusChangedAt });

/** 智能分配: the agent's own status, team settings, agents' profiles and shifts, the queue and the supervisors' board. */
export function registerAssignmentRoutes(app: AppServer, { database, clock }: AppContext): void {
  app.get('/api/v1/me/status', {
    config: { permission: 'profile.self' },
    schema: { tags, summary: '我的状态 My status', response: { 200: myStatusSchema } },
  }, async (request) => status(await getAgent(database.db, actorOf(request).id)));

  app.put('/api/v1/me/status', {
    config: { permission: 'profile.self' },
    schema: { tags, summary: '设置我的状态 Set my status', description: '在线 online / 忙碌 busy / 离开 away / 离线 offline. Only 在线 agents who are not paused receive tickets.', body: z.strictObject({ status: agentStatusSchema }), response: { 200: myStatusSchema } },
  }, async (request) => status(await setAgentStatus(database, actorOf(request), request.body.status, clock.now())));

  app.post('/api/v1/me/status/heartbeat', {
    config: { permission: 'profile.self' },
    schema: { tags, summary: '在线心跳 Heartbeat', description: 'Sent by an open console every minute: without it 在线 turns 离开 after 10 minutes and 离线 after 30.', response: { 204: z.null() } },
  }, async (request, reply) => {
    await touchAgent(database, actorOf(request), clock.now());
    return reply.status(204).send(null);
  });

  app.get('/api/v1/teams/:id/assignment', {
    config: { permission: 'assignment.manage' },
    schema: { tags, summary: '团队分配设置 Team assignment settings', params: idParams, response: { 200: teamAssignmentSchema } },
  }, async (request, reply) => {
    const view = await getTeamAssignment(database.db, request.params.id);
    return reply.header('ETag', `"${view.version}"`).send(view);
  });

  app.put('/api/v1/teams/:id/assignment', {
    config: { permission: 'assignment.manage' },
    schema: { tags, summary: '修改团队分配设置 Update team assignment settings', description: 'Any subset. `If-Match: "<version>"` optional ("0" before the first save; 412 when stale).', params: idParams, headers: z.object({ 'if-match': z.string().optional() }), body: teamAssignmentBody, response: { 200: teamAssignmentSchema } },
  }, async (request) => {
    return updateTeamAssignment(database, actorOf(request), request.params.id, request.body, optionalIfMatchVersion(request.headers['if-match']));
  });

  app.get('/api/v1/users/:id/assignment', {
    config: { permission: 'assignment.manage' },
    schema: { tags, summary: '坐席分配资料 Agent assignment profile', params: idParams, response: { 200: agentSchema } },
  }, async (request) => presentAgent((await listAgents(database.db, [request.params.id]))[0] ?? { ...(await getAgent(database.db, request.params.id)), name: '' }));

  app.put('/api/v1/users/:id/assignment', {
    config: { permission: 'assignment.manage' },
    schema: { tags, summary: '修改坐席分配资料 Update capacity, weight, skills, shifts', params: idParams, headers: z.object({ 'if-match': z.string().optional() }), body: agentProfileBody, response: { 200: agentSchema } },
  }, async (request) => presentAgent(await updateAgentProfile(database, actorOf(request), request.params.id, request.body, optionalIfMatchVersion(request.headers['if-match']))));

  app.get('/api/v1/users/:id/skills', {
    config: { permission: 'assignment.manage' },
    schema: { tags, summary: '坐席技能 Agent skills', params: idParams, response: { 200: z.object({ skills: agentSchema.shape.skills }) } },
  }, async (request) => ({ skills: (await getAgent(database.db, request.params.id)).skills }));

  app.put('/api/v1/users/:id/skills', {
    config: { permission: 'assignment.manage' },
    schema: { tags, summary: '修改坐席技能 Set agent skills', description: 'Values by ticket field (`priority`, `channel`, `categoryId`, `fields.<key>`), e.g. `{"fields.language": ["en"]}`.', params: idParams, body: z.strictObject({ skills: agentProfileBody.shape.skills.unwrap() }), response: { 200: z.object({ skills: agentSchema.shape.skills }) } },
  }, async (request) => ({ skills: (await updateAgentProfile(database, actorOf(request), request.params.id, { skills: request.body.skills })).skills }));

  app.get('/api/v1/users/:id/shifts', {
    config: { permission: 'assignment.manage' },
    schema: { tags, summary: '排班 Shifts', description: 'The weekly pattern (Sunday first; null: always on shift) and exceptions (leave, extra shifts) not yet over.', params: idParams, response: { 200: z.object({ weekly: weeklyShiftsView, exceptions: z.array(shiftExceptionSchema) }) } },
  }, async (request) => ({ weekly: (await getAgent(database.db, request.params.id)).weeklyShifts, exceptions: await listShiftExceptions(database.db, request.params.id, clock.now()) }));

  app.put('/api/v1/users/:id/shifts', {
    config: { permission: 'assignment.manage' },
    schema: { tags, summary: '修改排班 Set the weekly shifts', params: idParams, body: z.strictObject({ weekly: weeklyShiftsSchema }), response: { 200: z.object({ weekly: weeklyShiftsView }) } },
  }, async (request) => ({ weekly: (await updateAgentProfile(database, actorOf(request), request.params.id, { weeklyShifts: request.body.weekly })).weeklyShifts }));

  app.post('/api/v1/users/:id/shift-exceptions', {
    config: { permission: 'assignment.manage' },
    schema: { tags, summary: '请假或加班 Add leave or an extra shift', params: idParams, body: shiftExceptionBody, response: { 201: shiftExceptionSchema } },
  }, async (request, reply) => reply.status(201).send(await addShiftException(database, actorOf(request), request.params.id, request.body)));

  app.delete('/api/v1/users/:id/shift-exceptions/:exceptionId', {
    config: { permission: 'assignment.manage' },
    schema: { tags, summary: '删除请假或加班 Delete leave or an extra shift', params: z.object({ id: z.uuid(), exceptionId: z.uuid() }), response: { 204: z.null() } },
  }, async (request, reply) => {
    await deleteShiftException(database, actorOf(request), request.params.id, request.params.exceptionId);
    return reply.status(204).send(null);
  });

  app.get('/api/v1/assignment/queue', {
    config: { permission: 'assignment.manage' },
    schema: { tags, summary: '分配队列 Assignment queue', description: 'Tickets waiting for an agent, in the order they are handed out: most urgent first, then oldest.', querystring: z.object({ teamId: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(100).default(50), offset: z.coerce.number().int().min(0).max(100_000).default(0) }), response: { 200: z.object({ items: z.array(queueItemSchema), total: z.number().int() }) } },
  }, async (request) => listQueue(database.db, request.query));

  app.get('/api/v1/assignment/agents', {
    config: { permission: 'assignment.manage' },
    schema: { tags, summary: '坐席状态与负载 Agents: status, load, capacity', description: 'Every member of the team (`teamId`), or of any team; agents who never set a status read 离线.', querystring: z.object({ teamId: z.uuid().optional() }), response: { 200: z.object({ items: z.array(agentSchema) }) } },
  }, async (request) => {
    const teams = await listTeams(database.db);
    const members = [...new Set(teams.filter((t) => !request.query.teamId || t.id === request.query.teamId).flatMap((t) => t.memberIds))];
    const rows = new Map((await listAgents(database.db, members)).map((row) => [row.userId, row]));
    const missing = members.filter((id) => !rows.has(id));
    const names = await getUserNames(database.db, missing);
    const items = members.map((id) => rows.get(id) ?? { ...defaultAgent(id), name: names.get(id) ?? '' });
    return { items: items.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')).map(presentAgent) };
  });

  for (const action of ['pause', 'resume'] as const) {
    app.post(`/api/v1/assignment/agents/:id/${action}`, {
      config: { permission: 'assignment.manage' },
      schema: { tags, summary: action === 'pause' ? '暂停分配 Pause an agent' : '恢复分配 Resume an agent', params: idParams, response: { 200: agentSchema } },
    }, async (request) => presentAgent(await setAgentPaused(database, actorOf(request), request.params.id, action === 'pause')));
  }
}

function defaultAgent(userId: string): AgentRow {
  return { userId, status: 'offline', statusChangedAt: new Date(0), lastSeenAt: null, paused: false, pausedBy: null, capacity: 20, chatCapacity: 5, chatCapacities: {}, weight: 1, skills: {}, openCount: 0, chatCounts: {}, lastAssignedAt: null, weeklyShifts: null, version: 1 };
}

/** An agent as the API shows it; `chatCounts` names every chat channel (0 where none is open), so the console knows which channels have chat limits. */
function presentAgent(row: AgentRow & { name?: string }) {
  const { pausedBy: _pausedBy, lastAssignedAt: _lastAssignedAt, ...rest } = row;
  const chatCounts = Object.fromEntries(chatChannels.map((channel) => [channel, row.chatCounts[channel] ?? 0]));
  return { ...rest, chatCounts, name: row.name ?? '' };
}
