/** Public surface of the WeCom channel (企业微信): 微信客服 on the channel registry, notifications to staff (self-built app) and team group robots. */
import { writeRulesOf } from '../../app/write-rules.js';
import type { ChannelAdapter } from '../../app/channel-registry.js';
import type { AppContext, AppModule } from '../../app/context.js';
import { channelAccountState, hasEnabledChannelAccount, teamRobotTriggers } from '../channels/index.js';
import { slaBreached, slaWarning } from '../sla/index.js';
import { isCustomerMessage, isReplyToDeliver, ticketCreated, ticketMessageAdded, ticketUpdated } from '../tickets/index.js';
import { registerWecomAdminRoutes } from './admin-routes.js';
import { deliverWecomHandler, deliverWecomJob } from './deliver-reply.js';
import { kfProcessJob, kfSyncHandler } from './kf-sync.js';
import { processKfMessageHandler } from './process-kf-message.js';
import { robotDigestJob } from './robot-allowance.js';
import { robotNotifyJob, wecomTeamRobot } from './robot-notifications.js';
import { staffNotificationHandlers, staffNotifyJob } from './staff-notifications.js';
import { wecomSurveySender } from './survey-menu.js';
import { messagesPerWindow, replyWindowHours, wecomReplyProbe } from './reply-window.js';
import { WecomApiError, wecomApi } from './wecom-api.js';
import { answerWecomCallback, kfSyncJob } from './wecom-callback.js';
import { wecomSecretFields, wecomSettingsOf, wecomSettingsSchema } from './wecom-settings.js';

export { startFakeWecomServer, type FakeWecomServer } from './fake-wecom-server.js';
/** Its audit events, for subscribers. */
export * from './events.js';
export { notifyStaff, type StaffReason } from './staff-notifications.js';
/** Past conversations (the demo data set): a message's text and facts, and the channel's state after them. */
export { pastKfMessage, recordPastKfConversation, type PastKfConversation, type PastKfMessage } from './past-conversations.js';

/** The WeCom adapter (kind `wecom`): the 微信客服 callback carries a token only; messages are pulled with sync_msg. */
export function wecomAdapter(context: AppContext): ChannelAdapter {
  return {
    kind: 'wecom',
    labels: { 'zh-CN': '企业微信', en: 'WeCom' },
    deliversReplies: true,
    identityKinds: ['wecom_external_userid'],
    settings: wecomSettingsSchema,
    secretFields: wecomSecretFields,
    limits: { replyWindowHours, messagesPerWindow },
    callback: (database, account, request) => answerWecomCallback(database, context.clock, account, request),
    async testConnection(database, account) {
      const settings = wecomSettingsOf(account.settings);
      try {
        const api = wecomApi({ database, config: context.config, clock: context.clock }, account.id, settings);
        await api.checkCredentials('kf');
        if (settings.agentSecret) await api.checkCredentials('app');
        return { ok: true };
      } catch (error) {
        if (error instanceof WecomApiError) return { ok: false, reason: 'channel.credentials_refused', detail: `${error.errcode} ${error.errmsg}` };
        return { ok: false, reason: 'channel.unreachable', detail: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}

export const wecomChannelModule: AppModule = {
  name: 'wecom-channel',
  registerJobs(context) {
    const { jobs, config, clock, channels, replyChannels, surveyChannels, readModels } = context;
    channels.register(wecomAdapter(context));
    replyChannels.register('wecom', wecomReplyProbe(clock, channelAccountState, hasEnabledChannelAccount));
    surveyChannels.register('wecom', wecomSurveySender(config, clock));
    jobs.handle(kfSyncJob, kfSyncHandler(config, clock));
    jobs.handle(kfProcessJob, processKfMessageHandler(config, clock, writeRulesOf(context)));
    jobs.subscribe(ticketMessageAdded, deliverWecomJob, deliverWecomHandler(config, clock), { when: isReplyToDeliver('wecom') });
    // Staff in WeCom (the self-built app): assignment, a customer's reply, an SLA warning.
    const staff = staffNotificationHandlers(config, clock, readModels);
    jobs.subscribe(ticketCreated, staffNotifyJob, staff.created);
    jobs.subscribe(ticketUpdated, staffNotifyJob, staff.updated);
    jobs.subscribe(ticketMessageAdded, staffNotifyJob, staff.messageAdded, { when: isCustomerMessage });
    jobs.subscribe(slaWarning, staffNotifyJob, staff.warning);
    // Teams' group robots: new tickets and SLA firings, 20 a minute, the rest in a digest.
    const robots = teamRobotTriggers(wecomTeamRobot, config, clock);
    jobs.subscribe(ticketCreated, robotNotifyJob, robots.created);
    jobs.subscribe(slaWarning, robotNotifyJob, robots.warning);
    jobs.subscribe(slaBreached, robotNotifyJob, robots.breached);
    jobs.handle(robotDigestJob, robots.digest);
  },
  registerRoutes(app, context) {
    registerWecomAdminRoutes(app, context);
  },
};
