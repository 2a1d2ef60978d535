import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReplyPlan, ReplyWay } from './queries.ts';

/** The action that chooses each way around a closed chat window, by way (issue 16 §2); another module's alternative is named by its channel label. */
const actionKeys: Record<string, string> = { wechat_template: 'replyWay.sendTemplate', sms: 'replyWay.sendSms', phone: 'replyWay.logCall' };

/**
 * When the ticket's chat channel cannot carry a reply (WeChat's 48-hour window closed, its 5
 * messages spent), what works instead, as actions: 发送模板消息 when the account has a reply
 * template, 发短信 when the customer has a mobile and an SMS account can send, 记录电话 (the reply
 * is kept as the answer given by phone). Each chooses the reply's way; the agent then sends as usual.
 * The server lists only the alternatives that can go now (`alternative: true` in the plan).
 */
export function WindowAlternatives({ plan, via, onChange, channelName }: { plan: ReplyPlan; via: ReplyWay; onChange: (way: ReplyWay) => void; channelName: (key: string) => string }) {
  const { t } = useTranslation();
  const ways = [...plan.options.filter((o) => o.ready && o.alternative).map((o) => o.channel), 'phone' as ReplyWay];
  return (
    <Space wrap size={8} data-testid="reply-alternatives">
      <Typography.Text type="secondary">{t('replyWay.alternatives')}</Typography.Text>
      {ways.map((way) => (
        <Button key={way} size="small" type={via === way ? 'primary' : 'default'} aria-pressed={via === way} onClick={() => onChange(way)} data-testid={`reply-alternative-${way}`}>
          {actionKeys[way] ? t(actionKeys[way]) : channelName(way)}
        </Button>
      ))}
    </Space>
  );
}
