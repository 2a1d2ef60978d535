import { Button, Empty, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError } from '../../shared/ui/describe-error.ts';
import { useRuleFirings, useRuleVersions } from './queries.ts';

/** A saved rule's versions (who changed what, when) and its firing log, newest first, a page at a time. */
export function RuleHistory({ ruleId }: { ruleId: string }) {
  const { t } = useTranslation();
  return (
    <Tabs
      items={[
        { key: 'firings', label: t('automation.history.firings'), children: <Firings ruleId={ruleId} /> },
        { key: 'versions', label: t('automation.history.versions'), children: <Versions ruleId={ruleId} /> },
      ]}
    />
  );
}

function Versions({ ruleId }: { ruleId: string }) {
  const { t } = useTranslation();
  const versions = useRuleVersions(ruleId);
  if (versions.isError) return <Typography.Text type="danger">{describeError(versions.error, t).message}</Typography.Text>;
  const items = versions.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <Table
        rowKey="id"
        size="small"
        loading={versions.isPending}
        pagination={false}
        dataSource={items}
        locale={{ emptyText: <Empty description={t('automation.history.noVersions')} /> }}
        columns={[
          { title: '#', dataIndex: 'version', width: 60 },
          { title: t('automation.history.at'), dataIndex: 'at', render: (at: string) => new Date(at).toLocaleString() },
          { title: t('automation.history.change.updated'), key: 'change', render: (_: unknown, v) => <>{t(`automation.history.change.${v.change}`, { defaultValue: v.change })} {v.fields.length > 0 && <Typography.Text type="secondary">{t('automation.history.changedFields', { fields: v.fields.join(', ') })}</Typography.Text>}</> },
        ]}
      />
      {versions.hasNextPage && <Button type="link" onClick={() => versions.fetchNextPage()}>{t('automation.history.more')}</Button>}
    </>
  );
}

/** The firing log of one rule, or of every rule (`ruleId` null) with each row's rule named. */
export function Firings({ ruleId, ruleName }: { ruleId: string | null; ruleName?: (id: string) => string | undefined }) {
  const { t } = useTranslation();
  const firings = useRuleFirings(ruleId);
  if (firings.isError) return <Typography.Text type="danger">{describeError(firings.error, t).message}</Typography.Text>;
  const items = firings.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <Table
        rowKey="id"
        size="small"
        loading={firings.isPending}
        pagination={false}
        dataSource={items}
        scroll={{ x: 800 }}
        locale={{ emptyText: <Empty description={t('automation.history.noFirings')} /> }}
        columns={[
          { title: t('automation.history.at'), dataIndex: 'firedAt', render: (at: string) => new Date(at).toLocaleString() },
          ...(ruleName ? [{ title: t('automation.name'), dataIndex: 'ruleId', render: (id: string) => <Link to={`/settings/automation/${id}`}>{ruleName(id) ?? id.slice(-8)}</Link> }] : []),
          { title: t('automation.history.ticket'), dataIndex: 'ticketId', render: (id: string) => <Link to={`/tickets/${id}`}>{id.slice(-8)}</Link> },
          { title: t('automation.history.event'), dataIndex: 'eventType' },
          { title: t('automation.history.cause'), dataIndex: 'eventCause' },
          { title: t('automation.history.depth'), dataIndex: 'depth', width: 80 },
          { title: '#', dataIndex: 'ruleVersion', width: 50 },
          {
            title: t('automation.history.status'),
            key: 'status',
            render: (_: unknown, f) => (
              <>
                <Tag color={f.status === 'done' ? 'green' : f.status === 'failed' ? 'red' : 'blue'}>{t(`automation.history.statuses.${f.status}`, { defaultValue: f.status })}</Tag>
                {f.actions.map((a, i) => <Tag key={i} color={a.ok ? undefined : 'red'}>{t(`automation.actions.${a.type}`, { defaultValue: a.type })}</Tag>)}
                {f.errorText && <Typography.Text type="danger">{f.errorText}</Typography.Text>}
              </>
            ),
          },
          { title: t('automation.history.duration'), dataIndex: 'durationMs', render: (ms: number | null) => (ms === null ? '—' : `${ms} ms`) },
        ]}
      />
      {firings.hasNextPage && <Button type="link" onClick={() => firings.fetchNextPage()}>{t('automation.history.more')}</Button>}
    </>
  );
}
