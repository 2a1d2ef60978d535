import nodemailer from 'nodemailer';
import { decryptSecret, type EmailKeys } from './installation-key.js';
import type { MailboxRow } from './mailbox-model.js';

/** A nodemailer transport for a mailbox's own SMTP server; the password is decrypted only here. */
export function transportFor(mailbox: MailboxRow, keys: EmailKeys) {
  const outbound = mailbox.outbound!;
  const pass = mailbox.outboundPassword ? decryptSecret(keys.secrets, mailbox.outboundPassword) : null;
  return nodemailer.createTransport({
    host: outbound.host,
    port: outbound.port,
    secure: outbound.secure,
    ...(outbound.user && { auth: { user: outbound.user, pass: pass ?? '' } }),
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
}

/** A rejection the server will give again (5xx): retrying cannot help. */
export function isPermanentSmtpError(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
