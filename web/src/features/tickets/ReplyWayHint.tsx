import { Alert, Segmented, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReplyPlan, ReplyWay } from './queries.ts';
import { useChannelName } from './ticket-channels.ts';
import { WindowAlternatives } from './WindowAlternatives.tsx';

/**
 * Says, before sending, which way the reply will go ("回复将通过邮件发送至 wu@example.cn"). When
 * the ticket's own channel cannot deliver (a WeChat ticket without a WeChat channel) it says so and
 * offers the ways that work: email when the customer has an address and a mailbox can send, the
 * portal, or a note of a phone call; a chat channel outside its window also offers the ways around
 * it as actions (WindowAlternatives: a template message, an SMS, a call).
 */
export function ReplyWayHint({ plan, via, onChange }: { plan: ReplyPlan; via: ReplyWay; onChange: (way: ReplyWay) => void }) {
  const { t } = useTranslation();
  const channel = useChannelName();
  const chosen = plan.options.find((o) => o.channel === via);
  // The alternatives are offered as actions below, not among the ordinary ways.
  const ready = plan.options.filter((o) => o.ready && !o.alternative);
  // Offered when a chat channel cannot carry the reply (its window), or when any way around it works now.
  const alternatives = !plan.preferredReady && (plan.options.some((o) => o.alternative) || !['email', 'portal'].includes(plan.preferred));
  // A chat channel names no address (an openid means nothing to an agent): its window says more.
  const window = chosen?.window ?? null;
  const sentence =
    via === 'phone'
      ? t('replyWay.phone')
      : via === 'portal'
        ? t('replyWay.portal')
        : via === 'wechat_template'
          ? t('replyWay.template')
          : via === 'sms'
            ? t('replyWay.sms', { to: chosen?.to ?? '' })
            : chosen?.to && !window
              ? t('replyWay.goesByTo', { channel: channel(via), to: chosen.to })
              : t('replyWay.goesBy', { channel: channel(via) });
  return (
    <Alert
      data-testid="reply-plan"
      data-via={via}
      type={plan.preferredReady ? 'info' : 'warning'}
      showIcon
      style={{ padding: '4px 12px' }}
      title={
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          {plan.preferredReady ? null : (
            <Typography.Text data-testid="reply-plan-problem">{t('replyWay.cannot', { channel: channel(plan.preferred), reason: plan.reason ?? '' })}</Typography.Text>
          )}
          <Space wrap size={8}>
            <Typography.Text strong data-testid="reply-plan-via">{sentence}</Typography.Text>
            {window ? <Typography.Text type="secondary" data-testid="reply-window">{window.text}</Typography.Text> : null}
            {window?.sandbox ? <Tag color="orange">{t('channels.sandbox')}</Tag> : null}
            {ready.length > 1 ? (
              <Segmented
                size="small"
                aria-label={t('replyWay.choose')}
                value={via}
                onChange={(value) => onChange(value as ReplyWay)}
                options={ready.map((o) => ({ value: o.channel, label: channel(o.channel) }))}
                data-testid="reply-via"
              />
            ) : null}
          </Space>
          {alternatives ? <WindowAlternatives plan={plan} via={via} onChange={onChange} channelName={channel} /> : null}
        </Space>
      }
    />
  );
}
