import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { actorOf } from '../../app/http/request-context.js';
import { idParams } from './http-schemas.js';
import { throttlePolicy } from './login-throttle.js';
import { listSignInAudit, signInOutcomes } from './sign-in-audit.js';
import { listSignInLocks, unlockSignIn } from './sign-in-locks.js';

const auditEntrySchema = z
  .object({
    id: z.uuid(),
    userId: z.uuid().nullable(),
    userName: z.string().nullable(),
    email: z.string(),
    ip: z.string(),
    userAgent: z.string(),
    outcome: z.enum(signInOutcomes),
    reason: z.string().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'SignInAuditEntry' });

const lockSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(['account', 'ip']),
    subject: z.string(),
    userId: z.uuid().nullable(),
    userName: z.string().nullable(),
    failures: z.number().int(),
    lockedUntil: z.date(),
  })
  .meta({ id: 'SignInLock' });

/** 登录安全: the sign-in audit log and the locked accounts and addresses (admins: `admin.security`). */
export function registerSecurityRoutes(app: AppServer, { database, config, clock }: AppContext): void {
  const tags = ['auth'];
  const policy = throttlePolicy(config);

  app.get('/api/v1/admin/sign-in-audit', {
    config: { permission: 'admin.security' },
    schema: {
      tags,
      summary: '登录审计日志 Sign-in audit log',
      description: 'Every console sign-in attempt, newest first: the email tried, the user it belongs to (if any), IP, user agent, outcome (`success`, `failure`, `refused` by the limits) and reason. Page with `cursor` (the `nextCursor` of the previous page).',
      querystring: z.object({
        userId: z.uuid().optional(),
        email: z.string().trim().min(1).max(254).optional(),
        outcome: z.enum(signInOutcomes).optional(),
        from: z.iso.datetime({ offset: true }).optional(),
        to: z.iso.datetime({ offset: true }).optional(),
        cursor: z.string().max(100).optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
      response: { 200: z.object({ items: z.array(auditEntrySchema), nextCursor: z.string().nullable() }) },
    },
  }, async (request) => {
    const { from, to, ...rest } = request.query;
    return listSignInAudit(database.db, { ...rest, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined });
  });

  app.get('/api/v1/admin/sign-in-locks', {
    config: { permission: 'admin.security' },
    schema: { tags, summary: '被锁定的账号和 IP Locked accounts and IPs', response: { 200: z.object({ items: z.array(lockSchema) }) } },
  }, async () => ({ items: await listSignInLocks(database.db, policy, clock.now()) }));

  app.delete('/api/v1/admin/sign-in-locks/:id', {
    config: { permission: 'admin.security' },
    schema: { tags, summary: '解除锁定 Unlock an account or IP', params: idParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await unlockSignIn(database, actorOf(request), request.params.id, policy, clock.now());
    return reply.status(204).send(null);
  });
}
