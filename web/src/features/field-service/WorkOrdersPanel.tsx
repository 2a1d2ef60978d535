import { App, Button, Card, Collapse, Empty, Space, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import { ApiError } from '../../shared/api/client.ts';
import { useCreateWorkOrder, useTicketWorkOrders, useWorkOrder, type WorkOrder } from './work-order-api.ts';

const statusColour: Record<WorkOrder['status'], string> = {
  pending_dispatch: 'default', dispatched: 'processing', accepted: 'processing', rejected: 'warning', departed: 'processing', arrived: 'processing',
  in_service: 'processing', awaiting_confirmation: 'gold', completed: 'success', cancelled: 'default', revisit_needed: 'warning',
};

/** 派工单 on the ticket page: the ticket's visits with status, engineer and appointment, each with its steps; 创建派工单 in one click. */
export function WorkOrdersPanel({ ticketId }: { ticketId: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const orders = useTicketWorkOrders(ticketId, can('field_service.read'));
  const create = useCreateWorkOrder(ticketId);
  if (!can('field_service.read')) return null;
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const onCreate = () =>
    create.mutate(undefined, {
      onSuccess: (order) => void message.success(t('fieldService.panel.created', { number: order.number })),
      onError: (error) => void message.error(error instanceof ApiError ? error.message : String(error)),
    });
  const items = orders.data?.items ?? [];
  return (
    <Card
      size="small"
      title={t('fieldService.panel.title')}
      style={{ marginTop: 16 }}
      loading={orders.isPending}
      data-testid="work-orders-panel"
      extra={can('field_service.create') && <Button size="small" onClick={onCreate} loading={create.isPending} data-testid="create-work-order">{t('fieldService.panel.create')}</Button>}
    >
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('fieldService.panel.none')} />
      ) : (
        <Collapse
          size="small"
          items={items.map((order) => ({
            key: order.id,
            label: (
              <Space size={4} wrap data-testid="work-order-row">
                <Typography.Text strong>{order.number}</Typography.Text>
                <span>{order.serviceType.name[lang] || order.serviceType.name['zh-CN']}</span>
                <Tag color={statusColour[order.status]} data-testid="work-order-status">{t(`fieldService.status.${order.status}`)}</Tag>
              </Space>
            ),
            children: <WorkOrderSteps order={order} />,
          }))}
        />
      )}
    </Card>
  );
}

/** One visit's facts and its steps, read when the row is opened. */
function WorkOrderSteps({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const detail = useWorkOrder(order.ticketId, order.id, true);
  const time = (iso: string) => dayjs(iso).format('MM-DD HH:mm');
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }}>
      <Typography.Text type="secondary">{order.engineer?.name ?? t('fieldService.panel.unassigned')}</Typography.Text>
      <Typography.Text type="secondary">
        {order.appointmentStart && order.appointmentEnd ? t('fieldService.panel.appointment', { start: time(order.appointmentStart), end: time(order.appointmentEnd) }) : t('fieldService.panel.noAppointment')}
      </Typography.Text>
      <Typography.Text strong>{t('fieldService.panel.steps')}</Typography.Text>
      {detail.data && detail.data.steps.length === 0 && <Typography.Text type="secondary">{t('fieldService.panel.noSteps')}</Typography.Text>}
      <Timeline
        items={(detail.data?.steps ?? []).map((step) => ({
          key: step.id,
          color: step.beyondRadius ? 'orange' : 'blue',
          children: (
            <span data-testid="work-order-step">
              {t('fieldService.panel.stepLine', { step: t(`fieldService.step.${step.type}`), actor: step.actor?.name ?? '' })} · {time(step.at)}
              {step.distanceMeters !== null && <Typography.Text type={step.beyondRadius ? 'warning' : 'secondary'}> · {t('fieldService.panel.distance', { meters: step.distanceMeters })}</Typography.Text>}
            </span>
          ),
        }))}
      />
    </Space>
  );
}
