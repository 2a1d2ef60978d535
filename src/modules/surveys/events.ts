import { z } from 'zod';
import { defineEvent } from '../../jobs/event-definition.js';

/**
 * The surveys module's domain events. Reports compute CSAT, NPS and response rates from these
 * alone (each carries the kind, channel, ticket, team, organisation and tier it counts under), so
 * they never read the surveys tables. Aggregate: the survey.
 */
const kind = z.enum(['csat', 'nps']);
const facts = {
  kind,
  channel: z.string(),
  contactId: z.string(),
  ticketId: z.string().nullable(),
  teamId: z.string().nullable(),
  handlerId: z.string().nullable(),
  organizationId: z.string().nullable(),
  tierKey: z.string().nullable(),
  /** NPS: the period it belongs to. */
  period: z.string().nullable(),
};

/** Handed to its channel (an email to the relay, a WeChat menu message …). */
export const surveySent = defineEvent({ name: 'survey.sent', version: 1, aggregate: 'survey', payload: facts });

/**
 * Reached the customer: the relay accepted the mail, or the portal shows it on the ticket page.
 * The denominator of the response rate.
 */
export const surveyDelivered = defineEvent({ name: 'survey.delivered', version: 1, aggregate: 'survey', payload: facts });

/** The customer answered: CSAT 1–5 or NPS 0–10 (the comment may follow in `survey.commented`). */
export const surveyAnswered = defineEvent({ name: 'survey.answered', version: 1, aggregate: 'survey', payload: { ...facts, score: z.number().int().min(0).max(10), low: z.boolean() } });

/** The customer added the optional comment («为什么» for NPS). The text stays in the survey (erasure). */
export const surveyCommented = defineEvent({ name: 'survey.commented', version: 1, aggregate: 'survey', payload: { kind, ticketId: z.string().nullable() } });

/**
 * A low CSAT rating was followed up: the team's supervisor was told and a 回访 ticket opened for
 * someone other than the handler (either may be null when nobody fits).
 */
export const surveyFollowUpOpened = defineEvent({
  name: 'survey.follow_up_opened',
  version: 1,
  aggregate: 'survey',
  payload: { ticketId: z.string(), followUpTicketId: z.string(), supervisorId: z.string().nullable(), assigneeId: z.string().nullable(), score: z.number().int() },
});

/** Not sent (cooldown, no way to reach the customer, not sampled …): `reason` is a message key. */
export const surveySkipped = defineEvent({ name: 'survey.skipped', version: 1, aggregate: 'survey', payload: { kind, ticketId: z.string().nullable(), contactId: z.string(), reason: z.string() } });

export const surveySettingsUpdated = defineEvent({ name: 'survey_settings.updated', version: 1, aggregate: 'survey_settings', payload: { changes: z.record(z.string(), z.unknown()) } });
