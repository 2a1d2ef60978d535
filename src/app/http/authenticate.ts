import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../db/database.js';
import { actorFromApiToken, actorFromSession, can, sessionCookieName } from '../../modules/auth/index.js';
import { customerFromPortalSession, portalCookieName } from '../../modules/portal/index.js';
import { pickLocale } from '../i18n/catalogue.js';
import { sendProblem } from './problem.js';

/**
 * Runs before every route: sets the locale, resolves the session cookie or bearer token into an
 * actor, and enforces the route's declared permission. Routes without a declaration never get
 * here: the server refuses to start (see server.ts).
 */
export function authenticateHook(database: Database) {
  return async function authenticate(request: FastifyRequest, reply: FastifyReply) {
    request.locale = pickLocale(request.headers['accept-language']);
    request.actor = null;
    request.customer = null;
    const permission = request.routeOptions.config.permission;
    if (permission === 'public' || permission === undefined) return;
    // Customer routes take the portal cookie only: an agent's session or token is not a customer.
    if (permission === 'portal') {
      const secret = request.cookies[portalCookieName];
      request.customer = secret ? await customerFromPortalSession(database.db, secret) : null;
      if (!request.customer) return sendProblem(request, reply, 401, 'portal.unauthenticated');
      return;
    }

    const authorization = request.headers.authorization;
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      request.actor = match ? await actorFromApiToken(database, match[1]!) : null;
      if (!request.actor) return sendProblem(request, reply, 401, 'auth.token_invalid');
    } else {
      const secret = request.cookies[sessionCookieName];
      request.actor = secret ? await actorFromSession(database.db, secret) : null;
      if (!request.actor) return sendProblem(request, reply, 401, 'auth.unauthenticated');
    }
    if (!can(request.actor, permission)) return sendProblem(request, reply, 403, 'auth.forbidden');
  };
}
