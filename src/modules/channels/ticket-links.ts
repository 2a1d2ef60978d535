import type { Config } from '../../app/config.js';

/** The console's address of a ticket (OPENCSM_PUBLIC_URL + /tickets/<id>), or null when no public URL is set: what staff notifications link to. */
export function ticketLink(config: Pick<Config, 'OPENCSM_PUBLIC_URL'>, ticketId: string): string | null {
  const base = config.OPENCSM_PUBLIC_URL?.replace(/\/+$/, '');
  return base ? `${base}/tickets/${ticketId}` : null;
}

/** Flattened to one line and cut to at most `max` characters, with an ellipsis when cut (vendors limit card and markdown sizes). */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
