import { App, Button, Card, Progress, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/ui/describe-error.ts';
import { EmptyState, ErrorState, Loading } from '../../shared/ui/states.tsx';
import { AdminGate } from '../admin/AdminGate.tsx';
import { useDataExports, useStartExport, type DataExport } from './queries.ts';

export default function ExportsPage() {
  return (
    <AdminGate permission="exports.manage">
      <Exports />
    </AdminGate>
  );
}

const stateColour = { queued: 'default', running: 'processing', ready: 'success', failed: 'error', expired: 'default' } as const;
/** What the server keeps a finished export for (src/modules/exports/run-export.ts). */
const keepDays = 7;

/** 设置 › 数据导出: start a full export, watch it, download it while it is kept; newest first, a page at a time. */
function Exports() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useDataExports();
  const start = useStartExport();
  if (list.isError) return <ErrorState error={list.error} onRetry={() => list.refetch()} />;
  if (!list.data) return <Loading />;
  const items = list.data.pages.flatMap((page) => page.items);
  const busy = items.some((item) => item.state === 'queued' || item.state === 'running');

  const startButton = (
    <Button type="primary" data-testid="export-start" loading={start.isPending} disabled={busy}
      onClick={() => start.mutate(undefined, { onSuccess: () => void message.success(t('exports.started')), onError: (error) => void message.error(describeError(error, t).message) })}>
      {t('exports.start')}
    </Button>
  );
  const progressOf = (item: DataExport) => {
    if (item.state !== 'queued' && item.state !== 'running') return item.state === 'ready' ? t('exports.progress', { done: item.entitiesDone, total: item.entities, rows: item.rows }) : (item.error ?? '—');
    return (
      <Space direction="vertical" size={0} style={{ width: 240 }}>
        <Progress percent={item.entities ? Math.round((item.entitiesDone / item.entities) * 100) : 0} size="small" />
        <Typography.Text type="secondary">{item.entity ? t('exports.current', { entity: item.entity }) : null} {t('exports.progress', { done: item.entitiesDone, total: item.entities, rows: item.rows })}</Typography.Text>
      </Space>
    );
  };

  return (
    <Card title={t('exports.title')} extra={startButton}>
      <Typography.Paragraph type="secondary">{t('exports.intro', { days: keepDays })}</Typography.Paragraph>
      {items.length === 0 ? (
        <EmptyState title={t('exports.empty')} hint={t('exports.emptyHint')} />
      ) : (
        <>
          <Table<DataExport>
            rowKey="id"
            pagination={false}
            dataSource={items}
            data-testid="export-list"
            columns={[
              { title: t('exports.columns.createdAt'), render: (_: unknown, item) => new Date(item.createdAt).toLocaleString() },
              { title: t('exports.columns.state'), render: (_: unknown, item) => <Tag color={stateColour[item.state]}>{t(`exports.states.${item.state}`)}</Tag> },
              { title: t('exports.columns.progress'), render: (_: unknown, item) => progressOf(item) },
              { title: t('exports.columns.size'), render: (_: unknown, item) => (item.bytes === null ? '—' : `${(item.bytes / 1024 / 1024).toFixed(1)} MB`) },
              { title: t('exports.columns.expiresAt'), render: (_: unknown, item) => (item.expiresAt ? new Date(item.expiresAt).toLocaleString() : '—') },
              { title: '', render: (_: unknown, item) => (item.state === 'ready' ? <a href={`/api/v1/exports/${item.id}/download`} download>{t('exports.download')}</a> : null) },
            ]}
          />
          {list.hasNextPage ? <Button style={{ marginTop: 12 }} onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>{t('exports.more')}</Button> : null}
        </>
      )}
    </Card>
  );
}
