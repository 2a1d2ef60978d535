import { and, eq, sql } from 'drizzle-orm';
import type { Clock } from '../../app/clock.js';
import type { Config } from '../../app/config.js';
import { translate } from '../../app/i18n/catalogue.js';
import type { Database } from '../../db/database.js';
import type { EventHandler } from '../../jobs/registry.js';
import type { EnvelopeOf } from '../../jobs/event-definition.js';
import { channelSecrets, loadChannelAccount } from '../channels/index.js';
import { attachmentStoreIn, getDeliverableMessage, isReplyToDeliver, recordDelivery, type ticketMessageAdded } from '../tickets/index.js';
import { windowState } from './reply-window.js';
import { wechatFollowers, wechatOutbound } from './schema.js';
import { ticketThread } from './ticket-threads.js';
import { WechatApiError, wechatApi } from './wechat-api.js';
import { portalTicketLink } from './portal-link.js';
import { wechatSettingsOf } from './wechat-settings.js';

export const deliverWechatJob = 'wechat.deliver';
/** The queue's default attempts for event subscribers; the last one reports the failure. */
const lastAttempt = 8;
/** The vendor's own word that the window is shut: 45015 out of time, 45047 out of count. */
export const windowErrors: Record<number, string> = { 45015: 'wechat.window_closed', 45047: 'wechat.window_exhausted' };

/**
 * What a reply `event` asks WeChat to deliver by `way` (the chat itself, or the reply template):
 * the message, its follower's thread and the account. Null when there is nothing to send (not this
 * way, gone, or sent already) or when it cannot go — no follower, a disabled account —, which is
 * then recorded on the timeline as failed.
 */
export async function wechatDeliveryOf(database: Database, config: Config, event: EnvelopeOf<typeof ticketMessageAdded>, way: string) {
  if (!isReplyToDeliver(way)(event)) return null;
  const messageId = event.payload.messageId;
  const message = await getDeliverableMessage(database.db, messageId);
  if (!message || message.deliveryStatus === 'sent') return null;
  const thread = await ticketThread(database.db, message.ticketId);
  const account = thread ? await loadChannelAccount(database.db, channelSecrets(config), thread.accountId) : null;
  if (!thread || !account?.enabled) {
    await recordDelivery(database, messageId, { status: 'failed', error: bothLanguages(thread ? 'wechat.account_disabled' : 'wechat.no_follower') });
    return null;
  }
  return { messageId, message, thread, account };
}

const bothLanguages = (key: string, detail?: string) => `${translate('zh-CN', key)} / ${translate('en', key)}${detail ? ` (${detail})` : ''}`;

/**
 * Sends an agent's public reply on a WeChat ticket through the customer-service message API
 * (text, then each image uploaded as media; other files are named in the text with the portal link
 * to fetch them, withFileNotice). A place in the follower's window (48 h, 5 messages)
 * is taken once per reply under the follower's row lock, so two replies racing cannot both take
 * the last one and a retried job does not count twice. Vendor 5xx and network errors retry with
 * the queue's backoff; the last attempt, a refusal or a shut window end as `failed` with the
 * reason on the timeline. A sandbox account records the delivery instead of sending it.
 */
