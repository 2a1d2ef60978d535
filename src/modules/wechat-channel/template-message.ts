import type { Clock } from '../../app/clock.js';
import type { Config } from '../../app/config.js';
import type { ReplyChannelProbe } from '../../app/reply-channels.js';
import { translate } from '../../app/i18n/catalogue.js';
import type { EventHandler } from '../../jobs/registry.js';
import { channelSecrets, loadChannelAccount } from '../channels/index.js';
import { recordDelivery, type DeliverableMessage, type ticketMessageAdded } from '../tickets/index.js';
import { markOutbound, wechatDeliveryOf } from './deliver-reply.js';
import { portalTicketLink } from './portal-link.js';
import { wechatOutbound } from './schema.js';
import { ticketThread } from './ticket-threads.js';
import { WechatApiError, wechatApi } from './wechat-api.js';
import { wechatSettingsOf, type ReplyTemplate } from './wechat-settings.js';

/**
 * The reply way "as a template message" (模板消息): outside the customer-service window an agent
 * sends a reply as the account's 回复通知 template — the ticket number, the reply's first words, its
 * time — whose link opens the ticket on the portal, where the customer reads the whole reply.
 * Template messages are not counted in the 48-hour window (they have their own daily quota).
 */
export const wechatTemplateWay = 'wechat_template';
export const deliverWechatTemplateJob = 'wechat.deliver_template';
/** The queue's default attempts for event subscribers; the last one reports the failure. */
const lastAttempt = 8;
/** The vendor's refusals of a template send that an agent can act on (https://developers.weixin.qq.com 全局返回码). */
const templateErrors: Record<number, string> = { 40037: 'wechat.template_invalid', 43004: 'wechat.template_unsubscribed', 47003: 'wechat.template_argument_invalid' };
/** A `thing` value takes at most 20 characters (the template library's published limit). */
const summaryLength = 20;

const bothLanguages = (key: string, detail?: string) => `${translate('zh-CN', key)} / ${translate('en', key)}${detail ? ` (${detail})` : ''}`;


/** The reply's first words on one line, cut to what a `thing` value takes. */
export function replySummary(body: string): string {
  const chars = [...body.replace(/\s+/g, ' ').trim()];
  return chars.length <= summaryLength ? chars.join('') : `${chars.slice(0, summaryLength - 1).join('')}…`;
}

/** A `time` value as the template library writes it: 2026年12月7日 15:01, in China's time. */
export function templateTime(at: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at).map((p) => [p.type, p.value]),
  );
  return `${parts.year}年${Number(parts.month)}月${Number(parts.day)}日 ${parts.hour}:${parts.minute}`;
}

/**
 * The body of `POST /cgi-bin/message/template/send` for one reply: `{touser, template_id, url,
 * client_msg_id, data: {key: {value}}}`. `client_msg_id` is the reply's id: the vendor sends one
 * message per openid and id (for 10 minutes), so a retry after a lost answer does not send twice.
 */
export function templateMessageBody(message: Pick<DeliverableMessage, 'id' | 'ticketNumber' | 'body' | 'createdAt'>, template: ReplyTemplate, openid: string, link: string): Record<string, unknown> {
  return {
    touser: openid,
    template_id: template.templateId,
    url: link,
    client_msg_id: message.id,
    data: {
      [template.numberKey]: { value: message.ticketNumber },
      [template.summaryKey]: { value: replySummary(message.body) },
      [template.timeKey]: { value: templateTime(message.createdAt) },
    },
  };
}

/**
 * Whether a reply on this ticket can go as a template message: the ticket talks to a follower of an
 * enabled account that has a reply template, and the server knows the portal's address for the link.
 */
export function wechatTemplateProbe(config: Config): ReplyChannelProbe {
  return async (db, target) => {
    const thread = await ticketThread(db, target.ticketId);
    if (!thread) return { ready: false, reason: 'wechat.no_follower' };
    const account = await loadChannelAccount(db, channelSecrets(config), thread.accountId);
    if (!account?.enabled) return { ready: false, reason: 'wechat.account_disabled' };
    if (!wechatSettingsOf(account.settings).replyTemplate) return { ready: false, reason: 'wechat.template_not_configured' };
    if (!portalTicketLink(config, target.ticketId)) return { ready: false, reason: 'wechat.template_public_url_missing' };
    return { ready: true };
  };
}

/**
 * Sends a reply whose way is `wechat_template`. Recorded in `wechat_outbound` like the other sends
 * (a sandbox account records it there and reports `sent`); vendor 5xx and network errors retry with
 * the queue's backoff, a refusal (unknown template, unfollowed, a value the template does not take)
 * or the last attempt ends as `failed` with the vendor's reason on the timeline.
 */
export function deliverWechatTemplateHandler(config: Config, clock: Clock): EventHandler<typeof ticketMessageAdded> {
  return async (event, { database, log, job }) => {
    const delivery = await wechatDeliveryOf(database, config, event, wechatTemplateWay);
    if (!delivery) return;
    const { messageId, message, thread, account } = delivery;
    const settings = wechatSettingsOf(account.settings);
    const link = portalTicketLink(config, message.ticketId);
    if (!settings.replyTemplate) return recordDelivery(database, messageId, { status: 'failed', error: bothLanguages('wechat.template_not_configured') });
    if (!link) return recordDelivery(database, messageId, { status: 'failed', error: bothLanguages('wechat.template_public_url_missing') });

    const request = templateMessageBody(message, settings.replyTemplate, thread.openid, link);
    await database.transaction((tx) => tx.insert(wechatOutbound).values({ ticketMessageId: messageId, accountId: account.id, openid: thread.openid, status: 'queued', request, createdAt: clock.now() }).onConflictDoNothing());
    if (account.sandbox) {
      await markOutbound(database, messageId, 'sandbox', null);
      return recordDelivery(database, messageId, { status: 'sent', meta: { wechat: { sandbox: true, template: true } } });
    }
    let msgid: number | null;
    try {
      msgid = await wechatApi({ database, config, clock }, account.id, settings).sendTemplateMessage(request);
    } catch (error) {
      const transient = !(error instanceof WechatApiError) || error.transient;
      const retry = transient && job.attempts < lastAttempt;
      log.warn({ err: error, messageId, attempt: job.attempts }, 'WeChat template message not sent');
      const detail = error instanceof Error ? error.message : String(error);
      await markOutbound(database, messageId, retry ? 'queued' : 'failed', detail);
      if (retry) throw error;
      const known = error instanceof WechatApiError ? templateErrors[error.errcode] : undefined;
      return recordDelivery(database, messageId, { status: 'failed', error: known ? bothLanguages(known, detail) : detail });
    }
    await markOutbound(database, messageId, 'sent', null);
    await recordDelivery(database, messageId, { status: 'sent', meta: { wechat: { template: true, msgid } } });
  };
}
