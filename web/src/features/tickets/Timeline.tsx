import { LockOutlined, PaperClipOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { ArticleFromReply } from '../knowledge/ArticleFromReply.tsx';
import { Button, Card, Space, Tag, Timeline as AntTimeline, Typography } from 'antd';
import { memo, useMemo, useState } from 'react';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../shared/ui/states.tsx';
import { describeSlaFiring } from '../sla/sla-format.ts';
import { CallLine } from './CallLine.tsx';
import { describeChange, describeDelivery, type Lookups } from './describe-change.ts';
import { MessageBody } from './MessageBody.tsx';
import { viaSandbox } from './sandbox-conversation.ts';
import type { TimelineEntry } from './queries.ts';
import { EmailAuthMark, emailAuthOf } from '../email/EmailAuthMark.tsx';
import { describeSurveyEntry, isLowRating, isSurveyEntry } from '../surveys/describe-survey-entry.ts';
import { describeWorkOrderEntry } from '../field-service/describe-work-order-entry.ts';
import { describeProcessMigration } from '../workflow/describe-migration.ts';
import { useSystemActorNames } from './system-actor-names.ts';

/** How many entries a ticket page renders at first (newest first); older ones on request. */
export const timelineWindow = 30;

/**
 * Messages as cards (internal notes in yellow with a lock), field changes as quiet lines, newest
 * first. Only the newest `timelineWindow` entries render until the agent asks for earlier ones:
 * a ticket with a long history must not make every switch to it slow. Each entry is a memoised
 * component on its entry object (kept across refetches by react-query's structural sharing), so a
 * new reply renders one card, not the whole history again.
 */
export const Timeline = memo(function Timeline({ ticketId, entries, lookups }: { ticketId: string; entries: TimelineEntry[]; lookups: Lookups }) {
  const { t } = useTranslation();
  // The window belongs to one ticket: switching tickets starts again from the newest entries.
  const [shown, setShown] = useState({ ticketId, count: timelineWindow });
  const count = shown.ticketId === ticketId ? shown.count : timelineWindow;
  const filtered = useMemo(() => entries.filter((entry) => entry.type !== 'attachment_added' || !entry.message), [entries]);
  // Changes no person made name who did (“自动分配（轮询）将处理人…”, “规则「VIP 升级」将优先级…”): their ids are no user's.
  const visible = useSystemActorNames(filtered);
  if (!visible.length) return <EmptyState title={t('ticket.emptyTimeline')} />;
  const items = visible.slice(0, count).map((entry) => ({ key: entry.id, color: entryColour(entry), children: <EntryView ticketId={ticketId} entry={entry} lookups={lookups} /> }));
  const earlier = visible.length - count;
  return (
    <>
      <AntTimeline items={items} />
      {earlier > 0 ? (
        <Button type="link" data-testid="timeline-earlier" style={{ paddingInline: 0 }} onClick={() => setShown({ ticketId, count: count + timelineWindow * 2 })}>
          {t('ticketPage.showEarlier', { n: earlier })}
        </Button>
      ) : null}
    </>
  );
});

function entryColour(entry: TimelineEntry): string {
  if (entry.message) return entry.message.internal ? 'gold' : 'blue';
  if (entry.type === 'sla') return (entry.newValue as { event?: unknown } | null)?.event === 'warning' ? 'orange' : 'red';
  return 'gray';
}

/** One entry of the timeline; renders again only when its entry (or the names it shows) changed. */
const EntryView = memo(function EntryView({ ticketId, entry, lookups }: { ticketId: string; entry: TimelineEntry; lookups: Lookups }) {
  const { t, i18n } = useTranslation();
  const time = <span title={dayjs(entry.createdAt).format('YYYY-MM-DD HH:mm:ss')}>{dayjs(entry.createdAt).format('MM-DD HH:mm')}</span>;
  if (entry.message) {
    const internal = entry.message.internal;
    const author = entry.message.authorContact;
    // The customer's message that made the ticket (email, web form, portal) rides on the `created` entry.
    const opening = entry.type === 'created';
    return (
      <Card
        size="small"
        data-testid={opening ? 'timeline-opening' : internal ? 'timeline-note' : 'timeline-reply'}
        style={{ background: internal ? '#fffbe6' : '#fff', borderColor: internal ? '#ffe58f' : undefined }}
        extra={!internal && !author && !opening ? <ArticleFromReply ticketId={ticketId} messageId={entry.message.id} /> : undefined}
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
              <Tag data-testid="message-channel">{t('ticket.via', { channel: lookups.channelName?.(entry.message.channel) ?? entry.message.channel })}</Tag>
            )}
            {/* Received or delivered through a sandbox account: recorded here, never sent (沙箱). */}
            {!internal && viaSandbox(entry.message) ? <Tag color="orange" data-testid="message-sandbox">{t('channels.sandbox')}</Tag> : null}
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
    );
  }
  if (entry.type === 'sla') {
    const detail = (entry.newValue ?? {}) as Record<string, unknown>;
    const line = describeSlaFiring(detail, t, (iso) => dayjs(iso).format('MM-DD HH:mm'), (key) => lookups.priorityName(key) ?? key);
    return (
      <Typography.Text type={detail.event === 'warning' ? 'warning' : 'danger'} data-testid="timeline-sla">
        {line} · {time}
      </Typography.Text>
    );
  }
  if (entry.type === 'work_order') {
    return <Typography.Text data-testid="timeline-work-order">{entry.actor ? `${entry.actor.name} · ` : ''}{describeWorkOrderEntry(entry.newValue, t)} · {time}</Typography.Text>;
  }
  if (isSurveyEntry(entry.type)) {
    return (
      <Typography.Text type={isLowRating(entry.type, entry.newValue) ? 'danger' : undefined} data-testid="timeline-survey">
        {describeSurveyEntry(entry.type, entry.newValue, t)} · {time}
      </Typography.Text>
    );
  }
  const text =
    entry.type === 'delivery_changed'
      ? describeDelivery(entry.newValue, t, lookups.channelName)
      : entry.type === 'field_changed'
        ? describeChange(entry, lookups, t)
        : entry.type === 'rule_notified'
          ? describeRuleNotified(entry, t, i18n.language)
        : entry.type === 'rule_sla_policy'
          ? describeRuleSlaPolicy(entry, t, i18n.language)
        : entry.type === 'process_migrated'
          ? describeProcessMigration(entry.newValue, entry.actor?.name ?? t('ticket.system'), t, i18n.language)
        : entry.type === 'created'
          ? t('ticket.created', { actor: entry.actor?.name ?? t('ticket.system') })
          : entry.type === 'attachment_added'
            ? `${entry.actor?.name ?? t('ticket.system')} · ${String((entry.newValue as { filename?: string } | null)?.filename ?? '')}`
            : `${entry.actor?.name ?? t('ticket.system')} · ${entry.type}`;
  return (
    <Typography.Text type="secondary" data-testid="timeline-change">
      {text} · {time}
    </Typography.Text>
  );
});

