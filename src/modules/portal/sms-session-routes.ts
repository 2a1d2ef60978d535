import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { portalMeSchema } from './http-schemas.js';
import { customerFromPortalSession, portalCookieName } from './portal-sessions.js';
import { presentMe } from './session-routes.js';
import { portalSignInMethods, requestSmsLoginCode, signInWithSmsCode } from './sms-login-codes.js';

const tags = ['portal'];

/** Customer sign-in by mobile number and SMS code (手机号登录), beside the email code. */
export function registerPortalSmsSessionRoutes(app: AppServer, context: AppContext): void {
  const { database, config } = context;

  app.get('/api/v1/portal/sign-in-methods', {
    config: { permission: 'public' },
    schema: {
      tags, summary: '门户登录方式 How customers can sign in',
      description: '`sms` is true when an SMS account is enabled (or the development provider is on); the sign-in page then opens on 手机号登录.',
      response: { 200: z.object({ email: z.boolean(), sms: z.boolean() }) },
    },
  }, async () => portalSignInMethods(context));

  app.post('/api/v1/portal/sms-login-codes', {
    config: { permission: 'public' },
    schema: {
      tags, summary: '获取短信验证码 Ask for a sign-in code by SMS',
      description: 'Always 202, whether or not the mobile number belongs to a customer (no enumeration). A known customer gets a 6-digit code by SMS, valid 10 minutes, 5 tries. Limited per number (60 s apart, 5 an hour, 10 a day) and per IP (20 an hour): 429 with Retry-After. 400 naming `phone` for a number that cannot take SMS; 503 `sms.not_configured` without an SMS account.',
      body: z.strictObject({ phone: z.string().trim().min(3).max(40) }),
      response: { 202: z.null() },
    },
  }, async (request, reply) => {
    await requestSmsLoginCode(context, { phone: request.body.phone, ip: request.ip });
    return reply.status(202).send(null);
  });

  app.post('/api/v1/portal/sms-sessions', {
    config: { permission: 'public' },
    schema: {
      tags, summary: '用短信验证码登录 Sign in with the SMS code',
      description: 'Sets the httpOnly `opencsm_portal` cookie (SameSite=Lax), like `POST /portal/sessions`. A wrong, expired or used-up code is 400 naming `code`.',
      body: z.strictObject({ phone: z.string().trim().min(3).max(40), code: z.string().trim().min(1).max(20) }),
      response: { 200: portalMeSchema },
    },
  }, async (request, reply) => {
    const session = await signInWithSmsCode(context, { ...request.body, ip: request.ip });
    reply.setCookie(portalCookieName, session.secret, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.OPENCSM_COOKIE_SECURE, expires: session.expiresAt });
    return presentMe((await customerFromPortalSession(database.db, session.secret))!);
  });
}
