import type { FastifyReply, FastifyRequest } from 'fastify';

/** One year, subdomains included: what browsers' preload lists expect. */
export const strictTransportSecurity = 'max-age=31536000; includeSubDomains';

/**
 * HSTS on every response when cookies are marked Secure (OPENCSM_COOKIE_SECURE=true), i.e. when
 * the operator says this server is reached over HTTPS: the browser then never tries plain HTTP,
 * where a session cookie or a sign-in code could be read or a page altered. Not sent otherwise, as
 * it would lock a plain-HTTP intranet install out of browsers for a year.
 */
export async function sendStrictTransportSecurity(_request: FastifyRequest, reply: FastifyReply) {
  reply.header('Strict-Transport-Security', strictTransportSecurity);
}
