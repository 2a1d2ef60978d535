import { Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import { EmptyState, ErrorState, Loading } from '../../shared/ui/states.tsx';
import { useTeams, useUsers } from '../tickets/queries.ts';
import { labelIn } from '../forms/field-labels.ts';
import { formatFieldValue } from '../forms/format-value.ts';
import { useChinaRegions } from '../forms/option-sources.ts';
import { useRecordFields } from '../forms/queries.ts';
import type { CustomerFieldEntity } from './customer-form.ts';
import { describeHistory, visibleHistory, type HistoryEntry, type HistoryLookups } from './describe-history.ts';
import { useTiers } from './queries.ts';
import { tierName } from './TierTag.tsx';

type Query = { isPending: boolean; isError: boolean; error: unknown; data?: HistoryEntry[]; refetch: () => unknown };

/** 变更记录: each audit event as a sentence with who and when, newest first; custom values by their labels. */
export function HistoryList({ history, entity }: { history: Query; entity: CustomerFieldEntity }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const users = useUsers(can('directory.read'));
  const tiers = useTiers();
  const registry = useRecordFields(entity);
  const fields = registry.data;
  const teams = useTeams(Boolean(fields?.some((field) => field.type === 'team')));
  const regions = useChinaRegions(Boolean(fields?.some((field) => field.settings?.optionSource === 'china-regions')));
  const lookups: HistoryLookups = useMemo(
    () => ({
      userName: (id) => users.data?.find((u) => u.id === id)?.name,
      tierName: (key) => {
        const tier = tiers.data?.find((x) => x.key === key);
        return tier ? tierName(tier, key, i18n.language) : undefined;
      },
      customField: (key) => {
        const field = fields?.find((f) => f.key === key);
        if (!field) return undefined;
        const words = {
          language: i18n.language,
          yes: t('customFields.yes'),
          no: t('customFields.no'),
          userName: (id: string) => users.data?.find((u) => u.id === id)?.name,
          teamName: (id: string) => teams.data?.find((team) => team.id === id)?.name,
          optionTree: () => regions.data,
        };
        return { label: labelIn(field.label, i18n.language), value: (v) => formatFieldValue(field, v, words) };
      },
    }),
    [users.data, tiers.data, teams.data, regions.data, fields, i18n.language, t],
  );
  if (history.isPending) return <Loading />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => history.refetch()} />;
  const entries = visibleHistory(history.data ?? []);
  if (!entries.length) return <EmptyState title={t('customers.history.empty')} />;
  return (
    <Timeline
      data-testid="customer-history"
      items={entries.map((entry) => ({
        key: entry.id,
        color: entry.type.endsWith('anonymized') || entry.type.endsWith('deleted') ? 'red' : entry.type.endsWith('absorbed') || entry.type.endsWith('merged') ? 'purple' : 'gray',
        children: (
          <div>
            <div style={{ wordBreak: 'break-word' }}>{describeHistory(entry, lookups, t)}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} title={dayjs(entry.createdAt).format('YYYY-MM-DD HH:mm:ss')}>
              {dayjs(entry.createdAt).format('YYYY-MM-DD HH:mm')}
            </Typography.Text>
          </div>
        ),
      }))}
    />
  );
}
