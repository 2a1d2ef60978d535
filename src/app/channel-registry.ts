import type { z } from 'zod';
import type { Database } from '../db/database.js';

/**
 * The channel contract (issue 16 §1): what a customer channel tells the platform about itself.
 * Every channel module registers a `ChannelDescriptor` on `context.channels` in registerJobs (kind,
 * labels, whether replies go back on it, the identity kinds it adds to the customer 360). A vendor
 * channel (WeChat official account, WeCom 微信客服, DingTalk, SMS) registers a `ChannelAdapter`: the
 * descriptor plus vendor accounts — settings with encrypted secrets, the vendor callback, a
 * connection test, the vendor's limits. The channels module owns those accounts (audit, the
 * account API) and the callback route, and stores each callback's raw body before answering; the
 * adapter supplies the vendor-specific parts. Channels of our own (email: mailboxes, IMAP and SMTP;
 * the portal and its web form; phone intake) have no vendor account and register the descriptor
 * alone. Outbound replies go through the `replyChannels` probe (the window and limits) and a
 * delivery job the channel module subscribes; inbound messages reach tickets only through
 * `receiveInboundMessage`, from a job.
 *
 * Shapes the vendor channels fit: WeCom kf's callback carries only a token, so its `callback` stores
 * the token and its job pulls `sync_msg` with a cursor kept in its own table (advanced in the same
 * transaction that stores the messages); DingTalk's callback carries a `sessionWebhook` the adapter
 * keeps beside the message for its reply.
 */
export type ChannelLabels = { 'zh-CN': string; en: string };

/** An account as the adapter sees it: its settings parsed, secrets opened (never sent to a browser). */
export type ChannelAccount = {
  id: string;
  kind: string;
  name: string;
  enabled: boolean;
  /** Deliveries are recorded locally instead of sent (沙箱): demos and training. */
  sandbox: boolean;
  settings: Record<string, unknown>;
};

/** A vendor's call to `/api/v1/channels/{kind}/{accountId}/callback`, before any parsing. */
export type CallbackRequest = {
  method: 'GET' | 'POST';
  query: Record<string, string | undefined>;
  body: string;
  /** Request headers, names lower-case (DingTalk signs in `timestamp` and `sign` headers). */
  headers?: Record<string, string | string[] | undefined>;
};
/** What to answer the vendor (fast: the raw message is stored, its processing is a job). */
export type CallbackAnswer = { status: number; contentType: string; body: string };

/** A `test connection`: the vendor accepted our credentials, or why not (an i18n key and the vendor's words). */
export type ChannelHealth = { ok: true } | { ok: false; reason: string; detail?: string };

/** What every channel tells the platform: enough to list it, label it and plan replies on it. */
export type ChannelDescriptor = {
  /** What tickets and messages store in `channel`. */
  kind: string;
  labels: ChannelLabels;
  /**
   * An agent's reply on a ticket of this channel goes back on it (a delivery job sends it; the
   * module registers a `replyChannels` probe that says when it can). False for channels that only
   * bring messages in: their tickets are answered by email or in the portal.
   */
  deliversReplies: boolean;
  /** The customer identity kinds this channel adds to the customer 360 (`email`, `wechat_openid`, …). */
  identityKinds: readonly string[];
};

/** A vendor channel: the descriptor and the vendor accounts the channels module keeps for it. */
export type ChannelAdapter = ChannelDescriptor & {
  /** Account settings, secrets included; checked on create and on every change (merged with the stored ones). */
  settings: z.ZodType<Record<string, unknown>>;
  /** Settings that are encrypted at rest by the platform key service and never returned (masked). */
  secretFields: readonly string[];
  /** The vendor's limits and reply window, shown in the console and enforced by the channel's delivery. */
  limits: { replyWindowHours?: number; messagesPerWindow?: number };
  /** Answers the vendor: verifies its signature, stores the raw message (before answering) and queues its processing. */
  callback(database: Database, account: ChannelAccount, request: CallbackRequest): Promise<CallbackAnswer>;
  /** Calls the vendor's token API with the account's credentials. */
  testConnection(database: Database, account: ChannelAccount): Promise<ChannelHealth>;
};

/**
 * A channel tickets and messages come by (`tickets.channel`). `builtIn`: one of the platform's own
 * (declared here, or registered by a module of ours without vendor accounts: email, phone, the
 * portal); false: a vendor channel's (it has accounts and a callback).
 */
export type TicketChannel = { key: string; labels: ChannelLabels; deliversReplies: boolean; builtIn: boolean };

