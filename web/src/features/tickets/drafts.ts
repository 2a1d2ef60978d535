/**
 * Unsent replies and notes, per user, ticket and mode, kept in localStorage so a draft survives
 * navigating away, a reload, or a crash of the tab. Old drafts (30 days) are dropped on read.
 * Keyed by user so an agent at a shared desk never sees (or sends) a colleague's draft; logging
 * out removes them all.
 */
export type DraftMode = 'reply' | 'note';
type Stored = { body: string; savedAt: number };

const prefix = 'opencsm.draft.';
const maxAgeMs = 30 * 24 * 3600_000;

export type DraftOwner = { userId: string; ticketId: string };

export function draftKey({ userId, ticketId }: DraftOwner, mode: DraftMode): string {
  return `${prefix}${userId}.${ticketId}.${mode}`;
}

export function saveDraft(owner: DraftOwner, mode: DraftMode, body: string, storage: Storage = localStorage, now = Date.now()): void {
  const key = draftKey(owner, mode);
  if (!body.trim()) storage.removeItem(key);
  else storage.setItem(key, JSON.stringify({ body, savedAt: now } satisfies Stored));
}

export function loadDraft(owner: DraftOwner, mode: DraftMode, storage: Storage = localStorage, now = Date.now()): string {
  const key = draftKey(owner, mode);
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

export function clearDraft(owner: DraftOwner, mode: DraftMode, storage: Storage = localStorage): void {
  storage.removeItem(draftKey(owner, mode));
}

/** On logout: nothing typed on this device stays behind for the next person. */
export function clearAllDrafts(storage: Storage = localStorage): void {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  for (const key of keys) storage.removeItem(key);
}
