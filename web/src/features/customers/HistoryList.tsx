import { Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import { EmptyState, ErrorState, Loading } from '../../shared/ui/states.tsx';
import { useUsers } from '../tickets/queries.ts';
import { describeHistory, visibleHistory, type HistoryEntry, type HistoryLookups } from './describe-history.ts';
import { useTiers } from './queries.ts';
import { tierName } from './TierTag.tsx';

type Query = { isPending: boolean; isError: boolean; error: unknown; data?: HistoryEntry[]; refetch: () => unknown };

/** 变更记录: each audit event as a sentence with who and when, newest first. */
export function HistoryList({ history }: { history: Query }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const users = useUsers(can('directory.read'));
  const tiers = useTiers();
  const lookups: HistoryLookups = useMemo(
    () => ({
      userName: (id) => users.data?.find((u) => u.id === id)?.name,
      tierName: (key) => {
        const tier = tiers.data?.find((x) => x.key === key);
        return tier ? tierName(tier, key, i18n.language) : undefined;
      },
    }),
    [users.data, tiers.data, i18n.language],
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
