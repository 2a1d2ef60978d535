/**
 * SMS (短信) channel (issue 16 §5): Alibaba Cloud and Tencent Cloud SMS with their published
 * request signatures, one SMS account for the installation (kind `sms` on the channel registry),
 * sign-in codes for the portal (limits per number and per IP, sent from a job), notices of a new
 * reply and NPS survey invitations to customers reachable only by mobile, sandbox and development recording.
 */
import type { ChannelAdapter } from '../../app/channel-registry.js';
import type { AppContext, AppModule } from '../../app/context.js';
import { isPortalAgentReply, isReplyToDeliver, ticketMessageAdded } from '../tickets/index.js';
import { registerSmsAdminRoutes } from './admin-routes.js';
import { createDevSmsProvider, type DevSmsProvider } from './dev-sms-provider.js';
import { smsProviderOf } from './sms-accounts.js';
import { SmsSendFailed } from './sms-errors.js';
import { smsAccountSettingsSchema, smsSecretFields, smsSettingsOf } from './sms-settings.js';
import { signInSmsHandler, signInSmsJob } from './sign-in-sms.js';
import { smsReplyHandler, smsReplyJob, smsReplyProbe, smsReplyWay } from './reply-sms.js';
import { smsSurveySender } from './survey-sms.js';
import { ticketNoticeHandler, ticketNoticeJob, ticketNoticeLaterHandler, ticketNoticeLaterJob } from './ticket-notice.js';

export type { SmsProvider, SmsReceipt, SmsTemplateParams } from './sms-provider.js';
export { SmsSendFailed, type SmsFailureCode, type SmsVendor } from './sms-errors.js';
export { createAliyunSmsProvider, aliyunSmsSettingsSchema, type AliyunSmsSettings } from './aliyun-sms-provider.js';
export { createTencentSmsProvider, tencentSmsSettingsSchema, type TencentSmsSettings } from './tencent-sms-provider.js';
export { createDevSmsProvider, SmsDevCodesDisabled, type DevSmsProvider, type DevSms } from './dev-sms-provider.js';
export { judgeCodeSend, codeSendRefused, defaultCodeSendLimits, type CodeSend, type CodeSendLimits, type CodeSendVerdict } from './code-send-policy.js';
export { reserveCodeSend } from './sms-sends.js';
export { queueSignInSms, smsCodeRoute, SmsNotConfigured, type SmsCodeRoute } from './sign-in-sms.js';
export { smsReachable } from './sms-reachable.js';

/**
 * The SMS adapter (kind `sms`). SMS brings no messages in here (no callback) and is no ticket's
 * own reply channel: a reply stays in the portal and a mobile-only customer gets a notice with the
 * link; when a chat channel cannot carry a reply, the agent may send it by SMS (reply-sms.ts). "Test connection" sends nothing: it makes the vendor's free read call (sms-provider.ts).
 */
export function smsAdapter(context: AppContext): ChannelAdapter {
  return {
    kind: 'sms',
    labels: { 'zh-CN': '短信', en: 'SMS' },
    deliversReplies: false,
    identityKinds: ['phone'],
    settings: smsAccountSettingsSchema,
    secretFields: smsSecretFields,
    limits: {},
    callback: async () => ({ status: 404, contentType: 'text/plain; charset=utf-8', body: 'SMS accounts take no callbacks' }),
    async testConnection(database, account) {
      const provider = smsProviderOf({ database, config: context.config, clock: context.clock }, smsSettingsOf(account.settings));
      try {
        await provider.checkAccount?.();
        return { ok: true };
      } catch (error) {
        if (!(error instanceof SmsSendFailed)) return { ok: false, reason: 'channel.unreachable', detail: error instanceof Error ? error.message : String(error) };
        const reason = error.code === 'sms.vendor_unavailable' ? 'channel.unreachable' : error.code;
        return { ok: false, reason, detail: [error.vendorCode, error.vendorMessage].filter(Boolean).join(' ') };
      }
    },
  };
}

export const smsChannelModule: AppModule = {
  name: 'sms-channel',
  registerJobs(context) {
    const { jobs, config, clock, channels, surveyChannels, replyChannels, database, log } = context;
    channels.register(smsAdapter(context));
    const devLog = log.child({ component: 'sms-dev' });
    // Development only, said loudly at every code: the code is a login and it is in the log.
    const dev: DevSmsProvider | null = config.OPENCSM_SMS_DEV_CODES
      ? createDevSmsProvider(config, {
          clock,
          log: (entry) =>
            devLog.warn({ to: entry.phoneE164, kind: entry.kind, code: entry.params.code, params: entry.params }, 'SMS recorded, not sent, because OPENCSM_SMS_DEV_CODES=true (development only) / 短信未发送，仅记录（开发用：OPENCSM_SMS_DEV_CODES=true）'),
        })
      : null;
    const deps = { database, config, clock };
    jobs.handle(signInSmsJob, signInSmsHandler(deps, dev));
    jobs.subscribe(ticketMessageAdded, ticketNoticeJob, ticketNoticeHandler(deps, dev, channels), { when: isPortalAgentReply });
    jobs.handle(ticketNoticeLaterJob, ticketNoticeLaterHandler(deps, dev, channels));
    // A reply the agent sends by SMS when the customer's channel cannot carry it (reply-sms.ts).
    replyChannels.registerAlternative(smsReplyWay, smsReplyProbe(deps, dev));
    jobs.subscribe(ticketMessageAdded, smsReplyJob, smsReplyHandler(deps, dev, channels), { when: isReplyToDeliver(smsReplyWay) });
    // NPS invitations to customers reachable only by mobile (survey-sms.ts).
    surveyChannels.register('sms', smsSurveySender(deps, dev));
  },
  registerRoutes(app, context) {
    if (context.config.OPENCSM_SMS_DEV_CODES) {
      context.log.warn('OPENCSM_SMS_DEV_CODES=true: SMS sign-in codes are written to this log and shown in the console instead of sent when no SMS account is enabled. Development only. / OPENCSM_SMS_DEV_CODES=true：未启用短信账号时，短信验证码写入日志并在控制台显示，不会发送。仅限开发环境。');
    }
    registerSmsAdminRoutes(app, context);
  },
};
