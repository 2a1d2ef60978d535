import type { Agent, AgentProfileBody } from './queries.ts';

export type ChatLimits = NonNullable<AgentProfileBody['chatCapacities']>;
type ChatChannel = keyof ChatLimits;

/** The chat channels the API accepts limits for (the generated body type keeps this list complete). */
const limitable: Record<ChatChannel, true> = { wechat: true, wecom: true, dingtalk: true };

/** The chat channels the server counts (every key of `chatCounts`), in its order. */
export const chatChannelsOf = (agent: Pick<Agent, 'chatCounts'>): ChatChannel[] => Object.keys(agent.chatCounts).filter((key): key is ChatChannel => key in limitable);

/** An agent's limit for a chat channel: their own, else their default chat limit. */
export const chatLimitOf = (agent: Pick<Agent, 'chatCapacity' | 'chatCapacities'>, channel: string): number => agent.chatCapacities[channel] ?? agent.chatCapacity;
