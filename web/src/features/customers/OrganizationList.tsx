import { Button, Table, Tag, Typography, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, ErrorState } from '../../shared/ui/states.tsx';
import { isNarrowed, organizationQuery, type ListState } from './list-params.ts';
import { LoadMore } from './LoadMore.tsx';
import { useOrganizationList, type Organization } from './queries.ts';
import { TierTag } from './TierTag.tsx';

type Props = { state: ListState; narrow: boolean; onClearFilters: () => void; onCreate?: () => void };

export function OrganizationList({ state, narrow, onClearFilters, onCreate }: Props) {
  const { t } = useTranslation();
  const query = useMemo(() => organizationQuery(state), [state]);
  const list = useOrganizationList(query);
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  if (list.isError) return <ErrorState error={list.error} onRetry={() => list.refetch()} />;

  const link = (row: Organization) => <Link to={`/customers/organizations/${row.id}`}>{row.name}</Link>;
  const columns: TableProps<Organization>['columns'] = narrow
    ? [
        {
          key: 'organization',
          title: t('customers.list.organizationName'),
          render: (_: unknown, row) => (
            <div>
              <div>
                {link(row)} <TierTag tierKey={row.tierKey} />
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('customers.organization.contactCount', { n: row.contactCount })}
              </Typography.Text>
            </div>
          ),
        },
      ]
    : [
        { key: 'name', title: t('customers.list.organizationName'), ellipsis: true, render: (_: unknown, row) => link(row) },
        { key: 'contacts', title: t('customers.list.contacts'), width: 100, dataIndex: 'contactCount' },
        { key: 'tier', title: t('customers.list.tier'), width: 100, render: (_: unknown, row) => <TierTag tierKey={row.tierKey} /> },
        { key: 'tags', title: t('customers.list.tag'), ellipsis: true, render: (_: unknown, row) => row.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) },
        { key: 'updatedAt', title: t('customers.list.updatedAt'), width: 120, render: (_: unknown, row) => <span title={dayjs(row.updatedAt).format('YYYY-MM-DD HH:mm:ss')}>{dayjs(row.updatedAt).fromNow()}</span> },
      ];

  const empty = isNarrowed(state) ? (
    <EmptyState title={state.q ? t('customers.list.noMatchQuery', { q: state.q }) : t('customers.list.noMatch')} hint={t('customers.list.noMatchHintOrganizations')} action={<Button onClick={onClearFilters}>{t('customers.list.clearFilters')}</Button>} />
  ) : (
    <EmptyState
      title={t('customers.list.emptyOrganizations')}
      hint={onCreate ? t('customers.list.emptyOrganizationsHint') : t('customers.list.emptyOrganizationsReadOnly')}
      action={onCreate ? <Button type="primary" onClick={onCreate}>{t('customers.newOrganization')}</Button> : undefined}
    />
  );

  return (
    <>
      <Table<Organization>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={list.isPending || (list.isFetching && list.isPlaceholderData)}
        pagination={false}
        scroll={narrow ? undefined : { x: 700 }}
        locale={{ emptyText: list.isPending ? ' ' : empty }}
      />
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} count={rows.length} onMore={() => list.fetchNextPage()} />
    </>
  );
}
