import type { SurveyDelivery, SurveySender } from '../../app/survey-channels.js';
import { getContact } from '../customers/index.js';
import type { DevSmsProvider } from './dev-sms-provider.js';
import { activeSmsAccount, smsProviderOf, type SmsDeps } from './sms-accounts.js';
import { SmsSendFailed } from './sms-errors.js';
import { smsReachable } from './sms-reachable.js';
import { insertSmsMessage, judgeNoticeSend, smsMessageById, updateSmsMessage } from './sms-sends.js';
import { surveyParams } from './sms-settings.js';

const notDelivered = (reason: string, permanent: boolean): SurveyDelivery => ({ delivered: false, reason, permanent });

/**
 * The survey sender for `sms` (registered on the app's survey channels): an NPS invitation to a
 * customer reachable by mobile, as one SMS of the account's approved survey template — the
 * template holds the question, its one parameter is the signed link (sms-settings.ts). Vendors
 * send only approved templates, so an account without one cannot carry it: like no account at
 * all, that is a permanent "not delivered" and the surveys module puts the survey on the portal.
 * The same per-number limits as notices (a survey counts as one); a full number waits and is
 * retried by the delivery job. The SMS row's id is the survey's, so a retried job sends once.
 * Sandbox accounts and the development provider record the message instead of sending it.
 */
export function smsSurveySender(deps: SmsDeps, dev: DevSmsProvider | null): SurveySender {
  return async (database, invitation) => {
    if (invitation.kind !== 'nps') return notDelivered('survey.no_channel', true);
    const contact = await getContact(database.db, invitation.contactId).catch(() => null);
    const phone = contact && !contact.anonymized ? contact.identities.find((identity) => identity.kind === 'phone' && smsReachable(identity.value))?.value : undefined;
    if (!phone) return notDelivered('survey.no_channel', true);
    if (!/^https?:\/\//.test(invitation.link)) return notDelivered('survey.no_public_url', true);
    const active = await activeSmsAccount({ ...deps, database });
    if (!active && !dev) return notDelivered('sms.survey_not_configured', true);
    const templateId = active ? active.settings.surveyTemplateId : 'dev-nps';
    if (!templateId) return notDelivered('sms.survey_template_missing', true);

    const now = deps.clock.now();
    const existing = await smsMessageById(database.db, invitation.surveyId);
    if (existing && ['sent', 'sandbox', 'dev'].includes(existing.status)) return { delivered: true };
    if (!existing) {
      const refused = await database.transaction(async (tx) => {
        const verdict = await judgeNoticeSend(tx, phone, now);
        if (!verdict.allowed) return true;
        await insertSmsMessage(tx, { id: invitation.surveyId, purpose: 'notification', phoneE164: phone, accountId: active?.account.id ?? null, status: 'queued', createdAt: now });
        return false;
      });
      if (refused) return notDelivered('sms.survey_held_back', false);
    }
    const params = surveyParams(invitation.link);
    if (!active) {
      await dev!.sendNotification(phone, templateId, params);
      await updateSmsMessage(database.db, invitation.surveyId, { status: 'dev', templateId, params, sentAt: now });
      return { delivered: true };
    }
    if (active.account.sandbox) {
      await updateSmsMessage(database.db, invitation.surveyId, { status: 'sandbox', templateId, params, sentAt: now });
      return { delivered: true };
    }
    try {
      const receipt = await smsProviderOf({ ...deps, database }, active.settings).sendNotification(phone, templateId, params);
      await updateSmsMessage(database.db, invitation.surveyId, { status: 'sent', templateId, vendorMessageId: receipt.messageId, error: null, sentAt: now });
      return { delivered: true };
    } catch (error) {
      const failure = error instanceof SmsSendFailed ? error : null;
      const permanent = failure ? !failure.retryable : false;
      await updateSmsMessage(database.db, invitation.surveyId, { status: permanent ? 'failed' : 'queued', templateId, error: failure ? `${failure.code} ${failure.vendorCode}` : String(error) });
      return notDelivered(failure?.code ?? 'survey.send_failed', permanent);
    }
  };
}
