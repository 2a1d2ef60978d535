import { InputNumber, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useChannelName } from '../tickets/ticket-channels.ts';
import { chatChannelsOf } from './chat-limits.ts';
import type { Agent, AgentProfileBody } from './queries.ts';

type ChatLimits = NonNullable<AgentProfileBody['chatCapacities']>;

/**
 * An agent's chat limit per channel (微信 3, 企业微信 2): each channel counts on its own. An empty
 * box means the agent's default chat limit, shown as the placeholder.
 */
export function ChatLimitsEditor({ agent, value, onChange }: { agent: Agent; value: ChatLimits; onChange: (next: ChatLimits) => void }) {
  const { t } = useTranslation();
  const channelName = useChannelName();
  return (
    <Space size={[8, 4]} wrap data-testid={`chat-limits-${agent.userId}`}>
      {chatChannelsOf(agent).map((channel) => (
        <span key={channel}>
          {channelName(channel)}{' '}
          <InputNumber
            size="small"
            min={0}
            max={100}
            precision={0}
            style={{ width: 64 }}
            aria-label={t('assignment.settings.chatLimitOf', { name: agent.name, channel: channelName(channel) })}
            placeholder={String(agent.chatCapacity)}
            value={value[channel] ?? null}
            onChange={(limit) => {
              const { [channel]: _dropped, ...rest } = value;
              onChange(limit === null ? rest : { ...rest, [channel]: limit });
            }}
          />
        </span>
      ))}
    </Space>
  );
}
