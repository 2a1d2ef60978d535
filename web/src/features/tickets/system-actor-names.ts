import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../shared/api/client.ts';
import type { components } from '../../shared/api/schema';
import { ticketKeys } from './keys.ts';

export type SystemActorName = components['schemas']['SystemActorName'];
type WithActor = { actor: { id: string; name: string } | null };

/** The ids of actors the timeline could not name (no user has them: 自动分配, SLA, a rule …). */
export function unnamedActorIds(entries: readonly WithActor[]): string[] {
  return [...new Set(entries.flatMap((entry) => (entry.actor && !entry.actor.name ? [entry.actor.id] : [])))].sort();
}

/**
 * Entries with each system actor named in `language` (自动分配（轮询）, SLA 升级, 规则「VIP 升级」).
 * Entries of people, and of actors not named, stay the same objects, so their memoised views do not
 * render again.
 */
export function nameSystemActors<E extends WithActor>(entries: E[], names: ReadonlyMap<string, SystemActorName>, language: string): E[] {
  if (names.size === 0) return entries;
  const labelKey = language.startsWith('zh') ? 'zh-CN' : 'en';
  return entries.map((entry) => {
    const named = entry.actor && !entry.actor.name ? names.get(entry.actor.id) : undefined;
    return named && entry.actor ? { ...entry, actor: { ...entry.actor, name: named.labels[labelKey] } } : entry;
  });
}

/**
 * The timeline's entries with their system actors named: one `GET /actor-names` for the ids no
 * user has (readable by every ticket reader), kept a minute; both languages come back, so
 * switching the console's language asks nothing again.
 */
export function useSystemActorNames<E extends WithActor>(entries: E[]): E[] {
  const { i18n } = useTranslation();
  const ids = useMemo(() => unnamedActorIds(entries), [entries]);
  const names = useQuery({
    queryKey: ticketKeys.actorNames(ids),
    enabled: ids.length > 0,
    staleTime: 60_000,
    queryFn: async () => new Map((await unwrap(api.GET('/api/v1/actor-names', { params: { query: { ids: ids.join(',') } } }))).items.map((item) => [item.id, item])),
  });
  return useMemo(() => nameSystemActors(entries, names.data ?? new Map(), i18n.language), [entries, names.data, i18n.language]);
}
