import type { Identity } from './identity-groups.ts';

/** Which record survives a merge: the one on screen (the default) or the duplicate. */
export type Survivor = 'current' | 'other';

/** The API's direction: `sourceId` is merged into `targetId` (the survivor). */
export function mergeDirection(currentId: string, otherId: string, survivor: Survivor): { sourceId: string; targetId: string } {
  return survivor === 'current' ? { sourceId: otherId, targetId: currentId } : { sourceId: currentId, targetId: otherId };
}

type Contact360Like = {
  contact: { id: string; identities: Identity[] };
  tickets: { counts: { total: number } };
  records: { contactId: string | null }[];
};

/**
 * What moves to the survivor, read from the merged contact's 360° view: every identity, its
 * tickets, and the records filed under the person (records filed under its organisation are in
 * the view too, but stay with the organisation).
 */
export function movingSummary(source: Contact360Like): { identities: Identity[]; tickets: number; records: number } {
  return {
    identities: source.contact.identities,
    tickets: source.tickets.counts.total,
    records: source.records.filter((r) => r.contactId === source.contact.id).length,
  };
}
