/**
 * Which custom fields show as columns, chosen per view (污染类型 in 环保投诉待办, 型号 in 报修) and
 * remembered per user in localStorage beside the other list preferences; a damaged entry means none.
 */
import { useCallback, useState } from 'react';

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;
type ColumnsByView = Record<string, string[]>;

const fieldKey = /^[a-z][a-z0-9_]{0,62}$/;

export function customColumnsKey(userId: string): string {
  return `opencsm:ticket-list-columns:${userId}`;
}

function readAll(storage: KeyValueStore, userId: string): ColumnsByView {
  try {
    const raw = JSON.parse(storage.getItem(customColumnsKey(userId)) ?? 'null') as unknown;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
    const out: ColumnsByView = {};
    for (const [view, keys] of Object.entries(raw)) if (Array.isArray(keys)) out[view] = keys.filter((key): key is string => typeof key === 'string' && fieldKey.test(key));
    return out;
  } catch {
    return {};
  }
}

export function readCustomColumns(storage: KeyValueStore, userId: string, view: string): string[] {
  return readAll(storage, userId)[view] ?? [];
}

export function writeCustomColumns(storage: KeyValueStore, userId: string, view: string, keys: string[]): void {
  try {
    storage.setItem(customColumnsKey(userId), JSON.stringify({ ...readAll(storage, userId), [view]: keys }));
  } catch {
    // Private mode or a full quota: the choice lasts for this page only.
  }
}

export function useCustomColumns(userId: string, view: string): [string[], (keys: string[]) => void] {
  const [state, setState] = useState(() => ({ view, keys: readCustomColumns(window.localStorage, userId, view) }));
  const keys = state.view === view ? state.keys : readCustomColumns(window.localStorage, userId, view);
  const update = useCallback(
    (next: string[]) => {
      writeCustomColumns(window.localStorage, userId, view, next);
      setState({ view, keys: next });
    },
    [userId, view],
  );
  return [keys, update];
}
