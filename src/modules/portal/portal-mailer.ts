import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from '../../app/config.js';
import type { Locale } from '../../app/i18n/catalogue.js';

export type LoginCodeMail = { to: string; name: string; code: string; locale: Locale };
export type ReplyNoticeMail = { to: string; name: string; number: string; subject: string; body: string; link: string | null; locale: Locale };

/** Mails the portal sends through the configured relay; with none (embedded dev), it logs them instead. */
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

export function createPortalMailer(config: Pick<Config, 'OPENCSM_SMTP_URL' | 'OPENCSM_MAIL_FROM'>, log: Logger): PortalMailer {
  if (!config.OPENCSM_SMTP_URL) {
    return {
      async sendLoginCode(mail) {
        log.info({ to: mail.to, code: mail.code }, 'portal login code (OPENCSM_SMTP_URL is not set, so it is logged instead of mailed; set it in production)');
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
