import type { Config } from '../../app/config.js';
import type { Locale } from '../../app/i18n/catalogue.js';
import type { SystemMailer } from '../../app/system-mailer.js';
import type { Tx } from '../../db/database.js';
import type { JobContext } from '../../jobs/registry.js';
import { z } from 'zod';
import { enqueueJob } from '../../jobs/queue.js';

/**
 * "New sign-in from an unknown address after your account was locked": someone may have guessed
 * the password, so its owner hears of it. Enqueued in the transaction that writes the successful
 * sign-in's audit row, mailed by job `auth.sign_in_alert` (retried when the relay fails).
 */
export const signInAlertJob = 'auth.sign_in_alert';

/** The job's payload: parsed when the job runs (stored JSON is not trusted to match a type). */
const signInAlertSchema = z.object({ to: z.string(), name: z.string(), locale: z.enum(['zh-CN', 'en']), ip: z.string(), userAgent: z.string(), at: z.string() });
export type SignInAlert = z.infer<typeof signInAlertSchema> & { locale: Locale };

export async function enqueueSignInAlert(tx: Tx, alert: SignInAlert): Promise<void> {
  await enqueueJob(tx, { type: signInAlertJob, payload: alert });
}

const texts: Record<Locale, (a: SignInAlert, when: string) => { subject: string; text: string }> = {
  'zh-CN': (a, when) => ({
    subject: 'OpenCSM 安全提醒：您的账号在新的 IP 地址登录',
    text:
      `${a.name}，您好：\n\n您的 OpenCSM 账号此前因多次密码错误被临时锁定，刚刚又从一个以前没有用过的 IP 地址成功登录：\n\n` +
      `时间：${when}\nIP 地址：${a.ip}\n浏览器：${a.userAgent || '未知'}\n\n` +
      `如果是您本人登录，请忽略这封邮件。\n如果不是您本人，请立即修改密码（修改时可以同时撤销所有 API 令牌），并联系管理员查看登录安全记录。\n`,
  }),
  en: (a, when) => ({
    subject: 'OpenCSM security notice: your account signed in from a new IP address',
    text:
      `Hello ${a.name},\n\nYour OpenCSM account was locked for a while after repeated wrong passwords, and has now signed in from an IP address it has not used before:\n\n` +
      `Time: ${when}\nIP address: ${a.ip}\nBrowser: ${a.userAgent || 'unknown'}\n\n` +
      `If this was you, ignore this email.\nIf it was not, change your password now (you can revoke all your API tokens at the same time) and ask an administrator to check the sign-in log.\n`,
  }),
};

export function composeSignInAlert(alert: SignInAlert, timeZone: string): { subject: string; text: string } {
  const locale: Locale = alert.locale === 'en' ? 'en' : 'zh-CN';
  // ISO-like local time (Swedish formatting is YYYY-MM-DD HH:mm:ss) with the zone named: unambiguous in both languages.
  const local = new Intl.DateTimeFormat('sv-SE', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone }).format(new Date(alert.at));
  const when = `${local} (${timeZone})`;
  return texts[locale](alert, when);
}

export function signInAlertHandler(mailer: SystemMailer, config: Pick<Config, 'OPENCSM_TIMEZONE'>) {
  return async function sendSignInAlert(payload: Record<string, unknown>, _context: JobContext): Promise<void> {
    const alert = signInAlertSchema.parse(payload);
    await mailer.send({ to: alert.to, ...composeSignInAlert(alert, config.OPENCSM_TIMEZONE) });
  };
}
