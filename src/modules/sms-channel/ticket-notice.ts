import { z } from 'zod';
import type { ChannelRegistry } from '../../app/channel-registry.js';
import { translate } from '../../app/i18n/catalogue.js';
import type { Database, Db } from '../../db/database.js';
import { enqueueJob } from '../../jobs/queue.js';
import type { EventHandler, JobContext, JobHandler } from '../../jobs/registry.js';
import { recordAccountStatus } from '../channels/index.js';
import { getContact } from '../customers/index.js';
import { findTicketBrief, isPortalAgentReply, recordDelivery, type ticketMessageAdded } from '../tickets/index.js';
import type { DevSmsProvider } from './dev-sms-provider.js';
import { activeSmsAccount, smsProviderOf, type SmsDeps } from './sms-accounts.js';
import { SmsSendFailed } from './sms-errors.js';
import { smsReachable } from './sms-reachable.js';
import { insertSmsMessage, judgeNoticeSend, smsMessageByTicketMessage, updateSmsMessage } from './sms-sends.js';
import { noticeParams } from './sms-settings.js';

export const ticketNoticeJob = 'sms.ticket_notice';
/** A notice the per-number limit held back, due when the limit has room again. */
export const ticketNoticeLaterJob = 'sms.ticket_notice_later';
/** The queue's default attempts for event subscribers; the last one reports the failure. */
const lastAttempt = 8;

const bothLanguages = (key: string, params: Record<string, unknown> = {}) => `${translate('zh-CN', key, params)} / ${translate('en', key, params)}`;

/**
 * Job `sms.ticket_notice` on `ticket.message_added`: an agent's public reply that stays in the
 * portal, on a ticket whose requester can be reached only by mobile (a phone identity that takes
 * SMS, and no identity a delivering channel reaches: email, WeChat, WeCom, DingTalk when installed), is announced by the notification
 * template — "您的工单 #{number} 有新回复，请登录查看" with the portal link. The reply's delivery
 * state on the timeline says what became of it (sent, or failed with the reason; a vendor that is
 * down is retried with the queue's backoff and says so). At most one notice per reply; the
 * per-number limits hold a notice back until they have room (then one notice per ticket).
 */
export function ticketNoticeHandler(deps: SmsDeps, dev: DevSmsProvider | null, channels: ChannelRegistry): EventHandler<typeof ticketMessageAdded> {
  return async (event, context) => {
    const message = event.payload;
    if (!isPortalAgentReply(event)) return;
    await sendTicketNotice(deps, dev, channels, context, { ticketId: event.aggregateId, messageId: message.messageId });
  };
}

/** `reply`: the agent chose SMS as the reply's way (reply-sms.ts): any mobile of the requester, and a failure is reported. */
const laterPayload = z.object({ ticketId: z.uuid(), messageId: z.uuid(), reply: z.boolean().optional() });
export type NoticeTarget = z.infer<typeof laterPayload>;

export function ticketNoticeLaterHandler(deps: SmsDeps, dev: DevSmsProvider | null, channels: ChannelRegistry): JobHandler {
  return (payload, context) => sendTicketNotice(deps, dev, channels, context, laterPayload.parse(payload));
}

const firstMobile = (identities: Array<{ kind: string; value: string }>) => identities.find((identity) => identity.kind === 'phone' && smsReachable(identity.value))?.value ?? null;

/** The requester's mobile when nothing else reaches them: no identity by which a reply (or its email notice) goes out. */
async function mobileOnlyRequester(database: Database, channels: ChannelRegistry, requesterId: string): Promise<string | null> {
  const contact = await getContact(database.db, requesterId).catch(() => null);
  const otherWays = channels.replyIdentityKinds();
  if (!contact || contact.anonymized || contact.identities.some((identity) => otherWays.has(identity.kind))) return null;
  return firstMobile(contact.identities);
}

/** The requester's first mobile that takes SMS, whatever other ways they have (an SMS the agent chose). */
export async function reachableMobile(db: Db, requesterId: string): Promise<string | null> {
  const contact = await getContact(db, requesterId).catch(() => null);
  return contact && !contact.anonymized ? firstMobile(contact.identities) : null;
}

/**
 * Sends the notification template for one reply. A notice (portal reply, mobile-only requester)
 * that cannot go stays silent: the reply is in the portal anyway. A reply whose way is SMS
 * (`reply`) reports on its timeline why it did not go.
 */
