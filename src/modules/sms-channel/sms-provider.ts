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

/**
 * How a provider reaches its vendor: plain fetch by default (the provider tests), the platform's
 * outbound guard in the running app (sms-accounts.ts: the account's API address is user-given).
 * A timeout rejects with an error named `TimeoutError`, as fetch's does.
 */
export type SmsHttp = (url: URL, request: { headers: Record<string, string>; body: string; timeoutMs: number }) => Promise<{ status: number; body: string }>;

export const fetchSmsHttp: SmsHttp = async (url, request) => {
  const response = await fetch(url, { method: 'POST', headers: request.headers, body: request.body, signal: AbortSignal.timeout(request.timeoutMs) });
  return { status: response.status, body: await response.text() };
};

/** The vendor's answer as JSON, or undefined when it is not JSON (a proxy's error page). */
export function jsonOf(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

export interface SmsProvider {
  readonly vendor: SmsVendor;
  /** A verification code (验证码) template: vendors deliver these first and limit them per number. */
  sendCode(phoneE164: string, templateId: string, params: SmsTemplateParams): Promise<SmsReceipt>;
  /** A notification (通知) template. */
  sendNotification(phoneE164: string, templateId: string, params: SmsTemplateParams): Promise<SmsReceipt>;
  /**
   * "Test connection" without sending anything: the vendor's free read call with the account's
   * credentials (Alibaba QuerySmsSign: the key and the signature's approval; Tencent
   * SmsPackagesStatistics: the key and the SDK AppID). Throws SmsSendFailed like a send.
   */
  checkAccount?(): Promise<void>;
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
