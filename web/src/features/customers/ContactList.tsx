import { Button, Table, Tag, Typography, type TableProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, ErrorState } from '../../shared/ui/states.tsx';
import { formatPhone } from './format-phone.ts';
import { contactQuery, isNarrowed, type ListState } from './list-params.ts';
import { LoadMore } from './LoadMore.tsx';
import { useContactList, type ContactSummary } from './queries.ts';
import { TierTag } from './TierTag.tsx';

type Props = { state: ListState; narrow: boolean; onClearFilters: () => void; onCreate?: () => void };

export function ContactList({ state, narrow, onClearFilters, onCreate }: Props) {
  const { t } = useTranslation();
  const query = useMemo(() => contactQuery(state), [state]);
  const list = useContactList(query);
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  if (list.isError) return <ErrorState error={list.error} onRetry={() => list.refetch()} />;

  const name = (row: ContactSummary) =>
    row.anonymized ? (
      <Link to={`/customers/contacts/${row.id}`}>
        <Typography.Text type="secondary">{t('customers.anonymizedName')}</Typography.Text>
      </Link>
    ) : (
      <Link to={`/customers/contacts/${row.id}`}>{row.name}</Link>
    );
  const columns: TableProps<ContactSummary>['columns'] = narrow
    ? [
        {
          key: 'contact',
          title: t('customers.list.name'),
          render: (_: unknown, row) => (
            <div>
              <div>
                {name(row)} <TierTag tierKey={row.tierKey} />
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[row.phone ? formatPhone(row.phone) : null, row.organization?.name].filter(Boolean).join(' · ')}
              </Typography.Text>
            </div>
          ),
        },
      ]
    : [
        { key: 'name', title: t('customers.list.name'), ellipsis: true, render: (_: unknown, row) => name(row) },
        { key: 'phone', title: t('customers.list.phone'), width: 150, render: (_: unknown, row) => (row.phone ? formatPhone(row.phone) : '—') },
        { key: 'email', title: t('customers.list.email'), ellipsis: true, render: (_: unknown, row) => row.email ?? '—' },
        { key: 'organization', title: t('customers.list.organization'), ellipsis: true, render: (_: unknown, row) => (row.organization ? <Link to={`/customers/organizations/${row.organization.id}`}>{row.organization.name}</Link> : '—') },
        { key: 'tier', title: t('customers.list.tier'), width: 100, render: (_: unknown, row) => (row.anonymized ? <Tag>{t('customers.anonymized')}</Tag> : <TierTag tierKey={row.tierKey} />) },
      ];

  const empty = isNarrowed(state) ? (
    <EmptyState title={state.q ? t('customers.list.noMatchQuery', { q: state.q }) : t('customers.list.noMatch')} hint={t('customers.list.noMatchHint')} action={<Button onClick={onClearFilters}>{t('customers.list.clearFilters')}</Button>} />
  ) : (
    <EmptyState
      title={t('customers.list.emptyContacts')}
      hint={onCreate ? t('customers.list.emptyContactsHint') : t('customers.list.emptyContactsReadOnly')}
      action={onCreate ? <Button type="primary" onClick={onCreate}>{t('customers.newContact')}</Button> : undefined}
    />
  );

  return (
    <>
      <Table<ContactSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={list.isPending || (list.isFetching && list.isPlaceholderData)}
        pagination={false}
        scroll={narrow ? undefined : { x: 760 }}
        onRow={(row) => ({ 'data-testid': `contact-row-${row.id}` }) as React.HTMLAttributes<HTMLElement>}
        locale={{ emptyText: list.isPending ? ' ' : empty }}
      />
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} count={rows.length} onMore={() => list.fetchNextPage()} />
    </>
  );
}
