import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { actorOf } from '../../app/http/request-context.js';
import { emailSchema, idParams, localeSchema, passwordSchema, roleSchema, teamSchema, userSchema } from './http-schemas.js';
import { createTeam, deleteTeam, getTeam, listTeams, updateTeam } from './teams.js';
import { createUser, getUser, listUsers, updateUser } from './users.js';

/** Users and teams: everyone who works tickets may list them (to pick an assignee); admins manage them. */
export function registerDirectoryRoutes(app: AppServer, { database }: AppContext): void {
  const tags = ['users & teams'];
  const teamIds = z.array(z.uuid()).max(100);

  app.get('/api/v1/users', {
    config: { permission: 'directory.read' },
    schema: {
      tags, summary: '用户列表 List users',
      querystring: z.object({ q: z.string().max(100).optional(), role: roleSchema.optional(), active: z.enum(['true', 'false']).optional(), teamId: z.uuid().optional() }),
      response: { 200: z.object({ items: z.array(userSchema) }) },
    },
  }, async (request) => {
    const { active, ...rest } = request.query;
    return { items: await listUsers(database.db, { ...rest, active: active === undefined ? undefined : active === 'true' }) };
  });

  app.get('/api/v1/users/:id', {
    config: { permission: 'directory.read' },
    schema: { tags, summary: '用户详情 Get a user', params: idParams, response: { 200: userSchema } },
  }, async (request) => getUser(database.db, request.params.id));

  app.post('/api/v1/users', {
    config: { permission: 'admin.users' },
    schema: {
      tags, summary: '创建用户 Create a user',
      body: z.strictObject({ email: emailSchema, name: z.string().trim().min(1).max(100), password: passwordSchema, role: roleSchema, locale: localeSchema.optional(), teamIds: teamIds.optional() }),
      response: { 201: userSchema },
    },
  }, async (request, reply) => reply.status(201).send(await createUser(database, actorOf(request), request.body)));

  app.patch('/api/v1/users/:id', {
    config: { permission: 'admin.users' },
    schema: {
      tags, summary: '修改用户（角色、停用、重置密码）Update a user',
      params: idParams,
      body: z.strictObject({ email: emailSchema.optional(), name: z.string().trim().min(1).max(100).optional(), password: passwordSchema.optional(), role: roleSchema.optional(), locale: localeSchema.optional(), active: z.boolean().optional(), teamIds: teamIds.optional() }),
      response: { 200: userSchema },
    },
  }, async (request) => updateUser(database, actorOf(request), request.params.id, request.body));

  app.get('/api/v1/teams', {
    config: { permission: 'directory.read' },
    schema: { tags, summary: '团队列表 List teams', response: { 200: z.object({ items: z.array(teamSchema) }) } },
  }, async () => ({ items: await listTeams(database.db) }));

  app.get('/api/v1/teams/:id', {
    config: { permission: 'directory.read' },
    schema: { tags, summary: '团队详情 Get a team', params: idParams, response: { 200: teamSchema } },
  }, async (request) => getTeam(database.db, request.params.id));

  const teamBody = z.strictObject({ name: z.string().trim().min(1).max(100), description: z.string().max(1000).optional(), memberIds: z.array(z.uuid()).max(1000).optional() });

  app.post('/api/v1/teams', {
    config: { permission: 'admin.teams' },
    schema: { tags, summary: '创建团队 Create a team', body: teamBody, response: { 201: teamSchema } },
  }, async (request, reply) => reply.status(201).send(await createTeam(database, actorOf(request), request.body)));

  app.patch('/api/v1/teams/:id', {
    config: { permission: 'admin.teams' },
    schema: { tags, summary: '修改团队及成员 Update a team', params: idParams, body: teamBody.partial(), response: { 200: teamSchema } },
  }, async (request) => updateTeam(database, actorOf(request), request.params.id, request.body));

  app.delete('/api/v1/teams/:id', {
    config: { permission: 'admin.teams' },
    schema: { tags, summary: '删除团队 Delete a team', params: idParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await deleteTeam(database, actorOf(request), request.params.id);
    return reply.status(204).send(null);
  });
}
