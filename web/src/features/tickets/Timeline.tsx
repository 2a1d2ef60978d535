import { LockOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Card, Space, Tag, Timeline as AntTimeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../shared/ui/states.tsx';
import { describeSlaFiring } from '../sla/sla-format.ts';
import { CallLine } from './CallLine.tsx';
import { describeChange, describeDelivery, type Lookups } from './describe-change.ts';
import { MessageBody } from './MessageBody.tsx';
import type { TimelineEntry } from './queries.ts';
import { EmailAuthMark, emailAuthOf } from '../email/EmailAuthMark.tsx';

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
        const author = entry.message.authorContact;
        // The customer's message that made the ticket (email, web form, portal) rides on the `created` entry.
        const opening = entry.type === 'created';
        return {
          key: entry.id,
          color: internal ? 'gold' : 'blue',
          children: (
            <Card
              size="small"
              data-testid={opening ? 'timeline-opening' : internal ? 'timeline-note' : 'timeline-reply'}
              style={{ background: internal ? '#fffbe6' : '#fff', borderColor: internal ? '#ffe58f' : undefined }}
              title={
                <Space size={6} wrap>
                  <span className="opencsm-initial" aria-hidden>
                    {(author?.name ?? entry.actor?.name)?.slice(0, 1) ?? '?'}
                  </span>
                  <span>{author ? author.name || t('ticket.customer') : (entry.actor?.name ?? t('ticket.system'))}</span>
                  {internal ? (
                    <Tag icon={<LockOutlined />} color="gold">
                      {t('ticket.internal')}
                    </Tag>
                  ) : author ? (
                    <Tag color="green">{t('ticket.customer')}</Tag>
                  ) : (
                    <Tag color="blue">{t('ticket.public')}</Tag>
                  )}
                  {opening && <Tag color="purple">{t('ticket.openingMessage')}</Tag>}
                  {/* Phone intake: the customer's report, typed in by the agent who took the call. */}
                  {opening && entry.message.meta?.enteredBy ? <Tag data-testid="phone-entered">{t('ticket.phoneEntered')}</Tag> : null}
                  {!internal && (
                    <Tag data-testid="message-channel">{t('ticket.via', { channel: t(`channel.${entry.message.channel}`, { defaultValue: entry.message.channel }) })}</Tag>
                  )}
                  <DeliveryTag status={entry.message.deliveryStatus} error={entry.message.deliveryError} />
                  {author && entry.message.channel === 'email' && <EmailAuthMark auth={emailAuthOf(entry.message.meta)} />}
                  <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                    {time}
                  </Typography.Text>
                </Space>
              }
            >
              <CallLine meta={entry.message.meta} />
              <MessageBody body={entry.message.body} html={entry.message.bodyHtml} spaced={entry.message.attachments.length > 0} />
              {entry.message.attachments.map((a) => (
                <div key={a.id} data-testid="message-attachment">
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
        entry.type === 'delivery_changed'
          ? describeDelivery(entry.newValue, t)
          : entry.type === 'field_changed'
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

function DeliveryTag({ status, error }: { status: 'queued' | 'sent' | 'failed' | null; error: string | null }) {
  const { t } = useTranslation();
  if (!status) return null;
  const colour = status === 'failed' ? 'red' : status === 'sent' ? 'green' : 'default';
  const label = t(status === 'failed' ? 'ticket.deliveryFailed' : status === 'sent' ? 'ticket.deliverySent' : 'ticket.deliveryQueued');
  return (
    <Tag color={colour} title={error ?? undefined} data-testid="message-delivery">
      {label}
    </Tag>
  );
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
