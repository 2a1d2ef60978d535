import type { Clock } from '../../app/clock.js';
import { AppError } from '../../app/errors.js';
import type { SmsProvider, SmsReceipt, SmsTemplateParams } from './sms-provider.js';
import { checkPhoneE164 } from './sms-provider.js';

/**
 * Development without an SMS account: messages are kept in this process (and handed to `log`)
 * instead of sent. A code is a login, so this only exists when the operator says so with
 * OPENCSM_SMS_DEV_CODES=true; otherwise creating it throws, and nothing can fall back to it.
 */
export class SmsDevCodesDisabled extends AppError {
  readonly status = 503;
  constructor() {
    super('sms.dev_codes_disabled');
  }
}

export type DevSms = { kind: 'code' | 'notification'; phoneE164: string; templateId: string; params: SmsTemplateParams; at: Date; messageId: string };

export type DevSmsProvider = SmsProvider & {
  /** What was "sent", oldest first (the latest 200). */
  readonly outbox: readonly DevSms[];
  /** The latest message to a number, for a developer (or a test) signing in. */
  latestTo(phoneE164: string): DevSms | undefined;
};

const keep = 200;

export function createDevSmsProvider(
  config: { OPENCSM_SMS_DEV_CODES: boolean },
  deps: { clock: Clock; log?: (entry: DevSms) => void },
): DevSmsProvider {
  if (!config.OPENCSM_SMS_DEV_CODES) throw new SmsDevCodesDisabled();
  const outbox: DevSms[] = [];
  let sequence = 0;
  function record(kind: DevSms['kind']) {
    return async (phoneE164: string, templateId: string, params: SmsTemplateParams): Promise<SmsReceipt> => {
      const entry: DevSms = { kind, phoneE164: checkPhoneE164(phoneE164, 'dev'), templateId, params: { ...params }, at: deps.clock.now(), messageId: `dev-${++sequence}` };
      outbox.push(entry);
      if (outbox.length > keep) outbox.splice(0, outbox.length - keep);
      deps.log?.(entry);
      return { vendor: 'dev', messageId: entry.messageId };
    };
  }
  return {
    vendor: 'dev',
    sendCode: record('code'),
    sendNotification: record('notification'),
    outbox,
    latestTo: (phoneE164) => [...outbox].reverse().find((entry) => entry.phoneE164 === phoneE164),
  };
}
