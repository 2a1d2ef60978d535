import type { Clock } from '../../app/clock.js';
import type { Config } from '../../app/config.js';
import type { WriteRules } from '../../app/write-rules.js';
import type { Database } from '../../db/database.js';
import type { JobHandler } from '../../jobs/registry.js';
import { channelSecrets, getChannelInbound, loadChannelAccount, markChannelInboundProcessed } from '../channels/index.js';
import { lookupContact } from '../customers/index.js';
import { attachmentStoreIn, findOpenTicketOfRequester, receiveInboundMessage, type InboundAttachment } from '../tickets/index.js';
import { DingtalkApiError, dingtalkApi } from './dingtalk-api.js';
import { dingtalkSettingsOf, type DingtalkSettings } from './dingtalk-settings.js';
import { parseRobotInbound, robotMessageContent, senderKeyOf, type RobotFile } from './robot-inbound.js';
import { leaseSender, recordRobotThread, releaseSender } from './robot-threads.js';

export class SenderBusy extends Error {
  constructor(senderKey: string) {
    super(`another worker is processing DingTalk sender ${senderKey}; retried later`);
  }
}

/**
 * Turns one stored robot message into a ticket message through receiveInboundMessage: the sender's
 * contact is found (or made) by the `dingtalk_userid` identity, the message joins their open ticket
 * or opens one, and files (picture, richText pictures, file, audio, video) are downloaded now with
 * the robot download API into the ticket's attachments. The conversation and the message's session
 * webhook (with its expiry) are kept for the reply. Idempotent on (dingtalk,
 * dingtalk:<account>:<msgId>): a job that crashed after the ticket side committed finds the receipt
 * and finishes.
 */
export function processRobotMessageHandler(config: Config, clock: Clock, rules: WriteRules): JobHandler {
  return async (payload, { database }) => {
    const inbound = await getChannelInbound(database, String(payload.inboundId));
    if (!inbound || inbound.processedAt) return;
    const box = channelSecrets(config);
    const account = await loadChannelAccount(database.db, box, inbound.accountId);
    const message = parseRobotInbound(inbound.raw);
    if (!account || !message) return markChannelInboundProcessed(database, inbound.id, { outcome: 'ignored' });
    const settings = dingtalkSettingsOf(account.settings);
    const content = robotMessageContent(message);
    const senderKey = senderKeyOf(message);
    const key = { accountId: account.id, senderKey };
    const at = new Date(message.createAt ?? inbound.receivedAt.getTime());

    if (!(await leaseSender(database, key))) throw new SenderBusy(senderKey);
    let contactId: string | null = null;
    try {
      const identity = { kind: 'dingtalk_userid' as const, value: senderKey };
      const known = await lookupContact(database.db, identity);
      contactId = known?.id ?? null;
      const ticketId = known ? await findOpenTicketOfRequester(database.db, known.id) : null;
      const attachments = await downloadFiles({ database, config, clock }, account.id, settings, content.files);
      const group = message.conversationType === '2';
      const result = await receiveInboundMessage(
        database,
        {
          channel: 'dingtalk',
          externalId: `dingtalk:${account.id}:${message.msgId}`,
          ticketId,
          requester: known ? { contactId: known.id } : { name: message.senderNick?.trim() || `钉钉用户 ${senderKey.slice(-6)}`, identities: [identity] },
          subject: content.subject,
          body: content.body,
          meta: {
            dingtalk: {
              accountId: account.id,
              sandbox: account.sandbox,
              msgId: message.msgId,
              msgType: message.msgtype,
              conversationType: group ? 'group' : 'single',
              conversationId: message.conversationId,
              ...(group && message.conversationTitle && { conversationTitle: message.conversationTitle }),
              senderKey,
              ...(message.senderNick && { senderNick: message.senderNick }),
              ...content.facts,
            },
          },
          attachments,
        },
        { timeZone: config.OPENCSM_TIMEZONE, store: attachmentStoreIn(config.OPENCSM_DATA_DIR), ...rules },
      );
      const expires = message.sessionWebhookExpiredTime;
      await recordRobotThread(
        database,
        box,
        {
          ticketId: result.ticketId,
          accountId: account.id,
          conversationType: group ? 'group' : 'single',
          conversationId: message.conversationId,
          senderKey,
          staffId: message.senderStaffId?.trim() || null,
          sessionWebhook: message.sessionWebhook ?? null,
          sessionWebhookExpiresAt: expires ? new Date(expires) : null,
        },
        at,
      );
      await markChannelInboundProcessed(database, inbound.id, { outcome: 'ticket', ticketId: result.ticketId });
    } finally {
      await releaseSender(database, key, { contactId, at });
    }
  };
}

async function downloadFiles(deps: { database: Database; config: Config; clock: Clock }, accountId: string, settings: DingtalkSettings, files: RobotFile[]): Promise<InboundAttachment[]> {
  const api = dingtalkApi(deps, accountId, settings);
  const downloaded: InboundAttachment[] = [];
  for (const file of files) {
    try {
      const media = await api.downloadFile(file.downloadCode);
      downloaded.push({ filename: file.filename, contentType: media.contentType, content: media.content });
    } catch (error) {
      // A code DingTalk refuses for good (expired, not this robot's): the message stays without the file.
      if (error instanceof DingtalkApiError && !error.transient && !error.tokenRefused && error.httpStatus >= 400 && error.httpStatus < 500) continue;
      throw error;
    }
  }
  return downloaded;
}
