import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { WriteRules } from '../../app/write-rules.js';
import type { Config } from '../../app/config.js';
import { Conflict, NotFound } from '../../app/errors.js';
import type { Database, Db } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { quarantineDecided, quarantineDecisionUndone } from './events.js';
import type { Actor } from '../auth/index.js';
import { findTicketBrief } from '../tickets/index.js';
import { mailToTicket, recordInboundMail } from './inbound-to-ticket.js';
import { parseEmail } from './parse-email.js';
import { allMailboxes, pickMailbox } from './process-inbound.js';
import { emailInbound, emailQuarantine, type QuarantineReason, type QuarantineState } from './schema.js';
import { unverified, type SenderAuth } from './sender-auth-result.js';

export type QuarantineItem = {
  id: string;
  reason: QuarantineReason;
  state: QuarantineState;
  fromAddress: string | null;
  subject: string;
  ticket: { id: string; number: string; subject: string | null };
  verdict: SenderAuth['verdict'];
  receivedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  resultTicketId: string | null;
};

export type QuarantineDetail = QuarantineItem & {
  auth: SenderAuth;
  /** Sanitised: the text, and the HTML our sanitiser made safe (shown in a sandboxed frame). */
  preview: { text: string; html: string | null; to: string[]; cc: string[]; attachments: Array<{ filename: string; contentType: string; size: number }> };
  headers: Array<{ name: string; value: string }>;
};

type Row = typeof emailQuarantine.$inferSelect & { auth: SenderAuth | null; receivedAt: Date };

const rowColumns = { q: emailQuarantine, auth: emailInbound.auth, receivedAt: emailInbound.receivedAt };

async function present(db: Db, rows: Array<{ q: typeof emailQuarantine.$inferSelect; auth: SenderAuth | null; receivedAt: Date }>): Promise<QuarantineItem[]> {
  return Promise.all(
    rows.map(async ({ q, auth, receivedAt }) => {
      const brief = await findTicketBrief(db, q.ticketId);
      return {
        id: q.id,
        reason: q.reason,
        state: q.state,
        fromAddress: q.fromAddress,
        subject: q.subject,
        ticket: { id: q.ticketId, number: q.ticketNumber, subject: brief?.subject ?? null },
        verdict: auth?.verdict ?? 'none',
        receivedAt,
        decidedBy: q.decidedBy,
        decidedAt: q.decidedAt,
        resultTicketId: q.resultTicketId,
      };
    }),
  );
}

/** The queue, newest first; `state` defaults to what still waits for someone. */
export async function listQuarantine(db: Db, query: { state: QuarantineState; limit: number; offset: number }): Promise<{ items: QuarantineItem[]; total: number }> {
  const where = eq(emailQuarantine.state, query.state);
  const rows = await db.select(rowColumns).from(emailQuarantine).innerJoin(emailInbound, eq(emailInbound.id, emailQuarantine.inboundId)).where(where).orderBy(desc(emailQuarantine.createdAt), desc(emailQuarantine.id)).limit(query.limit).offset(query.offset);
  const [total] = await db.select({ n: count() }).from(emailQuarantine).where(where);
  return { items: await present(db, rows), total: total?.n ?? 0 };
}

export async function countPendingQuarantine(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(emailQuarantine).where(eq(emailQuarantine.state, 'pending'));
  return row?.n ?? 0;
}

async function loadRow(db: Db, id: string) {
  const [row] = await db.select({ ...rowColumns, raw: emailInbound.raw, inbound: emailInbound }).from(emailQuarantine).innerJoin(emailInbound, eq(emailInbound.id, emailQuarantine.inboundId)).where(eq(emailQuarantine.id, id));
  if (!row) throw new NotFound('email.quarantine.not_found');
  return row;
}

const shownHeaders = ['from', 'sender', 'reply-to', 'to', 'cc', 'subject', 'date', 'message-id', 'in-reply-to', 'references', 'return-path', 'received', 'authentication-results', 'dkim-signature', 'arc-authentication-results', 'x-mailer'];

export async function getQuarantined(db: Db, id: string): Promise<QuarantineDetail> {
  const row = await loadRow(db, id);
  const mail = await parseEmail(row.raw, { from: row.inbound.envelopeFrom });
  const [item] = await present(db, [row]);
  return {
    ...item!,
    auth: row.auth ?? unverified('not checked', null),
    preview: {
      text: mail.text.slice(0, 50_000),
      html: mail.html ? mail.html.slice(0, 200_000) : null,
      to: mail.to.map((a) => a.address),
      cc: mail.cc.map((a) => a.address),
      attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, size: a.content.length })),
    },
    headers: [...mail.headers].filter(([name]) => shownHeaders.includes(name)).map(([name, value]) => ({ name, value: value.slice(0, 2000) })),
  };
}

