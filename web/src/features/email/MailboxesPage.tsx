import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/ui/describe-error.ts';
import { EmptyState, ErrorState } from '../../shared/ui/states.tsx';
import { AdminGate } from '../admin/AdminGate.tsx';
import { useTeams } from '../tickets/queries.ts';
import { MailboxDialog } from './MailboxDialog.tsx';
import { useMailboxActions, useMailboxes, type Mailbox } from './queries.ts';

export default function MailboxesPage() {
  return (
    <AdminGate permission="admin.mailboxes">
      <Mailboxes />
    </AdminGate>
  );
}

function Mailboxes() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mailboxes = useMailboxes();
  const teams = useTeams();
  const actions = useMailboxActions();
  const [editing, setEditing] = useState<Mailbox | 'new' | null>(null);
  const teamName = (id: string | null) => (id ? (teams.data?.find((team) => team.id === id)?.name ?? '…') : '—');

  async function remove(mailbox: Mailbox) {
    try {
      await actions.remove(mailbox);
      message.success(t('email.deleted'));
    } catch (error) {
      message.error(describeError(error, t).message);
    }
  }

  if (mailboxes.isError) return <ErrorState error={mailboxes.error} onRetry={() => mailboxes.refetch()} />;
  return (
    <Card title={t('email.title')} extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{t('email.newMailbox')}</Button>}>
      <Typography.Paragraph type="secondary">{t('email.intro')}</Typography.Paragraph>
      <Table<Mailbox>
        rowKey="id"
        loading={mailboxes.isPending}
        dataSource={mailboxes.data ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: <EmptyState title={t('email.empty')} /> }}
        columns={[
          { title: t('email.address'), dataIndex: 'address', render: (address: string, m) => <Space>{address}{!m.active && <Tag>{t('admin.inactive')}</Tag>}</Space> },
          { title: t('email.name'), dataIndex: 'name', ellipsis: true },
          { title: t('email.team'), dataIndex: 'teamId', render: (id: string | null) => teamName(id) },
          { title: t('email.outbound'), key: 'outbound', render: (_: unknown, m) => (m.outbound ? `${m.outbound.host}:${m.outbound.port}` : <Typography.Text type="warning">{t('email.notConfigured')}</Typography.Text>) },
          {
            title: t('email.inbound'),
            key: 'imap',
            render: (_: unknown, m) => {
              if (!m.imap) return '—';
              if (m.imap.lastError) return <Tooltip title={m.imap.lastError}><Tag color="error">{t('email.lastError', { error: m.imap.lastError.slice(0, 40) })}</Tag></Tooltip>;
              return <span>{m.imap.host} · {m.imap.lastPolledAt ? `${t('email.lastPolled')} ${new Date(m.imap.lastPolledAt).toLocaleString()}` : t('email.never')}</span>;
            },
          },
          {
            title: t('app.actions'),
            key: 'actions',
            render: (_: unknown, m) => (
              <Space>
                <Button size="small" onClick={() => setEditing(m)}>{t('app.edit')}</Button>
                <Popconfirm title={t('email.deleteConfirm', { address: m.address })} onConfirm={() => remove(m)}>
                  <Button size="small" danger>{t('app.delete')}</Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing !== null && <MailboxDialog mailbox={editing === 'new' ? null : editing} teams={teams.data ?? []} onClose={() => setEditing(null)} />}
    </Card>
  );
}
