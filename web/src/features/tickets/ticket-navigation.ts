/**
 * The order of the list the agent came from, so `j`/`k` on a ticket page walk that list.
 * Kept in sessionStorage: per tab, survives a reload, gone with the tab.
 */
const storageKey = 'opencsm.ticketNavigation';

export function rememberTicketOrder(ids: readonly string[], storage: Pick<Storage, 'setItem'> = sessionStorage): void {
  storage.setItem(storageKey, JSON.stringify(ids.slice(0, 1000)));
}

export function neighbourTicket(currentId: string, step: 1 | -1, storage: Pick<Storage, 'getItem'> = sessionStorage): string | undefined {
  let ids: unknown;
  try {
    ids = JSON.parse(storage.getItem(storageKey) ?? '[]');
  } catch {
    return undefined;
  }
  if (!Array.isArray(ids)) return undefined;
  const index = ids.indexOf(currentId);
  if (index === -1) return undefined;
  const next: unknown = ids[index + step];
  return typeof next === 'string' ? next : undefined;
}
