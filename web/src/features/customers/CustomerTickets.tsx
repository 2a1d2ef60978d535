import { List, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../shared/ui/states.tsx';
import type { Ticket } from '../tickets/queries.ts';
import { PriorityTag, StatusTag } from '../tickets/tags.tsx';

type Props = { tickets: { items: Ticket[]; counts: { open: number; total: number } }; emptyHint: string };

/** A customer's tickets, open ones first (the server's order), with “进行中 N / 全部 M”. */
export function CustomerTickets({ tickets, emptyHint }: Props) {
  const { t } = useTranslation();
  if (!tickets.items.length) return <EmptyState title={t('customers.tickets.empty')} hint={emptyHint} />;
  const hidden = tickets.counts.total - tickets.items.length;
  return (
    <div data-testid="customer-tickets">
      <Typography.Text type="secondary" data-testid="ticket-counts">
        {t('customers.tickets.counts', { open: tickets.counts.open, total: tickets.counts.total })}
      </Typography.Text>
      <List
        size="small"
        dataSource={tickets.items}
        renderItem={(ticket) => (
          <List.Item style={{ paddingInline: 0 }}>
            <Space direction="vertical" size={2} style={{ width: '100%', minWidth: 0 }}>
              <Link to={`/tickets/${ticket.id}`} style={{ wordBreak: 'break-word' }}>
                {ticket.subject}
              </Link>
              <Space size={4} wrap>
                <StatusTag status={ticket.status} />
                <PriorityTag priority={ticket.priority} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {ticket.number} · {ticket.requester?.name ? `${ticket.requester.name} · ` : ''}
                  <span title={dayjs(ticket.updatedAt).format('YYYY-MM-DD HH:mm')}>{dayjs(ticket.updatedAt).fromNow()}</span>
                </Typography.Text>
              </Space>
            </Space>
          </List.Item>
        )}
      />
      {hidden > 0 ? <Typography.Text type="secondary">{t('customers.tickets.truncated', { shown: tickets.items.length, hidden })}</Typography.Text> : null}
    </div>
  );
}
