/**
 * Notifications (通知): the in-app notification centre per user (live over the stream), who hears
 * about which ticket and SLA event, each user's preferences (kinds × channels, quiet hours, the
 * daily digest), email through the system mailer, and `notifyStaff` for rules and processes.
 */
import type { AppContext, AppModule } from '../../app/context.js';
import { createSystemMailer } from '../../app/system-mailer.js';
import { slaBreached, slaWarning } from '../sla/index.js';
import { ticketCreated } from '../tickets/index.js';
import { teamRobotTriggers } from '../channels/index.js';
import { feishuTeamRobot } from './feishu-robot-channel.js';
import { FeishuRobotTeams } from './feishu-robot-teams.js';
import { feishuDigestJobType } from './feishu-robots.js';
import { registerFeishuRobotRoutes } from './feishu-routes.js';
import { staffNoticePreferences } from './chat-notice-preferences.js';
import { dueDigests, notificationDigestJob, sendDigest } from './digest.js';
import { dueNotificationWork } from './due-rows.js';
import { dueNotificationEmails, notificationEmailJob, sendNotificationEmail } from './email-delivery.js';
import { registerNotificationRoutes } from './routes.js';
import { handleTicketEventsForNotifications, notificationTicketEventJob, notificationTriggerReaders } from './ticket-triggers.js';

/** Its domain events; `notificationInboxAggregate` is what the live stream hands to the recipient only. */
export * from './events.js';
export { notifyStaff, type NotifyStaffInput } from './notify-staff.js';
export { feishuRobotSign, signedFeishuBody } from './feishu-signature.js';
export { notificationKinds, notificationChannels, type NotificationKind, type NotificationChannel, type NotificationMessage, type NotificationEmailLinks } from './notification-kinds.js';

const feishuNotifyJob = 'notifications.feishu_notify';

/** Each app's cache of the teams with a Feishu robot, shared by its jobs and routes: keyed by the app's context (a WeakMap, like forms' registry cache), so apps booted in one process never share one. */
const robotTeamsOf = new WeakMap<AppContext, FeishuRobotTeams>();
function robotTeams(context: AppContext): FeishuRobotTeams {
  let teams = robotTeamsOf.get(context);
  if (!teams) robotTeamsOf.set(context, (teams = new FeishuRobotTeams(context.database.db)));
  return teams;
}

export const notificationsModule: AppModule = {
  name: 'notifications',
  registerJobs(context) {
    const { jobs, clock, config, log, readModels } = context;
    const mailer = createSystemMailer(config, log.child({ component: 'notifications' }));
    // One batch job over the ticket and SLA events someone is to hear about (the readers' `when`).
    jobs.subscribeEventBatch(notificationTicketEventJob, notificationTriggerReaders, handleTicketEventsForNotifications(clock, config.OPENCSM_TIMEZONE));
    jobs.pollDueRows('notifications.due', dueNotificationWork(clock, { emails: dueNotificationEmails(clock), digests: dueDigests(clock, config) }));
    jobs.handle(notificationEmailJob, sendNotificationEmail(mailer, config, readModels));
    jobs.handle(notificationDigestJob, sendDigest(mailer, config));
    // WeCom's and DingTalk's staff notices ask the user's preferences through this read model.
    readModels.provide('staffNoticePreferences', staffNoticePreferences(config));
    // Teams' Feishu robots on the platform's team notifications: only a team with a robot makes a job.
    const feishu = teamRobotTriggers(feishuTeamRobot, config, clock);
    const teams = robotTeams(context);
    const hasRobot = (event: { payload: { teamId?: string | null } }) => Boolean(event.payload.teamId) && teams.wants(event.payload.teamId!);
    jobs.subscribe(ticketCreated, feishuNotifyJob, feishu.created, { when: hasRobot });
    jobs.subscribe(slaWarning, feishuNotifyJob, feishu.warning, { when: hasRobot });
    jobs.subscribe(slaBreached, feishuNotifyJob, feishu.breached, { when: hasRobot });
    jobs.handle(feishuDigestJobType, feishu.digest);
  },
  registerRoutes(app, context) {
    registerNotificationRoutes(app, context);
    registerFeishuRobotRoutes(app, context, robotTeams(context));
  },
};
