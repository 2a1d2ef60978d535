import { PhoneOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Drawer, Empty, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../shared/api/client.ts';
import type { Ticket } from './queries.ts';

/**
 * A field engineer's job in the ticket list (360 px): customer, phone to tap, address and status,
 * not just the subject. The list renders this row for the field_engineer role; the customer's name
 * opens the read-only customer card of the ticket (GET /tickets/{id}/customer).
 */
export function FieldJobCard({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const card = useCustomerCard(ticket.id, !!ticket.requester);
  const phone = ticket.requester?.phone ?? null;
  return (
    <Card size="small" data-testid="field-job" style={{ marginBottom: 8 }}>
      <Space direction="vertical" size={2} style={{ width: '100%' }}>
        <Space size={6} wrap>
          <Link to={`/tickets/${ticket.id}`}>{ticket.number}</Link>
          <Tag>{t(`status.${ticket.status}`, { defaultValue: ticket.status })}</Tag>
        </Space>
        <Typography.Text strong>{ticket.subject}</Typography.Text>
        {ticket.requester ? (
          <Button type="link" size="small" style={{ padding: 0 }} data-testid="field-job-customer" onClick={() => setOpen(true)}>
            {ticket.requester.name || t('ticket.customer')}
          </Button>
        ) : null}
        {phone && (
          <a href={`tel:${phone}`} data-testid="field-job-phone">
            <PhoneOutlined /> {phone}
          </a>
        )}
        {card.data?.address && <Typography.Text type="secondary" data-testid="field-job-address">{card.data.address}</Typography.Text>}
      </Space>
      <Drawer open={open} onClose={() => setOpen(false)} width="100%" title={ticket.requester?.name} data-testid="customer-card">
        {card.data ? <CustomerCardBody card={card.data} /> : <Empty />}
      </Drawer>
    </Card>
  );
}

type CustomerCard = Awaited<ReturnType<typeof fetchCard>>;

function fetchCard(ticketId: string) {
  return unwrap(api.GET('/api/v1/tickets/{id}/customer', { params: { path: { id: ticketId } } }));
}

function useCustomerCard(ticketId: string, enabled: boolean) {
  return useQuery({ queryKey: ['tickets', 'customer-card', ticketId], enabled, queryFn: () => fetchCard(ticketId), staleTime: 60_000 });
}

function CustomerCardBody({ card }: { card: CustomerCard }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('ticket.phone')}>{card.contact.phone ? <a href={`tel:${card.contact.phone}`}>{card.contact.phone}</a> : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('ticket.email')}>{card.contact.email ?? '—'}</Descriptions.Item>
        {card.organization && <Descriptions.Item label={t('ticket.customer')}>{card.organization.name}</Descriptions.Item>}
        <Descriptions.Item label={t('fieldJob.address')}>{card.address ?? '—'}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>{t('fieldJob.devices')}</Typography.Title>
      <List
        size="small"
        locale={{ emptyText: t('fieldJob.noDevices') }}
        dataSource={card.devices}
        renderItem={(d) => (
          <List.Item>
            <Space direction="vertical" size={0}>
              <span>{d.title}</span>
              <Typography.Text type="secondary">
                {d.warrantyUntil ? t('fieldJob.warrantyUntil', { date: d.warrantyUntil }) : t('fieldJob.noWarranty')}{' '}
                {d.inWarranty === true && <Tag color="green">{t('fieldJob.inWarranty')}</Tag>}
                {d.inWarranty === false && <Tag>{t('fieldJob.outOfWarranty')}</Tag>}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Space>
  );
}
