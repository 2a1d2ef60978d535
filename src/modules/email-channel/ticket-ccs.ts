import { and, asc, eq, sql } from 'drizzle-orm';
import { NotFound } from '../../app/errors.js';
import type { Database, Db, Tx } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { ticketEmailCcChanged } from './events.js';
import type { Actor } from '../auth/index.js';
import { getVisibleTicket } from '../tickets/index.js';
import type { EmailAddress } from './parse-email.js';
import { emailTicketCcs } from './schema.js';
import { participantsOf } from './threading.js';

export type TicketCc = { address: string; name: string; state: 'proposed' | 'accepted' | 'dismissed'; updatedAt: Date };

/**
 * People copied on a customer's mail become *proposed* CCs of the ticket, never recipients on their
 * own: an attacker who puts themselves in Cc of a forged or real mail gets nothing until an agent
 * accepts them. Someone already known (accepted, dismissed, or a participant) is not proposed again.
 */
export async function proposeCcs(tx: Tx, ticketId: string, people: readonly EmailAddress[]): Promise<void> {
  if (people.length === 0) return;
  const participants = await participantsOf(tx, ticketId);
  const fresh = [...new Map(people.filter((p) => !participants.has(p.address)).map((p) => [p.address, p])).values()].slice(0, 50);
  if (fresh.length === 0) return;
  await tx
    .insert(emailTicketCcs)
    .values(fresh.map((p) => ({ ticketId, address: p.address, name: p.name.slice(0, 200), state: 'proposed' as const })))
    .onConflictDoNothing();
}

/** Whom replies copy besides the requester. */
export async function acceptedCcs(db: Db, ticketId: string): Promise<string[]> {
  const rows = await db.select({ address: emailTicketCcs.address }).from(emailTicketCcs).where(and(eq(emailTicketCcs.ticketId, ticketId), eq(emailTicketCcs.state, 'accepted'))).orderBy(asc(emailTicketCcs.createdAt));
  return rows.map((r) => r.address);
}

export async function listTicketCcs(db: Db, actor: Actor, ticketIdOrNumber: string): Promise<{ accepted: TicketCc[]; proposed: TicketCc[] }> {
  const ticket = await getVisibleTicket(db, actor, ticketIdOrNumber);
  const rows = await db.select().from(emailTicketCcs).where(eq(emailTicketCcs.ticketId, ticket.id)).orderBy(asc(emailTicketCcs.createdAt));
  const view = (r: typeof rows[number]): TicketCc => ({ address: r.address, name: r.name, state: r.state, updatedAt: r.updatedAt });
  return { accepted: rows.filter((r) => r.state === 'accepted').map(view), proposed: rows.filter((r) => r.state === 'proposed').map(view) };
}

/**
 * Accept a CC (proposed or typed in by the agent), dismiss a proposal, or remove an accepted CC
 * (`removed`: the row goes, so a later mail may propose the address again). Audited as
 * `ticket.email_cc_changed`. Repeating the same decision changes nothing.
 */
export async function decideTicketCc(database: Database, actor: Actor, ticketIdOrNumber: string, address: string, state: 'accepted' | 'dismissed' | 'removed'): Promise<TicketCc | null> {
  const ticket = await getVisibleTicket(database.db, actor, ticketIdOrNumber);
  const lower = address.trim().toLowerCase();
  return database.transaction(async (tx) => {
    const [current] = await tx.select().from(emailTicketCcs).where(and(eq(emailTicketCcs.ticketId, ticket.id), eq(emailTicketCcs.address, lower))).for('update');
    if (state === 'removed') {
      if (!current) throw new NotFound('email.cc.not_found');
      await tx.delete(emailTicketCcs).where(and(eq(emailTicketCcs.ticketId, ticket.id), eq(emailTicketCcs.address, lower)));
    } else if (state === 'dismissed' && !current) {
      throw new NotFound('email.cc.not_found');
    } else if (current?.state === state) {
      return { address: current.address, name: current.name, state: current.state, updatedAt: current.updatedAt };
    }
    const [row] = state === 'removed'
      ? [null]
      : await tx
          .insert(emailTicketCcs)
          .values({ ticketId: ticket.id, address: lower, state, decidedBy: actor.id })
          .onConflictDoUpdate({ target: [emailTicketCcs.ticketId, emailTicketCcs.address], set: { state, decidedBy: actor.id, updatedAt: sql`now()` } })
          .returning();
    await recordEvent(tx, ticketEmailCcChanged, { aggregateId: ticket.id, cause: 'agent', actorId: actor.id, payload: { address: lower, from: current?.state ?? null, to: state } });
    return row ? { address: row.address, name: row.name, state: row.state, updatedAt: row.updatedAt } : null;
  });
}
