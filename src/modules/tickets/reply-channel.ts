/**
 * Channels that carry an agent's reply back to the customer (a job sends it, then reports).
 * Which of them can deliver on a given ticket now, and which way a reply goes, is reply-route.ts.
 */
export const deliveringChannels: ReadonlySet<string> = new Set(['email', 'wechat', 'wecom', 'dingtalk']);
