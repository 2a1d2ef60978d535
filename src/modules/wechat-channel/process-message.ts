import type { Config } from '../../app/config.js';
import type { Clock } from '../../app/clock.js';
import type { WriteRules } from '../../app/write-rules.js';
import type { JobHandler } from '../../jobs/registry.js';
import { channelSecrets, getChannelInbound, loadChannelAccount, markChannelInboundProcessed } from '../channels/index.js';
import { lookupContact } from '../customers/index.js';
import { answerSurveyChoice, looksLikeSurveyChoice, surveyChoiceKey } from '../surveys/index.js';
import { attachmentStoreIn, findOpenTicketOfRequester, receiveInboundMessage, type InboundAttachment } from '../tickets/index.js';
import { leaseFollower, recordFollowerMessage, releaseFollower } from './followers.js';
import { mediaKinds, messageMeta, messageText } from './message-text.js';
import { recordTicketThread } from './ticket-threads.js';
import { WechatApiError, wechatApi } from './wechat-api.js';
import { wechatSettingsOf } from './wechat-settings.js';
import { parseWechatXml, readWechatMessage, type WechatMessage } from './wechat-xml.js';

export class FollowerBusy extends Error {
  constructor(openid: string) {
    super(`another worker is processing follower ${openid}; retried later`);
  }
}

/**
 * Turns one stored WeChat message into a ticket message through receiveInboundMessage: the
 * follower's contact is found (or made) by the `wechat_openid` identity (and `wechat_unionid`
 * when WeChat sends one), the message joins the follower's open ticket or opens a new one, and
 * media is downloaded now (temporary media expire after 3 days) into the ticket's attachments.
 * Idempotent on (channel, wechat:<account>:<MsgId>): a job that crashed after the ticket side
 * committed finds the receipt and finishes. A tap on a survey menu's score (a text carrying a
 * `bizmsgmenuid` of a survey choice) answers the survey instead (the survey's single use makes a
 * replay answer nothing); the timeline shows the answer, not a message.
 */
export function processWechatHandler(config: Config, clock: Clock, rules: WriteRules): JobHandler {
  return async (payload, { database }) => {
    const inbound = await getChannelInbound(database, String(payload.inboundId));
    if (!inbound || inbound.processedAt) return;
    const account = await loadChannelAccount(database.db, channelSecrets(config), inbound.accountId);
    const message = readWechatMessage(parseWechatXml(inbound.raw) ?? {});
    if (!account || !message) return markChannelInboundProcessed(database, inbound.id, { outcome: 'ignored' });
    const key = { accountId: account.id, openid: message.openid };
    if (!(await leaseFollower(database, key))) throw new FollowerBusy(message.openid);
    try {
      const at = new Date(message.createTime * 1000);
      const event = message.msgType === 'event' ? message.event?.toLowerCase() : undefined;
      if (message.msgType === 'text' && message.menuId && looksLikeSurveyChoice(message.menuId)) {
        // A score tapped in a survey's menu message: the answer, never a ticket message (it would reopen the resolved ticket).
        const known = await lookupContact(database.db, { kind: 'wechat_openid', value: message.openid });
        const answer = await answerSurveyChoice(database, surveyChoiceKey(config), message.menuId, { contactId: known?.id ?? null }, clock.now());
        await recordFollowerMessage(database, key, at, { contactId: known?.id ?? null, unionid: message.unionid ?? null });
        return await markChannelInboundProcessed(database, inbound.id, answer.answered ? { outcome: 'ticket', ticketId: answer.ticketId } : { outcome: 'ignored' });
      }
      if (event === 'subscribe' || event === 'unsubscribe') await recordFollowerMessage(database, key, new Date(0), { subscribed: event === 'subscribe', unionid: message.unionid ?? null });
      const text = messageText(message);
      if (!text) return await markChannelInboundProcessed(database, inbound.id, { outcome: 'ignored' });

      const identities = [{ kind: 'wechat_openid' as const, value: message.openid }, ...(message.unionid ? [{ kind: 'wechat_unionid' as const, value: message.unionid }] : [])];
      const known = await lookupContact(database.db, identities[0]!);
      const ticketId = known ? await findOpenTicketOfRequester(database.db, known.id) : null;
      const attachments = await downloadMedia(config, clock, database, account.id, account.settings, message);
      const result = await receiveInboundMessage(
        database,
        {
          channel: 'wechat',
          externalId: `wechat:${account.id}:${message.key}`,
          ticketId,
          requester: known ? { contactId: known.id } : { name: `微信用户 ${message.openid.slice(-6)}`, identities },
          subject: text.subject,
          body: text.body,
          meta: messageMeta(account, message),
          attachments,
        },
        { timeZone: config.OPENCSM_TIMEZONE, store: attachmentStoreIn(config.OPENCSM_DATA_DIR), ...rules },
      );
      await recordTicketThread(database, result.ticketId, key);
      // Only a message the follower sent opens the customer-service window (an event does not).
      await recordFollowerMessage(database, key, message.msgType === 'event' ? new Date(0) : at, { contactId: known?.id ?? null, unionid: message.unionid ?? null });
      await markChannelInboundProcessed(database, inbound.id, { outcome: 'ticket', ticketId: result.ticketId });
    } finally {
      await releaseFollower(database, key);
    }
  };
}

async function downloadMedia(config: Config, clock: Clock, database: Parameters<JobHandler>[1]['database'], accountId: string, settings: Record<string, unknown>, message: WechatMessage): Promise<InboundAttachment[]> {
  const kind = mediaKinds[message.msgType];
  if (!kind || !message.mediaId) return [];
  try {
    const media = await wechatApi({ database, config, clock }, accountId, wechatSettingsOf(settings)).getMedia(message.mediaId);
    return [{ filename: media.filename ?? `${message.msgType}-${message.key.replace(/\W+/g, '')}.${message.format ?? kind.extension}`, contentType: media.contentType, content: media.content }];
  } catch (error) {
    // The media is gone for good (invalid or expired media_id): keep the message without it.
    if (error instanceof WechatApiError && !error.transient && error.errcode === 40007) return [];
    throw error;
  }
}
