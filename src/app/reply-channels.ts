import type { Db } from '../db/database.js';
import { ChannelRegistry } from './channel-registry.js';

/**
 * The ways an agent answers without sending anything, whichever channels are installed: a reply
 * in the portal (the customer reads it there) and a phone call the agent logs on the ticket.
 */
export const replyWaysWithoutSending = ['portal', 'phone'] as const;

/** What a channel needs to know to say whether it can carry a reply on one ticket now. */
export type ReplyTarget = { ticketId: string; teamId: string | null; requesterId: string | null; requesterEmail: string | null };

/**
 * A chat channel's reply window (WeChat: 48 h after the customer's last message, at most 5
 * messages in it): when it closes and how many messages it still takes. `sandbox`: the account
 * records deliveries locally (沙箱).
 */
export type ReplyWindow = { endsAt: Date; remainingMessages: number; sandbox: boolean };

/** A channel ready to deliver (to whom, when it can say, and within which window), or why not (an i18n message key). */
export type ReplyChannelState = { ready: true; to?: string; window?: ReplyWindow } | { ready: false; reason: string };

export type ReplyChannelProbe = (db: Db, target: ReplyTarget) => Promise<ReplyChannelState>;

/**
 * The channels that can send an agent's reply out (email, later WeChat …), per app. A channel
 * module registers a probe at boot; the tickets module asks it before a reply is written, so a
 * reply never waits for a channel that is not there. A channel nobody registered is not
 * configured. One instance per app (in AppContext), not a module-level global: tests boot several.
 */
export class ReplyChannels {
  private readonly probes = new Map<string, ReplyChannelProbe>();
  /** Ways that are not a ticket channel (a WeChat template message, an SMS notice), by the module that sends them. */
  private readonly alternativeProbes = new Map<string, ReplyChannelProbe>();

  /**
   * `channels`: the app's installed channels, which say which of them deliver replies (none when
   * none is given: a call logged outside a running app sends nothing).
   */
  constructor(private readonly channels: ChannelRegistry = new ChannelRegistry()) {}

  /** Whether a reply on `channel` is sent back on it (an installed channel that delivers), see ChannelRegistry. */
  delivers(channel: string): boolean {
    return this.alternativeProbes.has(channel) || this.channels.deliversReplies(channel);
  }

  /** The ways an agent may choose for a reply now: the delivering channels installed, the alternatives, the portal, a phone call. */
  ways(): [string, ...string[]] {
    const delivering = this.channels.ticketChannels().filter((c) => c.deliversReplies).map((c) => c.key);
    return [...new Set([...replyWaysWithoutSending, ...delivering, ...this.alternativeProbes.keys()])] as [string, ...string[]];
  }

  register(channel: string, probe: ReplyChannelProbe): void {
    this.probes.set(channel, probe);
  }

  /**
   * A way to reach the customer when the ticket's own channel cannot (WeChat's window closed): a
   * WeChat template message, an SMS. Its module delivers it like a channel (a job on
   * `ticket.message_added` for replies whose channel is `way`); the plan offers it only when the
   * preferred way is not ready, and only the agent's explicit choice sends by it.
   */
  registerAlternative(way: string, probe: ReplyChannelProbe): void {
    this.alternativeProbes.set(way, probe);
  }

  /** The alternative ways registered, in registration order. */
  alternatives(): string[] {
    return [...this.alternativeProbes.keys()];
  }

  isAlternative(way: string): boolean {
    return this.alternativeProbes.has(way);
  }

  async state(channel: string, db: Db, target: ReplyTarget): Promise<ReplyChannelState> {
    const probe = this.alternativeProbes.get(channel) ?? this.probes.get(channel);
    return probe ? probe(db, target) : { ready: false, reason: 'reply.channel_not_configured' };
  }
}
