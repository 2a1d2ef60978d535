import { Button, Card, Collapse, Empty, Space, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import { CreateWorkOrderModal } from './CreateWorkOrderModal.tsx';
import { VisitReport } from './VisitReport.tsx';
import { useTicketWorkOrders, useWorkOrder, type WorkOrder } from './work-order-api.ts';

const statusColour: Record<WorkOrder['status'], string> = {
  pending_dispatch: 'default', dispatched: 'processing', accepted: 'processing', rejected: 'warning', departed: 'processing', arrived: 'processing',
  in_service: 'processing', awaiting_confirmation: 'gold', completed: 'success', cancelled: 'default', revisit_needed: 'warning',
};

/**
 * 派工单 on the ticket page: the ticket's visits with status, site, devices, engineer and appointment,
 * each with its steps and, once reported, what the engineer brought back; 创建派工单 opens a short form.
 */
export function WorkOrdersPanel({ ticketId, requesterId }: { ticketId: string; requesterId: string | null }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  const orders = useTicketWorkOrders(ticketId, can('field_service.read'));
  if (!can('field_service.read')) return null;
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const items = orders.data?.items ?? [];
  return (
    <Card
      size="small"
      title={t('fieldService.panel.title')}
      style={{ marginTop: 16 }}
      loading={orders.isPending}
      data-testid="work-orders-panel"
      extra={can('field_service.create') && <Button size="small" onClick={() => setCreating(true)} data-testid="create-work-order">{t('fieldService.panel.create')}</Button>}
    >
      {creating && <CreateWorkOrderModal ticketId={ticketId} requesterId={requesterId} canReadCustomers={can('customers.read')} onClose={() => setCreating(false)} />}
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

/** One visit's facts, its steps and its report, read when the row is opened. */
function WorkOrderSteps({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const detail = useWorkOrder(order.ticketId, order.id, true);
  const time = (iso: string) => dayjs(iso).format('MM-DD HH:mm');
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }}>
      {order.site && <Typography.Text data-testid="work-order-site">{t('fieldService.panel.site', { address: `${order.site.regionNames.join('')} ${order.site.street}`.trim() })}</Typography.Text>}
      {order.devices.map((device) => (
        <Typography.Text key={device.id} data-testid="work-order-device">{t('fieldService.panel.device', { title: device.title })}{device.expiresOn && ` · ${t('fieldService.panel.warrantyUntil', { date: device.expiresOn })}`}</Typography.Text>
      ))}
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
      {detail.data && <VisitReport order={detail.data} />}
    </Space>
  );
}
