import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Config } from '../../app/config.js';
import type { SurveyChannels, SurveyDelivery, SurveyInvitation } from '../../app/survey-channels.js';
import { recordEvent } from '../../jobs/events.js';
import type { JobHandler } from '../../jobs/registry.js';
import { getContactsByIds } from '../customers/index.js';
import { findTicketBrief } from '../tickets/index.js';
import { surveyDelivered } from './events.js';
import { invitationLocale } from './invitation-locale.js';
import { surveys } from './schema.js';
import { getSurveySettings } from './settings.js';
import { surveyFacts, scoresOf } from './survey-facts.js';
import { signSurveyChoice, surveyChoiceKey } from './survey-choice.js';
import { signSurveyLink, surveyLinkKey } from './survey-link.js';
import type { SurveyMailer } from './survey-mail.js';

const jobPayload = z.object({ surveyId: z.uuid() });
/** The queue's default attempts; the last one records the failure. */
const lastAttempt = 8;

/**
 * Job `surveys.deliver`: hands a survey that came due to its way out — the relay (email) or a
 * registered channel's sender — and records `survey.delivered` when it was accepted. A permanent
 * refusal, or the last attempt, marks it failed with the reason — except an NPS survey a channel
 * could not carry, which goes to the customer's portal (PortalNpsCard). At least once: a crash right
 * after the relay accepted may mail twice; the link still answers once.
 */
export function deliverSurveyHandler(config: Config, mailer: SurveyMailer, channels: SurveyChannels): JobHandler {
  return async (payload, { database, log, job }) => {
    const { surveyId } = jobPayload.parse(payload);
    const [row] = await database.db.select().from(surveys).where(eq(surveys.id, surveyId));
    if (!row || row.status !== 'sending' || !row.expiresAt) return;
    const contact = (await getContactsByIds(database.db, [row.contactId])).get(row.contactId);
    const ticket = row.ticketId ? await findTicketBrief(database.db, row.ticketId) : null;
    const base = (config.OPENCSM_PUBLIC_URL ?? '').replace(/\/$/, '');
    // The survivor's attributes when the customer was merged (the summary is the survivor's).
    const locale = await invitationLocale(database.db, contact?.id ?? row.contactId, (await getSurveySettings(database.db)).invitationLocale);
    const invitation: SurveyInvitation = {
      surveyId: row.id,
      kind: row.kind,
      contactId: row.contactId,
      ticketId: row.ticketId,
      ticketNumber: ticket?.number ?? null,
      ticketSubject: ticket?.subject ?? null,
      link: `${base}/survey/${signSurveyLink(surveyLinkKey(config), { surveyId: row.id, expiresAt: row.expiresAt })}`,
      scores: scoresOf(row.kind),
      choices: scoresOf(row.kind).map((score) => ({ score, id: signSurveyChoice(surveyChoiceKey(config), row.id, score) })),
      locale,
    };
    let outcome: SurveyDelivery;
    if (row.channel === 'email') {
      if (!mailer) outcome = { delivered: false, reason: 'survey.no_mail_relay', permanent: true };
      else if (!contact?.email || contact.anonymized) outcome = { delivered: false, reason: 'survey.no_channel', permanent: true };
      else {
        try {
          await mailer.send({ to: contact.email, name: contact.name, invitation });
          outcome = { delivered: true };
        } catch (error) {
          log.warn({ err: error, surveyId, attempt: job.attempts }, 'survey mail not sent');
          outcome = { delivered: false, reason: 'survey.send_failed', permanent: false };
        }
      }
    } else {
      const sender = channels.senderFor(row.channel);
      outcome = sender ? await sender(database, invitation) : { delivered: false, reason: 'survey.no_channel', permanent: true };
    }
    if (!outcome.delivered && !outcome.permanent && job.attempts < lastAttempt) throw new Error(`survey ${surveyId} not delivered: ${outcome.reason}`);
    // An NPS survey has no ticket page to wait on: what a channel (SMS) could not carry is shown on
    // the customer's portal home instead, the reason kept for the survey list.
    const portalBecause = !outcome.delivered && row.kind === 'nps' && row.channel !== 'email' ? outcome.reason : null;
    await database.transaction(async (tx) => {
      if (portalBecause) {
        const [moved] = await tx
          .update(surveys)
          .set({ status: 'delivered', channel: 'portal', deliveredAt: new Date(), reason: portalBecause })
          .where(and(eq(surveys.id, surveyId), eq(surveys.status, 'sending')))
          .returning();
        if (moved) await recordEvent(tx, surveyDelivered, { aggregateId: surveyId, cause: 'system', payload: surveyFacts(moved) });
        return;
      }
      if (!outcome.delivered) {
        await tx.update(surveys).set({ status: 'failed', reason: outcome.reason }).where(and(eq(surveys.id, surveyId), eq(surveys.status, 'sending')));
        return;
      }
      // A customer who answered before this was recorded keeps `answered`; the delivery still counts.
      const [updated] = await tx.update(surveys).set({ deliveredAt: new Date() }).where(eq(surveys.id, surveyId)).returning();
      await tx.update(surveys).set({ status: 'delivered' }).where(and(eq(surveys.id, surveyId), eq(surveys.status, 'sending')));
      await recordEvent(tx, surveyDelivered, { aggregateId: surveyId, cause: 'system', payload: surveyFacts(updated!) });
    });
  };
}
