import type { Database } from '../db/database.js';

/**
 * A survey invitation a channel carries to the customer: which survey, its signed link (the page
 * where the customer answers) and the scale, in the customer's language. A channel with buttons
 * (a WeChat/WeCom menu message) offers the scores as `choices`: each button carries its signed
 * choice id, and the click that comes back is answered with the surveys module's
 * `answerSurveyChoice` (which also checks the clicking contact is the survey's).
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
  /** One per score: a signed id (at most 64 of [0-9A-Za-z_-], WeCom's limit for a menu id) a button carries. */
  choices: ReadonlyArray<{ score: number; id: string }>;
  locale: 'zh-CN' | 'en';
};

/** Delivered (the channel's servers accepted it), or not, with why (an i18n message key). */
export type SurveyDelivery = { delivered: true } | { delivered: false; reason: string; permanent: boolean };

/** Gets the database with transactions: a channel takes its place in the customer's window under a row lock. */
export type SurveySender = (database: Database, invitation: SurveyInvitation) => Promise<SurveyDelivery>;

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
