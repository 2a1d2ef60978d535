/** Public surface of the WeChat official account channel (公众号): its adapter on the channel registry, processing and delivery jobs. */
import type { ChannelAdapter } from '../../app/channel-registry.js';
import { writeRulesOf } from '../../app/write-rules.js';
import type { AppContext, AppModule } from '../../app/context.js';
import { channelAccountState, hasEnabledChannelAccount } from '../channels/index.js';
import { isReplyToDeliver, ticketMessageAdded } from '../tickets/index.js';
import { deliverWechatHandler, deliverWechatJob } from './deliver-reply.js';
import { processWechatHandler } from './process-message.js';
import { messagesPerWindow, replyWindowHours, wechatReplyProbe } from './reply-window.js';
import { WechatApiError, wechatApi } from './wechat-api.js';
import { answerWechatCallback, processWechatJob } from './wechat-callback.js';
import { surveyMenuTexts, wechatSurveySender } from './survey-menu.js';
import { deliverWechatTemplateHandler, deliverWechatTemplateJob, wechatTemplateProbe, wechatTemplateWay } from './template-message.js';
import { wechatSecretFields, wechatSettingsOf, wechatSettingsSchema } from './wechat-settings.js';

export { startFakeWechatServer, type FakeWechatServer } from './fake-wechat-server.js';
export { wechatTemplateWay } from './template-message.js';
/** WXBizMsgCrypt and the flat callback XML, shared with WeCom (the same scheme, with the CorpID as receiveid). */
export { decryptMessage, encryptMessage, signatureMatches, wechatSignature, WechatCryptoError } from './wechat-crypto.js';
export { parseWechatXml } from './wechat-xml.js';
/** A survey's menu texts (head, one option per score, tail) in the invitation's language, shared with WeCom's menu. */
export { surveyMenuTexts };
/** Past conversations (the demo data set): a message's text and facts, and the channel's state after them. */
export { pastFollowerMessage, recordPastWechatConversation, type PastFollowerMessage, type PastWechatConversation } from './past-conversations.js';

/** The WeChat adapter: the worked example of the channel contract (docs/ARCHITECTURE.md). */
export function wechatAdapter(context: AppContext): ChannelAdapter {
  return {
    kind: 'wechat',
    labels: { 'zh-CN': '微信公众号', en: 'WeChat official account' },
    deliversReplies: true,
    identityKinds: ['wechat_openid', 'wechat_unionid'],
    settings: wechatSettingsSchema,
    secretFields: wechatSecretFields,
    limits: { replyWindowHours, messagesPerWindow },
    callback: (database, account, request) => answerWechatCallback(database, context.clock, account, request),
    async testConnection(database, account) {
      try {
        await wechatApi({ database, config: context.config, clock: context.clock }, account.id, wechatSettingsOf(account.settings)).checkCredentials();
        return { ok: true };
      } catch (error) {
        if (error instanceof WechatApiError) return { ok: false, reason: 'channel.credentials_refused', detail: `${error.errcode} ${error.errmsg}` };
        return { ok: false, reason: 'channel.unreachable', detail: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}

export const wechatChannelModule: AppModule = {
  name: 'wechat-channel',
  registerJobs(context) {
    const { jobs, config, clock, channels, replyChannels, surveyChannels } = context;
    channels.register(wechatAdapter(context));
    replyChannels.register('wechat', wechatReplyProbe(clock, channelAccountState, hasEnabledChannelAccount));
    surveyChannels.register('wechat', wechatSurveySender(config, clock));
    jobs.handle(processWechatJob, processWechatHandler(config, clock, writeRulesOf(context)));
    jobs.subscribe(ticketMessageAdded, deliverWechatJob, deliverWechatHandler(config, clock), { when: isReplyToDeliver('wechat') });
    // Outside the window: the reply as the account's template message (template-message.ts).
    replyChannels.registerAlternative(wechatTemplateWay, wechatTemplateProbe(config));
    jobs.subscribe(ticketMessageAdded, deliverWechatTemplateJob, deliverWechatTemplateHandler(config, clock), { when: isReplyToDeliver(wechatTemplateWay) });
  },
};
