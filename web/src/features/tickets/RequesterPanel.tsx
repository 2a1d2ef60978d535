import { MailOutlined, PhoneOutlined } from '@ant-design/icons';
import { Card, Empty, List, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRequesterTickets, type Ticket } from './queries.ts';
import { StatusTag } from './tags.tsx';

/** Who is asking, how to reach them, and what else they have asked. */
export function RequesterPanel({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const requester = ticket.requester;
  const others = useRequesterTickets(requester?.id);
  if (!requester) return null;
  const otherTickets = (others.data?.items ?? []).filter((x) => x.id !== ticket.id);
  return (
    <Card size="small" title={t('ticket.requesterPanel')} data-testid="requester-panel">
      <Space direction="vertical" size={2} style={{ width: '100%' }}>
        <Typography.Text strong>{requester.name}</Typography.Text>
        {requester.phone ? (
          <a href={`tel:${requester.phone}`}>
            <PhoneOutlined /> {requester.phone}
          </a>
        ) : null}
        {requester.email ? (
          <a href={`mailto:${requester.email}`}>
            <MailOutlined /> {requester.email}
          </a>
        ) : null}
      </Space>
      <Typography.Title level={5} style={{ marginTop: 16, fontSize: 14 }}>
        {t('ticket.otherTickets')}
      </Typography.Title>
      {otherTickets.length ? (
        <List
          size="small"
          dataSource={otherTickets}
          renderItem={(other) => (
            <List.Item style={{ paddingInline: 0 }}>
              <Space direction="vertical" size={0} style={{ width: '100%' }}>
                <Link to={`/tickets/${other.id}`}>{other.subject}</Link>
                <Space size={4}>
                  <StatusTag status={other.status} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {other.number} · {dayjs(other.updatedAt).fromNow()}
                  </Typography.Text>
                </Space>
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ticket.noOtherTickets')} />
      )}
    </Card>
  );
}