export async function sendTicketNotice(deps: SmsDeps, dev: DevSmsProvider | null, channels: ChannelRegistry, { log, job }: JobContext, target: NoticeTarget): Promise<void> {
  const { database, config, clock } = deps;
  const ticket = await findTicketBrief(database.db, target.ticketId, target.messageId);
  if (!ticket?.requesterId || ticket.messageBody === null) return;
  const refuse = (key: string) => (target.reply ? recordDelivery(database, target.messageId, { status: 'failed', error: bothLanguages(key) }) : undefined);
  const phone = target.reply ? await reachableMobile(database.db, ticket.requesterId) : await mobileOnlyRequester(database, channels, ticket.requesterId);
  if (!phone) return refuse('sms.reply_no_mobile');
  const active = await activeSmsAccount(deps);
  // No way to send a notice (no notice template, or no account and no development provider): the reply waits in the portal.
  const sender = active ? (active.settings.notifyTemplateId ? active : null) : dev;
  if (!sender) return refuse('sms.reply_not_configured');

  const now = clock.now();
  const existing = await smsMessageByTicketMessage(database.db, target.messageId);
  if (existing && existing.status !== 'queued') return; // sent (or ended) already: a retried event
  if (!existing) {
    const held = await database.transaction(async (tx) => {
      const verdict = await judgeNoticeSend(tx, phone, now);
      if (!verdict.allowed) {
        // The queue runs jobs by the database's clock (run_at <= now()), not the injected one.
        await enqueueJob(tx, { type: ticketNoticeLaterJob, payload: target, runAt: new Date(Date.now() + verdict.retryAfterSeconds * 1000), dedupeKey: target.reply ? `sms-reply:${target.messageId}` : `sms-notice:${target.ticketId}` });
        return true;
      }
      await insertSmsMessage(tx, { id: target.messageId, purpose: 'notification', phoneE164: phone, ticketMessageId: target.messageId, accountId: active?.account.id ?? null, status: 'queued', createdAt: now });
      return false;
    });
    if (held) return log.info({ ticketId: target.ticketId }, 'SMS notice held back by the per-number limit');
  }

  const base = config.OPENCSM_PUBLIC_URL?.replace(/\/$/, '');
  if (!base) {
    await updateSmsMessage(database.db, target.messageId, { status: 'failed', error: 'sms.public_url_missing' });
    return recordDelivery(database, target.messageId, { status: 'failed', error: bothLanguages('sms.public_url_missing') });
  }
  const params = noticeParams(ticket.number, `${base}/portal/tickets/${ticket.id}`);
  const meta = (extra: Record<string, unknown>) => ({ smsNotice: { to: phone, ...extra } });

  if (!active) {
    if (!dev) return;
    await dev.sendNotification(phone, 'dev-notice', params);
    await updateSmsMessage(database.db, target.messageId, { status: 'dev', params, sentAt: now });
    return recordDelivery(database, target.messageId, { status: 'sent', meta: meta({ dev: true }) });
  }
  const templateId = active.settings.notifyTemplateId;
  if (!templateId) return;
  if (active.account.sandbox) {
    await updateSmsMessage(database.db, target.messageId, { status: 'sandbox', templateId, params, sentAt: now });
    return recordDelivery(database, target.messageId, { status: 'sent', meta: meta({ sandbox: true }) });
  }
  try {
    const receipt = await smsProviderOf(deps, active.settings).sendNotification(phone, templateId, params);
    await updateSmsMessage(database.db, target.messageId, { status: 'sent', templateId, vendorMessageId: receipt.messageId, error: null, sentAt: now });
    await recordDelivery(database, target.messageId, { status: 'sent', meta: meta({ vendor: receipt.vendor, messageId: receipt.messageId }) });
  } catch (error) {
    const failure = error instanceof SmsSendFailed ? error : null;
    const reason = failure ? bothLanguages(failure.code, failure.params) : String(error);
    const retry = (failure?.retryable ?? true) && job.attempts < lastAttempt;
    log.warn({ err: error, messageId: target.messageId, attempt: job.attempts }, 'SMS notice not sent');
    await updateSmsMessage(database.db, target.messageId, { status: retry ? 'queued' : 'failed', templateId, error: failure ? `${failure.code} ${failure.vendorCode}` : reason });
    await recordAccountStatus(database.db, active.account.id, { error: reason, at: now });
    // The timeline shows the state while retrying, and the reason; a later success replaces it.
    await recordDelivery(database, target.messageId, { status: 'failed', error: retry ? `${reason} — ${bothLanguages('sms.notice_will_retry')}` : reason });
    if (retry) throw error;
  }
}
