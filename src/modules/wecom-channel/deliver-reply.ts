import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Clock } from '../../app/clock.js';
import type { Config } from '../../app/config.js';
import { translate } from '../../app/i18n/catalogue.js';
import type { Database } from '../../db/database.js';
import type { EventHandler } from '../../jobs/registry.js';
import { channelSecrets, loadChannelAccount } from '../channels/index.js';
import { attachmentStoreIn, getDeliverableMessage, isReplyToDeliver, recordDelivery, type ticketMessageAdded } from '../tickets/index.js';
import { kfThreadOf, type KfThread } from './kf-customers.js';
import { kfReplyParts, linkThumbnail, type KfReplyPart } from './kf-reply-parts.js';
import { kfSessionRefusalText } from './kf-session-refusals.js';
import { kfWindowState } from './reply-window.js';
import { wecomKfCustomers, wecomOutbound } from './schema.js';
import { WecomApiError, wecomApi } from './wecom-api.js';
import { wecomSettingsOf } from './wecom-settings.js';

export const deliverWecomJob = 'wecom.deliver';
/** The queue's default attempts for event subscribers; the last one reports the failure. */
const lastAttempt = 8;

export const bothLanguages = (key: string, detail?: string) => `${translate('zh-CN', key)} / ${translate('en', key)}${detail ? ` (${detail})` : ''}`;
const bothLanguagesWith = (key: string, params: Record<string, string | number>) => `${translate('zh-CN', key, params)} / ${translate('en', key, params)}`;

/**
 * send_msg's own `msgid` (≤ 32 of [0-9a-zA-Z_-]): ours, derived from the ticket message and the
 * part, so a retried send of a part the vendor already took is the same message, not a second one.
 */
export function kfSendId(messageId: string, part: number): string {
  return createHash('sha1').update(`${messageId}:${part}`).digest('hex').slice(0, 32);
}

/**
 * Sends an agent's public reply on a WeCom ticket through kf/send_msg as the parts kfReplyParts
 * plans: the text (cut at 2048 bytes) or one link card, then each attachment uploaded as media
 * (images as image, the rest as file). The window's places (48 h, 5 messages) are taken for all
 * parts at once under the customer's row lock, so two replies racing cannot both take the last one
 * and a retried job does not count twice. Vendor 5xx and network errors retry with the queue's
 * backoff (a part the vendor took is sent again with the same msgid); the last attempt, a refusal or
 * a shut window end as `failed` with the reason on the timeline — a refusal for the session's state
 * (kf-session-refusals.ts) in words the agent can act on. A sandbox account records instead.
 */
