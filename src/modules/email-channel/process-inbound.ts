import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Config } from '../../app/config.js';
import type { Database, Tx } from '../../db/database.js';
import { enqueueJob } from '../../jobs/queue.js';
import type { JobHandler } from '../../jobs/registry.js';
import { attachmentStoreIn, receiveInboundMessage, recordDelivery } from '../tickets/index.js';
import { acknowledgeJob } from './acknowledgement.js';
import { emailKeys } from './installation-key.js';
import type { MailboxRow } from './mailbox-model.js';
import { parseEmail, type ParsedEmail } from './parse-email.js';
import { emailInbound, emailMailboxes, emailMessages } from './schema.js';
import { findByMessageIds, findThread } from './threading.js';

type InboundRow = typeof emailInbound.$inferSelect;
type Outcome = 'ticket' | 'duplicate' | 'auto_reply' | 'bounce' | 'list' | 'loop' | 'no_sender';

/**
 * The `email.process` job: one stored mail → at most one ticket message. Every step is safe to
 * repeat after a crash: the ticket side is idempotent on the Message-ID (receiveInboundMessage's
 * receipt), the rest is written together with "processed" in one transaction.
 */
export function processInboundHandler(config: Config): JobHandler {
  return async (payload, { database, log }) => {
    const [row] = await database.db.select().from(emailInbound).where(eq(emailInbound.id, String(payload.inboundId)));
    if (!row || row.processedAt) return;
    const mail = await parseEmail(row.raw, { from: row.envelopeFrom });
    const mailboxes = await allMailboxes(database);
    const outcome = await decide(database, config, row, mail, mailboxes);
    log.debug({ inbound: row.id, outcome: outcome.outcome, ticketId: outcome.ticketId }, 'email processed');
  };
}

async function allMailboxes(database: Database): Promise<MailboxRow[]> {
  return database.db.select().from(emailMailboxes);
}

async function markProcessed(tx: Tx, row: InboundRow, outcome: Outcome, extra: { ticketId?: string | null; externalId?: string } = {}) {
  await tx.update(emailInbound).set({ processedAt: new Date(), outcome, ticketId: extra.ticketId ?? null, externalId: extra.externalId ?? null }).where(eq(emailInbound.id, row.id));
}

