import { and, eq, isNull, sql } from 'drizzle-orm';
import type { WriteRules } from '../../app/write-rules.js';
import type { Config } from '../../app/config.js';
import type { Database, Tx } from '../../db/database.js';
import { enqueueJob } from '../../jobs/queue.js';
import type { JobHandler } from '../../jobs/registry.js';
import { uuidv7 } from 'uuidv7';
import { recordDelivery } from '../tickets/index.js';
import { acknowledgeJob } from './acknowledgement.js';
import { senderAuthResolver } from './dns-resolver.js';
import { mailToTicket, recordInboundMail } from './inbound-to-ticket.js';
import { emailKeys } from './installation-key.js';
import type { MailboxRow } from './mailbox-model.js';
import { parseEmail, type ParsedEmail } from './parse-email.js';
import { emailInbound, emailMailboxes, emailMessages, emailQuarantine } from './schema.js';
import { authenticateSmtp, authenticationFromHeaders } from './sender-auth.js';
import type { SenderAuth } from './sender-auth-result.js';
import { findByMessageIds, findThread } from './threading.js';

type InboundRow = typeof emailInbound.$inferSelect;
type Outcome = 'ticket' | 'duplicate' | 'auto_reply' | 'bounce' | 'list' | 'loop' | 'no_sender' | 'quarantined';

/**
 * The `email.process` job: one stored mail → at most one ticket message. Every step is safe to
 * repeat after a crash: the ticket side is idempotent on the Message-ID (receiveInboundMessage's
 * receipt), the rest is written together with "processed" in one transaction.
 */
export function processInboundHandler(config: Config, rules: WriteRules): JobHandler {
  return async (payload, { database, log }) => {
    const [row] = await database.db.select().from(emailInbound).where(eq(emailInbound.id, String(payload.inboundId)));
    if (!row || row.processedAt) return;
    const mail = await parseEmail(row.raw, { from: row.envelopeFrom });
    const mailboxes = await allMailboxes(database);
    const outcome = await decide(database, config, rules, row, mail, mailboxes);
    log.debug({ inbound: row.id, outcome: outcome.outcome, ticketId: outcome.ticketId }, 'email processed');
  };
}

export async function allMailboxes(database: Database): Promise<MailboxRow[]> {
  return database.db.select().from(emailMailboxes);
}

async function markProcessed(tx: Tx, row: InboundRow, outcome: Outcome, extra: { ticketId?: string | null; externalId?: string } = {}) {
  await tx.update(emailInbound).set({ processedAt: new Date(), outcome, ticketId: extra.ticketId ?? null, externalId: extra.externalId ?? null }).where(eq(emailInbound.id, row.id));
}

async function decide(database: Database, config: Config, rules: WriteRules, row: InboundRow, mail: ParsedEmail, mailboxes: MailboxRow[]): Promise<{ outcome: Outcome; ticketId?: string }> {
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

  const from = mail.from;
  const sender = { ...mail, from };
  const auth = await senderAuthentication(config, row, mail);
  const keys = emailKeys(config);
  const mailbox = pickMailbox(row, mail, mailboxes);
  const thread = await findThread(database.db, mail, { replyKey: keys.replyAddress, ourAddresses, envelopeRecipients: row.recipients, auth });
  if (thread?.kind === 'quarantine') {
    // 可疑邮件: it points at a ticket without proof; it waits for a person, raw mail kept.
    await database.transaction(async (tx) => {
      await tx
        .insert(emailQuarantine)
        .values({ id: uuidv7(), inboundId: row.id, ticketId: thread.ticketId, ticketNumber: thread.ticketNumber, reason: thread.reason, fromAddress: from.address, subject: mail.subject.slice(0, 1000) })
        .onConflictDoNothing();
      await tx.update(emailInbound).set({ auth }).where(eq(emailInbound.id, row.id));
      await markProcessed(tx, row, 'quarantined', { ticketId: thread.ticketId, externalId: mail.externalId });
    });
    return { outcome: 'quarantined', ticketId: thread.ticketId };
  }
  const result = await mailToTicket(database, config, sender, { ticketId: thread?.ticketId ?? null, mailbox, threadedBy: thread?.by ?? null, auth, rules });

  return database.transaction(async (tx) => {
    const recorded = await recordInboundMail(tx, sender, result, { mailbox, ourAddresses, trustedSender: true });
    // 受理回执: once per new ticket (the recorded row guards a retried job), never to noise, only to
    // an authenticated sender (a forged From would turn it into mail to a stranger), and at most
    // EMAIL_ACK_PER_SENDER_PER_HOUR to one address.
    if (result.createdTicket && recorded && mailbox?.autoAcknowledge && mailbox.outbound && auth.verdict === 'pass' && !(await receiptLimitReached(tx, from.address, config.EMAIL_ACK_PER_SENDER_PER_HOUR))) {
      await enqueueJob(tx, {
        type: acknowledgeJob,
        payload: { ticketId: result.ticketId, ticketNumber: result.ticketNumber, mailboxId: mailbox.id, to: from.address, name: from.name, subject: mail.subject, inReplyTo: mail.messageId },
        dedupeKey: `${acknowledgeJob}:${result.ticketId}`,
      });
    }
    await tx.update(emailInbound).set({ auth }).where(eq(emailInbound.id, row.id));
    // A retry after a crash finds its own receipt (duplicate) but records the mail now: it is this mail's ticket.
    const outcome = result.duplicate && !recorded ? 'duplicate' : 'ticket';
    await markProcessed(tx, row, outcome, { ticketId: result.ticketId, externalId: mail.externalId });
    return { outcome, ticketId: result.ticketId };
  });
}

/** SMTP: checked here against DNS; IMAP: a trusted upstream's Authentication-Results, if any. */
async function senderAuthentication(config: Config, row: InboundRow, mail: ParsedEmail): Promise<SenderAuth> {
  if (row.source === 'imap') return authenticationFromHeaders(mail.authenticationResults, config.EMAIL_TRUSTED_AUTHSERV_IDS, mail.from?.address ?? null);
  return authenticateSmtp(row.raw, { ip: row.clientIp, helo: row.helo, mailFrom: row.envelopeFrom }, mail.from?.address ?? null, { resolver: senderAuthResolver(config), mta: config.SMTP_HOSTNAME ?? 'opencsm' });
}

/** The mailbox a mail came to: the envelope's, else the first of ours among To/Cc. */
export function pickMailbox(row: InboundRow, mail: ParsedEmail, mailboxes: MailboxRow[]): MailboxRow | undefined {
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
 * A limit on 受理回执 per address: a robot that marks nothing and drops our References would get
 * a new ticket and a receipt for each of its answers, and a stranger could be sent receipts in
 * bulk. The tickets are still made.
 */
async function receiptLimitReached(tx: Tx, address: string, perHour: number): Promise<boolean> {
  if (perHour <= 0) return true;
  const rows = await tx
    .select({ messageId: emailMessages.messageId })
    .from(emailMessages)
    .where(and(eq(emailMessages.direction, 'out'), isNull(emailMessages.ticketMessageId), sql`${address} = any(${emailMessages.recipients})`, sql`${emailMessages.createdAt} > now() - interval '1 hour'`))
    .limit(perHour);
  return rows.length >= perHour;
}
