import { App, Button, Descriptions, Drawer, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/ui/describe-error.ts';
import { EmptyState, ErrorState, Loading } from '../../shared/ui/states.tsx';
import { useWebhookActions, useWebhookDeliveries, useWebhookDelivery, type DeliveryStatus, type WebhookDelivery, type WebhookEndpoint } from './queries.ts';

const statusColors: Record<DeliveryStatus, string> = { pending: 'orange', delivered: 'green', failed: 'red' };

export function DeliveryStatusTag({ status }: { status: DeliveryStatus }) {
  const { t } = useTranslation();
  return <Tag color={statusColors[status]}>{t(`webhooks.log.statusLabel.${status}`)}</Tag>;
}

/** An endpoint's delivery log: newest first, a status filter, "load more" by cursor, each row's attempts and replay. */
export function DeliveryLogDrawer({ endpoint, onClose }: { endpoint: WebhookEndpoint | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Drawer open={endpoint !== null} onClose={onClose} width={860} title={endpoint ? t('webhooks.log.title', { url: endpoint.url }) : ''} destroyOnHidden>
      {endpoint && <DeliveryLog endpoint={endpoint} />}
    </Drawer>
  );
}

function DeliveryLog({ endpoint }: { endpoint: WebhookEndpoint }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<DeliveryStatus | undefined>(undefined);
  const deliveries = useWebhookDeliveries(endpoint.id, status);
  if (deliveries.isError) return <ErrorState error={deliveries.error} onRetry={() => deliveries.refetch()} />;
  const rows = deliveries.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Select
        data-testid="delivery-status-filter"
        style={{ width: 180 }}
        value={status ?? 'any'}
        onChange={(value: string) => setStatus(value === 'any' ? undefined : (['pending', 'delivered', 'failed'] as const).find((s) => s === value))}
        options={[{ value: 'any', label: t('webhooks.log.allStatuses') }, ...(['pending', 'delivered', 'failed'] as const).map((s) => ({ value: s, label: t(`webhooks.log.statusLabel.${s}`) }))]}
      />
      {!deliveries.data ? (
        <Loading />
      ) : rows.length === 0 ? (
        <EmptyState title={t('webhooks.log.empty')} />
      ) : (
        <Table<WebhookDelivery>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={rows}
          expandable={{ expandedRowRender: (row) => <DeliveryDetail endpointId={endpoint.id} deliveryId={row.id} /> }}
          columns={[
            { title: t('webhooks.log.createdAt'), dataIndex: 'createdAt', render: (at: string) => new Date(at).toLocaleString() },
            { title: t('webhooks.log.event'), dataIndex: 'eventType', render: (type: string) => <Typography.Text code>{type}</Typography.Text> },
            {
              title: t('webhooks.status'),
              render: (_: unknown, row) => (
                <Space direction="vertical" size={0}>
                  <DeliveryStatusTag status={row.status} />
                  {row.nextAttemptAt && <Typography.Text type="secondary">{t('webhooks.log.nextAttempt', { time: new Date(row.nextAttemptAt).toLocaleString() })}</Typography.Text>}
                </Space>
              ),
            },
            { title: t('webhooks.log.attempts'), dataIndex: 'attempts' },
            { title: t('webhooks.log.response'), render: (_: unknown, row) => row.lastResponseStatus ?? row.lastError ?? '—' },
          ]}
        />
      )}
      {deliveries.hasNextPage && <Button onClick={() => deliveries.fetchNextPage()} loading={deliveries.isFetchingNextPage}>{t('webhooks.log.more')}</Button>}
    </Space>
  );
}

/** One delivery: its webhook-id and body, every attempt's request headers and answer, and replay. */
function DeliveryDetail({ endpointId, deliveryId }: { endpointId: string; deliveryId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const detail = useWebhookDelivery(endpointId, deliveryId);
  const actions = useWebhookActions();
  const [replaying, setReplaying] = useState(false);
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => detail.refetch()} />;
  if (!detail.data) return <Loading />;
  const delivery = detail.data;

  async function replay() {
    setReplaying(true);
    try {
      const result = await actions.replay(endpointId, deliveryId);
      const last = result.attemptLog[result.attemptLog.length - 1];
      if (last?.succeeded) message.success(t('webhooks.log.replayed', { status: last.responseStatus }));
      else message.error(t('webhooks.log.replayFailed', { error: last?.error ?? '' }));
    } catch (error) {
      message.error(describeError(error, t).message);
    } finally {
      setReplaying(false);
    }
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="delivery-detail">
      <Space>
        <Typography.Text type="secondary">{t('webhooks.log.messageId')}</Typography.Text>
        <Typography.Text code copyable>{delivery.messageId}</Typography.Text>
        <Button size="small" onClick={replay} loading={replaying}>{t('webhooks.log.replay')}</Button>
      </Space>
      <Typography.Text strong>{t('webhooks.log.body')}</Typography.Text>
      <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', margin: 0 }}>{delivery.body}</pre>
      {delivery.attemptLog.map((attempt) => (
        <Descriptions
          key={`${attempt.number}-${attempt.startedAt}`}
          size="small"
          bordered
          column={1}
          title={
            <Space>
              {t('webhooks.log.attempt', { number: attempt.number })}
              {attempt.manual && <Tag>{t('webhooks.log.manual')}</Tag>}
              <Tag color={attempt.succeeded ? 'green' : 'red'}>{attempt.responseStatus ?? t('webhooks.log.noResponse')}</Tag>
              <Typography.Text type="secondary">{new Date(attempt.startedAt).toLocaleString()} · {t('webhooks.log.duration', { ms: attempt.durationMs })}</Typography.Text>
            </Space>
          }
          items={[
            { key: 'headers', label: t('webhooks.log.requestHeaders'), children: <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{Object.entries(attempt.requestHeaders).map(([k, v]) => `${k}: ${v}`).join('\n')}</pre> },
            { key: 'response', label: t('webhooks.log.responseBody'), children: attempt.error && !attempt.responseBody ? attempt.error : <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{attempt.responseBody ?? ''}</pre> },
          ]}
        />
      ))}
    </Space>
  );
}
