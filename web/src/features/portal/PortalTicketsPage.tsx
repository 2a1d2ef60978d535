import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState, Loading } from '../../shared/ui/states.tsx';
import { PortalNpsCard } from './PortalNpsCard.tsx';
import { statusColors } from './status.ts';
import { usePortalMe, usePortalTickets } from './queries.ts';

export default function PortalTicketsPage() {
  const { t } = useTranslation();
  const me = usePortalMe();
  const tickets = usePortalTickets();
  if (tickets.isPending) return <Loading />;
  if (tickets.isError) return <ErrorState error={tickets.error} onRetry={() => tickets.refetch()} />;
  return (
    <>
      {/* The periodic NPS survey, when one waits for this customer (it is not about a ticket). */}
      <PortalNpsCard />
      <Card
        title={me.data?.orgAdmin ? t('portal.tickets.orgTitle') : t('portal.tickets.title')}
        extra={
          <Link to="/portal/form">
            <Button type="primary">{t('portal.tickets.newRequest')}</Button>
          </Link>
        }
      >
        {tickets.data.items.length === 0 ? (
          <Empty description={t('portal.tickets.empty')} />
        ) : (
          <List
            dataSource={tickets.data.items}
            renderItem={(ticket) => (
              <List.Item data-testid="portal-ticket" extra={<Tag color={statusColors[ticket.status]}>{t(`status.${ticket.status}`)}</Tag>}>
                <List.Item.Meta
                  title={<Link to={`/portal/tickets/${ticket.id}`}>{ticket.subject}</Link>}
                  description={
                    <Space size="middle" wrap>
                      <Typography.Text type="secondary">{ticket.number}</Typography.Text>
                      <Typography.Text type="secondary">{t('portal.tickets.updatedAt')} {dayjs(ticket.updatedAt).format('YYYY-MM-DD HH:mm')}</Typography.Text>
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </>
  );
}
