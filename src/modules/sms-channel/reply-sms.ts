import type { ChannelRegistry } from '../../app/channel-registry.js';
import type { ReplyChannelProbe } from '../../app/reply-channels.js';
import type { EventHandler } from '../../jobs/registry.js';
import { channelSecrets, firstEnabledChannelAccount } from '../channels/index.js';
import { isReplyToDeliver, type ticketMessageAdded } from '../tickets/index.js';
import type { DevSmsProvider } from './dev-sms-provider.js';
import type { SmsDeps } from './sms-accounts.js';
import { smsSettingsOf } from './sms-settings.js';
import { reachableMobile, sendTicketNotice } from './ticket-notice.js';

/**
 * The reply way "by SMS" (发短信), offered when the customer's own channel cannot carry a reply
 * (WeChat's window closed). A mainland SMS must be an approved template, so the reply goes as the
 * account's notification template — "您的工单 #{number} 有新回复，请登录查看 {link}" — to the
 * requester's mobile, and the customer reads the whole reply on the portal. It shares the notices'
 * per-number limits (a send the limits hold back waits until they have room), their retries with
 * backoff and their report on the reply's timeline.
 */
export const smsReplyWay = 'sms';
export const smsReplyJob = 'sms.reply';

/**
 * Ready when the requester has a mobile that takes SMS, an SMS account with a notification
 * template is enabled (or the development provider records codes) and the portal's address is
 * known. Reads through `db`: the caller may be inside a transaction (PGlite has one connection).
 */
export function smsReplyProbe(deps: SmsDeps, dev: DevSmsProvider | null): ReplyChannelProbe {
  return async (db, target) => {
    const phone = target.requesterId ? await reachableMobile(db, target.requesterId) : null;
    if (!phone) return { ready: false, reason: 'sms.reply_no_mobile' };
    const account = await firstEnabledChannelAccount(db, channelSecrets(deps.config), 'sms');
    const canSend = account ? Boolean(smsSettingsOf(account.settings).notifyTemplateId) : dev !== null;
    if (!canSend) return { ready: false, reason: 'sms.reply_not_configured' };
    if (!deps.config.OPENCSM_PUBLIC_URL) return { ready: false, reason: 'sms.public_url_missing' };
    return { ready: true, to: phone };
  };
}

/** Job `sms.reply` on `ticket.message_added`: a reply whose way is SMS. */
export function smsReplyHandler(deps: SmsDeps, dev: DevSmsProvider | null, channels: ChannelRegistry): EventHandler<typeof ticketMessageAdded> {
  return async (event, context) => {
    if (!isReplyToDeliver(smsReplyWay)(event)) return;
    await sendTicketNotice(deps, dev, channels, context, { ticketId: event.aggregateId, messageId: event.payload.messageId, reply: true });
  };
}
