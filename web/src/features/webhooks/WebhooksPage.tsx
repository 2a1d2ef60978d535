import { App, Button, Card, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useBusyAction } from '../../shared/ui/busy-action.ts';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, Loading } from '../../shared/ui/states.tsx';
import { AdminGate } from '../admin/AdminGate.tsx';
import { DeliveryLogDrawer } from './DeliveryLogDrawer.tsx';
import { EndpointFormModal } from './EndpointFormModal.tsx';
import { useWebhookActions, useWebhookEndpoints, type EndpointInput, type WebhookEndpoint } from './queries.ts';
import { SecretModal } from './SecretModal.tsx';

export default function WebhooksPage() {
  return (
    <AdminGate permission="webhooks.manage">
      <Webhooks />
    </AdminGate>
  );
}

/** 设置 › Webhook: the endpoints with their state, and what an admin does with each. */
function Webhooks() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const endpoints = useWebhookEndpoints();
  const actions = useWebhookActions();
  const [editing, setEditing] = useState<WebhookEndpoint | 'new' | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [logOf, setLogOf] = useState<WebhookEndpoint | null>(null);
  const { busy, act } = useBusyAction<string>();

  if (endpoints.isError) return <ErrorState error={endpoints.error} onRetry={() => endpoints.refetch()} />;
  if (!endpoints.data) return <Loading />;

  async function save(input: EndpointInput) {
    if (editing === 'new') {
      const created = await actions.create(input);
      setSecret(created.secret);
    } else if (editing) {
      await actions.update(editing, input);
    }
    setEditing(null);
    message.success(t('webhooks.saved'));
  }

  const addButton = <Button type="primary" onClick={() => setEditing('new')} data-testid="add-webhook">{t('webhooks.add')}</Button>;
  const items = endpoints.data.items;

  return (
    <Card title={t('webhooks.title')} extra={items.length ? addButton : undefined}>
      <Typography.Paragraph type="secondary">{t('webhooks.intro')} {t('webhooks.docs')}</Typography.Paragraph>
      {items.length === 0 ? (
        <EmptyState title={t('webhooks.empty')} hint={t('webhooks.emptyHint')} action={addButton} />
      ) : (
        <Table<WebhookEndpoint>
          rowKey="id"
          pagination={false}
          dataSource={items}
          columns={[
            {
              title: t('webhooks.url'),
              render: (_: unknown, e) => (
                <Space direction="vertical" size={0}>
                  <Typography.Text code>{e.url}</Typography.Text>
                  {e.description && <Typography.Text type="secondary">{e.description}</Typography.Text>}
                </Space>
              ),
            },
            { title: t('webhooks.eventTypes'), render: (_: unknown, e) => <Space wrap size={[0, 4]}>{e.eventTypes.map((type) => <Tag key={type}>{type}</Tag>)}</Space> },
            {
              title: t('webhooks.status'),
              render: (_: unknown, e) => (
                <Space direction="vertical" size={0}>
                  <Switch
                    checked={e.enabled}
                    loading={busy === `toggle:${e.id}`}
                    aria-label={e.enabled ? t('webhooks.disable') : t('webhooks.enable')}
                    onChange={(on) => act(`toggle:${e.id}`, async () => void (await actions.update(e, { enabled: on })))}
                  />
                  {!e.enabled && e.disabledReason && <Typography.Text type="danger" data-testid="disabled-reason">{t(`webhooks.disabledBy.${e.disabledReason}`)}</Typography.Text>}
                  {e.enabled && e.failingSince && <Typography.Text type="warning">{t('webhooks.failingSince', { time: new Date(e.failingSince).toLocaleString() })}</Typography.Text>}
                </Space>
              ),
            },
            {
              title: t('webhooks.actions'),
              render: (_: unknown, e) => (
                <Space wrap>
                  <Button size="small" onClick={() => setLogOf(e)}>{t('webhooks.deliveries')}</Button>
                  <Button
                    size="small"
                    loading={busy === `test:${e.id}`}
                    onClick={() =>
                      act(`test:${e.id}`, async () => {
                        const sent = await actions.sendTest(e);
                        const attempt = sent.attemptLog[0];
                        if (attempt?.succeeded) message.success(t('webhooks.testOk', { status: attempt.responseStatus }));
                        else message.error(t('webhooks.testFailed', { error: attempt?.error ?? '' }));
                      })
                    }
                  >
                    {t('webhooks.sendTest')}
                  </Button>
                  <Button size="small" onClick={() => setEditing(e)}>{t('webhooks.edit')}</Button>
                  <Popconfirm title={t('webhooks.rotateConfirm')} onConfirm={() => act(`rotate:${e.id}`, async () => setSecret((await actions.rotate(e, 24)).secret))}>
                    <Button size="small" loading={busy === `rotate:${e.id}`}>{t('webhooks.rotate')}</Button>
                  </Popconfirm>
                  <Popconfirm title={t('webhooks.removeConfirm')} onConfirm={() => act(`remove:${e.id}`, async () => { await actions.remove(e); message.success(t('webhooks.removed')); })}>
                    <Button size="small" danger>{t('webhooks.remove')}</Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      )}
      <EndpointFormModal open={editing !== null} editing={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSubmit={save} />
      <SecretModal secret={secret} onClose={() => setSecret(null)} />
      <DeliveryLogDrawer endpoint={logOf} onClose={() => setLogOf(null)} />
    </Card>
  );
}
