/**
 * Unsent replies and notes, per ticket and per mode, kept in localStorage so a draft survives
 * navigating away, a reload, or a crash of the tab. Old drafts (30 days) are dropped on read.
 */
export type DraftMode = 'reply' | 'note';
type Stored = { body: string; savedAt: number };

const prefix = 'opencsm.draft.';
const maxAgeMs = 30 * 24 * 3600_000;

export function draftKey(ticketId: string, mode: DraftMode): string {
  return `${prefix}${ticketId}.${mode}`;
}

export function saveDraft(ticketId: string, mode: DraftMode, body: string, storage: Storage = localStorage, now = Date.now()): void {
  const key = draftKey(ticketId, mode);
  if (!body.trim()) storage.removeItem(key);
  else storage.setItem(key, JSON.stringify({ body, savedAt: now } satisfies Stored));
}

export function loadDraft(ticketId: string, mode: DraftMode, storage: Storage = localStorage, now = Date.now()): string {
  const key = draftKey(ticketId, mode);
  const raw = storage.getItem(key);
  if (!raw) return '';
  try {
    const stored = JSON.parse(raw) as Partial<Stored>;
    if (typeof stored.body !== 'string' || typeof stored.savedAt !== 'number' || now - stored.savedAt > maxAgeMs) {
      storage.removeItem(key);
      return '';
    }
    return stored.body;
  } catch {
    storage.removeItem(key);
    return '';
  }
}

export function clearDraft(ticketId: string, mode: DraftMode, storage: Storage = localStorage): void {
  storage.removeItem(draftKey(ticketId, mode));
}
