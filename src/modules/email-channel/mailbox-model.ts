import type { EmailKeys } from './installation-key.js';
import type { ImapSettings, OutboundSettings } from './schema.js';
import { emailMailboxes } from './schema.js';

export type MailboxRow = typeof emailMailboxes.$inferSelect;

/** What the API shows of a mailbox: everything but the passwords, of which only their presence. */
export type MailboxView = {
  id: string;
  address: string;
  name: string;
  teamId: string | null;
  signature: string;
  language: 'zh-CN' | 'en';
  autoAcknowledge: boolean;
  active: boolean;
  outbound: (OutboundSettings & { hasPassword: boolean }) | null;
  imap: (ImapSettings & { hasPassword: boolean; lastPolledAt: Date | null; lastError: string | null; lastUid: number }) | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

export function presentMailbox(row: MailboxRow): MailboxView {
  return {
    id: row.id,
    address: row.address,
    name: row.name,
    teamId: row.teamId,
    signature: row.signature,
    language: row.language === 'en' ? 'en' : 'zh-CN',
    autoAcknowledge: row.autoAcknowledge,
    active: row.active,
    outbound: row.outbound ? { ...row.outbound, hasPassword: Boolean(row.outboundPassword) } : null,
    imap: row.imap ? { ...row.imap, hasPassword: Boolean(row.imapPassword), lastPolledAt: row.imapLastPolledAt, lastError: row.imapLastError, lastUid: row.imapLastUid } : null,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Settings as the sender and the poller need them, passwords decrypted (server side only). */
export type MailboxCredentials = { keys: EmailKeys };
