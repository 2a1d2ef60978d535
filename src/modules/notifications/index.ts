/**
 * Notifications (通知): the in-app notification centre per user (live over the stream), who hears
 * about which ticket and SLA event, each user's preferences (kinds × channels, quiet hours, the
 * daily digest), email through the system mailer, and `notifyStaff` for rules and processes.
 */
import type { AppModule } from '../../app/context.js';
import { createSystemMailer } from '../../app/system-mailer.js';
import { staffNoticePreferences } from './chat-notice-preferences.js';
import { dueDigests, notificationDigestJob, sendDigest } from './digest.js';
import { dueNotificationEmails, notificationEmailJob, sendNotificationEmail } from './email-delivery.js';
import { registerNotificationRoutes } from './routes.js';
import { handleTicketEventsForNotifications, notificationTicketEventJob, notificationTriggerReaders } from './ticket-triggers.js';

/** Its domain events; `notificationInboxAggregate` is what the live stream hands to the recipient only. */
export * from './events.js';
export { notifyStaff, type NotifyStaffInput } from './notify-staff.js';
export { notificationKinds, notificationChannels, type NotificationKind, type NotificationChannel, type NotificationMessage } from './notification-kinds.js';

export const notificationsModule: AppModule = {
  name: 'notifications',
  registerJobs(context) {
    const { jobs, clock, config, log, readModels } = context;
    const mailer = createSystemMailer(config, log.child({ component: 'notifications' }));
    // One batch job over the ticket and SLA events someone is to hear about (the readers' `when`).
    jobs.subscribeEventBatch(notificationTicketEventJob, notificationTriggerReaders, handleTicketEventsForNotifications(clock, config.OPENCSM_TIMEZONE));
    jobs.pollDueRows('notifications.emails', dueNotificationEmails(clock));
    jobs.handle(notificationEmailJob, sendNotificationEmail(mailer, config));
    jobs.pollDueRows('notifications.digests', dueDigests(clock, config));
    jobs.handle(notificationDigestJob, sendDigest(mailer, config));
    // WeCom's and DingTalk's staff notices ask the user's preferences through this read model.
    readModels.provide('staffNoticePreferences', staffNoticePreferences(config));
  },
  registerRoutes(app, context) {
    registerNotificationRoutes(app, context);
  },
};
