import { eq, sql } from 'drizzle-orm';
import type { Clock } from '../../app/clock.js';
import type { Config } from '../../app/config.js';
import { translate } from '../../app/i18n/catalogue.js';
import type { ReplyChannelProbe } from '../../app/reply-channels.js';
import type { Database } from '../../db/database.js';
import type { EventHandler } from '../../jobs/registry.js';
import { channelAccountState, channelSecrets, hasEnabledChannelAccount, loadChannelAccount } from '../channels/index.js';
import { attachmentStoreIn, getDeliverableMessage, isReplyToDeliver, recordDelivery, type DeliverableMessage, type ticketMessageAdded } from '../tickets/index.js';
import { DingtalkApiError, dingtalkApi, postToWebhook } from './dingtalk-api.js';
import { dingtalkSettingsOf, type DingtalkSettings } from './dingtalk-settings.js';
import { robotThreadOf, sessionWebhookValid, type RobotThread } from './robot-threads.js';
import { dingtalkOutbound } from './schema.js';

export const deliverDingtalkJob = 'dingtalk.deliver';
/** The queue's default attempts for event subscribers; the last one reports the failure. */
const lastAttempt = 8;

export type ReplyRoute = 'session_webhook' | 'robot_single' | 'robot_group';

const bothLanguages = (key: string, detail?: string) => `${translate('zh-CN', key)} / ${translate('en', key)}${detail ? ` (${detail})` : ''}`;

/** The way a reply goes now: the session webhook while valid, else the robot API for the conversation's kind (null: no way). */
export function replyRoute(thread: RobotThread, now: Date): ReplyRoute | null {
  if (sessionWebhookValid(thread, now)) return 'session_webhook';
  if (thread.conversationType === 'group') return 'robot_group';
  return thread.staffId ? 'robot_single' : null;
}

/** Whether the robot API reaches this conversation (a group, or a member of the corp in a single chat): what files need. */
export function robotApiReaches(thread: RobotThread): boolean {
  return thread.conversationType === 'group' || thread.staffId !== null;
}

/**
 * The reply's text. Files go as robot image and file messages after it when the robot API reaches
 * the conversation; otherwise (someone outside the corp, only the session webhook) they are named
 * under the text, since a text message carries no files.
 */
export function replyText(message: Pick<DeliverableMessage, 'body' | 'attachments'>, filesSeparately: boolean): string {
  const files = filesSeparately ? [] : message.attachments.map((file) => `📎 ${file.filename}`);
  return [message.body.trim(), ...files].filter(Boolean).join('\n');
}

/**
 * Whether DingTalk can carry a reply on this ticket now: it talks to a conversation of an enabled
 * account, and either the last message's session webhook is still valid or the robot API can reach
 * the conversation (a group, or a single chat with a member of the corp).
 */
export function dingtalkReplyProbe(config: Config, clock: Clock): ReplyChannelProbe {
  return async (db, target) => {
    const thread = await robotThreadOf(db, channelSecrets(config), target.ticketId);
    if (!thread) return { ready: false, reason: (await hasEnabledChannelAccount(db, 'dingtalk')) ? 'dingtalk.no_conversation' : 'reply.channel_not_configured' };
    const account = await channelAccountState(db, thread.accountId);
    if (!account?.enabled) return { ready: false, reason: 'dingtalk.account_disabled' };
    if (!replyRoute(thread, clock.now())) return { ready: false, reason: 'dingtalk.session_expired' };
    return { ready: true, to: thread.conversationType === 'group' ? thread.conversationId : thread.senderKey };
  };
}

/**
 * Sends an agent's public reply on a DingTalk ticket: through the session webhook of the
 * conversation's last message while it is valid (no token needed), else through the robot API —
 * batchSend to the sender's staff id in a single chat, groupMessages/send in a group — with the
 * new-style token from the shared cache. A session webhook DingTalk refuses (expired early) falls
 * back to the robot API in the same attempt. Files follow as robot image and file messages when
 * the robot API reaches the conversation (each part recorded once DingTalk took it, so a retry
 * sends no part twice). Vendor 5xx, throttling and network errors retry with
 * the queue's backoff; the last attempt or a refusal ends as `failed` with the reason on the
 * timeline. A sandbox account records the reply instead of sending it.
 */
