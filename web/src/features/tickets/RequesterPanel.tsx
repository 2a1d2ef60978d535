import { BankOutlined, MailOutlined, PhoneOutlined } from '@ant-design/icons';
import { Card, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../app/session.ts';
import { formatPhone } from '../customers/format-phone.ts';
import { useContact360, type CustomerRecord } from '../customers/queries.ts';
import { recordTypeLabel } from '../customers/record-labels.ts';
import { ExpiryCell } from '../customers/ExpiryCell.tsx';
import { TierTag } from '../customers/TierTag.tsx';
import { useRequesterTickets, type Ticket } from './queries.ts';
import { StatusTag } from './tags.tsx';

const shownTickets = 10;
const shownRecords = 5;

/**
 * Who is asking, how to reach them, and what else they have asked (and bought). With
 * `customers.read` this is the contact's 360° view (tickets, orders, devices, a link to the
 * customer page); without it, the requester on the ticket and their tickets. Memoised on the
 * ticket: the page renders again for presence and timeline updates this panel does not show.
 */
export const RequesterPanel = memo(function RequesterPanel({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const can = useCan();
  const canReadCustomers = can('customers.read');
  const requester = ticket.requester;
  const view = useContact360(requester?.id ?? '', canReadCustomers && Boolean(requester));
  const fallback = !canReadCustomers || view.isError;
  const others = useRequesterTickets(fallback ? requester?.id : undefined);
  if (!requester) return null;
  const contact = view.data?.contact;
  const tickets = fallback ? others.data?.items ?? [] : view.data?.tickets.items ?? [];
  const otherTickets = tickets.filter((x) => x.id !== ticket.id).slice(0, shownTickets);
  const phone = contact?.phone ?? requester.phone;
  const email = contact?.email ?? requester.email;
  const organization = contact?.organization ?? requester.organization;
  const contactId = contact?.id ?? requester.id;
  const loadingTickets = fallback ? others.isPending : view.isPending;

  return (
    <Card size="small" title={t('ticket.requesterPanel')} data-testid="requester-panel">
      <Space direction="vertical" size={2} style={{ width: '100%' }}>
        <Space size={6} wrap>
          {canReadCustomers ? (
            <Link to={`/customers/contacts/${contactId}`} style={{ fontWeight: 600 }} data-testid="requester-link">
              {requester.name}
            </Link>
          ) : (
            <Typography.Text strong>{requester.name}</Typography.Text>
          )}
          {canReadCustomers ? <TierTag tierKey={contact?.tierKey ?? requester.tierKey} /> : null}
        </Space>
        {organization ? (
          <Typography.Text type="secondary">
            <BankOutlined /> {canReadCustomers ? <Link to={`/customers/organizations/${organization.id}`}>{organization.name}</Link> : organization.name}
          </Typography.Text>
        ) : null}
        {phone ? (
          <a href={`tel:${phone}`}>
            <PhoneOutlined /> {formatPhone(phone)}
          </a>
        ) : null}
        {email ? (
          <a href={`mailto:${email}`}>
            <MailOutlined /> {email}
          </a>
        ) : null}
      </Space>
      <Typography.Title level={5} style={{ marginTop: 16, fontSize: 14 }}>
        {t('ticket.otherTickets')}
      </Typography.Title>
      {loadingTickets ? (
        <Skeleton active title={false} paragraph={{ rows: 2 }} />
      ) : otherTickets.length ? (
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
      {view.data?.records.length ? <RequesterRecords records={view.data.records} contactId={contactId} /> : null}
    </Card>
  );
});

/** Their orders and devices (warranty state at a glance), the first few, with a way to all of them. */
function RequesterRecords({ records, contactId }: { records: CustomerRecord[]; contactId: string }) {
  const { t } = useTranslation();
  return (
    <div data-testid="requester-records">
      <Typography.Title level={5} style={{ marginTop: 16, fontSize: 14 }}>
        {t('customers.panel.records')}
      </Typography.Title>
      <List
        size="small"
        dataSource={records.slice(0, shownRecords)}
        renderItem={(record) => (
          <List.Item style={{ paddingInline: 0 }}>
            <Space direction="vertical" size={0} style={{ width: '100%' }}>
              <span>
                <Tag color="geekblue">{recordTypeLabel(record.type, t)}</Tag>
                {record.title}
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[record.externalId, record.status, record.occurredOn].filter(Boolean).join(' · ')}
              </Typography.Text>
              {record.expiresOn ? (
                <span style={{ fontSize: 12 }}>
                  {t('customers.records.expiresOn')}: <ExpiryCell record={record} />
                </span>
              ) : null}
            </Space>
          </List.Item>
        )}
      />
      {records.length > shownRecords ? <Link to={`/customers/contacts/${contactId}?tab=records`}>{t('customers.panel.allRecords', { n: records.length })}</Link> : null}
    </div>
  );
}
