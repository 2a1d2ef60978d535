import type { WriteRules } from '../../app/write-rules.js';
import type { Config } from '../../app/config.js';
import type { Database, Tx } from '../../db/database.js';
import { attachmentStoreIn, receiveInboundMessage, type InboundResult } from '../tickets/index.js';
import type { MailboxRow } from './mailbox-model.js';
import type { ParsedEmail } from './parse-email.js';
import { emailMessages } from './schema.js';
import type { SenderAuth } from './sender-auth-result.js';
import { proposeCcs } from './ticket-ccs.js';

/**
 * One parsed mail into a ticket (an existing one, or a new one when `ticketId` is null) through
 * the tickets module, idempotent on the Message-ID. Used by the processing job and by the
 * quarantine's "attach" and "new ticket" actions.
 */
export async function mailToTicket(
  database: Database,
  config: Config,
  mail: ParsedEmail & { from: NonNullable<ParsedEmail['from']> },
  options: { ticketId: string | null; mailbox: MailboxRow | undefined; threadedBy: string | null; auth: SenderAuth; rules: WriteRules },
): Promise<InboundResult> {
  return receiveInboundMessage(
    database,
    {
      channel: 'email',
      externalId: mail.externalId,
      ticketId: options.ticketId,
      requester: { name: mail.from.name || undefined, email: mail.from.address },
      subject: mail.subject || '(无主题 / no subject)',
      body: mail.text || '(无正文 / no text)',
      bodyHtml: mail.html,
      meta: {
        email: {
          messageId: mail.messageId,
          from: mail.from,
          to: mail.to,
          cc: mail.cc,
          mailboxId: options.mailbox?.id ?? null,
          threadedBy: options.threadedBy,
          auth: options.auth,
          ...(mail.quoted && { quoted: mail.quoted.slice(0, 20_000) }),
        },
      },
      attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content, ...(a.contentId && { contentId: a.contentId }) })),
      newTicket: options.mailbox?.teamId ? { teamId: options.mailbox.teamId } : undefined,
    },
    { timeZone: config.OPENCSM_TIMEZONE, store: attachmentStoreIn(config.OPENCSM_DATA_DIR), ...options.rules },
  );
}

/**
 * Records the mail's Message-ID on its ticket (threading, participants) and proposes the new
 * people in its To/Cc as CCs, in the caller's transaction. Returns whether this call recorded it
 * (false on a retried job: the row is the guard against a second receipt).
 */
export async function recordInboundMail(
  tx: Tx,
  mail: ParsedEmail & { from: NonNullable<ParsedEmail['from']> },
  result: InboundResult,
  options: { mailbox: MailboxRow | undefined; ourAddresses: ReadonlySet<string>; trustedSender: boolean },
): Promise<boolean> {
  const isOurs = (a: string) => options.ourAddresses.has(a) || options.ourAddresses.has(a.replace(/\+[^@]*@/, '@'));
  const copied = [...mail.to, ...mail.cc].filter((a) => !isOurs(a.address) && a.address !== mail.from.address);
  const recorded = await tx
    .insert(emailMessages)
    .values({
      messageId: mail.messageId ?? mail.externalId,
      ticketId: result.ticketId,
      ticketNumber: result.ticketNumber,
      ticketMessageId: result.messageId,
      direction: 'in',
      mailboxId: options.mailbox?.id ?? null,
      fromAddress: mail.from.address,
      recipients: copied.map((a) => a.address),
      trustedSender: options.trustedSender,
    })
    .onConflictDoNothing()
    .returning({ messageId: emailMessages.messageId });
  if (recorded[0]) await proposeCcs(tx, result.ticketId, copied);
  return Boolean(recorded[0]);
}
