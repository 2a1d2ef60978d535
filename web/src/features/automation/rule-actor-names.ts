import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useRuleNames } from './queries.ts';

type WithActor = { actor: { id: string; name: string } | null };

/**
 * Timeline entries with the rule named where a rule acted: an automation rule acts under its own
 * id (no user has it, so the timeline's actor has no name), and `GET /rule-names` names it. Entries
 * of people stay the same objects, so their memoised views do not render again.
 */
export function useRuleActorNames<E extends WithActor>(entries: E[]): E[] {
  const { t } = useTranslation();
  const unnamed = useMemo(() => [...new Set(entries.flatMap((entry) => (entry.actor && !entry.actor.name ? [entry.actor.id] : [])))], [entries]);
  const names = useRuleNames(unnamed);
  return useMemo(() => {
    const known = names.data;
    if (!known?.size) return entries;
    return entries.map((entry) => {
      const name = entry.actor && !entry.actor.name ? known.get(entry.actor.id) : undefined;
      return name && entry.actor ? { ...entry, actor: { ...entry.actor, name: t('automation.ruleActor', { name }) } } : entry;
    });
  }, [entries, names.data, t]);
}
