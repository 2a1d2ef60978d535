import { platformChannels } from '../../app/channel-registry.js';
import { replyWaysWithoutSending } from '../../app/reply-channels.js';

const sendsNothing = new Set<string>(replyWaysWithoutSending);

/**
 * Whether a reply on `channel` was delivered, for history written without a running app (the demo
 * data, a migration: importTicketHistories), as if every channel had worked. Without an app no
 * channel module has registered, so: a reply in the portal or a logged call sends nothing, nor do
 * the channels no module owns (API, web form: `platformChannels`), and any other channel — email or
 * a chat channel — delivered where the customer wrote. A running app asks its installed channels
 * instead (`ReplyChannels.delivers`; which way a reply goes is reply-route.ts).
 */
export function deliveredInHistory(channel: string): boolean {
  if (sendsNothing.has(channel)) return false;
  return platformChannels.find((c) => c.key === channel)?.deliversReplies ?? true;
}
