import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * A help-centre visitor is a random id in a first-party cookie (no sign-in): what makes "one vote
 * per visitor per article" and ties an opened article to a ticket submitted later (deflection).
 * Only its hash is stored. A visitor who clears cookies is a new visitor; that is the price of not
 * asking anonymous readers to sign in.
 */
export const helpVisitorCookie = 'opencsm_help_visitor';

export function helpVisitorKey(request: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  let secret = request.cookies[helpVisitorCookie];
  if (!secret || !/^[A-Za-z0-9_-]{22,64}$/.test(secret)) {
    secret = randomBytes(16).toString('base64url');
    reply.setCookie(helpVisitorCookie, secret, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: 365 * 24 * 3600 });
  }
  return createHash('sha256').update(secret).digest('hex');
}