/**
 * The channels no module owns, declared once: `api` (tickets created through the API by another
 * system) and `web`, the embeddable web form. The form is served by the portal module, but `web`
 * stays here so the list keeps its order (`api`, `web`, then the modules' channels): the create
 * API's `channel` enum, which clients are generated from, is that list.
 */
export const platformChannels: readonly TicketChannel[] = [
  { key: 'api', labels: { 'zh-CN': 'API', en: 'API' }, deliversReplies: false, builtIn: true },
  { key: 'web', labels: { 'zh-CN': '网页', en: 'Web' }, deliversReplies: false, builtIn: true },
];

/** Not a channel: what an agent's internal note is stored with (`ticket_messages.channel`). */
const reservedKinds = new Set(['agent']);

/** A vendor adapter brings accounts (settings, callback, connection test); a descriptor alone does not. */
function hasVendorAccounts(channel: ChannelDescriptor | ChannelAdapter): channel is ChannelAdapter {
  return 'callback' in channel;
}

/**
 * The channels installed in this app, per app (AppContext), filled by channel modules in
 * registerJobs. The account API and the callback route read its vendor adapters (`get`, `list`),
 * so a new vendor channel is one adapter and one registration. It is also the one list of ticket
 * channels (`ticketChannels`: the platform's own, then our modules' channels, then the vendor
 * adapters, each in registration order): the create API's `channel` enum, the registry's `channel`
 * options, SLA conditions, the reply ways and the console's labels read it once modules have
 * registered (routes are built after every module's registerJobs).
 */
export class ChannelRegistry {
  private readonly own = new Map<string, ChannelDescriptor>();
  private readonly adapters = new Map<string, ChannelAdapter>();

  register(channel: ChannelDescriptor | ChannelAdapter): void {
    if (reservedKinds.has(channel.kind) || platformChannels.some((c) => c.key === channel.kind)) throw new Error(`Channel ${channel.kind} is the platform's own`);
    if (this.own.has(channel.kind) || this.adapters.has(channel.kind)) throw new Error(`Channel ${channel.kind} is registered twice`);
    if (hasVendorAccounts(channel)) this.adapters.set(channel.kind, channel);
    else this.own.set(channel.kind, channel);
  }

  /** A vendor channel's adapter (accounts, callback), or undefined: a channel of our own has none. */
  get(kind: string): ChannelAdapter | undefined {
    return this.adapters.get(kind);
  }

  /** The vendor adapters, in registration order (the account API's list of channel kinds). */
  list(): ChannelAdapter[] {
    return [...this.adapters.values()];
  }

  /** Every registered channel, ours first, then the vendors', each in registration order. */
  descriptors(): ChannelDescriptor[] {
    return [...this.own.values(), ...this.adapters.values()];
  }

  /** Every channel a ticket may be created on now: the platform's own, then every registered one (`descriptors`). */
  ticketChannels(): TicketChannel[] {
    return [...platformChannels, ...this.descriptors().map((d) => this.ticketChannelOf(d))];
  }

  /** The keys of `ticketChannels()`, never empty (what a zod enum takes). */
  ticketChannelKeys(): [string, ...string[]] {
    const [first, ...rest] = this.ticketChannels().map((c) => c.key);
    return [first!, ...rest];
  }

  /** An installed channel, or undefined (a stored ticket's channel whose module was removed). */
  ticketChannel(key: string): TicketChannel | undefined {
    const registered = this.own.get(key) ?? this.adapters.get(key);
    return platformChannels.find((c) => c.key === key) ?? (registered && this.ticketChannelOf(registered));
  }

  /** Whether an agent's reply on this channel is sent back on it (false for a channel not installed). */
  deliversReplies(key: string): boolean {
    return this.ticketChannel(key)?.deliversReplies ?? false;
  }

  /**
   * The identity kinds a reply reaches a customer by: those the installed channels that deliver
   * replies add (`email`, `wechat_openid` …). A requester without one is reachable only where the
   * reply waits (the portal), or by a notice to their mobile.
   */
  replyIdentityKinds(): Set<string> {
    return new Set(this.descriptors().flatMap((d) => (d.deliversReplies ? d.identityKinds : [])));
  }

  private ticketChannelOf(channel: ChannelDescriptor): TicketChannel {
    return { key: channel.kind, labels: channel.labels, deliversReplies: channel.deliversReplies, builtIn: !this.adapters.has(channel.kind) };
  }
}
