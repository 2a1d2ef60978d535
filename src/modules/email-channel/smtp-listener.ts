import { readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import type { SMTPServerAddress, SMTPServerDataStream, SMTPServerSession } from 'smtp-server';
import type { Config } from '../../app/config.js';
import type { Database } from '../../db/database.js';
import { storeInbound } from './inbound-store.js';
import { mailboxesByAddress } from './mailboxes.js';
import { splitPlusAddress } from './ticket-token.js';

/**
 * The built-in SMTP listener (an MX for the configured mailboxes): accepts mail for configured
 * addresses (and their signed `+tag` reply addresses) only, and answers 250 only once the message
 * is durably stored. Unknown recipient 550 at RCPT; over the size limit 552; storage trouble 451
 * (the sender retries later). STARTTLS when a key and certificate are configured.
 */
export type SmtpListener = { port: number; close(): Promise<void> };

type SmtpError = Error & { responseCode?: number };
const smtpError = (responseCode: number, message: string): SmtpError => Object.assign(new Error(message), { responseCode });

export function recipientMailboxAddress(address: string): string {
  const lower = address.trim().toLowerCase();
  return splitPlusAddress(lower)?.base ?? lower;
}

type Session = SMTPServerSession & { mailboxIds?: Map<string, string> };

export async function startSmtpListener(
  database: Database,
  config: Pick<Config, 'SMTP_PORT' | 'SMTP_HOST' | 'SMTP_MAX_MESSAGE_MB' | 'SMTP_TLS_KEY' | 'SMTP_TLS_CERT' | 'SMTP_HOSTNAME'>,
  log: Logger,
): Promise<SmtpListener> {
  const maxBytes = Math.floor(config.SMTP_MAX_MESSAGE_MB * 1024 * 1024);
  const tls = config.SMTP_TLS_KEY && config.SMTP_TLS_CERT ? { key: readFileSync(config.SMTP_TLS_KEY), cert: readFileSync(config.SMTP_TLS_CERT) } : null;
  // Imported when a listener starts, not with the app (~0.1 s of CPU).
  const { SMTPServer } = await import('smtp-server');
  const server = new SMTPServer({
    name: config.SMTP_HOSTNAME,
    banner: 'OpenCSM ESMTP',
    size: maxBytes,
    authOptional: true,
    disabledCommands: tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    ...(tls ?? {}),
    logger: false,
    maxClients: 200,
    onRcptTo(address: SMTPServerAddress, session: Session, callback) {
      if (session.envelope.rcptTo.length >= 100) return callback(smtpError(452, '4.5.3 too many recipients / 收件人过多'));
      const wanted = recipientMailboxAddress(address.address);
      mailboxesByAddress(database.db, [wanted]).then(
        ([mailbox]) => {
          if (!mailbox) return callback(smtpError(550, `5.1.1 <${address.address}>: no such mailbox here / 收件邮箱不存在`));
          (session.mailboxIds ??= new Map()).set(address.address.toLowerCase(), mailbox.id);
          callback();
        },
        (error: unknown) => {
          log.error({ err: error }, 'smtp: recipient lookup failed');
          callback(smtpError(451, '4.3.0 temporary failure, try again later / 暂时无法处理，请稍后重试'));
        },
      );
    },
    onData(stream: SMTPServerDataStream, session: Session, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= maxBytes) chunks.push(chunk);
      });
      stream.on('error', (error) => callback(error));
      stream.on('end', () => {
        if (stream.sizeExceeded || size > maxBytes) {
          return callback(smtpError(552, `5.3.4 message too big: the limit is ${config.SMTP_MAX_MESSAGE_MB} MB / 邮件超过大小上限 ${config.SMTP_MAX_MESSAGE_MB} MB`));
        }
        const mailFrom = session.envelope.mailFrom;
        const recipients = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        const mailboxIds = [...new Set(recipients.map((r) => session.mailboxIds?.get(r)).filter((id): id is string => Boolean(id)))];
        // Who connected and what it called itself: cheap to record now; SPF/DKIM/DMARC need DNS and run in the processing job, so the 250 is not delayed.
        const client = { clientIp: session.remoteAddress || null, helo: session.hostNameAppearsAs || null };
        storeInbound(database, { source: 'smtp', envelopeFrom: mailFrom ? mailFrom.address.toLowerCase() : '', recipients, mailboxIds, raw: Buffer.concat(chunks), ...client }).then(
          ({ id }) => callback(null, `2.0.0 stored as ${id} / 已接收`),
          (error: unknown) => {
            log.error({ err: error }, 'smtp: could not store a message');
            callback(smtpError(451, '4.3.0 could not store the message, try again later / 暂时无法保存，请稍后重试'));
          },
        );
      });
    },
  });
  server.on('error', (error) => log.warn({ err: error }, 'smtp listener error'));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.SMTP_PORT ?? 25, config.SMTP_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : (config.SMTP_PORT ?? 25);
  log.info({ port, host: config.SMTP_HOST, starttls: Boolean(tls) }, 'smtp listener started');
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
