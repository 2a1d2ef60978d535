import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReplyPlan } from './queries.ts';
import { useTicketChannels } from './ticket-channels.ts';

/**
 * In a chat ticket's header (WeChat, WeCom 微信客服, any installed channel module that delivers replies): the
 * reply window — "回复窗口剩余 20 小时 · 还可发送 3 条" — or why the channel cannot carry a reply
 * now, and 沙箱 for a sandbox account. Reads the same reply plan the composer does (one query,
 * cached); email and the platform's other channels have no window. `sandboxConversation`: the
 * ticket's messages went through a sandbox account (sandbox-conversation.ts), which marks 沙箱 when
 * the plan cannot say (a closed window names no account).
 */
export function ReplyWindowTag({ ticketId, channel, sandboxConversation = false }: { ticketId: string; channel: string; sandboxConversation?: boolean }) {
  const { t } = useTranslation();
  const channels = useTicketChannels();
  const chat = channels.data?.some((c) => c.key === channel && c.deliversReplies && !c.builtIn) ?? false;
  const plan = useReplyPlan(ticketId, chat);
  if (!chat || !plan.data) return null;
  const option = plan.data.options.find((o) => o.channel === channel);
  if (!option) return null;
  const sandbox = <Tag color="orange" data-testid="header-sandbox">{t('channels.sandbox')}</Tag>;
  if (!option.ready) {
    return (
      <>
        <Tooltip title={option.reason}>
          <Tag color="warning" data-testid="header-reply-window">{t('channels.windowClosed')}</Tag>
        </Tooltip>
        {sandboxConversation ? sandbox : null}
      </>
    );
  }
  return (
    <>
      {option.window ? <Tag color="green" data-testid="header-reply-window">{option.window.text}</Tag> : null}
      {(option.window ? option.window.sandbox : sandboxConversation) ? sandbox : null}
    </>
  );
}
