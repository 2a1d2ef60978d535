import { platformChannels } from '../../app/channel-registry.js';

/**
 * Whether a reply on `channel` was delivered, for history written without a running app (the demo
 * data, a migration: importTicketHistories), as if every channel had worked: the platform's own
 * channels say (email does; phone, web form, portal and API do not), and any other channel is a
 * channel module's chat channel, answered where the customer wrote. A running app asks its
 * installed channels instead (`ReplyChannels.delivers`; which way a reply goes is reply-route.ts).
 */
export function deliveredInHistory(channel: string): boolean {
  return platformChannels.find((c) => c.key === channel)?.deliversReplies ?? true;
}
