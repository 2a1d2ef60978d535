import type { z } from 'zod';
import type { Database } from '../db/database.js';

/**
 * The channel contract (issue 16 §1): what a customer channel (WeChat official account, later
 * WeCom 微信客服, DingTalk, SMS) tells the platform about itself. The channels module owns the
 * accounts (settings, encrypted secrets, audit), the account API and the vendor callback route,
 * and stores each callback's raw body before answering; the adapter supplies the vendor-specific
 * parts. Outbound replies go through the existing `replyChannels` probe (the window and limits)
 * and a delivery job the channel module subscribes; inbound messages reach tickets only through
 * `receiveInboundMessage`, from a job.
 *
 * Shapes the next channels fit: WeCom kf's callback carries only a token, so its `callback` stores
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

export type ChannelAdapter = {
  kind: string;
  labels: ChannelLabels;
  /**
   * An agent's reply on a ticket of this channel goes back on it (a delivery job sends it; the
   * module registers a `replyChannels` probe that says when it can). False for channels that only
   * bring messages in: their tickets are answered by email or in the portal.
   */
  deliversReplies: boolean;
  /** The customer identity kinds this channel adds to the customer 360 (`wechat_openid`, …). */
  identityKinds: readonly string[];
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
 * A channel tickets and messages come by (`tickets.channel`): one of the platform's own or an
 * installed adapter's kind. `builtIn`: the platform's own (no module registers it).
 */
export type TicketChannel = { key: string; labels: ChannelLabels; deliversReplies: boolean; builtIn: boolean };

/**
 * The platform's own channels, declared once: those no adapter module registers. `web` is the
 * embeddable web form, `portal` the customer portal (replies are read there, nothing is sent);
 * `email` delivers (the email-channel module registers its reply probe and delivery job).
 */
export const platformChannels: readonly TicketChannel[] = [
  { key: 'api', labels: { 'zh-CN': 'API', en: 'API' }, deliversReplies: false, builtIn: true },
  { key: 'web', labels: { 'zh-CN': '网页', en: 'Web' }, deliversReplies: false, builtIn: true },
  { key: 'phone', labels: { 'zh-CN': '电话', en: 'Phone' }, deliversReplies: false, builtIn: true },
  { key: 'email', labels: { 'zh-CN': '邮件', en: 'Email' }, deliversReplies: true, builtIn: true },
  { key: 'portal', labels: { 'zh-CN': '客户门户', en: 'Portal' }, deliversReplies: false, builtIn: true },
];

/** Not a channel: what an agent's internal note is stored with (`ticket_messages.channel`). */
const reservedKinds = new Set(['agent']);

/**
 * The channels installed in this app, per app (AppContext), filled by channel modules in
 * registerJobs. The account API, the callback route and the console's channel list read it, so a
 * new channel is one adapter and one registration. It is also the one list of ticket channels
 * (`ticketChannels`: the platform's own, then every adapter): the create API's `channel` enum,
 * the registry's `channel` options, SLA conditions, the reply ways and the console's labels read
 * it once modules have registered (routes are built after every module's registerJobs).
 */
export class ChannelRegistry {
  private readonly adapters = new Map<string, ChannelAdapter>();

  register(adapter: ChannelAdapter): void {
    if (this.adapters.has(adapter.kind)) throw new Error(`Channel ${adapter.kind} is registered twice`);
    if (reservedKinds.has(adapter.kind) || platformChannels.some((c) => c.key === adapter.kind)) throw new Error(`Channel ${adapter.kind} is the platform's own`);
    this.adapters.set(adapter.kind, adapter);
  }

  get(kind: string): ChannelAdapter | undefined {
    return this.adapters.get(kind);
  }

  list(): ChannelAdapter[] {
    return [...this.adapters.values()];
  }

  /** Every channel a ticket may be created on now: the platform's own, then the adapters in registration order. */
  ticketChannels(): TicketChannel[] {
    return [...platformChannels, ...this.list().map((a) => ({ key: a.kind, labels: a.labels, deliversReplies: a.deliversReplies, builtIn: false }))];
  }

  /** The keys of `ticketChannels()`, never empty (what a zod enum takes). */
  ticketChannelKeys(): [string, ...string[]] {
    const [first, ...rest] = this.ticketChannels().map((c) => c.key);
    return [first!, ...rest];
  }

  /** An installed channel, or undefined (a stored ticket's channel whose module was removed). */
  ticketChannel(key: string): TicketChannel | undefined {
    return platformChannels.find((c) => c.key === key) ?? this.adapterChannel(key);
  }

  /** Whether an agent's reply on this channel is sent back on it (false for a channel not installed). */
  deliversReplies(key: string): boolean {
    return this.ticketChannel(key)?.deliversReplies ?? false;
  }

  private adapterChannel(key: string): TicketChannel | undefined {
    const adapter = this.adapters.get(key);
    return adapter && { key, labels: adapter.labels, deliversReplies: adapter.deliversReplies, builtIn: false };
  }
}
