import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { ReplyChannels, ReplyChannelState, ReplyWindow } from '../../app/reply-channels.js';
import type { Db } from '../../db/database.js';
import { getContactsByIds } from '../customers/index.js';
import { ticketMessages } from './schema.js';
import type { TicketRow } from './ticket-view.js';

/**
 * A way an agent may choose for a reply: a delivering channel installed in the app, the portal, a
 * phone call (`ReplyChannels.ways()`, which the routes' enums are built from).
 */
export type ReplyWay = string;

/** `alternative`: a way around the ticket's channel (ReplyChannels.registerAlternative), offered only when that channel cannot carry the reply. */
export type ReplyOption = { channel: ReplyWay; ready: boolean; reason: string | null; to: string | null; window?: ReplyWindow | null; alternative?: boolean };

/**
 * Which way a reply will go, said before it is sent. `preferred` is where the customer expects the
 * answer (the channel they last wrote on, else the ticket's; a phone or web-form ticket is
 * answered by email when the requester has an address, else in the portal). When that way cannot
 * deliver now (a WeChat ticket without a WeChat channel, email without an outbound mailbox),
 * `reason` says why and `via` is the first way that works. `options` are the ways to choose from.
 */
export type ReplyPlan = { preferred: ReplyWay; preferredReady: boolean; reason: string | null; via: ReplyWay; options: ReplyOption[] };

const portalOption: ReplyOption = { channel: 'portal', ready: true, reason: null, to: null };
/** The agent calls the customer and records the answer on the ticket: nothing is sent. */
const phoneOption: ReplyOption = { channel: 'phone', ready: true, reason: null, to: null };

export async function planReply(db: Db, channels: ReplyChannels, ticket: TicketRow): Promise<ReplyPlan> {
  const [last] = await db
    .select({ channel: ticketMessages.channel })
    .from(ticketMessages)
    .where(and(eq(ticketMessages.ticketId, ticket.id), isNotNull(ticketMessages.authorContactId)))
    .orderBy(desc(ticketMessages.createdAt))
    .limit(1);
  const used = last?.channel ?? ticket.channel;
  const requester = ticket.requesterId ? (await getContactsByIds(db, [ticket.requesterId])).get(ticket.requesterId) : undefined;
  const requesterEmail = requester?.email ?? null;
  const target = { ticketId: ticket.id, teamId: ticket.teamId, requesterId: ticket.requesterId, requesterEmail };
  const stateOf = async (channel: ReplyWay): Promise<ReplyOption> => {
    if (channel === 'portal') return portalOption;
    if (channel === 'phone') return phoneOption;
    const state: ReplyChannelState = await channels.state(channel, db, target);
    return state.ready ? { channel, ready: true, reason: null, to: state.to ?? null, window: state.window ?? null } : { channel, ready: false, reason: state.reason, to: null };
  };

  // A channel that does not deliver (phone, web form) or is no longer installed is answered by email or in the portal.
  const preferred: ReplyWay = channels.delivers(used) || used === 'portal' ? used : requesterEmail ? 'email' : 'portal';
  const email = await stateOf('email');
  const first = preferred === 'email' ? email : await stateOf(preferred);
  // When the customer's own channel cannot carry the reply (WeChat's window closed), the ways
  // around it that work now (a template message, an SMS) are offered too, never chosen for the agent.
  const alternatives = first.ready ? [] : (await Promise.all(channels.alternatives().map(stateOf))).filter((o) => o.ready).map((o) => ({ ...o, alternative: true }));
  const options = [...(preferred !== 'email' && preferred !== 'portal' ? [first] : []), email, portalOption, phoneOption, ...alternatives];
  const via = first.ready ? preferred : (options.find((o) => o.ready && o.channel !== 'phone' && !channels.isAlternative(o.channel))?.channel ?? 'portal');
  return { preferred, preferredReady: first.ready, reason: first.reason, via, options };
}

/** The state of one way at send time (the agent's choice is checked again: a mailbox may have gone). */
export async function replyWayState(db: Db, channels: ReplyChannels, ticket: TicketRow, way: ReplyWay): Promise<ReplyOption> {
  const plan = await planReply(db, channels, ticket);
  return plan.options.find((o) => o.channel === way) ?? (await stateOfUnlisted(db, channels, ticket, way));
}

/** A delivering channel or alternative the plan did not list (the agent asked for WeChat on an email ticket, a template message inside the window). */
async function stateOfUnlisted(db: Db, channels: ReplyChannels, ticket: TicketRow, way: ReplyWay): Promise<ReplyOption> {
  const state = await channels.state(way, db, { ticketId: ticket.id, teamId: ticket.teamId, requesterId: ticket.requesterId, requesterEmail: null });
  return state.ready ? { channel: way, ready: true, reason: null, to: state.to ?? null, window: state.window ?? null } : { channel: way, ready: false, reason: state.reason, to: null };
}
