import type { Config } from '../../app/config.js';

/** The console's address of a ticket (OPENCSM_PUBLIC_URL + /tickets/<id>), or null when no public URL is set. */
export function ticketLink(config: Pick<Config, 'OPENCSM_PUBLIC_URL'>, ticketId: string): string | null {
  const base = config.OPENCSM_PUBLIC_URL?.replace(/\/+$/, '');
  return base ? `${base}/tickets/${ticketId}` : null;
}

/** Cut to at most `max` characters, with an ellipsis when cut (WeCom limits textcard and markdown sizes in bytes). */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** Text inside a textcard's HTML-ish description, or a robot's markdown: its markup characters escaped. */
export function escapeCardText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
