import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import type { ParsedEmail } from './parse-email.js';
import { emailMessages } from './schema.js';
import { splitPlusAddress, ticketNumberInSubject, verifyReplyTag } from './ticket-token.js';

export type Thread = { ticketId: string; ticketNumber: string; by: 'references' | 'reply_address' | 'subject_token' };

/**
 * Which ticket a mail answers, most reliable evidence first:
 *  1. In-Reply-To / References naming a Message-ID we know on a ticket (ours, or an earlier mail of
 *     the conversation, so a CC recipient replying to the customer's mail threads too);
 *  2. a reply address we signed (`support+<number>.<hmac>@…`): a forged or altered one is ignored;
 *  3. the ticket number in the subject (`[#20261123-0007]`), which survives Outlook dropping
 *     References and a changed subject, but, being readable, counts only when the sender already
 *     takes part in that ticket's mail; from a stranger it starts a new ticket.
 */
export async function findThread(db: Db, mail: ParsedEmail, ctx: { replyKey: Buffer; ourAddresses: ReadonlySet<string>; envelopeRecipients: readonly string[] }): Promise<Thread | null> {
  const ids = [...mail.inReplyTo, ...[...mail.references].reverse()];
  if (ids.length) {
    const rows = await findByMessageIds(db, ids);
    const best = ids.map((id) => rows.find((r) => r.messageId.toLowerCase() === id.toLowerCase())).find(Boolean);
    if (best) return { ticketId: best.ticketId, ticketNumber: best.ticketNumber, by: 'references' };
  }

  const recipients = [...mail.to.map((a) => a.address), ...mail.cc.map((a) => a.address), ...ctx.envelopeRecipients];
  for (const recipient of recipients) {
    const plus = splitPlusAddress(recipient);
    if (!plus || !ctx.ourAddresses.has(plus.base)) continue;
    const number = verifyReplyTag(ctx.replyKey, plus.tag);
    if (!number) continue;
    const ticket = await latestTicketOfNumber(db, number);
    if (ticket) return { ...ticket, by: 'reply_address' };
  }

  const number = ticketNumberInSubject(mail.subject);
  if (number && mail.from) {
    const ticket = await latestTicketOfNumber(db, number);
    if (ticket && (await isParticipant(db, ticket.ticketId, mail.from.address))) return { ...ticket, by: 'subject_token' };
  }
  return null;
}

/** Rows of these Message-IDs, compared without case (some relays change it). */
export async function findByMessageIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(emailMessages)
    .where(sql`lower(${emailMessages.messageId}) in (${sql.join(ids.map((id) => sql`${id.toLowerCase()}`), sql`, `)})`);
}

async function latestTicketOfNumber(db: Db, number: string): Promise<{ ticketId: string; ticketNumber: string } | null> {
  const [row] = await db.select({ ticketId: emailMessages.ticketId, ticketNumber: emailMessages.ticketNumber }).from(emailMessages).where(eq(emailMessages.ticketNumber, number)).limit(1);
  return row ?? null;
}

/** Someone who wrote on, or was sent or copied, the ticket's mail. */
async function isParticipant(db: Db, ticketId: string, address: string): Promise<boolean> {
  const rows = await db.select({ from: emailMessages.fromAddress, recipients: emailMessages.recipients }).from(emailMessages).where(eq(emailMessages.ticketId, ticketId));
  return rows.some((r) => r.from === address || r.recipients.includes(address));
}

/** The ticket's mail conversation so far, newest first (for replying: who, and which ids to reference). */
export async function ticketMail(db: Db, ticketId: string) {
  return db.select().from(emailMessages).where(eq(emailMessages.ticketId, ticketId)).orderBy(desc(emailMessages.createdAt));
}

export async function outgoingByTicketMessage(db: Db, ticketMessageId: string) {
  const [row] = await db.select().from(emailMessages).where(and(eq(emailMessages.ticketMessageId, ticketMessageId), eq(emailMessages.direction, 'out')));
  return row ?? null;
}
