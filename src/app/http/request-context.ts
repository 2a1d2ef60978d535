import type { Actor, Permission } from '../../modules/auth/index.js';
import type { PortalCustomer } from '../../modules/portal/index.js';
import type { Locale } from '../i18n/catalogue.js';

/**
 * Every route declares who may call it: a permission from the catalogue (agents and API tokens),
 * `portal` (a signed-in customer: the portal session cookie, never an agent credential), or `public`.
 */
export type RoutePermission = Permission | 'portal' | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission;
  }
  interface FastifyRequest {
    actor: Actor | null;
    /** The signed-in customer on `portal` routes; null everywhere else. */
    customer: PortalCustomer | null;
    locale: Locale;
  }
}

/** The authenticated actor of a route that declared a permission (never null there). */
export function actorOf(request: { actor: Actor | null }): Actor {
  if (!request.actor) throw new Error('actorOf() called on a public route');
  return request.actor;
}

/** The signed-in customer of a `portal` route (never null there). */
export function customerOf(request: { customer: PortalCustomer | null }): PortalCustomer {
  if (!request.customer) throw new Error('customerOf() called on a route that is not `portal`');
  return request.customer;
}
