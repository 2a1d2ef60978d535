import type { Config } from '../../app/config.js';

/** Where the customer reads the whole reply: the ticket on the portal (OPENCSM_PUBLIC_URL), or null when the server does not know its address. */
export function portalTicketLink(config: Config, ticketId: string): string | null {
  const base = config.OPENCSM_PUBLIC_URL?.replace(/\/+$/, '');
  return base ? `${base}/portal/tickets/${ticketId}` : null;
}
