import { Button, Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../shared/ui/states.tsx';
import { usePriorities } from '../../tickets/queries.ts';
import type { WaitingOrder } from './dispatch-api.ts';

/** 待派工 by urgency: each a draggable card (HTML5 drag and drop carries the order's id); a click selects it for suggestions. */
export function WaitingList({ items, more, selectedId, onSelect, onLoadMore }: { items: WaitingOrder[]; more: boolean; selectedId: string | null; onSelect: (order: WaitingOrder) => void; onLoadMore: () => void }) {
  const { t, i18n } = useTranslation();
  const priorities = usePriorities();
  const zh = i18n.language !== 'en';
  const priorityOf = (key: string) => priorities.data?.find((p) => p.key === key);
  const time = (value: string) => new Date(value).toLocaleString(i18n.language, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  return (
    <Card size="small" title={t(more ? 'dispatch.waitingMore' : 'dispatch.waiting', { count: items.length })} data-testid="dispatch-waiting">
      {items.length === 0 ? (
        <EmptyState title={t('dispatch.noWaiting')} hint={t('dispatch.noWaitingHint')} />
      ) : (
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('dispatch.dragHint')}</Typography.Text>
          {items.map((order) => (
            <div
              key={order.id}
              role="button"
              tabIndex={0}
              draggable
              data-testid={`waiting-${order.number}`}
              aria-pressed={selectedId === order.id}
              onDragStart={(event) => {
                event.dataTransfer.setData('text/plain', order.id);
                event.dataTransfer.effectAllowed = 'move';
              }}
              onClick={() => onSelect(order)}
              onKeyDown={(event) => (event.key === 'Enter' || event.key === ' ') && onSelect(order)}
              className={`dispatch-card${selectedId === order.id ? ' dispatch-card-selected' : ''}`}
            >
              <Space size={4} wrap>
                <Typography.Text strong>{order.number}</Typography.Text>
                <Tag color={priorityOf(order.priority)?.color}>{((p) => (p ? (zh ? p.nameZh : p.nameEn) : order.priority))(priorityOf(order.priority))}</Tag>
                <Tag>{(!zh && order.serviceType.en) || order.serviceType['zh-CN']}</Tag>
              </Space>
              <div className="dispatch-card-line">{order.site ? `${order.site.regionNames.join('')} ${order.site.street}` : t('dispatch.noSite')}</div>
              {order.requiredSkills.length ? <div className="dispatch-card-line">{order.requiredSkills.map((s) => <Tag key={s} bordered={false}>{s}</Tag>)}</div> : null}
              {order.slaDueAt ? <div className="dispatch-card-line dispatch-sla">{t('dispatch.sla', { time: time(order.slaDueAt) })}</div> : null}
              {order.appointmentStart ? <div className="dispatch-card-line">{t('dispatch.appointment', { time: time(order.appointmentStart) })}</div> : null}
            </div>
          ))}
          {more ? <Button block onClick={onLoadMore}>{t('dispatch.loadMore')}</Button> : null}
        </Space>
      )}
    </Card>
  );
}