async function decide(database: Database, config: Config, row: InboundRow, mail: ParsedEmail, mailboxes: MailboxRow[]): Promise<{ outcome: Outcome; ticketId?: string }> {
  const ourAddresses = new Set(mailboxes.map((m) => m.address));
  if (mail.noise === 'bounce') {
    await markBounced(database, mail);
    await database.transaction((tx) => markProcessed(tx, row, 'bounce', { externalId: mail.externalId }));
    return { outcome: 'bounce' };
  }
  if (mail.noise) {
    await database.transaction((tx) => markProcessed(tx, row, mail.noise!, { externalId: mail.externalId }));
    return { outcome: mail.noise };
  }
  if (!mail.from) {
    await database.transaction((tx) => markProcessed(tx, row, 'no_sender', { externalId: mail.externalId }));
    return { outcome: 'no_sender' };
  }
  // Our own mail coming back (a forward loop, a misconfigured alias) never becomes a ticket.
  if (ourAddresses.has(mail.from.address)) {
    await database.transaction((tx) => markProcessed(tx, row, 'loop', { externalId: mail.externalId }));
    return { outcome: 'loop' };
  }

  const keys = emailKeys(config);
  const thread = await findThread(database.db, mail, { replyKey: keys.replyAddress, ourAddresses, envelopeRecipients: row.recipients });
  const mailbox = pickMailbox(row, mail, mailboxes);
  const result = await receiveInboundMessage(
    database,
    {
      channel: 'email',
      externalId: mail.externalId,
      ticketId: thread?.ticketId ?? null,
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
          mailboxId: mailbox?.id ?? null,
          threadedBy: thread?.by ?? null,
          ...(mail.quoted && { quoted: mail.quoted.slice(0, 20_000) }),
        },
      },
      attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content, ...(a.contentId && { contentId: a.contentId }) })),
      newTicket: mailbox?.teamId ? { teamId: mailbox.teamId } : undefined,
    },
    { timeZone: config.OPENCSM_TIMEZONE, store: attachmentStoreIn(config.OPENCSM_DATA_DIR) },
  );

  const participants = [...mail.to, ...mail.cc].map((a) => a.address).filter((a) => !ourAddresses.has(a) && !ourAddresses.has(a.replace(/\+[^@]*@/, '@')));
  return database.transaction(async (tx) => {
    const recorded = await tx
      .insert(emailMessages)
      .values({ messageId: mail.messageId ?? mail.externalId, ticketId: result.ticketId, ticketNumber: result.ticketNumber, ticketMessageId: result.messageId, direction: 'in', mailboxId: mailbox?.id ?? null, fromAddress: mail.from!.address, recipients: participants })
      .onConflictDoNothing()
      .returning({ messageId: emailMessages.messageId });
    // 受理回执: once per new ticket (the row above is the guard against a retried job), never to noise.
    if (result.createdTicket && recorded[0] && mailbox?.autoAcknowledge && mailbox.outbound && !(await acknowledgedRecently(tx, mail.from!.address))) {
      await enqueueJob(tx, {
        type: acknowledgeJob,
        payload: { ticketId: result.ticketId, ticketNumber: result.ticketNumber, mailboxId: mailbox.id, to: mail.from!.address, name: mail.from!.name, subject: mail.subject, inReplyTo: mail.messageId },
        dedupeKey: `${acknowledgeJob}:${result.ticketId}`,
      });
    }
    // A retry after a crash finds its own receipt (duplicate) but records the mail now: it is this mail's ticket.
    const outcome = result.duplicate && !recorded[0] ? 'duplicate' : 'ticket';
    await markProcessed(tx, row, outcome, { ticketId: result.ticketId, externalId: mail.externalId });
    return { outcome, ticketId: result.ticketId };
  });
}

/** The mailbox a mail came to: the envelope's, else the first of ours among To/Cc. */
function pickMailbox(row: InboundRow, mail: ParsedEmail, mailboxes: MailboxRow[]): MailboxRow | undefined {
  const byId = row.mailboxIds.map((id) => mailboxes.find((m) => m.id === id)).find(Boolean);
  if (byId) return byId;
  const addresses = [...mail.to, ...mail.cc].map((a) => a.address.replace(/\+[^@]*@/, '@'));
  return addresses.map((a) => mailboxes.find((m) => m.address === a)).find(Boolean);
}

/** A delivery report about mail we sent: that reply is marked failed, with the reason, on the timeline. */
async function markBounced(database: Database, mail: ParsedEmail): Promise<void> {
  const ids = mail.bounce?.messageIds ?? [];
  if (ids.length === 0) return;
  const sent = (await findByMessageIds(database.db, ids)).filter((m) => m.direction === 'out');
  for (const message of sent) {
    await database.transaction((tx) => tx.update(emailMessages).set({ status: 'failed' }).where(eq(emailMessages.messageId, message.messageId)));
    if (message.ticketMessageId) await recordDelivery(database, message.ticketMessageId, { status: 'failed', error: `bounce: ${mail.bounce!.reason}`, meta: { bounceMessageId: mail.messageId } });
  }
}

/**
 * A loop guard beyond the headers: a robot that marks nothing and drops our References would get
 * a new ticket and a 受理回执 for each of its answers. Three acknowledgements to one address in
 * ten minutes is enough; the tickets are still made.
 */
async function acknowledgedRecently(tx: Tx, address: string): Promise<boolean> {
  const rows = await tx
    .select({ messageId: emailMessages.messageId })
    .from(emailMessages)
    .where(and(eq(emailMessages.direction, 'out'), isNull(emailMessages.ticketMessageId), sql`${address} = any(${emailMessages.recipients})`, sql`${emailMessages.createdAt} > now() - interval '10 minutes'`))
    .limit(3);
  return rows.length >= 3;
}
