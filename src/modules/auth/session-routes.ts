import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { actorOf } from '../../app/http/request-context.js';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.js';
import { actorFromSession, createSession, deleteSession, sessionCookieName } from './credentials.js';
import { apiTokenSchema, emailSchema, idParams, localeSchema, meSchema, passwordSchema } from './http-schemas.js';
import { rolePermissions } from './permissions.js';
import { throttlePolicy } from './login-throttle.js';
import { signIn } from './sign-in.js';
import { changeOwnPassword, updateUser } from './users.js';

/** Login/logout, the caller's own profile, password and personal API tokens. */
export function registerSessionRoutes(app: AppServer, { database, config, clock }: AppContext): void {
  const tags = ['auth'];
  const policy = throttlePolicy(config);

  app.post('/api/v1/auth/login', {
    config: { permission: 'public' },
    schema: {
      tags,
      summary: '登录 Log in',
      description: 'Failed attempts are limited per account (the email tried, known or not) and per client IP. After a few failures each further attempt must wait a growing delay, and after more the account or IP is locked for a while: both answer 429 with `Retry-After` (seconds) and a problem `auth.sign_in_delayed` / `auth.sign_in_locked`; the password is not checked then. Every attempt is written to the sign-in audit log.',
      body: z.object({ email: emailSchema, password: z.string().min(1).max(200) }),
      response: { 200: meSchema },
    },
  }, async (request, reply) => {
    const user = await signIn({ database, clock, policy }, { ...request.body, ip: request.ip, userAgent: request.headers['user-agent'] ?? '' });
    const session = await createSession(database, user.userId, config.OPENCSM_SESSION_DAYS);
    reply.setCookie(sessionCookieName, session.secret, {
      path: '/', httpOnly: true, sameSite: 'lax', secure: config.OPENCSM_COOKIE_SECURE, expires: session.expiresAt,
    });
    const actor = (await actorFromSession(database.db, session.secret))!;
    return { ...actor, permissions: [...rolePermissions[actor.role]] };
  });

  app.post('/api/v1/auth/logout', {
    config: { permission: 'public' },
    schema: { tags, summary: '退出登录 Log out', response: { 204: z.null() } },
  }, async (request, reply) => {
    const secret = request.cookies[sessionCookieName];
    if (secret) await deleteSession(database, secret);
    reply.clearCookie(sessionCookieName, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/api/v1/me', {
    config: { permission: 'profile.self' },
    schema: { tags, summary: '当前用户 Current user', response: { 200: meSchema } },
  }, async (request) => {
    const actor = actorOf(request);
    return { ...actor, permissions: [...rolePermissions[actor.role]] };
  });

  app.patch('/api/v1/me', {
    config: { permission: 'profile.self' },
    schema: { tags, summary: '修改个人资料 Update profile', body: z.strictObject({ name: z.string().trim().min(1).max(100).optional(), locale: localeSchema.optional() }), response: { 200: meSchema } },
  }, async (request) => {
    const actor = actorOf(request);
    const user = await updateUser(database, actor, actor.id, request.body);
    return { ...user, permissions: [...rolePermissions[user.role]] };
  });

  app.post('/api/v1/me/password', {
    config: { permission: 'profile.self' },
    schema: {
      tags,
      summary: '修改密码（结束其他会话，可选撤销 API 令牌）Change password (ends other sessions, optionally revokes API tokens)',
      description: 'Ends every other session of the caller and keeps the session making the request; called with an API token, it ends all of them. With `revokeApiTokens: true` every API token of the caller is revoked for good as well (including the one making the request); without it, tokens stay valid.',
      body: z.object({ currentPassword: z.string().min(1), newPassword: passwordSchema, revokeApiTokens: z.boolean().optional() }),
      response: { 204: z.null() },
    },
  }, async (request, reply) => {
    // The authenticate hook prefers a bearer header to the cookie: keep the cookie's session only when it is what authenticated.
    const keepSession = request.headers.authorization ? undefined : request.cookies[sessionCookieName];
    await changeOwnPassword(database, actorOf(request), { current: request.body.currentPassword, next: request.body.newPassword, revokeApiTokens: request.body.revokeApiTokens }, keepSession);
    return reply.status(204).send(null);
  });

  app.post('/api/v1/tokens', {
    config: { permission: 'profile.self' },
    schema: {
      tags, summary: '创建 API 令牌（仅显示一次）Create an API token (shown once)',
      body: z.object({ name: z.string().trim().min(1).max(100), expiresAt: z.iso.datetime({ offset: true }).optional() }),
      response: { 201: apiTokenSchema.extend({ token: z.string() }) },
    },
  }, async (request, reply) => {
    const { name, expiresAt } = request.body;
    const token = await createApiToken(database, actorOf(request), { name, expiresAt: expiresAt ? new Date(expiresAt) : undefined });
    return reply.status(201).send(token);
  });

  app.get('/api/v1/tokens', {
    config: { permission: 'profile.self' },
    schema: { tags, summary: '我的 API 令牌 My API tokens', response: { 200: z.object({ items: z.array(apiTokenSchema) }) } },
  }, async (request) => ({ items: await listApiTokens(database, actorOf(request)) }));

  app.delete('/api/v1/tokens/:id', {
    config: { permission: 'profile.self' },
    schema: { tags, summary: '撤销 API 令牌 Revoke an API token', params: idParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await revokeApiToken(database, actorOf(request), request.params.id);
    return reply.status(204).send(null);
  });
}
