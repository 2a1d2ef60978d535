import { z } from 'zod';
import { AppError } from '../../app/errors.js';
import type { Config } from '../../app/config.js';
import type { Tx } from '../../db/database.js';
import { enqueueJob } from '../../jobs/queue.js';
import type { JobHandler } from '../../jobs/registry.js';
import { channelSecrets, recordAccountStatus } from '../channels/index.js';
import type { DevSmsProvider } from './dev-sms-provider.js';
import { activeSmsAccount, smsAccountById, smsProviderOf, type SmsDeps } from './sms-accounts.js';
import { SmsSendFailed } from './sms-errors.js';
import { smsMessageById, updateSmsMessage } from './sms-sends.js';
import { codeParams } from './sms-settings.js';

/** No SMS account is enabled and the development provider is off: nobody can get a code by SMS. */
export class SmsNotConfigured extends AppError {
  readonly status = 503;
  constructor() {
    super('sms.not_configured');
  }
}

/** Which way a sign-in code would go now: an account, or the development provider (`accountId: null`). */
export type SmsCodeRoute = { accountId: string | null; sandbox: boolean };

export async function smsCodeRoute(deps: SmsDeps): Promise<SmsCodeRoute | null> {
  const active = await activeSmsAccount(deps);
  if (active) return { accountId: active.account.id, sandbox: active.account.sandbox };
  return deps.config.OPENCSM_SMS_DEV_CODES ? { accountId: null, sandbox: false } : null;
}

export const signInSmsJob = 'sms.sign_in_code';
/** The code lives 10 minutes: a couple of quick retries, not the queue's hour-long tail. */
const attempts = 3;
const jobPayload = z.object({ smsMessageId: z.uuid(), accountId: z.uuid().nullable(), sealedCode: z.string() });

/**
 * Queues the SMS of a sign-in code, in the portal's transaction that stored the code's hash, for
 * a number that belongs to a customer (reserved by reserveCodeSend). The code travels in the job
 * sealed with the installation key, never in the clear at rest; the job sends it after the answer,
 * so the answer's timing does not tell known numbers from unknown ones.
 */
export async function queueSignInSms(tx: Tx, config: Pick<Config, 'OPENCSM_SECRET_KEY' | 'OPENCSM_DATA_DIR'>, input: { smsMessageId: string; route: SmsCodeRoute; code: string }): Promise<void> {
  await updateSmsMessage(tx, input.smsMessageId, { status: 'queued', accountId: input.route.accountId });
  const sealedCode = channelSecrets(config).seal(input.code);
  await enqueueJob(tx, { type: signInSmsJob, payload: { smsMessageId: input.smsMessageId, accountId: input.route.accountId, sealedCode }, maxAttempts: attempts });
}

/**
 * Sends a queued sign-in code: a sandbox account records it (the console shows it), the
 * development provider logs it, a real account sends the login template through its vendor. A
 * vendor that is down is tried again twice; a refusal (template, signature, balance …) ends as
 * `failed` and becomes the account's last error.
 */
export function signInSmsHandler(deps: SmsDeps, dev: DevSmsProvider | null): JobHandler {
  return async (raw, { log, job }) => {
    const payload = jobPayload.parse(raw);
    const row = await smsMessageById(deps.database.db, payload.smsMessageId);
    if (!row || row.status !== 'queued') return;
    const code = channelSecrets(deps.config).open(payload.sealedCode);
    const db = deps.database.db;
    const now = deps.clock.now();
    if (payload.accountId === null) {
      if (!dev) return updateSmsMessage(db, row.id, { status: 'failed', error: 'sms.dev_codes_disabled' });
      await dev.sendCode(row.phoneE164, 'dev-login', codeParams(code));
      return updateSmsMessage(db, row.id, { status: 'dev', params: codeParams(code), sentAt: now });
    }
    const sms = await smsAccountById(deps, payload.accountId);
    if (!sms) return updateSmsMessage(db, row.id, { status: 'failed', error: 'channel.account_not_found' });
    const templateId = sms.settings.loginTemplateId;
    if (sms.account.sandbox) return updateSmsMessage(db, row.id, { status: 'sandbox', templateId, params: codeParams(code), sentAt: now });
    try {
      const receipt = await smsProviderOf(deps, sms.settings).sendCode(row.phoneE164, templateId, codeParams(code));
      await updateSmsMessage(db, row.id, { status: 'sent', templateId, vendorMessageId: receipt.messageId, error: null, sentAt: now });
    } catch (error) {
      const failure = error instanceof SmsSendFailed ? `${error.code} ${error.vendorCode}` : String(error);
      const retry = error instanceof SmsSendFailed && error.retryable && job.attempts < attempts;
      log.warn({ err: error, smsMessageId: row.id, attempt: job.attempts }, 'sign-in SMS not sent');
      await updateSmsMessage(db, row.id, { status: retry ? 'queued' : 'failed', templateId, error: failure });
      await recordAccountStatus(db, sms.account.id, { error: failure, at: now });
      if (retry) throw error;
    }
  };
}
