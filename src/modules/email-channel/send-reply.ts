import { and, asc, eq } from 'drizzle-orm';
import type { Config } from '../../app/config.js';
import type { Database } from '../../db/database.js';
import type { EventHandler } from '../../jobs/registry.js';
import { getContactsByIds } from '../customers/index.js';
import { pinOutbound } from '../security-settings/index.js';
import { attachmentStoreIn, getDeliverableMessage, isReplyToDeliver, recordDelivery, type ticketMessageAdded } from '../tickets/index.js';
import { emailKeys } from './installation-key.js';
import type { MailboxRow } from './mailbox-model.js';
import { newMessageId, referencesFor, threadIndex, uuidv7Time } from './outbound-headers.js';
import { emailMailboxes, emailMessages } from './schema.js';
import { isPermanentSmtpError, transportFor } from './smtp-transport.js';
import { replyText } from './templates.js';
import { baseSubject, signedReplyAddress, subjectWithToken } from './ticket-token.js';
import { acceptedCcs } from './ticket-ccs.js';
import { ticketMail } from './threading.js';

export const deliverJob = 'email.deliver';
/** The queue's default attempts for event subscribers; the last one reports the failure. */
const lastAttempt = 8;

/**
 * Sends an agent's public reply whose channel is email (`ticket.message_added` with `deliver`), to
 * the requester's address and the ticket's accepted CCs (ticket-ccs.ts), from the mailbox the
 * customer's last mail came to.
 * Threading headers: Message-ID (recorded before sending, so a retry reuses it and receivers can
 * drop a duplicate), In-Reply-To, References, Thread-Index, the ticket token in the subject and a
 * signed Reply-To. A 5xx is final; other errors retry with the queue's backoff; the outcome lands
 * on the timeline through recordDelivery.
 */
export function deliverReplyHandler(config: Config): EventHandler<typeof ticketMessageAdded> {
  return async (event, { database, log, job }) => {
    if (!isReplyToDeliver('email')(event)) return;
    const messageId = event.payload.messageId;
    const message = await getDeliverableMessage(database.db, messageId);
    if (!message) return;
    const existing = await database.db.select().from(emailMessages).where(and(eq(emailMessages.ticketMessageId, messageId), eq(emailMessages.direction, 'out')));
    if (existing[0]?.status === 'sent') return;

    const conversation = await ticketMail(database.db, message.ticketId);
    const lastIn = conversation.find((m) => m.direction === 'in');
    const mailbox = await senderMailbox(database, lastIn?.mailboxId ?? null, message.teamId);
    if (!mailbox?.outbound) return recordDelivery(database, messageId, { status: 'failed', error: 'no mailbox with outbound SMTP settings / 没有配置发信服务器的邮箱' });
    // To the requester contact's address (never whoever wrote last: that could be anyone who got
    // threaded), copying only the CCs an agent accepted.
    const to = message.requesterId ? ((await getContactsByIds(database.db, [message.requesterId])).get(message.requesterId)?.email ?? null) : null;
    if (!to) return recordDelivery(database, messageId, { status: 'failed', error: 'the customer has no email address / 客户没有邮箱地址' });
    const cc = [...new Set(await acceptedCcs(database.db, message.ticketId))].filter((a) => a !== to && a !== mailbox.address);

    const ourId = existing[0]?.messageId ?? newMessageId(mailbox.address);
    if (!existing[0]) {
      await database.transaction((tx) =>
        tx.insert(emailMessages).values({ messageId: ourId, ticketId: message.ticketId, ticketNumber: message.ticketNumber, ticketMessageId: messageId, direction: 'out', mailboxId: mailbox.id, fromAddress: mailbox.address, recipients: [to, ...cc], status: 'queued' }).onConflictDoNothing(),
      );
    }
    const references = referencesFor([...conversation].reverse().map((m) => m.messageId).filter((id) => id !== ourId && !id.startsWith('sha256:')));
    const keys = emailKeys(config);
    const store = attachmentStoreIn(config.OPENCSM_DATA_DIR);
    const attachments = await Promise.all(message.attachments.map(async (a) => ({ filename: a.filename, contentType: a.contentType, content: (await store.open(a.sha256)).stream })));
    try {
      await transportFor(mailbox, keys, (host) => pinOutbound(database.db, config, host)).sendMail({
        from: { name: mailbox.name, address: mailbox.address },
        to,
        ...(cc.length && { cc }),
        replyTo: { name: mailbox.name, address: signedReplyAddress(keys.replyAddress, mailbox.address, message.ticketNumber) },
        subject: subjectWithToken(`Re: ${baseSubject(message.ticketSubject)}`, message.ticketNumber),
        text: replyText(mailbox.language === 'en' ? 'en' : 'zh-CN', { body: message.body, ticketNumber: message.ticketNumber, signature: mailbox.signature }),
        messageId: `<${ourId}>`,
        ...(lastIn && { inReplyTo: `<${lastIn.messageId}>` }),
        ...(references.length && { references: references.map((id) => `<${id}>`) }),
        headers: { 'Thread-Index': threadIndex(message.ticketId, new Date(), uuidv7Time(message.ticketId)), 'Thread-Topic': baseSubject(message.ticketSubject) },
        attachments,
      });
    } catch (error) {
      const permanent = isPermanentSmtpError(error);
      log.warn({ err: error, messageId, attempt: job.attempts }, 'email reply not sent');
      if (!permanent && job.attempts < lastAttempt) throw error;
      await database.transaction((tx) => tx.update(emailMessages).set({ status: 'failed' }).where(eq(emailMessages.messageId, ourId)));
      return recordDelivery(database, messageId, { status: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
    await database.transaction((tx) => tx.update(emailMessages).set({ status: 'sent' }).where(eq(emailMessages.messageId, ourId)));
    await recordDelivery(database, messageId, { status: 'sent', meta: { email: { messageId: ourId, to, cc } } });
  };
}

/** The mailbox the customer wrote to, else the team's, else the oldest active one that can send. */
export async function senderMailbox(database: Database, mailboxId: string | null, teamId: string | null): Promise<MailboxRow | undefined> {
  const all = await database.db.select().from(emailMailboxes).where(eq(emailMailboxes.active, true)).orderBy(asc(emailMailboxes.createdAt));
  const usable = all.filter((m) => m.outbound);
  return usable.find((m) => m.id === mailboxId) ?? usable.find((m) => teamId && m.teamId === teamId) ?? usable[0];
}
