import type { Db } from '../db/database.js';
import { ChannelRegistry } from './channel-registry.js';

/**
 * The ways an agent answers without sending anything, whichever channels are installed: a reply
 * in the portal (the customer reads it there) and a phone call the agent logs on the ticket.
 */
export const replyWaysWithoutSending = ['portal', 'phone'] as const;

/** What a channel needs to know to say whether it can carry a reply on one ticket now. */
export type ReplyTarget = { ticketId: string; teamId: string | null; requesterEmail: string | null };

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

  /**
   * `channels`: the app's installed channels, which say which of them deliver replies (none when
   * none is given: a call logged outside a running app sends nothing).
   */
  constructor(private readonly channels: ChannelRegistry = new ChannelRegistry()) {}

  /** Whether a reply on `channel` is sent back on it (an installed channel that delivers), see ChannelRegistry. */
  delivers(channel: string): boolean {
    return this.channels.deliversReplies(channel);
  }

  /** The ways an agent may choose for a reply now: the delivering channels installed, the portal, a phone call. */
  ways(): [string, ...string[]] {
    const delivering = this.channels.ticketChannels().filter((c) => c.deliversReplies).map((c) => c.key);
    return [...replyWaysWithoutSending, ...delivering];
  }

  register(channel: string, probe: ReplyChannelProbe): void {
    this.probes.set(channel, probe);
  }

  async state(channel: string, db: Db, target: ReplyTarget): Promise<ReplyChannelState> {
    const probe = this.probes.get(channel);
    return probe ? probe(db, target) : { ready: false, reason: 'reply.channel_not_configured' };
  }
}
