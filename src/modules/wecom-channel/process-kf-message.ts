import { eq } from 'drizzle-orm';
import type { Clock } from '../../app/clock.js';
import type { Config } from '../../app/config.js';
import type { WriteRules } from '../../app/write-rules.js';
import type { Database } from '../../db/database.js';
import type { JobHandler } from '../../jobs/registry.js';
import { channelSecrets, loadChannelAccount } from '../channels/index.js';
import { lookupContact } from '../customers/index.js';
import { answerSurveyChoice, looksLikeSurveyChoice, surveyChoiceKey } from '../surveys/index.js';
import { attachmentStoreIn, findOpenTicketOfRequester, receiveInboundMessage, type InboundAttachment } from '../tickets/index.js';
import { leaseKfCustomer, recordKfCustomerMessage, recordKfThread, releaseKfCustomer } from './kf-customers.js';
import { recordKfSendFailure, kfSendFailure } from './send-failures.js';
import { kfEnterSession, kfMenuId, kfMediaId, kfMediaKinds, kfMessageFacts, kfMessageText, kfOrigin } from './kf-message.js';
import { wecomKfMessages } from './schema.js';
import { WecomApiError, wecomApi, type KfItem } from './wecom-api.js';
import { wecomSettingsOf } from './wecom-settings.js';

export class KfCustomerBusy extends Error {
  constructor(externalUserId: string) {
    super(`another worker is processing WeCom customer ${externalUserId}; retried later`);
  }
}

type Outcome = { outcome: 'ticket' | 'ignored'; ticketId?: string };

async function markProcessed(database: Database, id: string, outcome: Outcome): Promise<void> {
  await database.transaction((tx) => tx.update(wecomKfMessages).set({ processedAt: new Date(), outcome: outcome.outcome, ticketId: outcome.ticketId ?? null }).where(eq(wecomKfMessages.id, id)));
}

/**
 * Turns one stored kf message into a ticket message through receiveInboundMessage: the customer's
 * contact is found (or made) by the `wecom_external_userid` identity, the message joins their open
 * ticket or opens one, and media is downloaded now into the ticket's attachments. Idempotent on
 * (wecom, wecom:<account>:<msgid>): a job that crashed after the ticket side committed finds the
 * receipt and finishes. enter_session records when and from which scene the customer came;
 * msg_send_fail marks the send it names failed; a tap on a survey menu's score (a text whose
 * `menu_id` is a survey choice) answers the survey; other events and a servicer's own messages
 * (sent from the WeCom client) put nothing on a ticket.
 */
export function processKfMessageHandler(config: Config, clock: Clock, rules: WriteRules): JobHandler {
  return async (payload, { database }) => {
    const [row] = await database.db.select().from(wecomKfMessages).where(eq(wecomKfMessages.id, String(payload.messageId)));
    if (!row || row.processedAt) return;
    const account = await loadChannelAccount(database.db, channelSecrets(config), row.accountId);
    const item = row.item as KfItem;
    const at = new Date(Number(item.send_time ?? 0) * 1000 || row.receivedAt.getTime());
    const entered = kfEnterSession(item);
    if (account && entered) {
      const key = { accountId: account.id, externalUserId: entered.externalUserId };
      if (!(await leaseKfCustomer(database, key, row.openKfId))) throw new KfCustomerBusy(entered.externalUserId);
      try {
        await recordKfCustomerMessage(database, key, row.openKfId, at, { entered: { scene: entered.scene } });
      } finally {
        await releaseKfCustomer(database, key);
      }
      return markProcessed(database, row.id, { outcome: 'ignored' });
    }
    const failure = kfSendFailure(item);
    if (account && failure) {
      await recordKfSendFailure(database, account.id, failure);
      return markProcessed(database, row.id, { outcome: 'ignored' });
    }
    const text = kfMessageText(item);
    if (!account || !text || !row.externalUserId || item.origin !== kfOrigin.customer) return markProcessed(database, row.id, { outcome: 'ignored' });

    const key = { accountId: account.id, externalUserId: row.externalUserId };
    if (!(await leaseKfCustomer(database, key, row.openKfId))) throw new KfCustomerBusy(row.externalUserId);
    try {
      const identity = { kind: 'wecom_external_userid' as const, value: row.externalUserId };
      const known = await lookupContact(database.db, identity);
      const menuId = kfMenuId(item);
      if (menuId && looksLikeSurveyChoice(menuId)) {
        // A score tapped in a survey's menu message: the answer, never a ticket message (it would reopen the resolved ticket).
        const answer = await answerSurveyChoice(database, surveyChoiceKey(config), menuId, { contactId: known?.id ?? null }, clock.now());
        await recordKfCustomerMessage(database, key, row.openKfId, at, { contactId: known?.id ?? null });
        return await markProcessed(database, row.id, answer.answered ? { outcome: 'ticket', ticketId: answer.ticketId ?? undefined } : { outcome: 'ignored' });
      }
      const ticketId = known ? await findOpenTicketOfRequester(database.db, known.id) : null;
      const attachments = await downloadMedia(config, clock, database, account.id, account.settings, item);
      const result = await receiveInboundMessage(
        database,
        {
          channel: 'wecom',
          externalId: `wecom:${account.id}:${item.msgid}`,
          ticketId,
          requester: known ? { contactId: known.id } : { name: `微信客户 ${row.externalUserId.slice(-6)}`, identities: [identity] },
          subject: text.subject,
          body: text.body,
          meta: { wecom: { accountId: account.id, sandbox: account.sandbox, openKfId: row.openKfId, externalUserId: row.externalUserId, msgType: item.msgtype, msgid: item.msgid, ...kfMessageFacts(item) } },
          attachments,
        },
        { timeZone: config.OPENCSM_TIMEZONE, store: attachmentStoreIn(config.OPENCSM_DATA_DIR), ...rules },
      );
      await recordKfThread(database, result.ticketId, { ...key, openKfId: row.openKfId });
      await recordKfCustomerMessage(database, key, row.openKfId, at, { contactId: known?.id ?? null });
      await markProcessed(database, row.id, { outcome: 'ticket', ticketId: result.ticketId });
    } finally {
      await releaseKfCustomer(database, key);
    }
  };
}

async function downloadMedia(config: Config, clock: Clock, database: Database, accountId: string, settings: Record<string, unknown>, item: KfItem): Promise<InboundAttachment[]> {
  const kind = kfMediaKinds[item.msgtype];
  const mediaId = kfMediaId(item);
  if (!kind || !mediaId) return [];
  try {
    const media = await wecomApi({ database, config, clock }, accountId, wecomSettingsOf(settings)).getMedia(mediaId);
    return [{ filename: media.filename ?? `${item.msgtype}-${item.msgid.replace(/\W+/g, '').slice(-24)}.${kind.extension}`, contentType: media.contentType, content: media.content }];
  } catch (error) {
    // The media is gone for good (invalid or expired media_id): keep the message without it.
    if (error instanceof WecomApiError && !error.transient && error.errcode === 40007) return [];
    throw error;
  }
}
