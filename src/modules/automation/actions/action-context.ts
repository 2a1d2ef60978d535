import type { ReplyChannels } from '../../../app/reply-channels.js';
import type { WriteRules } from '../../../app/write-rules.js';
import type { Database, Db } from '../../../db/database.js';
import type { Actor } from '../../auth/index.js';
import { getTicketSnapshot, updateTicket, type TicketChanges, type TicketSnapshot } from '../../tickets/index.js';

/**
 * What an action gets when its rule fires: the ticket, who acts (the automation's system actor) and
 * why (`rule:<id>`), and the app's write rules, so it calls the owning module's service like anyone.
 */
export type ActionContext = {
  database: Database;
  actor: Actor;
  cause: `rule:${string}`;
  ruleId: string;
  /** The event that fired the rule (idempotency keys of what an action creates). */
  eventId: number;
  ticketId: string;
  rules: WriteRules;
  replyChannels: ReplyChannels;
  timeZone: string;
  /** OPENCSM_PUBLIC_URL, for `{{ticket.link}}` in a rule's texts (empty without it). */
  publicUrl?: string;
  /** What fired the rule: its type, the user who caused it (never notified of it) and the fields a `ticket.updated` changed. */
  trigger?: RuleTriggerFacts;
};

export type RuleTriggerFacts = { type: string; actorId: string | null; changedFields: readonly string[] };

/** The ticket as it is now (an earlier action of the firing may have changed it). */
export async function currentTicket(db: Db, ticketId: string): Promise<TicketSnapshot> {
  const ticket = await getTicketSnapshot(db, ticketId);
  if (!ticket) throw new Error('ticket gone');
  return ticket;
}

/** Change the ticket through the tickets service, at its current version, as the rule. */
export async function changeTicket(context: ActionContext, changes: (ticket: TicketSnapshot) => TicketChanges | null): Promise<Record<string, unknown>> {
  const ticket = await currentTicket(context.database.db, context.ticketId);
  const wanted = changes(ticket);
  if (!wanted) return { unchanged: true };
  const after = await updateTicket(context.database, context.actor, ticket.id, ticket.version, wanted, { ...context.rules, cause: context.cause, timeZone: context.timeZone });
  return { version: after.version };
}
