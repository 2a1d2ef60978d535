import type { Db } from '../db/database.js';

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

  register(channel: string, probe: ReplyChannelProbe): void {
    this.probes.set(channel, probe);
  }

  async state(channel: string, db: Db, target: ReplyTarget): Promise<ReplyChannelState> {
    const probe = this.probes.get(channel);
    return probe ? probe(db, target) : { ready: false, reason: 'reply.channel_not_configured' };
  }
}
