import nodemailer from 'nodemailer';
import type { SendMailOptions, SentMessageInfo } from 'nodemailer';
import type { PinnedHost } from '../../app/net/outbound-guard.js';
import { decryptSecret, type EmailKeys } from './installation-key.js';
import type { MailboxRow } from './mailbox-model.js';

/** Resolves a user-given host through the outbound guard (see security-settings' pinOutbound). */
export type PinHost = (host: string) => Promise<PinnedHost>;

/**
 * A sender for a mailbox's own SMTP server; the password is decrypted only here. Each send first
 * passes the host through the outbound guard and connects to the address it pinned, keeping the
 * name for TLS (SNI and certificate check), so DNS cannot point the connection elsewhere between
 * the check and the connect.
 */
export function transportFor(mailbox: MailboxRow, keys: EmailKeys, pinHost: PinHost) {
  const outbound = mailbox.outbound!;
  return {
    async sendMail(message: SendMailOptions): Promise<SentMessageInfo> {
      const pinned = await pinHost(outbound.host);
      const pass = mailbox.outboundPassword ? decryptSecret(keys.secrets, mailbox.outboundPassword) : null;
      const transport = nodemailer.createTransport({
        host: pinned.address,
        servername: pinned.host,
        port: outbound.port,
        secure: outbound.secure,
        tls: { servername: pinned.host },
        ...(outbound.user && { auth: { user: outbound.user, pass: pass ?? '' } }),
        connectionTimeout: 30_000,
        greetingTimeout: 30_000,
        socketTimeout: 60_000,
      });
      try {
        return await transport.sendMail(message);
      } finally {
        transport.close();
      }
    },
  };
}

/** A rejection the server will give again (5xx): retrying cannot help. */
export function isPermanentSmtpError(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
