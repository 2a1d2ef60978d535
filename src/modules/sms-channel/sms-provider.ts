import { SmsSendFailed, type SmsVendor } from './sms-errors.js';

/**
 * The one shape every SMS provider has, so the portal's sign-in codes and the notification
 * channel do not care which vendor an installation uses. Templates are the vendor's approved
 * templates (模板): Alibaba names its parameters (`${code}`), Tencent numbers them ({1}, {2}); a
 * provider receives named parameters and Tencent sends their values in insertion order (integer
 * keys "1", "2"… sort numerically, which is the order Tencent wants).
 */
export type SmsTemplateParams = Record<string, string>;

/** The vendor's id of the accepted message (Alibaba BizId, Tencent SerialNo), for delivery reports. */
export type SmsReceipt = { vendor: SmsVendor; messageId: string };

export interface SmsProvider {
  readonly vendor: SmsVendor;
  /** A verification code (验证码) template: vendors deliver these first and limit them per number. */
  sendCode(phoneE164: string, templateId: string, params: SmsTemplateParams): Promise<SmsReceipt>;
  /** A notification (通知) template. */
  sendNotification(phoneE164: string, templateId: string, params: SmsTemplateParams): Promise<SmsReceipt>;
}

const e164 = /^\+[1-9]\d{6,14}$/;

/** Contacts' phones are stored in E.164 (src/forms/field-values.ts); anything else is refused before a vendor sees it. */
export function checkPhoneE164(phone: string, vendor: SmsVendor): string {
  if (!e164.test(phone)) throw new SmsSendFailed('sms.phone_invalid', vendor, 'not E.164');
  return phone;
}

/** A vendor that did not answer in time, or at all: retryable, with what happened in the vendor code. */
export function unreachable(vendor: SmsVendor, error: unknown): SmsSendFailed {
  const name = error instanceof Error ? error.name : '';
  const detail = error instanceof Error && error.cause instanceof Error && 'code' in error.cause ? String(error.cause.code) : name || 'network';
  return new SmsSendFailed('sms.vendor_unavailable', vendor, name === 'TimeoutError' ? 'timeout' : detail, error instanceof Error ? error.message : String(error));
}
