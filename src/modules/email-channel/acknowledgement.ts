import { and, eq, isNull } from 'drizzle-orm';
import type { Config } from '../../app/config.js';
import type { JobHandler } from '../../jobs/registry.js';
import { pinOutbound } from '../security-settings/index.js';
import { emailKeys } from './installation-key.js';
import { newMessageId, threadIndex, uuidv7Time } from './outbound-headers.js';
import { emailMailboxes, emailMessages } from './schema.js';
import { transportFor } from './smtp-transport.js';
import { acknowledgementMail } from './templates.js';
import { signedReplyAddress, subjectWithToken } from './ticket-token.js';

export const acknowledgeJob = 'email.acknowledge';

/**
 * 受理回执: tells the customer their mail became ticket N, in the mailbox's language. Marked
 * `Auto-Submitted: auto-replied` (RFC 3834) so other robots do not answer it; its Message-ID is
 * recorded so a reply to it threads into the ticket.
 */
export function acknowledgeHandler(config: Config): JobHandler {
  return async (payload, { database }) => {
    const [mailbox] = await database.db.select().from(emailMailboxes).where(eq(emailMailboxes.id, String(payload.mailboxId)));
    if (!mailbox?.outbound || !mailbox.active) return;
    const ticketId = String(payload.ticketId);
    const ticketNumber = String(payload.ticketNumber);
    const to = String(payload.to);
    const keys = emailKeys(config);
    const mail = acknowledgementMail(mailbox.language === 'en' ? 'en' : 'zh-CN', { name: String(payload.name ?? ''), ticketNumber, subject: String(payload.subject ?? ''), signature: mailbox.signature });
    // A retry sends under the Message-ID the first attempt recorded, so the receiver can drop a copy.
    const [earlier] = await database.db
      .select({ messageId: emailMessages.messageId, status: emailMessages.status })
      .from(emailMessages)
      .where(and(eq(emailMessages.ticketId, ticketId), eq(emailMessages.direction, 'out'), isNull(emailMessages.ticketMessageId)));
    if (earlier?.status === 'sent') return;
    const messageId = earlier?.messageId ?? newMessageId(mailbox.address);
    if (!earlier) {
      await database.transaction((tx) =>
        tx.insert(emailMessages).values({ messageId, ticketId, ticketNumber, direction: 'out', mailboxId: mailbox.id, fromAddress: mailbox.address, recipients: [to], status: 'queued' }),
      );
    }
    const inReplyTo = payload.inReplyTo ? `<${String(payload.inReplyTo)}>` : undefined;
    await transportFor(mailbox, keys, (host) => pinOutbound(database.db, config, host)).sendMail({
      from: { name: mailbox.name, address: mailbox.address },
      to,
      replyTo: { name: mailbox.name, address: signedReplyAddress(keys.replyAddress, mailbox.address, ticketNumber) },
      subject: subjectWithToken(mail.subject, ticketNumber),
      text: mail.text,
      messageId: `<${messageId}>`,
      ...(inReplyTo && { inReplyTo, references: [inReplyTo] }),
      headers: { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All', 'Thread-Index': threadIndex(ticketId, new Date(), uuidv7Time(ticketId)) },
    });
    await database.transaction((tx) => tx.update(emailMessages).set({ status: 'sent' }).where(eq(emailMessages.messageId, messageId)));
  };
}
