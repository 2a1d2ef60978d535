import { and, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Clock } from '../../app/clock.js';
import type { Config } from '../../app/config.js';
import { translate } from '../../app/i18n/catalogue.js';
import type { Database } from '../../db/database.js';
import type { ReadModels } from '../../app/read-models.js';
import type { JobContext } from '../../jobs/registry.js';
import { channelSecrets, clip, loadChannelAccount, staffLinkOf, staffNotificationTriggers, ticketLink, type StaffNotice } from '../channels/index.js';
import { findTicketBrief } from '../tickets/index.js';
import { DingtalkApiError, dingtalkApi } from './dingtalk-api.js';
import { dingtalkSettingsOf } from './dingtalk-settings.js';
import { dingtalkStaffNotifications } from './schema.js';

export const workNoticeJob = 'dingtalk.notify_staff';
const lastAttempt = 8;

/**
 * A ticket notification to a staff member as a DingTalk work notification (工作通知, asyncsend_v2
 * with the old-style token): an action card whose button opens the ticket in the console (a text
 * when no public URL is configured). The member is the user's DingTalk userid from the channel
 * platform's staff links (kind `dingtalk`); no link or no AgentId, no message. One row per (event,
 * user) makes a retried job send nothing twice; a sandbox account records the card instead.
 */
export async function sendWorkNotice(deps: { database: Database; config: Config; clock: Clock }, job: JobContext['job'], notice: StaffNotice): Promise<void> {
  const { database, config, clock } = deps;
  const link = await staffLinkOf(database.db, 'dingtalk', notice.userId);
  if (!link) return;
  const account = await loadChannelAccount(database.db, channelSecrets(config), link.accountId);
  if (!account?.enabled) return;
  const settings = dingtalkSettingsOf(account.settings);
  if (settings.agentId === undefined) return;
  const brief = await findTicketBrief(database.db, notice.ticketId, notice.messageId);
  if (!brief) return;

  const title = `${translate('zh-CN', `dingtalk.notify.${notice.reason}`)} · #${brief.number}`;
  const url = ticketLink(config, brief.id);
  const when = clock.now().toLocaleString('zh-CN', { timeZone: config.OPENCSM_TIMEZONE, hour12: false });
  const quote = brief.messageBody ? `\n\n> ${clip(brief.messageBody, 80)}` : '';
  const msg = url
    ? { msgtype: 'action_card', action_card: { title: clip(title, 60), markdown: `#### ${clip(title, 60)}\n${clip(brief.subject, 80)}${quote}\n\n${when}`, single_title: translate('zh-CN', 'dingtalk.notify.open'), single_url: url } }
    : { msgtype: 'text', text: { content: `${title}\n${clip(brief.subject, 80)}${brief.messageBody ? `\n${clip(brief.messageBody, 80)}` : ''}` } };
  const request = { userid_list: link.externalUserId, msg };

  const row = await database.transaction(async (tx) => {
    await tx
      .insert(dingtalkStaffNotifications)
      .values({ id: uuidv7(), eventId: notice.eventId, userId: notice.userId, accountId: account.id, reason: notice.reason, ticketId: brief.id, status: 'queued', request, createdAt: clock.now() })
      .onConflictDoNothing();
    const [found] = await tx.select().from(dingtalkStaffNotifications).where(and(eq(dingtalkStaffNotifications.eventId, notice.eventId), eq(dingtalkStaffNotifications.userId, notice.userId)));
    return found!;
  });
  if (row.status !== 'queued') return;
  const mark = async (status: 'sent' | 'sandbox' | 'failed', facts: { error?: string; taskId?: string } = {}): Promise<void> => {
    await database.transaction((tx) =>
      tx
        .update(dingtalkStaffNotifications)
        .set({ status, error: facts.error?.slice(0, 1000) ?? null, taskId: facts.taskId ?? null, ...(status !== 'failed' && { sentAt: clock.now() }) })
        .where(eq(dingtalkStaffNotifications.id, row.id)),
    );
  };
  if (account.sandbox) return mark('sandbox');
  let taskId: string;
  try {
    taskId = await dingtalkApi(deps, account.id, settings).sendWorkNotice(row.request);
  } catch (error) {
    const transient = !(error instanceof DingtalkApiError) || error.transient;
    if (transient && job.attempts < lastAttempt) throw error;
    return mark('failed', { error: error instanceof Error ? error.message : String(error) });
  }
  await mark('sent', { taskId });
}

/** Who is told about which event is the channel platform's (shared with WeCom); DingTalk sends work notifications. */
export function workNoticeHandlers(config: Config, clock: Clock, readModels: ReadModels) {
  // The user's notification preferences (kinds × channels, quiet hours) decide, when installed.
  const wanted = (database: Database, notice: StaffNotice) => readModels.get('staffNoticePreferences')?.(database.db, { ...notice, channel: 'dingtalk' }, clock.now()) ?? Promise.resolve(true);
  return staffNotificationTriggers((database, job, notice) => sendWorkNotice({ database, config, clock }, job, notice), wanted);
}
