import { and, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Clock } from '../../app/clock.js';
import type { Config } from '../../app/config.js';
import { translate } from '../../app/i18n/catalogue.js';
import type { Database } from '../../db/database.js';
import type { ReadModels } from '../../app/read-models.js';
import type { JobContext } from '../../jobs/registry.js';
import { channelSecrets, loadChannelAccount, staffNotificationTriggers, type StaffNotice, type StaffReason } from '../channels/index.js';
import { findTicketBrief } from '../tickets/index.js';
import { wecomStaffNotifications } from './schema.js';
import { staffLinkOf } from './staff-links.js';
import { clip, escapeCardText, ticketLink } from './ticket-links.js';
import { WecomApiError, wecomApi } from './wecom-api.js';
import { wecomSettingsOf } from './wecom-settings.js';

export const staffNotifyJob = 'wecom.notify_staff';
const lastAttempt = 8;

export type { StaffReason };

/**
 * Ticket notifications to staff in WeCom through the self-built app (message/send): a `textcard`
 * whose button opens the ticket in the console (a `text` when no public URL is configured). The
 * staff member is the user's linked WeCom member; no link, no message. One row per (event, user)
 * makes a retried job send nothing twice; a sandbox account records the card instead of sending it.
 * Later notification kinds plug in by calling `notifyStaff` from their own subscription.
 */
export async function notifyStaff(
  deps: { database: Database; config: Config; clock: Clock },
  job: JobContext['job'],
  input: { eventId: number; userId: string; reason: StaffReason; ticketId: string; messageId?: string },
): Promise<void> {
  const { database, config, clock } = deps;
  const link = await staffLinkOf(database.db, input.userId);
  if (!link) return;
  const account = await loadChannelAccount(database.db, channelSecrets(config), link.accountId);
  if (!account?.enabled) return;
  const settings = wecomSettingsOf(account.settings);
  if (settings.agentId === undefined) return;
  const brief = await findTicketBrief(database.db, input.ticketId, input.messageId);
  if (!brief) return;

  const title = `${translate('zh-CN', `wecom.notify.${input.reason}`)} · #${brief.number}`;
  const url = ticketLink(config, brief.id);
  const when = clock.now().toLocaleString('zh-CN', { timeZone: config.OPENCSM_TIMEZONE, hour12: false });
  const detail = brief.messageBody ? `<div class="highlight">${escapeCardText(clip(brief.messageBody, 60))}</div>` : '';
  const request = url
    ? { touser: link.wecomUserId, msgtype: 'textcard', agentid: settings.agentId, // WeCom's limits are 128 bytes of title and 512 of description: ~3 bytes a Chinese character.
        textcard: { title: clip(title, 40), description: `<div class="gray">${when}</div><div class="normal">${escapeCardText(clip(brief.subject, 50))}</div>${detail}`, url, btntxt: translate('zh-CN', 'wecom.notify.open') } }
    : { touser: link.wecomUserId, msgtype: 'text', agentid: settings.agentId, text: { content: `${title}\n${clip(brief.subject, 60)}${brief.messageBody ? `\n${clip(brief.messageBody, 80)}` : ''}` } };

  const row = await database.transaction(async (tx) => {
    await tx
      .insert(wecomStaffNotifications)
      .values({ id: uuidv7(), eventId: input.eventId, userId: input.userId, accountId: account.id, reason: input.reason, ticketId: brief.id, status: 'queued', request, createdAt: clock.now() })
      .onConflictDoNothing();
    const [found] = await tx.select().from(wecomStaffNotifications).where(and(eq(wecomStaffNotifications.eventId, input.eventId), eq(wecomStaffNotifications.userId, input.userId)));
    return found!;
  });
  if (row.status !== 'queued') return;
  const mark = async (status: 'sent' | 'sandbox' | 'failed', error: string | null): Promise<void> => {
    await database.transaction((tx) => tx.update(wecomStaffNotifications).set({ status, error: error?.slice(0, 1000) ?? null, ...(status !== 'failed' && { sentAt: clock.now() }) }).where(eq(wecomStaffNotifications.id, row.id)));
  };
  if (account.sandbox) return mark('sandbox', null);
  try {
    await wecomApi(deps, account.id, settings).sendAppMessage(row.request);
  } catch (error) {
    const transient = !(error instanceof WecomApiError) || error.transient;
    if (transient && job.attempts < lastAttempt) throw error;
    return mark('failed', error instanceof Error ? error.message : String(error));
  }
  await mark('sent', null);
}

/** Who to tell about which event is the channel platform's (shared with DingTalk's 工作通知); WeCom says how. */
export function staffNotificationHandlers(config: Config, clock: Clock, readModels: ReadModels) {
  // The user's notification preferences (kinds × channels, quiet hours) decide, when installed.
  const wanted = (database: Database, notice: StaffNotice) => readModels.get('staffNoticePreferences')?.(database.db, { ...notice, channel: 'wecom' }, clock.now()) ?? Promise.resolve(true);
  return staffNotificationTriggers((database, job, notice) => notifyStaff({ database, config, clock }, job, notice), wanted);
}
