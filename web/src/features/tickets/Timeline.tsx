import { LockOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Card, Space, Tag, Timeline as AntTimeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../shared/ui/states.tsx';
import { describeSlaFiring } from '../sla/sla-format.ts';
import { describeChange, type Lookups } from './describe-change.ts';
import type { TimelineEntry } from './queries.ts';

/** Messages as cards (internal notes in yellow with a lock), field changes as quiet lines. */
export function Timeline({ entries, lookups }: { entries: TimelineEntry[]; lookups: Lookups }) {
  const { t } = useTranslation();
  if (!entries.length) return <EmptyState title={t('ticket.emptyTimeline')} />;
  const items = entries
    .filter((entry) => entry.type !== 'attachment_added' || !entry.message)
    .map((entry) => {
      const time = <span title={dayjs(entry.createdAt).format('YYYY-MM-DD HH:mm:ss')}>{dayjs(entry.createdAt).format('MM-DD HH:mm')}</span>;
      if (entry.message) {
        const internal = entry.message.internal;
        return {
          key: entry.id,
          color: internal ? 'gold' : 'blue',
          children: (
            <Card
              size="small"
              data-testid={internal ? 'timeline-note' : 'timeline-reply'}
              style={{ background: internal ? '#fffbe6' : '#fff', borderColor: internal ? '#ffe58f' : undefined }}
              title={
                <Space size={6} wrap>
                  <span className="opencsm-initial" aria-hidden>
                    {entry.actor?.name.slice(0, 1) ?? '?'}
                  </span>
                  <span>{entry.actor?.name ?? t('ticket.system')}</span>
                  {internal ? (
                    <Tag icon={<LockOutlined />} color="gold">
                      {t('ticket.internal')}
                    </Tag>
                  ) : (
                    <Tag color="blue">{t('ticket.public')}</Tag>
                  )}
                  <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                    {time}
                  </Typography.Text>
                </Space>
              }
            >
              {/* Plain text rendered by React: HTML in a message is shown, never executed. */}
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: entry.message.attachments.length ? 8 : 0 }}>{entry.message.body}</Typography.Paragraph>
              {entry.message.attachments.map((a) => (
                <div key={a.id}>
                  <a href={`/api/v1/attachments/${a.id}`}>
                    <PaperClipOutlined /> {a.filename}
                  </a>{' '}
                  <Typography.Text type="secondary">({formatSize(a.size)})</Typography.Text>
                </div>
              ))}
            </Card>
          ),
        };
      }
      if (entry.type === 'sla') {
        const detail = (entry.newValue ?? {}) as Record<string, unknown>;
        const line = describeSlaFiring(detail, t, (iso) => dayjs(iso).format('MM-DD HH:mm'), (key) => lookups.priorityName(key) ?? key);
        return {
          key: entry.id,
          color: detail.event === 'warning' ? 'orange' : 'red',
          children: (
            <Typography.Text type={detail.event === 'warning' ? 'warning' : 'danger'} data-testid="timeline-sla">
              {line} · {time}
            </Typography.Text>
          ),
        };
      }
      const text =
        entry.type === 'field_changed'
          ? describeChange(entry, lookups, t)
          : entry.type === 'created'
            ? t('ticket.created', { actor: entry.actor?.name ?? t('ticket.system') })
            : entry.type === 'attachment_added'
              ? `${entry.actor?.name ?? t('ticket.system')} · ${String((entry.newValue as { filename?: string } | null)?.filename ?? '')}`
              : `${entry.actor?.name ?? t('ticket.system')} · ${entry.type}`;
      return {
        key: entry.id,
        color: 'gray',
        children: (
          <Typography.Text type="secondary" data-testid="timeline-change">
            {text} · {time}
          </Typography.Text>
        ),
      };
    });
  return <AntTimeline items={items} />;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