export type QuarantineAction = 'attach' | 'new_ticket' | 'reject';
const stateOf: Record<QuarantineAction, QuarantineState> = { attach: 'attached', new_ticket: 'new_ticket', reject: 'rejected' };

/**
 * One decision on a quarantined mail. The claim (`pending` → decided, with who and when) is one
 * conditional update, so of two agents clicking at once exactly one wins; the other gets 409
 * `email.quarantine.already_decided`. The mail then goes to its ticket through the same path as
 * the processing job (idempotent on its Message-ID). Attached mail does not make its sender a
 * participant: the agent vouched for the mail, and may accept the sender as a CC separately.
 */
export async function decideQuarantined(database: Database, config: Config, rules: WriteRules, actor: Actor, id: string, action: QuarantineAction): Promise<QuarantineItem> {
  const row = await loadRow(database.db, id);
  const claimed = await database.transaction(async (tx) => {
    const [updated] = await tx
      .update(emailQuarantine)
      .set({ state: stateOf[action], decidedBy: actor.id, decidedAt: sql`now()` })
      .where(and(eq(emailQuarantine.id, id), eq(emailQuarantine.state, 'pending')))
      .returning({ id: emailQuarantine.id });
    if (!updated) return false;
    await recordEvent(tx, quarantineDecided, { aggregateId: id, cause: 'agent', actorId: actor.id, payload: { action, ticketId: row.q.ticketId, from: row.q.fromAddress, reason: row.q.reason } });
    return true;
  });
  if (!claimed) throw new Conflict('email.quarantine.already_decided', { state: (await loadRow(database.db, id)).q.state });

  if (action !== 'reject') {
    try {
      await deliverDecided(database, config, rules, row, action, id);
    } catch (error) {
      // The mail did not reach a ticket (e.g. the database went away): give the decision back, so
      // the mail waits again instead of being marked done without its message.
      await database.transaction(async (tx) => {
        await tx.update(emailQuarantine).set({ state: 'pending', decidedBy: null, decidedAt: null }).where(and(eq(emailQuarantine.id, id), eq(emailQuarantine.state, stateOf[action]), isNull(emailQuarantine.resultTicketId)));
        await recordEvent(tx, quarantineDecisionUndone, { aggregateId: id, cause: 'agent', actorId: actor.id, payload: { action, error: error instanceof Error ? error.message.slice(0, 500) : String(error) } });
      });
      throw error;
    }
  } else {
    await database.transaction((tx) => tx.update(emailInbound).set({ outcome: 'rejected' }).where(eq(emailInbound.id, row.inbound.id)));
  }
  const [item] = await present(database.db, [{ ...(await loadRow(database.db, id)) }]);
  return item!;
}

async function deliverDecided(database: Database, config: Config, rules: WriteRules, row: Awaited<ReturnType<typeof loadRow>>, action: 'attach' | 'new_ticket', id: string): Promise<void> {
  const mail = await parseEmail(row.raw, { from: row.inbound.envelopeFrom });
  const from = mail.from ?? { address: row.q.fromAddress ?? 'unknown@invalid', name: '' };
  const sender = { ...mail, from };
  const mailboxes = await allMailboxes(database);
  const ourAddresses = new Set(mailboxes.map((m) => m.address));
  const mailbox = pickMailbox(row.inbound, mail, mailboxes);
  const auth = row.auth ?? unverified('not checked', null);
  const result = await mailToTicket(database, config, sender, { ticketId: action === 'attach' ? row.q.ticketId : null, mailbox, threadedBy: action === 'attach' ? 'quarantine' : null, auth, rules });
  await database.transaction(async (tx) => {
    await recordInboundMail(tx, sender, result, { mailbox, ourAddresses, trustedSender: action === 'new_ticket' });
    await tx.update(emailQuarantine).set({ resultTicketId: result.ticketId }).where(eq(emailQuarantine.id, id));
    await tx.update(emailInbound).set({ ticketId: result.ticketId, outcome: 'ticket' }).where(eq(emailInbound.id, row.inbound.id));
  });
}
