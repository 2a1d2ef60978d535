import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from '../../app/config.js';
import type { Locale } from '../../app/i18n/catalogue.js';

export type LoginCodeMail = { to: string; name: string; code: string; locale: Locale };
export type ReplyNoticeMail = { to: string; name: string; number: string; subject: string; body: string; link: string | null; locale: Locale };

/**
 * Mails the portal sends through the configured relay. With none, nothing can be mailed: a sign-in
 * code is a login, so it goes to the log only when a developer asks for it (OPENCSM_DEV_LOG_CODES);
 * otherwise the log says a code could not be sent, without the code.
 */
export type PortalMailer = {
  sendLoginCode(mail: LoginCodeMail): Promise<void>;
  sendReplyNotice(mail: ReplyNoticeMail): Promise<void>;
};

const loginCode: Record<Locale, (m: LoginCodeMail) => { subject: string; text: string }> = {
  'zh-CN': (m) => ({
    subject: `登录验证码：${m.code}`,
    text: `${m.name}，您好：\n\n您的客户服务门户登录验证码是 ${m.code}，10 分钟内有效，只能使用一次。\n如果不是您本人操作，请忽略这封邮件。\n`,
  }),
  en: (m) => ({
    subject: `Your sign-in code: ${m.code}`,
    text: `Hello ${m.name},\n\nYour customer portal sign-in code is ${m.code}. It is valid for 10 minutes and works once.\nIf you did not ask for it, ignore this email.\n`,
  }),
};

const replyNotice: Record<Locale, (m: ReplyNoticeMail) => { subject: string; text: string }> = {
  'zh-CN': (m) => ({
    subject: `你的工单有新回复：${m.number} ${m.subject}`,
    text: `${m.name}，您好：\n\n客服回复了您的工单 ${m.number}「${m.subject}」：\n\n${m.body}\n\n${m.link ? `查看和回复：${m.link}\n` : '请登录客户服务中心查看和回复。\n'}`,
  }),
  en: (m) => ({
    subject: `New reply on your ticket ${m.number}: ${m.subject}`,
    text: `Hello ${m.name},\n\nWe replied to your ticket ${m.number} "${m.subject}":\n\n${m.body}\n\n${m.link ? `Read and reply: ${m.link}\n` : 'Sign in to the customer service centre to read and reply.\n'}`,
  }),
};

type MailerConfig = Pick<Config, 'OPENCSM_SMTP_URL' | 'OPENCSM_MAIL_FROM' | 'OPENCSM_DEV_LOG_CODES'>;

export function createPortalMailer(config: MailerConfig, log: Logger): PortalMailer {
  if (!config.OPENCSM_SMTP_URL) {
    return {
      async sendLoginCode(mail) {
        if (config.OPENCSM_DEV_LOG_CODES) {
          log.warn({ to: mail.to, code: mail.code }, 'portal sign-in code, logged because OPENCSM_DEV_LOG_CODES=true (development only) / 门户登录验证码（仅开发用：OPENCSM_DEV_LOG_CODES=true）');
        } else {
          log.warn({ to: mail.to }, 'portal sign-in code not sent: OPENCSM_SMTP_URL is not set / 未设置 OPENCSM_SMTP_URL，门户登录验证码无法发送');
        }
      },
      async sendReplyNotice(mail) {
        log.info({ to: mail.to, number: mail.number }, 'portal reply notice not mailed (OPENCSM_SMTP_URL is not set)');
      },
    };
  }
  const transport = nodemailer.createTransport(config.OPENCSM_SMTP_URL);
  const send = (to: string, { subject, text }: { subject: string; text: string }) => transport.sendMail({ from: config.OPENCSM_MAIL_FROM, to, subject, text }).then(() => undefined);
  return {
    sendLoginCode: (mail) => send(mail.to, loginCode[mail.locale](mail)),
    sendReplyNotice: (mail) => send(mail.to, replyNotice[mail.locale](mail)),
  };
}

/**
 * Said once at start, loudly: customers cannot sign in to the portal when codes cannot be mailed,
 * and codes in a log are logins in a log.
 */
export function warnIfCodesUndeliverable(config: MailerConfig, log: Logger): void {
  if (config.OPENCSM_SMTP_URL) return;
  if (config.OPENCSM_DEV_LOG_CODES) {
    log.warn('OPENCSM_DEV_LOG_CODES=true: portal sign-in codes are written to this log. Development only, never in production. / OPENCSM_DEV_LOG_CODES=true：门户登录验证码会写入日志，仅限开发环境，切勿用于生产。');
  } else {
    log.warn('OPENCSM_SMTP_URL is not set: the customer portal cannot mail sign-in codes, so customers cannot sign in. Set OPENCSM_SMTP_URL. / 未设置 OPENCSM_SMTP_URL：客户门户无法发送登录验证码，客户将无法登录。请设置 OPENCSM_SMTP_URL。');
  }
}
