import { App, Badge, Button, Card, Descriptions, Drawer, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError } from '../../shared/ui/describe-error.ts';
import { EmptyState, ErrorState, Loading } from '../../shared/ui/states.tsx';
import { AdminGate } from '../admin/AdminGate.tsx';
import { EmailAuthMark } from './EmailAuthMark.tsx';
import { useQuarantine, useQuarantineDecision, useQuarantined, type QuarantineAction, type QuarantineItem } from './queries.ts';

/** 工单 › 可疑邮件: mail that points at a ticket without proof of its sender, and the three ways out. */
export default function QuarantinePage() {
  return (
    <AdminGate permission="email.quarantine">
      <Quarantine />
    </AdminGate>
  );
}

const pageSize = 20;

function Quarantine() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const list = useQuarantine(page, pageSize);
  if (list.isError) return <ErrorState error={list.error} onRetry={() => list.refetch()} />;
  return (
    <Card title={<Space>{t('email.quarantine.title')}<Badge count={list.data?.total ?? 0} /></Space>}>
      <Typography.Paragraph type="secondary">{t('email.quarantine.intro')}</Typography.Paragraph>
      <Table<QuarantineItem>
        rowKey="id"
        data-testid="quarantine-table"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 820 }}
        onRow={(item) => ({ onClick: () => setOpen(item.id), style: { cursor: 'pointer' } })}
        pagination={{ current: page, pageSize, total: list.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        locale={{ emptyText: <EmptyState title={t('email.quarantine.empty')} /> }}
        columns={[
          { title: t('email.quarantine.receivedAt'), dataIndex: 'receivedAt', width: 170, render: (at: string) => new Date(at).toLocaleString() },
          { title: t('email.quarantine.from'), dataIndex: 'fromAddress', ellipsis: true },
          { title: t('email.quarantine.subject'), dataIndex: 'subject', ellipsis: true },
          { title: t('email.quarantine.ticket'), key: 'ticket', width: 150, render: (_: unknown, q) => <Link to={`/tickets/${q.ticket.id}`} onClick={(e) => e.stopPropagation()}>{q.ticket.number}</Link> },
          { title: t('email.quarantine.reason'), dataIndex: 'reason', render: (reason: QuarantineItem['reason']) => <Tag color={reason === 'forged_sender' || reason === 'failed_authentication' ? 'error' : 'warning'}>{t(`email.quarantine.reasons.${reason}`)}</Tag> },
        ]}
      />
      <QuarantineDrawer id={open} onClose={() => setOpen(null)} />
    </Card>
  );
}

function QuarantineDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const detail = useQuarantined(id);
  const decide = useQuarantineDecision();
  const [busy, setBusy] = useState<QuarantineAction | null>(null);

  async function act(action: QuarantineAction) {
    if (!id) return;
    setBusy(action);
    try {
      await decide(id, action);
      message.success(t('email.quarantine.done'));
      onClose();
    } catch (error) {
      message.error(describeError(error, t).message);
    } finally {
      setBusy(null);
    }
  }

  const q = detail.data;
  return (
    <Drawer open={Boolean(id)} onClose={onClose} width={720} title={q?.subject || t('email.quarantine.title')} destroyOnHidden
      extra={q && (
        <Space wrap>
          <Popconfirm title={t('email.quarantine.attachConfirm', { number: q.ticket.number })} onConfirm={() => act('attach')}>
            <Button type="primary" loading={busy === 'attach'} data-testid="quarantine-attach">{t('email.quarantine.attach')}</Button>
          </Popconfirm>
          <Button loading={busy === 'new-ticket'} onClick={() => act('new-ticket')} data-testid="quarantine-new-ticket">{t('email.quarantine.newTicket')}</Button>
          <Popconfirm title={t('email.quarantine.rejectConfirm')} onConfirm={() => act('reject')}>
            <Button danger loading={busy === 'reject'} data-testid="quarantine-reject">{t('email.quarantine.reject')}</Button>
          </Popconfirm>
        </Space>
      )}>
      {detail.isError && <ErrorState error={detail.error} onRetry={() => detail.refetch()} />}
      {detail.isPending && id && <Loading />}
      {q && (
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('email.quarantine.from')}>{q.fromAddress}</Descriptions.Item>
            <Descriptions.Item label={t('email.quarantine.recipients')}>{[...q.preview.to, ...q.preview.cc].join(', ') || t('email.quarantine.none')}</Descriptions.Item>
            <Descriptions.Item label={t('email.quarantine.ticket')}><Link to={`/tickets/${q.ticket.id}`}>{q.ticket.number}</Link> {q.ticket.subject}</Descriptions.Item>
            <Descriptions.Item label={t('email.quarantine.reason')}>{t(`email.quarantine.reasons.${q.reason}`)}</Descriptions.Item>
            <Descriptions.Item label={t('email.quarantine.auth')}>
              <Space direction="vertical" size={2}>
                <EmailAuthMark auth={q.auth} />
                {q.auth.reasons.map((reason) => <Typography.Text key={reason} type="secondary">{reason}</Typography.Text>)}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('email.quarantine.attachments')}>{q.preview.attachments.map((a) => a.filename).join(', ') || t('email.quarantine.none')}</Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t('email.quarantine.preview')}</Typography.Title>
            {/* Text only: the mail is untrusted; the text is rendered as text, never as HTML. */}
            <Typography.Paragraph data-testid="quarantine-preview" style={{ whiteSpace: 'pre-wrap', background: 'rgba(0,0,0,0.02)', padding: 12 }}>{q.preview.text}</Typography.Paragraph>
          </div>
          <div>
            <Typography.Title level={5}>{t('email.quarantine.headers')}</Typography.Title>
            <Descriptions column={1} size="small">
              {q.headers.map((h, i) => <Descriptions.Item key={`${h.name}-${i}`} label={h.name}><Typography.Text code style={{ wordBreak: 'break-all' }}>{h.value}</Typography.Text></Descriptions.Item>)}
            </Descriptions>
          </div>
        </Space>
      )}
    </Drawer>
  );
}
