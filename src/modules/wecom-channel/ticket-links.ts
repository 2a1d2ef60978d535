/** The ticket link and clipping are the channel platform's (shared with DingTalk). */
export { clip, ticketLink } from '../channels/index.js';

/** Text inside a textcard's HTML-ish description, or a robot's markdown: its markup characters escaped. */
export function escapeCardText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
