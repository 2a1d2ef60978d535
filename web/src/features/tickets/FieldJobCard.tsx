import { EnvironmentOutlined, PhoneOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Drawer, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../shared/api/client.ts';
import { formatPhone } from '../../shared/format-phone.ts';
import { ErrorState, Loading } from '../../shared/ui/states.tsx';
import type { Ticket } from './queries.ts';
import { StatusTag } from './tags.tsx';
import { useSeen } from './use-seen.ts';

/**
 * A field engineer's job in the ticket list (360 px): customer, phone to tap, address and status,
 * not just the subject. The list renders this row for the field_engineer role; the customer's name
 * opens the read-only customer card of the ticket (GET /tickets/{id}/customer).
 */
export function FieldJobCard({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [box, seen] = useSeen<HTMLDivElement>();
  const card = useCustomerCard(ticket.id, !!ticket.requester && (seen || open));
  const phone = ticket.requester?.phone ?? null;
  return (
    <div ref={box} style={{ minWidth: 0 }}>
      <Card size="small" data-testid="field-job" data-number={ticket.number} style={{ height: '100%' }}>
        <Space direction="vertical" size={2} style={{ width: '100%', minWidth: 0 }}>
          <Space size={6} wrap>
            <Typography.Text code>{ticket.number}</Typography.Text>
            <span data-testid="field-job-status"><StatusTag status={ticket.status} /></span>
          </Space>
          {/* The subject opens the job (a large target on a phone). */}
          <Link to={`/tickets/${ticket.id}`} data-testid="field-job-open" style={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
            {ticket.subject}
          </Link>
          {ticket.requester ? (
            <Button type="link" size="small" style={{ padding: 0 }} data-testid="field-job-customer" onClick={() => setOpen(true)}>
              {ticket.requester.name || t('ticket.customer')}
            </Button>
          ) : null}
          {/* Dialled as stored (E.164), read as people say it (138 0013 8000). */}
          {phone && (
            <a href={`tel:${phone}`} data-testid="field-job-phone">
              <PhoneOutlined /> {formatPhone(phone)}
            </a>
          )}
          {card.data?.address && <Typography.Text type="secondary" data-testid="field-job-address" style={{ overflowWrap: 'anywhere' }}><EnvironmentOutlined /> {card.data.address}</Typography.Text>}
        </Space>
        {/* Full width on a phone, a side panel on a wider screen. */}
        <Drawer open={open} onClose={() => setOpen(false)} width="min(100vw, 480px)" title={ticket.requester?.name} data-testid="customer-card">
          {card.data ? <CustomerCardBody card={card.data} /> : card.isError ? <ErrorState error={card.error} onRetry={() => card.refetch()} /> : <Loading />}
        </Drawer>
      </Card>
    </div>
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
        <Descriptions.Item label={t('ticket.phone')}>{card.contact.phone ? <a href={`tel:${card.contact.phone}`}>{formatPhone(card.contact.phone)}</a> : '—'}</Descriptions.Item>
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
