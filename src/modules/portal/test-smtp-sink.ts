import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * Test support: a local SMTP server that keeps every mail it is handed, so tests read the
 * one-time code the way a customer would (from the mail) instead of from the database.
 */
export type SmtpSink = {
  url: string;
  /** Each mail as parsed; `html` and `attachments` for mails that have them (a scheduled report's workbook). */
  mails: Array<{ to: string; subject: string; text: string; html?: string; attachments?: Array<{ filename: string; contentType: string; content: Buffer }> }>;
  /** The 6-digit code in the newest mail to `email` that arrives after `since` mails. */
  waitForCode(email: string, options?: { after?: number; timeoutMs?: number }): Promise<string>;
  close(): Promise<void>;
};

export async function startSmtpSink(): Promise<SmtpSink> {
  const mails: SmtpSink['mails'] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const extra = {
            ...(typeof parsed.html === 'string' && { html: parsed.html }),
            ...(parsed.attachments.length > 0 && { attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? '', contentType: a.contentType, content: a.content })) }),
          };
          for (const to of session.envelope.rcptTo) mails.push({ to: to.address.toLowerCase(), subject: parsed.subject ?? '', text: parsed.text ?? '', ...extra });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    async waitForCode(email, options = {}) {
      const deadline = Date.now() + (options.timeoutMs ?? 5000);
      for (;;) {
        const mail = mails.slice(options.after ?? 0).filter((m) => m.to === email.toLowerCase()).at(-1);
        const code = mail && /\b(\d{6})\b/.exec(mail.text)?.[1];
        if (code) return code;
        if (Date.now() > deadline) throw new Error(`no login code mailed to ${email}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
