import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from '../../app/config.js';
import type { Locale } from '../../app/i18n/catalogue.js';

export type LoginCodeMail = { to: string; name: string; code: string; locale: Locale };

/** Sends one-time codes through the configured relay; with none (embedded dev), logs the code instead. */
export type LoginMailer = { send(mail: LoginCodeMail): Promise<void> };

const templates: Record<Locale, (m: LoginCodeMail) => { subject: string; text: string }> = {
  'zh-CN': (m) => ({
    subject: `登录验证码：${m.code}`,
    text: `${m.name}，您好：\n\n您的客户服务门户登录验证码是 ${m.code}，10 分钟内有效，只能使用一次。\n如果不是您本人操作，请忽略这封邮件。\n`,
  }),
  en: (m) => ({
    subject: `Your sign-in code: ${m.code}`,
    text: `Hello ${m.name},\n\nYour customer portal sign-in code is ${m.code}. It is valid for 10 minutes and works once.\nIf you did not ask for it, ignore this email.\n`,
  }),
};

export function createLoginMailer(config: Pick<Config, 'OPENCSM_SMTP_URL' | 'OPENCSM_MAIL_FROM'>, log: Logger): LoginMailer {
  if (!config.OPENCSM_SMTP_URL) {
    return {
      async send(mail) {
        log.info({ to: mail.to, code: mail.code }, 'portal login code (OPENCSM_SMTP_URL is not set, so it is logged instead of mailed; set it in production)');
      },
    };
  }
  const transport = nodemailer.createTransport(config.OPENCSM_SMTP_URL);
  return {
    async send(mail) {
      const { subject, text } = templates[mail.locale](mail);
      await transport.sendMail({ from: config.OPENCSM_MAIL_FROM, to: mail.to, subject, text });
    },
  };
}
