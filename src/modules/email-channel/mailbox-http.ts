import { z } from 'zod';
import { ifMatchVersion, optionalIfMatchVersion } from '../../app/http/if-match.js';

/** HTTP shapes of the mailbox admin API. Passwords go in (`pass`), never out (`hasPassword`). */
const host = z.string().trim().min(1).max(255);
const portNumber = z.number().int().min(1).max(65535);

const outboundIn = z.strictObject({
  host,
  port: portNumber,
  secure: z.boolean().optional().describe('Implicit TLS (port 465). Default: true on 465, else STARTTLS when offered.'),
  user: z.string().trim().max(255).nullable().optional(),
  pass: z.string().max(1000).nullable().optional().describe('Stored encrypted; leave out to keep the stored one, null to remove it. Never returned.'),
});

const imapIn = z.strictObject({
  host,
  port: portNumber,
  secure: z.boolean().optional().describe('Implicit TLS (993). Default: true on 993.'),
  user: z.string().trim().min(1).max(255),
  pass: z.string().max(1000).nullable().optional().describe('Required when IMAP is first configured; stored encrypted, never returned.'),
  folder: z.string().trim().min(1).max(255).optional().describe('Default INBOX.'),
  afterFetch: z.enum(['seen', 'move']).optional().describe('Mark fetched mail \\Seen (default) or move it to `moveTo`.'),
  moveTo: z.string().trim().min(1).max(255).nullable().optional(),
  pollSeconds: z.number().int().min(15).max(3600).optional().describe('Default 60.'),
});

export const createMailboxBody = z.strictObject({
  address: z.string().trim().min(3).max(254).describe('The address customers write to, e.g. support@acme.cn (lower-cased; no "+").'),
  name: z.string().trim().min(1).max(100).describe('Display name of outgoing mail, e.g. 某某公司客服中心.'),
  teamId: z.uuid().nullable().optional().describe('New tickets from this mailbox go to this team.'),
  signature: z.string().max(5000).optional(),
  language: z.enum(['zh-CN', 'en']).optional().describe('Language of the auto-acknowledgement (受理回执). Default zh-CN.'),
  autoAcknowledge: z.boolean().optional().describe('Send 受理回执 on a new ticket (never to auto-replies, bounces or lists). Default true.'),
  active: z.boolean().optional(),
  outbound: outboundIn.nullable().optional().describe('SMTP server that sends replies from this mailbox.'),
  imap: imapIn.nullable().optional().describe('Poll an existing mailbox over IMAP (in addition to, or instead of, the built-in SMTP listener).'),
});

export const updateMailboxBody = createMailboxBody.partial();

const outboundOut = z.object({ host: z.string(), port: z.number().int(), secure: z.boolean(), user: z.string().nullable(), hasPassword: z.boolean() });
const imapOut = z.object({
  host: z.string(),
  port: z.number().int(),
  secure: z.boolean(),
  user: z.string(),
  folder: z.string(),
  afterFetch: z.enum(['seen', 'move']),
  moveTo: z.string().nullable(),
  pollSeconds: z.number().int(),
  hasPassword: z.boolean(),
  lastPolledAt: z.date().nullable(),
  lastError: z.string().nullable(),
  lastUid: z.number().int(),
});

export const mailboxSchema = z
  .object({
    id: z.uuid(),
    address: z.string(),
    name: z.string(),
    teamId: z.uuid().nullable(),
    signature: z.string(),
    language: z.enum(['zh-CN', 'en']),
    autoAcknowledge: z.boolean(),
    active: z.boolean(),
    outbound: outboundOut.nullable(),
    imap: imapOut.nullable(),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Mailbox' });

export const idParams = z.object({ id: z.uuid() });
export const ifMatchHeaders = z.object({ 'if-match': z.string().optional() });

export function mailboxVersionFrom(header: string | undefined, required: boolean): number | undefined {
  return required ? ifMatchVersion(header, 'email.mailbox.if_match_required', 'email.mailbox.if_match_invalid') : optionalIfMatchVersion(header, 'email.mailbox.if_match_invalid');
}
