import type { Clock } from '../../app/clock.js';
import type { Config } from '../../app/config.js';
import { translate } from '../../app/i18n/catalogue.js';
import type { SurveyInvitation, SurveySender } from '../../app/survey-channels.js';
import { channelSecrets, loadChannelAccount } from '../channels/index.js';
import { markOutbound, takeWindowPlace, windowErrors } from './deliver-reply.js';
import { ticketThread } from './ticket-threads.js';
import { WechatApiError, wechatApi } from './wechat-api.js';
import { wechatSettingsOf } from './wechat-settings.js';

/** The texts of a survey's menu message in the invitation's language (also WeCom's, whose menu has the same parts). */
export function surveyMenuTexts(invitation: SurveyInvitation): { head: string; options: Array<{ id: string; content: string }>; tail: string } {
  const { locale } = invitation;
  const subject = (invitation.ticketSubject ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
  const head = invitation.ticketNumber ? translate(locale, 'wechat.survey_head', { number: invitation.ticketNumber, subject }) : translate(locale, 'wechat.survey_head_plain');
  const label = (score: number) => (invitation.kind === 'csat' ? translate(locale, `wechat.survey_csat_${score}`) : translate(locale, 'wechat.survey_nps_score', { score }));
  // Without OPENCSM_PUBLIC_URL the link is only a path, which the customer could not open.
  const linkWorks = /^https?:\/\//.test(invitation.link);
  return {
    head,
    options: invitation.choices.map((choice) => ({ id: choice.id, content: label(choice.score) })),
    tail: linkWorks ? translate(locale, 'wechat.survey_tail', { link: invitation.link }) : translate(locale, 'wechat.survey_tail_plain'),
  };
}

/**
 * The survey sender of `wechat` tickets: a customer-service menu message (msgtype `msgmenu`: the
 * head, one option per score whose id is the survey's signed choice, the tail with the link for a
 * comment) to the ticket's follower, through the same window as replies — one of the 5 messages
 * of the 48 h after the follower's last message. Outside the window it is not sent (permanent, with
 * the reason). The click comes back as a text message carrying `bizmsgmenuid` (process-message.ts).
 */
export function wechatSurveySender(config: Config, clock: Clock): SurveySender {
  return async (database, invitation) => {
    const thread = invitation.ticketId ? await ticketThread(database.db, invitation.ticketId) : null;
    if (!thread) return { delivered: false, reason: 'wechat.no_follower', permanent: true };
    const account = await loadChannelAccount(database.db, channelSecrets(config), thread.accountId);
    if (!account?.enabled) return { delivered: false, reason: 'wechat.account_disabled', permanent: true };

    const texts = surveyMenuTexts(invitation);
    const request = { touser: thread.openid, msgtype: 'msgmenu', msgmenu: { head_content: texts.head, list: texts.options, tail_content: texts.tail } };
    const taken = await takeWindowPlace(database, { ...thread, messageId: invitation.surveyId, count: 1, request, now: clock.now() });
    if (taken !== 'ok') return { delivered: false, reason: taken, permanent: true };
    if (account.sandbox) {
      await markOutbound(database, invitation.surveyId, 'sandbox', null);
      return { delivered: true };
    }
    try {
      await wechatApi({ database, config, clock }, account.id, wechatSettingsOf(account.settings)).sendCustomMessage(request);
    } catch (error) {
      const transient = !(error instanceof WechatApiError) || error.transient;
      await markOutbound(database, invitation.surveyId, transient ? 'queued' : 'failed', error instanceof Error ? error.message : String(error));
      const windowKey = error instanceof WechatApiError ? windowErrors[error.errcode] : undefined;
      return { delivered: false, reason: windowKey ?? 'survey.send_failed', permanent: !transient };
    }
    await markOutbound(database, invitation.surveyId, 'sent', null);
    return { delivered: true };
  };
}
