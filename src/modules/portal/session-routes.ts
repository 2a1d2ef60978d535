import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { customerOf } from '../../app/http/request-context.js';
import { portalMeSchema } from './http-schemas.js';
import { requestLoginCode, signInWithCode } from './login-codes.js';
import type { PortalMailer } from './portal-mailer.js';
import { customerFromPortalSession, deletePortalSession, portalCookieName, type PortalCustomer } from './portal-sessions.js';

const tags = ['portal'];

export function presentMe(c: PortalCustomer) {
  return { contactId: c.contactId, name: c.name, email: c.email, organization: c.organization, orgAdmin: c.orgAdmin };
}

/** Customer sign-in by a one-time code mailed to them: no password to remember. */
export function registerPortalSessionRoutes(app: AppServer, { database, config, log }: AppContext, mailer: PortalMailer): void {
  app.post('/api/v1/portal/login-codes', {
    config: { permission: 'public' },
    schema: {
      tags, summary: '获取登录验证码 Ask for a sign-in code',
      description: 'Always 202, whether or not the email belongs to a customer (no enumeration). A known customer gets a 6-digit code by email, valid 10 minutes, 5 tries. Limited per email and per IP (429 with Retry-After).',
      body: z.strictObject({ email: z.string().trim().min(3).max(254) }),
      response: { 202: z.null() },
    },
  }, async (request, reply) => {
    await requestLoginCode(database, mailer, { email: request.body.email, ip: request.ip, locale: request.locale }, (error) => log.error({ err: error }, 'portal login code mail failed'));
    return reply.status(202).send(null);
  });

  app.post('/api/v1/portal/sessions', {
    config: { permission: 'public' },
    schema: {
      tags, summary: '用验证码登录 Sign in with the code',
      description: 'Sets the httpOnly `opencsm_portal` cookie (SameSite=Lax). A wrong, expired or used-up code is 400 naming `code`.',
      body: z.strictObject({ email: z.string().trim().min(3).max(254), code: z.string().trim().min(1).max(20) }),
      response: { 200: portalMeSchema },
    },
  }, async (request, reply) => {
    const session = await signInWithCode(database, { ...request.body, ip: request.ip }, config.OPENCSM_SESSION_DAYS);
    reply.setCookie(portalCookieName, session.secret, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.OPENCSM_COOKIE_SECURE, expires: session.expiresAt });
    return presentMe((await customerFromPortalSession(database.db, session.secret))!);
  });

  app.post('/api/v1/portal/logout', {
    config: { permission: 'public' },
    schema: { tags, summary: '退出门户 Sign out of the portal', response: { 204: z.null() } },
  }, async (request, reply) => {
    const secret = request.cookies[portalCookieName];
    if (secret) await database.transaction((tx) => deletePortalSession(tx, secret));
    reply.clearCookie(portalCookieName, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/api/v1/portal/me', {
    config: { permission: 'portal' },
    schema: { tags, summary: '当前客户 The signed-in customer', response: { 200: portalMeSchema } },
  }, async (request) => presentMe(customerOf(request)));
}
