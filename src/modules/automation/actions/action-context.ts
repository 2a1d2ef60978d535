import type { ReplyChannels } from '../../../app/reply-channels.js';
import type { WriteRules } from '../../../app/write-rules.js';
import type { Database, Db } from '../../../db/database.js';
import type { Actor } from '../../auth/index.js';
import { getTicketSnapshot, updateTicket, type TicketChanges, type TicketSnapshot } from '../../tickets/index.js';

/** Why actions run: a rule fired (`rule:<id>`) or a process moved (`process:<id>`, issue 19's stage and transition actions). */
export type ActionCause = `rule:${string}` | `process:${string}`;

/**
 * What an action gets when its rule fires or its process moves: the ticket, who acts (the
 * automation's system actor under the rule's or process' id) and why (`rule:<id>`, `process:<id>`),
 * and the app's write rules, so it calls the owning module's service like anyone.
 */
export type ActionContext = {
  database: Database;
  actor: Actor;
  cause: ActionCause;
  /** The rule whose actions these are (timeline details, webhook payloads); null for a process' (its id is in the cause). */
  ruleId: string | null;
  /**
   * What the effects an action creates are keyed by, so a retry adds nothing twice (notifications'
   * source key, a follow-up ticket's idempotency key): `rule:<id>:<event id>` for a rule's firing.
   */
  sourceKey: string;
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
