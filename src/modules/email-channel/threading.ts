import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import type { ParsedEmail } from './parse-email.js';
import type { SenderAuth } from './sender-auth-result.js';
import { emailMessages, emailTicketCcs, type QuarantineReason } from './schema.js';
import { splitPlusAddress, ticketNumberInSubject, verifyReplyTag } from './ticket-token.js';

type TicketRef = { ticketId: string; ticketNumber: string };
export type Thread = TicketRef & { by: 'references' | 'reply_address' | 'subject_token' | 'customer_message_id' };
/** Where a mail goes: into a ticket, to the quarantine (it points at a ticket without proof), or a new ticket (null). */
export type Threading = ({ kind: 'thread' } & Thread) | ({ kind: 'quarantine'; reason: QuarantineReason } & TicketRef) | null;

/**
 * Which ticket a mail answers, on evidence an outsider cannot forge:
 *  1. In-Reply-To / References naming a Message-ID WE generated (128 random bits: only someone
 *     who received our mail knows it);
 *  2. a reply address we signed (`support+<number>.<hmac>@…`): a forged or altered one is ignored;
 *  3. a customer's own earlier Message-ID, or the ticket number in the subject, only when the
 *     sender is a participant of the ticket (see `participantsOf`) AND passes sender
 *     authentication (sender-auth.ts): both are readable by anyone on the mail, or guessable.
 * A mail that points at a ticket by 3. without meeting it goes to the quarantine, with the reason;
 * one that points at nothing we know starts a new ticket.
 */
export async function findThread(db: Db, mail: ParsedEmail, ctx: { replyKey: Buffer; ourAddresses: ReadonlySet<string>; envelopeRecipients: readonly string[]; auth: SenderAuth }): Promise<Threading> {
  const ids = [...mail.inReplyTo, ...[...mail.references].reverse()];
  const known = ids.length ? await findByMessageIds(db, ids) : [];
  const rowOf = (id: string) => known.find((r) => r.messageId.toLowerCase() === id.toLowerCase());
  const ours = ids.map(rowOf).find((r) => r?.direction === 'out');
  if (ours) return { kind: 'thread', ticketId: ours.ticketId, ticketNumber: ours.ticketNumber, by: 'references' };

  const recipients = [...mail.to.map((a) => a.address), ...mail.cc.map((a) => a.address), ...ctx.envelopeRecipients];
  for (const recipient of recipients) {
    const plus = splitPlusAddress(recipient);
    if (!plus || !ctx.ourAddresses.has(plus.base)) continue;
    const number = verifyReplyTag(ctx.replyKey, plus.tag);
    if (!number) continue;
    const ticket = await latestTicketOfNumber(db, number);
    if (ticket) return { kind: 'thread', ...ticket, by: 'reply_address' };
  }

  const customers = ids.map(rowOf).find((r) => r?.direction === 'in');
  const number = ticketNumberInSubject(mail.subject);
  const pointed: (TicketRef & { by: Thread['by'] }) | null = customers
    ? { ticketId: customers.ticketId, ticketNumber: customers.ticketNumber, by: 'customer_message_id' }
    : number
      ? await latestTicketOfNumber(db, number).then((t) => (t ? { ...t, by: 'subject_token' as const } : null))
      : null;
  if (!pointed || !mail.from) return null;
  const participant = (await participantsOf(db, pointed.ticketId)).has(mail.from.address);
  const reason = quarantineReason(participant, ctx.auth);
  if (!reason) return { kind: 'thread', ...pointed };
  return { kind: 'quarantine', ticketId: pointed.ticketId, ticketNumber: pointed.ticketNumber, reason };
}

/** Why a mail that points at a ticket may not join it (null: it may). Failed authentication names the forgery first. */
function quarantineReason(participant: boolean, auth: SenderAuth): QuarantineReason | null {
  if (auth.verdict === 'fail') return participant ? 'forged_sender' : 'failed_authentication';
  if (!participant) return 'unknown_participant';
  if (auth.verdict !== 'pass') return 'unauthenticated';
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

async function latestTicketOfNumber(db: Db, number: string): Promise<TicketRef | null> {
  const [row] = await db.select({ ticketId: emailMessages.ticketId, ticketNumber: emailMessages.ticketNumber }).from(emailMessages).where(eq(emailMessages.ticketNumber, number)).limit(1);
  return row ?? null;
}

/**
 * Who takes part in a ticket's mail: senders of its mail that joined it on proof (not ones an
 * agent attached from the quarantine), whom we wrote to (the requester and accepted CCs), and the
 * accepted CCs. Someone merely copied on a customer's mail is a proposed CC, not a participant.
 */
export async function participantsOf(db: Db, ticketId: string): Promise<Set<string>> {
  const rows = await db.select({ direction: emailMessages.direction, from: emailMessages.fromAddress, recipients: emailMessages.recipients, trusted: emailMessages.trustedSender }).from(emailMessages).where(eq(emailMessages.ticketId, ticketId));
  const ccs = await db.select({ address: emailTicketCcs.address }).from(emailTicketCcs).where(and(eq(emailTicketCcs.ticketId, ticketId), eq(emailTicketCcs.state, 'accepted')));
  const people = new Set<string>(ccs.map((c) => c.address));
  for (const r of rows) {
    if (r.direction === 'in' && r.trusted && r.from) people.add(r.from);
    if (r.direction === 'out') r.recipients.forEach((a) => people.add(a));
  }
  return people;
}

/** The ticket's mail conversation so far, newest first (for replying: which ids to reference). */
export async function ticketMail(db: Db, ticketId: string) {
  return db.select().from(emailMessages).where(eq(emailMessages.ticketId, ticketId)).orderBy(desc(emailMessages.createdAt));
}

export async function outgoingByTicketMessage(db: Db, ticketMessageId: string) {
  const [row] = await db.select().from(emailMessages).where(and(eq(emailMessages.ticketMessageId, ticketMessageId), eq(emailMessages.direction, 'out')));
  return row ?? null;
}
