import type { Config } from '../../app/config.js';
import type { StaffNoticePreferences, StaffReason } from '../channels/index.js';
import { preferencesOf } from './deliver-notifications.js';
import type { NotificationKind } from './notification-kinds.js';
import { wantsChannel } from './preference-model.js';
import { inQuietHours } from './quiet-hours.js';

const kindOfReason: Record<StaffReason, NotificationKind> = { assigned: 'ticket_assigned', customer_reply: 'customer_replied', sla_warning: 'sla_warning' };

/**
 * The read model the chat channels ask before sending a ticket notice to a user's WeCom or DingTalk
 * app (their existing staff notifications, not a second path): the user's switch for the kind and
 * that channel, and not during their quiet hours — a chat message cannot wait like an email, so it
 * is left out then; the in-app centre has the notification.
 */
export function staffNoticePreferences(config: Pick<Config, 'OPENCSM_TIMEZONE'>): StaffNoticePreferences {
  return async (db, notice, at) => {
    if (notice.channel !== 'wecom' && notice.channel !== 'dingtalk') return true;
    const preferences = (await preferencesOf(db, [notice.userId], config.OPENCSM_TIMEZONE)).get(notice.userId)!;
    return wantsChannel(preferences, kindOfReason[notice.reason], notice.channel) && !inQuietHours(at, preferences.quietHours, preferences.timeZone);
  };
}
