import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from './config.js';

/**
 * Mail the system itself sends to people (security notices to users), through the relay in
 * OPENCSM_SMTP_URL. Callers send from a durable job enqueued in the transaction that decided to
 * mail, so a failing relay is retried and a crash loses nothing. Without a relay the mail is
 * dropped with a warning: it is a notice, and its text is not written to the log.
 */
export type SystemMail = {
  to: string; subject: string; text: string;
  /** An HTML alternative of `text` (already escaped by the caller) and files (a scheduled report's workbook). */
  html?: string;
  attachments?: Array<{ filename: string; content: Buffer; contentType: string }>;
};
export type SystemMailer = { send(mail: SystemMail): Promise<void> };

export function createSystemMailer(config: Pick<Config, 'OPENCSM_SMTP_URL' | 'OPENCSM_MAIL_FROM'>, log: Logger): SystemMailer {
  if (!config.OPENCSM_SMTP_URL) {
    return {
      async send(mail) {
        log.warn({ to: mail.to, subject: mail.subject }, 'system mail not sent: OPENCSM_SMTP_URL is not set');
      },
    };
  }
  const transport = nodemailer.createTransport(config.OPENCSM_SMTP_URL);
  return {
    async send(mail) {
      await transport.sendMail({ from: config.OPENCSM_MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text, ...(mail.html && { html: mail.html }), ...(mail.attachments && { attachments: mail.attachments }) });
    },
  };
}
