import type { Actor, Permission } from '../../modules/auth/index.js';
import type { Locale } from '../i18n/catalogue.js';

/** Every route declares who may call it: a permission from the catalogue, or `public`. */
export type RoutePermission = Permission | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission;
  }
  interface FastifyRequest {
    actor: Actor | null;
    locale: Locale;
  }
}

/** The authenticated actor of a route that declared a permission (never null there). */
export function actorOf(request: { actor: Actor | null }): Actor {
  if (!request.actor) throw new Error('actorOf() called on a public route');
  return request.actor;
}
