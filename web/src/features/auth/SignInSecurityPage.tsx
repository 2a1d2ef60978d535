import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../shared/api/client.ts';
import { describeError } from '../../shared/ui/describe-error.ts';
import { EmptyState, ErrorState } from '../../shared/ui/states.tsx';
import { AdminGate } from '../admin/AdminGate.tsx';
import { securityKeys, useSignInAudit, useSignInLocks, type AuditFilter, type SignInAuditEntry, type SignInLock, type SignInOutcome } from './security-queries.ts';

/** 设置 › 登录安全: who is locked out of sign-in now (with an unlock button), and the sign-in audit log. */
export default function SignInSecurityPage() {
  const { t } = useTranslation();
  return (
    <AdminGate permission="admin.security">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <div>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {t('security.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ maxWidth: 880 }}>
            {t('security.intro')}
          </Typography.Paragraph>
        </div>
        <LocksCard />
        <AuditCard />
      </Space>
    </AdminGate>
  );
}

const when = (d: string) => dayjs(d).format('YYYY-MM-DD HH:mm:ss');

function LocksCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const locks = useSignInLocks();
  if (locks.isError) return <ErrorState error={locks.error} onRetry={() => locks.refetch()} />;
  return (
    <Card title={t('security.locks')} data-testid="sign-in-locks">
      <Table<SignInLock>
        rowKey="id"
        size="small"
        loading={locks.isPending}
        dataSource={locks.data ?? []}
        pagination={false}
        scroll={{ x: 700 }}
        locale={{ emptyText: <EmptyState title={t('security.noLocks')} hint={t('security.noLocksHint')} /> }}
        columns={[
          { title: t('security.kind'), dataIndex: 'kind', render: (kind: SignInLock['kind']) => <Tag>{t(kind === 'account' ? 'security.kindAccount' : 'security.kindIp')}</Tag> },
          { title: t('security.subject'), dataIndex: 'subject' },
          { title: t('security.user'), key: 'user', render: (_: unknown, lock) => (lock.kind === 'ip' ? '—' : (lock.userName ?? <Typography.Text type="secondary">{t('security.unknownUser')}</Typography.Text>)) },
          { title: t('security.failures'), dataIndex: 'failures' },
          { title: t('security.lockedUntil'), dataIndex: 'lockedUntil', render: when },
          {
            title: t('app.actions'),
            key: 'actions',
            render: (_: unknown, lock) => (
              <Popconfirm
                title={t('security.unlockConfirm', { subject: lock.subject })}
                onConfirm={async () => {
                  try {
                    await unwrap(api.DELETE('/api/v1/admin/sign-in-locks/{id}', { params: { path: { id: lock.id } } }));
                    message.success(t('security.unlocked'));
                  } catch (error) {
                    message.error(describeError(error, t).message);
                  }
                  await queryClient.invalidateQueries({ queryKey: securityKeys.all });
                }}
              >
                <Button size="small" data-testid={`unlock-${lock.subject}`}>
                  {t('security.unlock')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}

const outcomeColours: Record<SignInOutcome, string> = { success: 'green', failure: 'orange', refused: 'red' };

function AuditCard() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const audit = useSignInAudit(filter);
  // Admins hold directory.read: the user filter picks from the user list.
  const users = useQuery({ queryKey: ['users', 'all-for-filter'], queryFn: () => unwrap(api.GET('/api/v1/users')).then((r) => r.items) });
  const rows = audit.data?.pages.flatMap((page) => page.items) ?? [];
  const outcomes: SignInOutcome[] = ['success', 'failure', 'refused'];
  const reasonText = (reason: string | null) => (reason ? t(`security.reasons.${reason}`, { defaultValue: reason }) : '');

  return (
    <Card title={t('security.audit')}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('security.filterEmail')} style={{ width: 220 }} onSearch={(email) => setFilter((f) => ({ ...f, email: email.trim() || undefined }))} />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('security.filterUser')}
          style={{ width: 220 }}
          loading={users.isPending}
          options={(users.data ?? []).map((u) => ({ value: u.id, label: `${u.name} <${u.email}>` }))}
          onChange={(userId?: string) => setFilter((f) => ({ ...f, userId }))}
        />
        <Select
          allowClear
          placeholder={t('security.allOutcomes')}
          style={{ width: 160 }}
          options={outcomes.map((o) => ({ value: o, label: t(`security.outcomes.${o}`) }))}
          onChange={(outcome?: SignInOutcome) => setFilter((f) => ({ ...f, outcome }))}
          data-testid="outcome-filter"
        />
        <DatePicker.RangePicker
          aria-label={t('security.dateRange')}
          value={range}
          onChange={(value) => {
            setRange(value);
            setFilter((f) => ({ ...f, from: value?.[0]?.startOf('day').toISOString(), to: value?.[1]?.add(1, 'day').startOf('day').toISOString() }));
          }}
        />
      </Space>
      {audit.isError ? (
        <ErrorState error={audit.error} onRetry={() => audit.refetch()} />
      ) : (
        <Table<SignInAuditEntry>
          rowKey="id"
          size="small"
          loading={audit.isPending}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 1000 }}
          locale={{ emptyText: <EmptyState title={t('security.noAudit')} hint={t('security.noAuditHint')} /> }}
          columns={[
            { title: t('security.time'), dataIndex: 'createdAt', render: when, width: 170 },
            { title: t('security.email'), dataIndex: 'email' },
            { title: t('security.user'), dataIndex: 'userName', render: (name: string | null) => name ?? '—' },
            { title: t('security.ip'), dataIndex: 'ip' },
            { title: t('security.outcome'), dataIndex: 'outcome', render: (o: SignInOutcome) => <Tag color={outcomeColours[o]}>{t(`security.outcomes.${o}`)}</Tag> },
            { title: t('security.reason'), dataIndex: 'reason', render: reasonText },
            { title: t('security.userAgent'), dataIndex: 'userAgent', ellipsis: true },
          ]}
        />
      )}
      {audit.hasNextPage ? (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button onClick={() => audit.fetchNextPage()} loading={audit.isFetchingNextPage}>
            {t('app.loadMore')}
          </Button>
        </div>
      ) : null}
    </Card>
  );
}
