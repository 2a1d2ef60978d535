import type { ChannelAccount } from '../../app/channel-registry.js';
import type { Clock } from '../../app/clock.js';
import type { Config } from '../../app/config.js';
import type { Database } from '../../db/database.js';
import { channelSecrets, firstEnabledChannelAccount, loadChannelAccount, vendorRequest } from '../channels/index.js';
import { aliyunSmsSettingsSchema, createAliyunSmsProvider } from './aliyun-sms-provider.js';
import type { SmsHttp, SmsProvider } from './sms-provider.js';
import { smsSettingsOf, type SmsAccountSettings } from './sms-settings.js';
import { createTencentSmsProvider, tencentSmsSettingsSchema } from './tencent-sms-provider.js';

export type SmsDeps = { database: Database; config: Config; clock: Clock };

/** The installation's SMS account in use: the oldest enabled one (one sender for codes and notices). */
export type SmsAccount = { account: ChannelAccount; settings: SmsAccountSettings };

export async function activeSmsAccount(deps: SmsDeps): Promise<SmsAccount | null> {
  const account = await firstEnabledChannelAccount(deps.database.db, channelSecrets(deps.config), 'sms');
  return account && { account, settings: smsSettingsOf(account.settings) };
}

export async function smsAccountById(deps: SmsDeps, id: string): Promise<SmsAccount | null> {
  const account = await loadChannelAccount(deps.database.db, channelSecrets(deps.config), id);
  return account && account.kind === 'sms' && account.enabled ? { account, settings: smsSettingsOf(account.settings) } : null;
}

/**
 * The vendor's client for an account. Its API address is user-given, so every call goes through
 * the outbound guard (the resolved address is checked and pinned), like the other channels'.
 */
export function smsProviderOf(deps: SmsDeps, settings: SmsAccountSettings): SmsProvider {
  const http: SmsHttp = (url, request) =>
    withTimeout(
      vendorRequest(deps.database.db, deps.config, url, { method: 'POST', headers: { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) }, body: request.body }).then((response) => ({
        status: response.status,
        body: response.body.toString('utf8'),
      })),
      request.timeoutMs,
    );
  if (settings.provider === 'aliyun') {
    const { accessKeyId, accessKeySecret, signName, regionId, apiBaseUrl, timeoutMs } = settings;
    return createAliyunSmsProvider(aliyunSmsSettingsSchema.parse({ accessKeyId, accessKeySecret, signName, regionId, endpoint: apiBaseUrl, timeoutMs }), { clock: deps.clock, http });
  }
  const { secretId, secretKey, smsSdkAppId, signName, region, apiBaseUrl, timeoutMs } = settings;
  return createTencentSmsProvider(tencentSmsSettingsSchema.parse({ secretId, secretKey, smsSdkAppId, signName, region, endpoint: apiBaseUrl, timeoutMs }), { clock: deps.clock, http });
}

/** The vendor's own timeout (the guard's transport has a fixed, longer one), named as fetch names it. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${ms} ms`), { name: 'TimeoutError' })), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
