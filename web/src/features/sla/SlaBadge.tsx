import { Badge, Space, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { describeSla, headlineSla, toneOf, type TicketSla } from './sla-format.ts';

const tagColor = { error: 'red', warning: 'orange', processing: 'blue', success: 'green', default: 'default' } as const;

/**
 * The ticket's SLA at a glance: the most pressing target as "剩余 1小时20分 · 首次响应", counted in
 * business time by the server; the tooltip lists every target with its due time. Nothing without an SLA.
 */
export function SlaBadge({ sla, all = false }: { sla: readonly TicketSla[]; all?: boolean }) {
  const { t } = useTranslation();
  const headline = headlineSla(sla);
  if (!headline) return null;
  const shown = all ? sla.filter((e) => e.state !== 'met' || sla.every((x) => x.state === 'met')) : [headline];
  const details = (
    <Space direction="vertical" size={2}>
      {sla.map((e) => (
        <span key={e.target}>
          {describeSla(e, t)}
          {e.dueAt ? ` · ${t('sla.timer.due', { time: dayjs(e.dueAt).format('MM-DD HH:mm') })}` : ''}
        </span>
      ))}
      <Typography.Text style={{ color: 'inherit', opacity: 0.75, fontSize: 12 }}>{t('sla.timer.businessTime')}</Typography.Text>
    </Space>
  );
  return (
    <Tooltip title={details}>
      <Space size={4} wrap data-testid="sla-badge">
        {shown.map((e) => (
          <Tag key={e.target} color={tagColor[toneOf(e)]} data-state={e.state} style={{ marginInlineEnd: 0 }}>
            <Badge status={toneOf(e)} /> {describeSla(e, t)}
          </Tag>
        ))}
      </Space>
    </Tooltip>
  );
}
