/**
 * SMS (短信) channel: Alibaba Cloud and Tencent Cloud SMS providers with their published request
 * signatures, a development provider, and the verification-code send limits, for the portal's
 * sign-in by mobile number and the SMS channel adapter that plug in later (issue 16 §5). No
 * routes, tables or jobs yet.
 */
export type { SmsProvider, SmsReceipt, SmsTemplateParams } from './sms-provider.js';
export { SmsSendFailed, type SmsFailureCode, type SmsVendor } from './sms-errors.js';
export { createAliyunSmsProvider, aliyunSmsSettingsSchema, type AliyunSmsSettings } from './aliyun-sms-provider.js';
export { createTencentSmsProvider, tencentSmsSettingsSchema, type TencentSmsSettings } from './tencent-sms-provider.js';
export { createDevSmsProvider, SmsDevCodesDisabled, type DevSmsProvider, type DevSms } from './dev-sms-provider.js';
export { judgeCodeSend, codeSendRefused, defaultCodeSendLimits, type CodeSend, type CodeSendLimits, type CodeSendVerdict } from './code-send-policy.js';
