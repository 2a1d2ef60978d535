import type { Clock } from '../../app/clock.js';
import type { Config } from '../../app/config.js';
import { translate } from '../../app/i18n/catalogue.js';
import type { SurveySender } from '../../app/survey-channels.js';
import { channelSecrets, loadChannelAccount } from '../channels/index.js';
import { surveyMenuTexts } from '../wechat-channel/index.js';
import { kfSendId, markOutbound, takeWindowPlaces } from './deliver-reply.js';
import { kfThreadOf } from './kf-customers.js';
import { kfSessionRefusalText } from './kf-session-refusals.js';
import { WecomApiError, wecomApi } from './wecom-api.js';
import { wecomSettingsOf } from './wecom-settings.js';

/**
 * The survey sender of `wecom` tickets: a kf/send_msg menu message (msgtype `msgmenu`) to the
 * ticket's 微信客服 customer — `click` items, one per score, whose id is the survey's signed choice,
 * and a `view` item opening the signed link to rate with a comment — through the same session
 * window as replies (one of the 5 messages of the 48 h after the customer's last message). Outside
 * the window it is not sent (permanent, with the reason). The click comes back from sync_msg as a
 * text message carrying `menu_id` (process-kf-message.ts).
 */
export function wecomSurveySender(config: Config, clock: Clock): SurveySender {
  return async (database, invitation) => {
    const thread = invitation.ticketId ? await kfThreadOf(database.db, invitation.ticketId) : null;
    if (!thread) return { delivered: false, reason: 'wecom.no_customer', permanent: true };
    const account = await loadChannelAccount(database.db, channelSecrets(config), thread.accountId);
    if (!account?.enabled) return { delivered: false, reason: 'wecom.account_disabled', permanent: true };

    const texts = surveyMenuTexts(invitation);
    const list: Array<Record<string, unknown>> = texts.options.map((option) => ({ type: 'click', click: { id: option.id, content: option.content } }));
    // The link only when it can be opened (OPENCSM_PUBLIC_URL set).
    if (/^https?:\/\//.test(invitation.link)) list.push({ type: 'view', view: { url: invitation.link, content: translate(invitation.locale, 'wecom.survey_comment') } });
    const request = {
      touser: thread.externalUserId,
      open_kfid: thread.openKfId,
      msgid: kfSendId(invitation.surveyId, 0),
      msgtype: 'msgmenu',
      msgmenu: { head_content: texts.head, list, tail_content: translate(invitation.locale, 'wechat.survey_tail_plain') },
    };
    const taken = await takeWindowPlaces(database, { thread, messageId: invitation.surveyId, count: 1, request, now: clock.now() });
    if (taken !== 'ok') return { delivered: false, reason: taken, permanent: true };
    if (account.sandbox) {
      await markOutbound(database, invitation.surveyId, 'sandbox', null);
      return { delivered: true };
    }
    try {
      await wecomApi({ database, config, clock }, account.id, wecomSettingsOf(account.settings)).sendKfMessage(request);
    } catch (error) {
      const transient = !(error instanceof WecomApiError) || error.transient;
      await markOutbound(database, invitation.surveyId, transient ? 'queued' : 'failed', kfSessionRefusalText(error) ?? (error instanceof Error ? error.message : String(error)));
      return { delivered: false, reason: 'survey.send_failed', permanent: !transient };
    }
    await markOutbound(database, invitation.surveyId, 'sent', null);
    return { delivered: true };
  };
}
