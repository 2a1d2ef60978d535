import { sql, type SQL } from 'drizzle-orm';
import { assignmentAgents, type ChatCounts } from './schema.js';

/**
 * Chat channels, whose tickets also count against the agent's limit for that channel (a
 * conversation wants an answer within minutes): the vendor chat channels. Email, phone, the web
 * form, the portal and the API do not. Each channel counts on its own: an agent at their WeChat
 * limit still takes a WeCom chat.
 */
export const chatChannels = ['wechat', 'wecom', 'dingtalk'] as const;
export type ChatChannel = (typeof chatChannels)[number];

/** The ticket's chat channel, or null when its channel is not a chat. */
export function chatChannelOf(channel: string): ChatChannel | null {
  return chatChannels.find((chat) => chat === channel) ?? null;
}

type ChatLimits = { chatCapacity: number; chatCapacities: ChatCounts; chatCounts: ChatCounts };

/** Whether the agent has room for one more chat of `channel` (their limit for it, else their default chat limit). */
export function hasChatRoom(agent: ChatLimits, channel: string): boolean {
  return (agent.chatCounts[channel] ?? 0) < (agent.chatCapacities[channel] ?? agent.chatCapacity);
}

const countOf = (channel: string): SQL => sql`coalesce((${assignmentAgents.chatCounts} ->> ${channel}::text)::int, 0)`;

/** SQL: the agent has room for one more chat of `channel` (the same judgement as `hasChatRoom`, inside the update). */
export function chatRoomSql(channel: string): SQL {
  return sql`${countOf(channel)} < coalesce((${assignmentAgents.chatCapacities} ->> ${channel}::text)::int, ${assignmentAgents.chatCapacity})`;
}

/** SQL: `chat_counts` with `channel`'s counter moved by `delta` (never below 0). */
export function movedChatCountsSql(channel: string, delta: 1 | -1): SQL {
  return sql`jsonb_set(${assignmentAgents.chatCounts}, array[${channel}::text], to_jsonb(greatest(${countOf(channel)} + ${delta}::int, 0)))`;
}
