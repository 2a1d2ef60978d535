import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/session.ts';
import { useTicketFields } from '../forms/queries.ts';
import type { Lookups } from '../tickets/describe-change.ts';
import { usePriorities, useTeams, useUsers } from '../tickets/queries.ts';

/** Names for a macro's changes (the same cached lists the ticket page reads), so a preview says 处理人 李娜, not an id. */
export function useChangeLookups(): Lookups {
  const { i18n } = useTranslation();
  const directory = useMe().permissions.includes('directory.read');
  const users = useUsers(directory);
  const teams = useTeams(directory);
  const priorities = usePriorities();
  const registry = useTicketFields();
  const zh = i18n.language === 'zh-CN';
  return useMemo(
    () => ({
      userName: (id) => users.data?.find((u) => u.id === id)?.name,
      teamName: (id) => teams.data?.find((x) => x.id === id)?.name,
      categoryName: () => undefined,
      priorityName: (key) => {
        const found = priorities.data?.find((p) => p.key === key);
        return found ? (zh ? found.nameZh : found.nameEn) : undefined;
      },
      customField: (key) => registry.data?.find((field) => field.key === key && !field.builtIn),
      language: i18n.language,
    }),
    [users.data, teams.data, priorities.data, registry.data, zh, i18n.language],
  );
}