export function deliverDingtalkHandler(config: Config, clock: Clock): EventHandler<typeof ticketMessageAdded> {
  return async (event, { database, log, job }) => {
    if (!isReplyToDeliver('dingtalk')(event)) return;
    const messageId = event.payload.messageId;
    const message = await getDeliverableMessage(database.db, messageId);
    if (!message || message.deliveryStatus === 'sent') return;
    const thread = await robotThreadOf(database.db, channelSecrets(config), message.ticketId);
    const account = thread ? await loadChannelAccount(database.db, channelSecrets(config), thread.accountId) : null;
    if (!thread || !account?.enabled) return recordDelivery(database, messageId, { status: 'failed', error: bothLanguages(thread ? 'dingtalk.account_disabled' : 'dingtalk.no_conversation') });

    const now = clock.now();
    const filesSeparately = message.attachments.length > 0 && robotApiReaches(thread);
    const content = replyText(message, filesSeparately);
    const route = replyRoute(thread, now);
    if (!route) return recordDelivery(database, messageId, { status: 'failed', error: bothLanguages('dingtalk.session_expired') });
    const outbound = await startOutbound(database, { messageId, accountId: account.id, route, content, now });
    if (outbound === 'done') return recordDelivery(database, messageId, { status: 'sent' });

    if (account.sandbox) {
      await markOutbound(database, messageId, { status: 'sandbox', route, error: null });
      return recordDelivery(database, messageId, { status: 'sent', meta: { dingtalk: { sandbox: true, route } } });
    }
    const deps = { database, config, clock };
    const settings = dingtalkSettingsOf(account.settings);
    let used: ReplyRoute = outbound.route ?? route;
    try {
      // Part 0 is the text, part 1 + i the i-th file; a retry goes on from the first part DingTalk has not taken.
      if (outbound.partsSent === 0) {
        used = await send(deps, account.id, settings, thread, route, content);
        await markPartSent(database, messageId, 1, used);
      }
      if (filesSeparately) {
        const files = sendFiles(deps, account.id, settings, thread, message, Math.max(outbound.partsSent, 1) - 1);
        for await (const sent of files) await markPartSent(database, messageId, sent + 2, used);
      }
    } catch (error) {
      const transient = !(error instanceof DingtalkApiError) || error.transient;
      log.warn({ err: error, messageId, attempt: job.attempts }, 'DingTalk reply not sent');
      const detail = error instanceof Error ? error.message : String(error);
      const retry = transient && job.attempts < lastAttempt;
      await markOutbound(database, messageId, { status: retry ? 'queued' : 'failed', route: used, error: detail });
      if (retry) throw error;
      return recordDelivery(database, messageId, { status: 'failed', error: detail });
    }
    await markOutbound(database, messageId, { status: 'sent', route: used, error: null });
    await recordDelivery(database, messageId, { status: 'sent', meta: { dingtalk: { route: used } } });
  };
}

/**
 * Sends the reply's files from `from` on, each uploaded (old-style media/upload) and sent through
 * the robot API as an image (sampleImageMsg, the media id as photoURL) or a file (sampleFile);
 * yields each file's index once DingTalk took it.
 */
