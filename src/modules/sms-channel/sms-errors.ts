import { AppError } from '../../app/errors.js';

/**
 * What went wrong with an SMS, as a catalogue key, independent of the vendor. Vendors' own codes
 * map onto these (tables below), so the console and the delivery job speak one language and the
 * vendor's code is kept alongside for support.
 */
export type SmsFailureCode =
  | 'sms.phone_invalid'
  | 'sms.vendor_rate_limited'
  | 'sms.daily_limit'
  | 'sms.phone_blocked'
  | 'sms.insufficient_balance'
  | 'sms.sign_name_invalid'
  | 'sms.template_invalid'
  | 'sms.credentials_invalid'
  | 'sms.vendor_unavailable'
  | 'sms.vendor_error';

/** HTTP status of each failure when it answers a request (a sign-in code): the caller's fault 4xx, ours or the vendor's 502/503. */
const statusOf: Record<SmsFailureCode, number> = {
  'sms.phone_invalid': 400,
  'sms.vendor_rate_limited': 429,
  'sms.daily_limit': 429,
  'sms.phone_blocked': 422,
  'sms.insufficient_balance': 503,
  'sms.sign_name_invalid': 503,
  'sms.template_invalid': 503,
  'sms.credentials_invalid': 503,
  'sms.vendor_unavailable': 502,
  'sms.vendor_error': 502,
};

/** Failures a later attempt may cure by itself; the rest need a person (settings, balance, number). */
const retryable: ReadonlySet<SmsFailureCode> = new Set(['sms.vendor_unavailable', 'sms.vendor_rate_limited']);

export type SmsVendor = 'aliyun' | 'tencent' | 'dev';

export class SmsSendFailed extends AppError {
  readonly status: number;
  readonly retryable: boolean;
  constructor(
    readonly failure: SmsFailureCode,
    readonly vendor: SmsVendor,
    /** The vendor's own code (isv.BUSINESS_LIMIT_CONTROL, LimitExceeded.PhoneNumberDailyLimit, ETIMEDOUT, HTTP 500…). */
    readonly vendorCode: string,
    readonly vendorMessage = '',
  ) {
    super(failure, { vendor, vendorCode }, failure === 'sms.phone_invalid' ? [{ path: 'phone', code: failure }] : []);
    this.status = statusOf[failure];
    this.retryable = retryable.has(failure);
  }
}

/** Alibaba Cloud SMS error codes (短信服务 › 错误码, help.aliyun.com/document_detail/101346.html). */
export const aliyunFailures: Record<string, SmsFailureCode> = {
  'isv.BUSINESS_LIMIT_CONTROL': 'sms.vendor_rate_limited',
  'isv.DAY_LIMIT_CONTROL': 'sms.daily_limit',
  'isv.MOBILE_NUMBER_ILLEGAL': 'sms.phone_invalid',
  'isv.AMOUNT_NOT_ENOUGH': 'sms.insufficient_balance',
  'isv.OUT_OF_SERVICE': 'sms.insufficient_balance',
  'isv.SMS_SIGNATURE_ILLEGAL': 'sms.sign_name_invalid',
  'isv.SMS_SIGN_ILLEGAL': 'sms.sign_name_invalid',
  'isv.SIGN_NAME_ILLEGAL': 'sms.sign_name_invalid',
  'isv.SMS_TEMPLATE_ILLEGAL': 'sms.template_invalid',
  'isv.TEMPLATE_MISSING_PARAMETERS': 'sms.template_invalid',
  'isv.TEMPLATE_PARAMS_ILLEGAL': 'sms.template_invalid',
  'isv.INVALID_JSON_PARAM': 'sms.template_invalid',
  'isv.ACCOUNT_NOT_EXISTS': 'sms.credentials_invalid',
  'isv.ACCOUNT_ABNORMAL': 'sms.credentials_invalid',
  'isp.RAM_PERMISSION_DENY': 'sms.credentials_invalid',
  'InvalidAccessKeyId.NotFound': 'sms.credentials_invalid',
  'InvalidAccessKeyId.Inactive': 'sms.credentials_invalid',
  SignatureDoesNotMatch: 'sms.credentials_invalid',
  'isp.SYSTEM_ERROR': 'sms.vendor_unavailable',
  ServiceUnavailable: 'sms.vendor_unavailable',
  Throttling: 'sms.vendor_unavailable',
};

/** Tencent Cloud SMS error codes (短信 › 错误码, cloud.tencent.com/document/api/382/52075). */
export const tencentFailures: Record<string, SmsFailureCode> = {
  'LimitExceeded.PhoneNumberDailyLimit': 'sms.daily_limit',
  'LimitExceeded.PhoneNumberSameContentDailyLimit': 'sms.daily_limit',
  'LimitExceeded.PhoneNumberOneHourLimit': 'sms.vendor_rate_limited',
  'LimitExceeded.PhoneNumberThirtySecondLimit': 'sms.vendor_rate_limited',
  'LimitExceeded.DeliveryFrequencyLimit': 'sms.vendor_rate_limited',
  'InvalidParameterValue.IncorrectPhoneNumber': 'sms.phone_invalid',
  'FailedOperation.PhoneNumberInBlacklist': 'sms.phone_blocked',
  'FailedOperation.PhoneNumberParseFail': 'sms.phone_invalid',
  'FailedOperation.InsufficientBalanceInSmsPackage': 'sms.insufficient_balance',
  'FailedOperation.SignatureIncorrectOrUnapproved': 'sms.sign_name_invalid',
  'FailedOperation.TemplateIncorrectOrUnapproved': 'sms.template_invalid',
  'FailedOperation.TemplateParamSetNotMatchApprovedTemplate': 'sms.template_invalid',
  'InvalidParameterValue.TemplateParameterFormatError': 'sms.template_invalid',
  'InvalidParameterValue.TemplateParameterLengthLimit': 'sms.template_invalid',
  'UnauthorizedOperation.SmsSdkAppIdVerifyFail': 'sms.credentials_invalid',
  'UnauthorizedOperation.RequestPermissionDeny': 'sms.credentials_invalid',
  'AuthFailure.SecretIdNotFound': 'sms.credentials_invalid',
  'AuthFailure.SignatureFailure': 'sms.credentials_invalid',
  'AuthFailure.UnauthorizedOperation': 'sms.credentials_invalid',
  'InternalError.Timeout': 'sms.vendor_unavailable',
  'InternalError.RequestTimeException': 'sms.vendor_unavailable',
  RequestLimitExceeded: 'sms.vendor_unavailable',
};

export function vendorFailure(vendor: 'aliyun' | 'tencent', vendorCode: string, vendorMessage = ''): SmsSendFailed {
  const table = vendor === 'aliyun' ? aliyunFailures : tencentFailures;
  // Own keys only: a vendor code like "constructor" must not find Object.prototype's.
  const failure = Object.hasOwn(table, vendorCode) ? table[vendorCode] : undefined;
  return new SmsSendFailed(failure ?? 'sms.vendor_error', vendor, vendorCode, vendorMessage);
}