/** “规则「VIP 升级」通知了 硬件支持组、赵主管、服务经理” (names as they were when the rule fired). */
function describeRuleNotified(entry: TimelineEntry, t: TFunction, language: string): string {
  const detail = (entry.newValue ?? {}) as { names?: unknown; roles?: unknown };
  const names = Array.isArray(detail.names) ? detail.names.map(String) : [];
  const roles = Array.isArray(detail.roles) ? detail.roles.map((role) => t(`role.${String(role)}`)) : [];
  return t('automation.actions.timelineNotified', { actor: entry.actor?.name ?? t('ticket.system'), recipients: new Intl.ListFormat(language, { type: 'conjunction' }).format([...names, ...roles]) });
}

/** “规则「VIP 升级」将 SLA 策略改为 VIP 金牌” (the policy's names as they were when the rule fired). */
function describeRuleSlaPolicy(entry: TimelineEntry, t: TFunction, language: string): string {
  const names = ((entry.newValue ?? {}) as { policyName?: { 'zh-CN'?: unknown; en?: unknown } }).policyName;
  const zh = typeof names?.['zh-CN'] === 'string' ? names['zh-CN'] : '';
  const en = typeof names?.en === 'string' ? names.en : '';
  return t('automation.actions.timelineSlaPolicy', { actor: entry.actor?.name ?? t('ticket.system'), policy: (language.startsWith('en') && en) || zh });
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
