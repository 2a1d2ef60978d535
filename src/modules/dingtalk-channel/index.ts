/**
 * DingTalk (钉钉) channel: the vendor protocol as pure code, for the channel adapter that plugs
 * into the channel contract later (issue 16 §4). No routes, tables or jobs yet.
 */
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
export { RobotSendLimiter, dingTalkRobotLimits, type RobotLimitOptions, type RobotOfferDecision } from './robot-send-limiter.js';
export { sendRobotMessage, robotTooFastErrcode, type RobotWebhook, type RobotSendResult } from './robot-webhook-client.js';
