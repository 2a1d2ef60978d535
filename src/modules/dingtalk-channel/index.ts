/**
 * DingTalk (钉钉) channel: robot messages in (HTTP callback, signed) and replies out (session
 * webhook, else the robot API), work notifications (工作通知) to staff, and teams' custom group
 * robots (加签, 20 a minute with a digest), on the channel registry (kind `dingtalk`).
 */
import type { ChannelAdapter } from '../../app/channel-registry.js';
import type { AppContext, AppModule } from '../../app/context.js';
import { writeRulesOf } from '../../app/write-rules.js';
import { teamRobotTriggers } from '../channels/index.js';
import { slaBreached, slaWarning } from '../sla/index.js';
import { isCustomerMessage, isReplyToDeliver, ticketCreated, ticketMessageAdded, ticketUpdated } from '../tickets/index.js';
import { registerDingtalkAdminRoutes } from './admin-routes.js';
import { deliverDingtalkHandler, deliverDingtalkJob, dingtalkReplyProbe } from './deliver-reply.js';
import { DingtalkApiError, dingtalkApi } from './dingtalk-api.js';
import { dingtalkSecretFields, dingtalkSettingsOf, dingtalkSettingsSchema } from './dingtalk-settings.js';
import { processRobotMessageHandler } from './process-robot-message.js';
import { answerDingtalkCallback, processRobotMessageJob } from './robot-callback.js';
import { dingtalkTeamRobot, teamRobotNotifyJob } from './team-robot-notifications.js';
import { teamRobotDigestJob } from './team-robots.js';
import { workNoticeHandlers, workNoticeJob } from './work-notifications.js';

export { robotSignature, robotWebhookSign, signedRobotWebhookUrl, verifyRobotCallback, robotTimestampToleranceMs, type CallbackVerdict } from './robot-signature.js';
export {
  robotText,
  robotMarkdown,
  robotActionCard,
  robotMessageTitle,
  type RobotMessage,
  type RobotMentions,
  type RobotActionButton,
} from './robot-messages.js';
export { RobotSendLimiter, dingTalkRobotLimits, robotDigest, type RobotLimitOptions, type RobotOfferDecision } from './robot-send-limiter.js';
export { sendRobotMessage, robotTooFastErrcode, type RobotWebhook, type RobotSendResult } from './robot-webhook-client.js';
export { startFakeDingtalkServer, type FakeDingtalkServer } from './fake-dingtalk-server.js';
/** Its audit events, for subscribers. */
export * from './events.js';

/** The DingTalk adapter (kind `dingtalk`): the robot's HTTP callback carries the message and a session webhook for the reply. */
export function dingtalkAdapter(context: AppContext): ChannelAdapter {
  return {
    kind: 'dingtalk',
    labels: { 'zh-CN': '钉钉', en: 'DingTalk' },
    deliversReplies: true,
    identityKinds: ['dingtalk_userid'],
    settings: dingtalkSettingsSchema,
    secretFields: dingtalkSecretFields,
    // No reply window: the robot API reaches a conversation at any time (the session webhook is a faster way while it lasts).
    limits: {},
    callback: (database, account, request) => answerDingtalkCallback(database, context.clock, account, request),
    async testConnection(database, account) {
      try {
        await dingtalkApi({ database, config: context.config, clock: context.clock }, account.id, dingtalkSettingsOf(account.settings)).checkCredentials();
        return { ok: true };
      } catch (error) {
        if (error instanceof DingtalkApiError) return { ok: false, reason: 'channel.credentials_refused', detail: `${error.code} ${error.detail}` };
        return { ok: false, reason: 'channel.unreachable', detail: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}

export const dingtalkChannelModule: AppModule = {
  name: 'dingtalk-channel',
  registerJobs(context) {
    const { jobs, config, clock, channels, replyChannels, readModels } = context;
    channels.register(dingtalkAdapter(context));
    replyChannels.register('dingtalk', dingtalkReplyProbe(config, clock));
    jobs.handle(processRobotMessageJob, processRobotMessageHandler(config, clock, writeRulesOf(context)));
    jobs.subscribe(ticketMessageAdded, deliverDingtalkJob, deliverDingtalkHandler(config, clock), { when: isReplyToDeliver('dingtalk') });
    // Staff in DingTalk (工作通知): assignment, a customer's reply, an SLA warning.
    const staff = workNoticeHandlers(config, clock, readModels);
    jobs.subscribe(ticketCreated, workNoticeJob, staff.created);
    jobs.subscribe(ticketUpdated, workNoticeJob, staff.updated);
    jobs.subscribe(ticketMessageAdded, workNoticeJob, staff.messageAdded, { when: isCustomerMessage });
    jobs.subscribe(slaWarning, workNoticeJob, staff.warning);
    // Teams' custom robots: new tickets and SLA firings, 20 a minute, the rest in a digest.
    const robots = teamRobotTriggers(dingtalkTeamRobot, config, clock);
    jobs.subscribe(ticketCreated, teamRobotNotifyJob, robots.created);
    jobs.subscribe(slaWarning, teamRobotNotifyJob, robots.warning);
    jobs.subscribe(slaBreached, teamRobotNotifyJob, robots.breached);
    jobs.handle(teamRobotDigestJob, robots.digest);
  },
  registerRoutes(app, context) {
    registerDingtalkAdminRoutes(app, context);
  },
};
