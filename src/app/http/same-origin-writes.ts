import type { FastifyReply, FastifyRequest } from 'fastify';
import { sessionCookieName } from '../../modules/auth/index.js';
import { portalCookieName } from '../../modules/portal/index.js';
import { pickLocale } from '../i18n/catalogue.js';
import { sendProblem } from './problem.js';

/** Runs before authentication (which sets the locale), so it picks the caller's language itself. */
function refuse(request: FastifyRequest, reply: FastifyReply) {
  request.locale = pickLocale(request.headers['accept-language']);
  return sendProblem(request, reply, 403, 'request.cross_site');
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Anonymous endpoints that other sites may post to by design (the web form, framed on the
 * customer's own site per OPENCSM_PORTAL_FRAME_ANCESTORS). They never act on a cookie, so a
 * request from elsewhere gains nothing from one the browser happens to attach.
 */
export const crossOriginWritablePaths: ReadonlySet<string> = new Set(['/api/v1/portal/forms/tickets']);

function originOf(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/**
 * CSRF: SameSite=Lax keeps cookies off cross-site POSTs, but a sibling origin (another host of the
 * same site, e.g. a customer's page on www.example.cn beside service.example.cn) is "same-site" and
 * gets them. So a state-changing request that carries our agent or portal cookie must show that it
 * comes from our own origin: `Sec-Fetch-Site: same-origin` (or `none`: typed by the user), else an
 * `Origin` equal to this server's (as the request reached it, or OPENCSM_PUBLIC_URL behind a
 * proxy). A request with neither header is refused too: every browser sends Origin on such
 * requests, and non-browser clients use bearer tokens, which no other site can attach (no CORS),
 * so bearer requests are exempt.
 */
export function sameOriginWritesHook(options: { publicUrl?: string }) {
  const configuredOrigin = options.publicUrl ? originOf(options.publicUrl) : null;
  return async function requireSameOrigin(request: FastifyRequest, reply: FastifyReply) {
    if (safeMethods.has(request.method)) return;
    if (request.headers.authorization) return;
    if (!request.cookies[sessionCookieName] && !request.cookies[portalCookieName]) return;
    if (crossOriginWritablePaths.has(request.routeOptions.url ?? '')) return;
    const fetchSite = request.headers['sec-fetch-site'];
    if (typeof fetchSite === 'string') {
      if (fetchSite === 'same-origin' || fetchSite === 'none') return;
      return refuse(request, reply);
    }
    const origin = typeof request.headers.origin === 'string' ? originOf(request.headers.origin) : null;
    const ownOrigin = originOf(`${request.protocol}://${request.host}`);
    if (origin && (origin === ownOrigin || origin === configuredOrigin)) return;
    return refuse(request, reply);
  };
}