async function* sendFiles(deps: { database: Database; config: Config; clock: Clock }, accountId: string, settings: DingtalkSettings, thread: RobotThread, message: DeliverableMessage, from: number): AsyncGenerator<number> {
  const api = dingtalkApi(deps, accountId, settings);
  const store = attachmentStoreIn(deps.config.OPENCSM_DATA_DIR);
  for (let index = from; index < message.attachments.length; index++) {
    const file = message.attachments[index]!;
    const { stream } = await store.open(file.sha256);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
    const image = file.contentType.startsWith('image/');
    const mediaId = await api.uploadMedia(image ? 'image' : 'file', { filename: file.filename, contentType: file.contentType, content: Buffer.concat(chunks) });
    const fileType = /\.([0-9a-zA-Z]{1,10})$/.exec(file.filename)?.[1]?.toLowerCase() ?? 'bin';
    const robotMessage = image ? { msgKey: 'sampleImageMsg', msgParam: { photoURL: mediaId } } : { msgKey: 'sampleFile', msgParam: { mediaId, fileName: file.filename, fileType } };
    if (thread.conversationType === 'group') await api.sendToGroup(thread.conversationId, robotMessage);
    else await api.sendToUsers([thread.staffId!], robotMessage);
    yield index;
  }
}

async function send(deps: { database: Database; config: Config; clock: Clock }, accountId: string, settings: DingtalkSettings, thread: RobotThread, route: ReplyRoute, content: string): Promise<ReplyRoute> {
  if (route === 'session_webhook') {
    try {
      await postToWebhook(deps, thread.sessionWebhook!, { msgtype: 'text', text: { content } });
      return 'session_webhook';
    } catch (error) {
      // Refused for good (the session ended early): the robot API can still reach the conversation.
      if (!(error instanceof DingtalkApiError) || error.transient) throw error;
      const fallback = replyRoute({ ...thread, sessionWebhook: null }, deps.clock.now());
      if (!fallback) throw error;
      route = fallback;
    }
  }
  const api = dingtalkApi(deps, accountId, settings);
  const message = { msgKey: 'sampleText', msgParam: { content } };
  if (route === 'robot_group') await api.sendToGroup(thread.conversationId, message);
  else await api.sendToUsers([thread.staffId!], message);
  return route;
}

/** The reply's outbound row (one per ticket message): 'done' when an earlier attempt sent or recorded it, else how far it got. */
async function startOutbound(database: Database, input: { messageId: string; accountId: string; route: ReplyRoute; content: string; now: Date }): Promise<'done' | { partsSent: number; route: ReplyRoute | null }> {
  return database.transaction(async (tx) => {
    await tx
      .insert(dingtalkOutbound)
      .values({ ticketMessageId: input.messageId, accountId: input.accountId, route: input.route, status: 'queued', request: { msgtype: 'text', text: { content: input.content } }, createdAt: input.now })
      .onConflictDoNothing();
    const [row] = await tx.select({ status: dingtalkOutbound.status, partsSent: dingtalkOutbound.partsSent, route: dingtalkOutbound.route }).from(dingtalkOutbound).where(eq(dingtalkOutbound.ticketMessageId, input.messageId)).for('update');
    if (row?.status === 'sent' || row?.status === 'sandbox') return 'done';
    await tx.update(dingtalkOutbound).set({ attempts: sql`${dingtalkOutbound.attempts} + 1` }).where(eq(dingtalkOutbound.ticketMessageId, input.messageId));
    const partsSent = row?.partsSent ?? 0;
    return { partsSent, route: partsSent > 0 ? (row!.route as ReplyRoute) : null };
  });
}

async function markPartSent(database: Database, messageId: string, partsSent: number, route: ReplyRoute): Promise<void> {
  await database.transaction((tx) => tx.update(dingtalkOutbound).set({ partsSent, route }).where(eq(dingtalkOutbound.ticketMessageId, messageId)));
}

async function markOutbound(database: Database, messageId: string, input: { status: 'sent' | 'sandbox' | 'queued' | 'failed'; route: ReplyRoute; error: string | null }): Promise<void> {
  await database.transaction((tx) =>
    tx
      .update(dingtalkOutbound)
      .set({ status: input.status, route: input.route, error: input.error?.slice(0, 1000) ?? null, ...(input.status === 'sent' || input.status === 'sandbox' ? { sentAt: new Date() } : {}) })
      .where(eq(dingtalkOutbound.ticketMessageId, messageId)),
  );
}
