import type { Db } from '../db/database.js';

/**
 * A survey invitation a channel carries to the customer: which survey, its signed link (the page
 * where the customer answers) and the scale, in the customer's language. A channel with buttons
 * (a WeChat/WeCom menu message) may offer the scores as buttons that open `link` with `?score=`.
 */
export type SurveyInvitation = {
  surveyId: string;
  kind: 'csat' | 'nps';
  contactId: string;
  ticketId: string | null;
  ticketNumber: string | null;
  ticketSubject: string | null;
  /** `<public URL>/survey/<token>`; add `?score=<n>` for a one-click answer. */
  link: string;
  scores: readonly number[];
  locale: 'zh-CN' | 'en';
};

/** Delivered (the channel's servers accepted it), or not, with why (an i18n message key). */
export type SurveyDelivery = { delivered: true } | { delivered: false; reason: string; permanent: boolean };

export type SurveySender = (db: Db, invitation: SurveyInvitation) => Promise<SurveyDelivery>;

/**
 * Channels that can carry a survey invitation besides the surveys module's own email and portal
 * ways (the WeChat/WeCom menu message, SMS for NPS when those channels land). A channel module
 * registers a sender at boot, keyed by the ticket channel it serves (`wechat`, `wecom`, `sms` …);
 * the surveys module asks it when a survey comes due. One instance per app (AppContext).
 */
export class SurveyChannels {
  private readonly senders = new Map<string, SurveySender>();

  register(channel: string, sender: SurveySender): void {
    if (this.senders.has(channel)) throw new Error(`Survey channel ${channel} is registered twice`);
    this.senders.set(channel, sender);
  }

  senderFor(channel: string): SurveySender | undefined {
    return this.senders.get(channel);
  }
}