export function deliverWechatHandler(config: Config, clock: Clock): EventHandler<typeof ticketMessageAdded> {
  return async (event, { database, log, job }) => {
    const delivery = await wechatDeliveryOf(database, config, event, 'wechat');
    if (!delivery) return;
    const { messageId, message, thread, account } = delivery;

    const images = message.attachments.filter((a) => a.contentType.startsWith('image/'));
    // The customer-service API sends no files: the text says which ones wait on the portal, and where.
    const files = message.attachments.filter((a) => !a.contentType.startsWith('image/')).map((a) => a.filename);
    const request = { touser: thread.openid, msgtype: 'text', text: { content: withFileNotice(message.body, files, portalTicketLink(config, message.ticketId)) } };
    const taken = await takeWindowPlace(database, { ...thread, messageId, count: 1 + images.length, request, now: clock.now() });
    if (taken !== 'ok') return recordDelivery(database, messageId, { status: 'failed', error: bothLanguages(taken) });

    if (account.sandbox) {
      await markOutbound(database, messageId, 'sandbox', null);
      return recordDelivery(database, messageId, { status: 'sent', meta: { wechat: { sandbox: true } } });
    }
    try {
      const api = wechatApi({ database, config, clock }, account.id, wechatSettingsOf(account.settings));
      await api.sendCustomMessage(request);
      const store = attachmentStoreIn(config.OPENCSM_DATA_DIR);
      for (const image of images) {
        const { stream } = await store.open(image.sha256);
        const chunks: Buffer[] = [];
        for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
        const mediaId = await api.uploadMedia('image', { filename: image.filename, contentType: image.contentType, content: Buffer.concat(chunks) });
        await api.sendCustomMessage({ touser: thread.openid, msgtype: 'image', image: { media_id: mediaId } });
      }
    } catch (error) {
      const transient = !(error instanceof WechatApiError) || error.transient;
      log.warn({ err: error, messageId, attempt: job.attempts }, 'WeChat reply not sent');
      const detail = error instanceof Error ? error.message : String(error);
      await markOutbound(database, messageId, transient && job.attempts < lastAttempt ? 'queued' : 'failed', detail);
      if (transient && job.attempts < lastAttempt) throw error;
      const windowKey = error instanceof WechatApiError ? windowErrors[error.errcode] : undefined;
      return recordDelivery(database, messageId, { status: 'failed', error: windowKey ? bothLanguages(windowKey, detail) : detail });
    }
    await markOutbound(database, messageId, 'sent', null);
    await recordDelivery(database, messageId, { status: 'sent', ...(files.length ? { meta: { wechat: { filesOnPortal: files } } } : {}) });
  };
}

/**
 * The reply's text with a line per file WeChat cannot carry (customer-service messages have no
 * file type): its name and the ticket's portal page, where the customer downloads it after signing
 * in; without OPENCSM_PUBLIC_URL the line says to open the portal. Chinese, like the other texts a
 * follower gets (a follower has no language of their own).
 */
export function withFileNotice(body: string, files: readonly string[], portalLink: string | null): string {
  if (files.length === 0) return body;
  const names = files.map((name) => `「${name}」`).join('、');
  const line = portalLink ? translate('zh-CN', 'wechat.files_on_portal', { names, link: portalLink }) : translate('zh-CN', 'wechat.files_on_portal_unlinked', { names });
  return `${body}\n\n${line}`;
}

/**
 * Takes `count` places in the follower's window for one send, keyed by what it carries (a ticket
 * message, or a survey whose menu it is): a retry of the same send finds its place and takes none.
 */
export async function takeWindowPlace(
  database: Database,
  input: { accountId: string; openid: string; messageId: string; count: number; request: Record<string, unknown>; now: Date },
): Promise<'ok' | 'wechat.window_closed' | 'wechat.window_exhausted'> {
  return database.transaction(async (tx) => {
    const [follower] = await tx.select().from(wechatFollowers).where(and(eq(wechatFollowers.accountId, input.accountId), eq(wechatFollowers.openid, input.openid))).for('update');
    const [already] = await tx.select({ status: wechatOutbound.status }).from(wechatOutbound).where(eq(wechatOutbound.ticketMessageId, input.messageId));
    if (already) return 'ok'; // a retry of a reply that has its place
    const state = windowState(follower ?? { lastInboundAt: null, sentInWindow: 0 }, input.now);
    if (!state.open) return state.reason;
    if (state.remaining < input.count) return 'wechat.window_exhausted';
    await tx
      .update(wechatFollowers)
      .set({ sentInWindow: sql`${wechatFollowers.sentInWindow} + ${input.count}` })
      .where(and(eq(wechatFollowers.accountId, input.accountId), eq(wechatFollowers.openid, input.openid)));
    await tx.insert(wechatOutbound).values({ ticketMessageId: input.messageId, accountId: input.accountId, openid: input.openid, status: 'queued', request: input.request, createdAt: input.now });
    return 'ok';
  });
}

export async function markOutbound(database: Database, messageId: string, status: 'sent' | 'sandbox' | 'queued' | 'failed', error: string | null): Promise<void> {
  await database.transaction((tx) =>
    tx
      .update(wechatOutbound)
      .set({ status, error: error?.slice(0, 1000) ?? null, ...(status === 'sent' || status === 'sandbox' ? { sentAt: new Date() } : {}) })
      .where(eq(wechatOutbound.ticketMessageId, messageId)),
  );
}
