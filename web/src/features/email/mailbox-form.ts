import type { Mailbox, MailboxBody } from './queries.ts';

/** What the mailbox form edits: the API body with flat switches, passwords empty unless changed. */
export type MailboxFormValues = {
  address: string;
  name: string;
  teamId?: string | null;
  language: 'zh-CN' | 'en';
  autoAcknowledge: boolean;
  active: boolean;
  signature?: string;
  outbound?: { host?: string; port?: number; secure?: boolean; user?: string; pass?: string };
  imapEnabled: boolean;
  imap?: { host?: string; port?: number; secure?: boolean; user?: string; pass?: string; folder?: string; afterFetch?: 'seen' | 'move'; moveTo?: string; pollSeconds?: number };
};

export function formValuesOf(mailbox: Mailbox | null): MailboxFormValues {
  if (!mailbox) return { address: '', name: '', teamId: null, language: 'zh-CN', autoAcknowledge: true, active: true, signature: '', outbound: { port: 465, secure: true }, imapEnabled: false, imap: { port: 993, secure: true, folder: 'INBOX', afterFetch: 'seen', pollSeconds: 60 } };
  return {
    address: mailbox.address,
    name: mailbox.name,
    teamId: mailbox.teamId,
    language: mailbox.language,
    autoAcknowledge: mailbox.autoAcknowledge,
    active: mailbox.active,
    signature: mailbox.signature,
    outbound: mailbox.outbound ? { host: mailbox.outbound.host, port: mailbox.outbound.port, secure: mailbox.outbound.secure, user: mailbox.outbound.user ?? '' } : { port: 465, secure: true },
    imapEnabled: Boolean(mailbox.imap),
    imap: mailbox.imap
      ? { host: mailbox.imap.host, port: mailbox.imap.port, secure: mailbox.imap.secure, user: mailbox.imap.user, folder: mailbox.imap.folder, afterFetch: mailbox.imap.afterFetch, moveTo: mailbox.imap.moveTo ?? '', pollSeconds: mailbox.imap.pollSeconds }
      : { port: 993, secure: true, folder: 'INBOX', afterFetch: 'seen', pollSeconds: 60 },
  };
}

/** The request body: an empty password keeps the stored one (the field is left out). */
export function bodyOf(values: MailboxFormValues): MailboxBody {
  const out = values.outbound;
  const imap = values.imap;
  return {
    address: values.address.trim(),
    name: values.name.trim(),
    teamId: values.teamId ?? null,
    language: values.language,
    autoAcknowledge: values.autoAcknowledge,
    active: values.active,
    signature: values.signature ?? '',
    outbound: out?.host?.trim() ? { host: out.host.trim(), port: out.port ?? 465, secure: out.secure ?? false, user: out.user?.trim() || null, ...(out.pass ? { pass: out.pass } : {}) } : null,
    imap:
      values.imapEnabled && imap?.host?.trim()
        ? {
            host: imap.host.trim(),
            port: imap.port ?? 993,
            secure: imap.secure ?? false,
            user: imap.user?.trim() ?? '',
            ...(imap.pass ? { pass: imap.pass } : {}),
            folder: imap.folder?.trim() || 'INBOX',
            afterFetch: imap.afterFetch ?? 'seen',
            moveTo: imap.afterFetch === 'move' ? imap.moveTo?.trim() || null : null,
            pollSeconds: imap.pollSeconds ?? 60,
          }
        : null,
  };
}
