/**
 * How each user likes the ticket list: row density and which optional columns they hid.
 * Kept in localStorage under the user's id, so two people sharing an office PC keep their own
 * choice and nothing stale leaks between accounts; a missing or damaged entry means defaults.
 */
import { useCallback, useState } from 'react';

export type Density = 'comfortable' | 'compact';
/** Columns a user may hide; 主题, 状态, 处理人 and 更新时间 always stay. */
export const optionalColumns = ['number', 'requester', 'priority', 'sla', 'team'] as const;
export type OptionalColumn = (typeof optionalColumns)[number];
export type ListPreferences = { density: Density; hidden: OptionalColumn[] };

export const defaultListPreferences: ListPreferences = { density: 'comfortable', hidden: [] };

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

export function listPreferencesKey(userId: string): string {
  return `opencsm:ticket-list:${userId}`;
}

export function readListPreferences(storage: KeyValueStore, userId: string): ListPreferences {
  try {
    const raw = JSON.parse(storage.getItem(listPreferencesKey(userId)) ?? 'null') as Partial<ListPreferences> | null;
    if (!raw || typeof raw !== 'object') return defaultListPreferences;
    return {
      density: raw.density === 'compact' ? 'compact' : 'comfortable',
      hidden: Array.isArray(raw.hidden) ? optionalColumns.filter((c) => raw.hidden!.includes(c)) : [],
    };
  } catch {
    return defaultListPreferences;
  }
}

export function writeListPreferences(storage: KeyValueStore, userId: string, preferences: ListPreferences): void {
  try {
    storage.setItem(listPreferencesKey(userId), JSON.stringify(preferences));
  } catch {
    // Private mode or a full quota: the choice then lasts for this page only.
  }
}

export function useListPreferences(userId: string): [ListPreferences, (next: ListPreferences) => void] {
  const [preferences, setPreferences] = useState(() => readListPreferences(window.localStorage, userId));
  const update = useCallback(
    (next: ListPreferences) => {
      writeListPreferences(window.localStorage, userId, next);
      setPreferences(next);
    },
    [userId],
  );
  return [preferences, update];
}