export function deliverWecomHandler(config: Config, clock: Clock): EventHandler<typeof ticketMessageAdded> {
  return async (event, { database, log, job }) => {
    if (!isReplyToDeliver('wecom')(event)) return;
    const messageId = event.payload.messageId;
    const message = await getDeliverableMessage(database.db, messageId);
    if (!message || message.deliveryStatus === 'sent') return;
    const thread = await kfThreadOf(database.db, message.ticketId);
    const account = thread ? await loadChannelAccount(database.db, channelSecrets(config), thread.accountId) : null;
    if (!thread || !account?.enabled) return recordDelivery(database, messageId, { status: 'failed', error: bothLanguages(thread ? 'wecom.account_disabled' : 'wecom.no_customer') });

    const base = { touser: thread.externalUserId, open_kfid: thread.openKfId };
    const parts = kfReplyParts(message);
    // What the outbound row records: the first part as sent (a sandbox's reply reads as a live one) and every part's kind.
    const request = { ...base, msgid: kfSendId(messageId, 0), ...(parts[0] ? partRecord(parts[0]) : {}), parts: parts.map((p) => p.msgtype) };
    const taken = await takeWindowPlaces(database, { thread, messageId, count: parts.length, request, now: clock.now() });
    if (taken !== 'ok') return recordDelivery(database, messageId, { status: 'failed', error: taken === 'wecom.window_too_few' ? bothLanguagesWith(taken, { needed: parts.length }) : bothLanguages(taken) });

    if (account.sandbox) {
      await markOutbound(database, messageId, 'sandbox', null);
      return recordDelivery(database, messageId, { status: 'sent', meta: { wecom: { sandbox: true } } });
    }
    try {
      const api = wecomApi({ database, config, clock }, account.id, wecomSettingsOf(account.settings));
      const store = attachmentStoreIn(config.OPENCSM_DATA_DIR);
      for (const [index, part] of parts.entries()) {
        const msgid = kfSendId(messageId, index);
        if (part.msgtype === 'text') await api.sendKfMessage({ ...base, msgid, msgtype: 'text', text: { content: part.content } });
        else if (part.msgtype === 'link') {
          const thumb = await api.uploadMedia('image', { filename: 'link.png', contentType: 'image/png', content: linkThumbnail });
          await api.sendKfMessage({ ...base, msgid, msgtype: 'link', link: { title: part.title, desc: part.desc, url: part.url, thumb_media_id: thumb } });
        } else {
          const { stream } = await store.open(part.attachment.sha256);
          const chunks: Buffer[] = [];
          for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
          const mediaId = await api.uploadMedia(part.msgtype, { filename: part.attachment.filename, contentType: part.attachment.contentType, content: Buffer.concat(chunks) });
          await api.sendKfMessage({ ...base, msgid, msgtype: part.msgtype, [part.msgtype]: { media_id: mediaId } });
        }
      }
    } catch (error) {
      const transient = !(error instanceof WecomApiError) || error.transient;
      log.warn({ err: error, messageId, attempt: job.attempts }, 'WeCom reply not sent');
      // A session refusal (a person serves the customer in WeCom, or the session ended) says what to do instead.
      const detail = kfSessionRefusalText(error) ?? (error instanceof Error ? error.message : String(error));
      const retry = transient && job.attempts < lastAttempt;
      await markOutbound(database, messageId, retry ? 'queued' : 'failed', detail);
      if (retry) throw error;
      return recordDelivery(database, messageId, { status: 'failed', error: detail });
    }
    await markOutbound(database, messageId, 'sent', null);
    await recordDelivery(database, messageId, { status: 'sent' });
  };
}

/** A part's send_msg body without the media ids, which exist only once uploaded. */
function partRecord(part: KfReplyPart): Record<string, unknown> {
  if (part.msgtype === 'text') return { msgtype: 'text', text: { content: part.content } };
  if (part.msgtype === 'link') return { msgtype: 'link', link: { title: part.title, desc: part.desc, url: part.url } };
  return { msgtype: part.msgtype, [part.msgtype]: { filename: part.attachment.filename } };
}

/**
 * Takes `count` places in the customer's window for one send, keyed by what it carries (a ticket
 * message, or a survey whose menu it is): a retry of the same send finds its places and takes none.
 */
export async function takeWindowPlaces(
  database: Database,
  input: { thread: KfThread; messageId: string; count: number; request: Record<string, unknown>; now: Date },
): Promise<'ok' | 'wecom.window_closed' | 'wecom.window_exhausted' | 'wecom.window_too_few'> {
  const { accountId, externalUserId } = input.thread;
  const match = and(eq(wecomKfCustomers.accountId, accountId), eq(wecomKfCustomers.externalUserId, externalUserId));
  return database.transaction(async (tx) => {
    const [customer] = await tx.select().from(wecomKfCustomers).where(match).for('update');
    const [already] = await tx.select({ status: wecomOutbound.status }).from(wecomOutbound).where(eq(wecomOutbound.ticketMessageId, input.messageId));
    if (already) return 'ok'; // a retry of a reply that has its places
    const state = kfWindowState(customer ?? { lastInboundAt: null, sentInWindow: 0 }, input.now);
    if (!state.open) return state.reason;
    if (state.remaining < input.count) return 'wecom.window_too_few';
    await tx.update(wecomKfCustomers).set({ sentInWindow: sql`${wecomKfCustomers.sentInWindow} + ${input.count}` }).where(match);
    await tx.insert(wecomOutbound).values({ ticketMessageId: input.messageId, accountId, externalUserId, status: 'queued', request: input.request, createdAt: input.now });
    return 'ok';
  });
}

export async function markOutbound(database: Database, messageId: string, status: 'sent' | 'sandbox' | 'queued' | 'failed', error: string | null): Promise<void> {
  await database.transaction((tx) =>
    tx
      .update(wecomOutbound)
      .set({ status, error: error?.slice(0, 1000) ?? null, ...(status === 'sent' || status === 'sandbox' ? { sentAt: new Date() } : {}) })
      .where(eq(wecomOutbound.ticketMessageId, messageId)),
  );
}
