import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Popconfirm, Space, Tag, Timeline, Typography, Upload, type UploadFile } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, unwrap } from '../../shared/api/client.ts';
import { ErrorState, Loading } from '../../shared/ui/states.tsx';
import { MessageBody } from '../tickets/MessageBody.tsx';
import { portalKeys, postMultipart, usePortalTicket } from './queries.ts';
import { statusColors } from './status.ts';
import { PortalCustomFields } from './PortalCustomFields.tsx';
import { PortalSurveyCard } from './PortalSurveyCard.tsx';
import { PortalVisitsCard } from './PortalVisitsCard.tsx';

type Attachment = { id: string; filename: string };

function Files({ files }: { files: Attachment[] }) {
  if (!files.length) return null;
  return (
    <Space wrap size="small">
      {files.map((f) => (
        <a key={f.id} href={`/api/v1/portal/attachments/${f.id}`}>
          📎 {f.filename}
        </a>
      ))}
    </Space>
  );
}

/** One ticket as the customer sees it: the public conversation and status changes; reply and close. */
export default function PortalTicketPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const ticket = usePortalTicket(id);
  const [form] = Form.useForm<{ body: string }>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [sending, setSending] = useState(false);

  if (ticket.isPending) return <Loading />;
  if (ticket.isError) return <ErrorState error={ticket.error} onRetry={() => ticket.refetch()} />;
  const data = ticket.data;

  async function send(values: { body: string }) {
    setSending(true);
    try {
      const result = await postMultipart<{ ticketId: string }>(`/api/v1/portal/tickets/${data.id}/messages`, { body: values.body }, files.map((f) => f.originFileObj as File), key, i18n.language);
      form.resetFields();
      setFiles([]);
      setKey(crypto.randomUUID());
      message.success(t('portal.ticket.sent'));
      await queryClient.invalidateQueries({ queryKey: ['portal'] });
      if (result.ticketId !== data.id) navigate(`/portal/tickets/${result.ticketId}`);
    } catch (caught) {
      message.error((caught as Error).message);
    } finally {
      setSending(false);
    }
  }

  async function close() {
    try {
      await unwrap(api.POST('/api/v1/portal/tickets/{id}/close', { params: { path: { id: data.id } } }));
      message.success(t('portal.ticket.closed'));
      await queryClient.invalidateQueries({ queryKey: ['portal'] });
    } catch (caught) {
      message.error((caught as Error).message);
    }
  }

  // The message that made the ticket (email, web form) heads the page in the description's place,
  // with its files and (on request) its formatting; tickets from the console have none.
  const opening = data.entries.find((entry) => entry.kind === 'message' && entry.opening);
  const openingMessage = opening?.kind === 'message' ? opening : null;
  const items = [
    {
      key: 'description',
      children: (
        <div data-testid="portal-description">
          <Typography.Text type="secondary">{dayjs(data.createdAt).format('YYYY-MM-DD HH:mm')}</Typography.Text>
          {/* A phone ticket's description is the customer's report as the agent took it down. */}
          {openingMessage?.enteredByAgent ? <Tag style={{ marginInlineStart: 8 }} data-testid="portal-phone-entered">{t('portal.ticket.phoneEntered')}</Tag> : null}
          {openingMessage ? (
            <MessageBody body={openingMessage.body} html={openingMessage.bodyHtml} spaced />
          ) : (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{data.description}</Typography.Paragraph>
          )}
          <Files files={[...data.attachments, ...(openingMessage?.attachments ?? [])]} />
          <PortalCustomFields values={data.fields} />
        </div>
      ),
    },
    ...data.entries.filter((entry) => entry !== opening).map((entry) =>
      entry.kind === 'status'
        ? { key: entry.id, color: 'gray', children: <Typography.Text type="secondary">{dayjs(entry.createdAt).format('MM-DD HH:mm')} · {t('portal.ticket.statusChanged', { status: t(`status.${entry.to}`) })}</Typography.Text> }
        : {
            key: entry.id,
            color: entry.author.kind === 'agent' ? 'blue' : 'green',
            children: (
              <div data-testid={entry.author.kind === 'agent' ? 'portal-agent-message' : 'portal-my-message'}>
                <Typography.Text strong>{entry.author.kind === 'agent' ? t('portal.ticket.agent', { name: entry.author.name }) : (entry.author.name ?? t('portal.ticket.you'))}</Typography.Text>{' '}
                <Typography.Text type="secondary">
                  {dayjs(entry.createdAt).format('MM-DD HH:mm')} · {t(`channel.${entry.channel}`, { defaultValue: entry.channel })}
                </Typography.Text>
                <MessageBody body={entry.body} html={entry.bodyHtml} spaced />
                <Files files={entry.attachments} />
              </div>
            ),
          },
    ),
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Link to="/portal">← {t('portal.tickets.back')}</Link>
      <Card
        title={
          <Space wrap>
            <span>{data.subject}</span>
            <Typography.Text type="secondary">{data.number}</Typography.Text>
            <Tag color={statusColors[data.status]} data-testid="portal-status">
              {t(`status.${data.status}`)}
            </Tag>
            {data.mine ? null : <Tag>{t('portal.tickets.colleague')}</Tag>}
          </Space>
        }
        extra={
          data.status === 'closed' ? null : (
            <Popconfirm title={t('portal.ticket.closeConfirm')} onConfirm={close} okText={t('app.confirm')} cancelText={t('app.cancel')}>
              <Button data-testid="portal-close">{t('portal.ticket.close')}</Button>
            </Popconfirm>
          )
        }
      >
        <Timeline items={items} />
      </Card>
      <PortalVisitsCard ticketId={data.id} />
      <PortalSurveyCard ticketId={data.id} />
      <Card title={t('portal.ticket.reply')}>
        <Form form={form} onFinish={send} layout="vertical">
          <Form.Item name="body" rules={[{ required: true, whitespace: true, message: t('portal.form.required') }]}>
            <Input.TextArea id="portal-reply" rows={4} maxLength={20_000} placeholder={t('portal.ticket.replyPlaceholder')} />
          </Form.Item>
          <Space wrap>
            <Upload multiple maxCount={5} fileList={files} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList.slice(0, 5))}>
              <Button icon={<UploadOutlined />}>{t('portal.form.chooseFiles')}</Button>
            </Upload>
            <Button type="primary" htmlType="submit" loading={sending} data-testid="portal-send">
              {t('portal.ticket.send')}
            </Button>
          </Space>
        </Form>
      </Card>
    </Space>
  );
}
