import { z } from 'zod';
import { groupByKeys } from './survey-stats.js';

export const surveyStatusSchema = z.enum(['scheduled', 'sending', 'delivered', 'answered', 'skipped', 'failed', 'cancelled']);
export const surveyKindSchema = z.enum(['csat', 'nps']);

export const surveySchema = z
  .object({
    id: z.uuid(),
    kind: surveyKindSchema,
    ticketId: z.uuid().nullable(),
    contactId: z.uuid(),
    channel: z.string().describe('email, portal, or a registered channel (wechat, wecom, sms)'),
    status: surveyStatusSchema,
    period: z.string().nullable().describe('NPS: the period it belongs to'),
    score: z.number().int().nullable().describe('CSAT 1–5, NPS 0–10'),
    comment: z.string().nullable(),
    reason: z.string().nullable().describe('Why it was skipped, failed or cancelled, or why an NPS survey went to the portal instead of its channel (message key)'),
    followUpTicketId: z.uuid().nullable().describe('The 回访 ticket a low rating opened'),
    dueAt: z.date().nullable(),
    sentAt: z.date().nullable(),
    deliveredAt: z.date().nullable(),
    answeredAt: z.date().nullable(),
    expiresAt: z.date().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'Survey' });

export const surveySettingsSchema = z
  .object({
    csatEnabled: z.boolean(),
    csatDelayMinutes: z.number().int().min(0).max(10_080),
    csatCooldownDays: z.number().int().min(0).max(365),
    lowRatingThreshold: z.number().int().min(1).max(4),
    followUpTypeKey: z.string().trim().min(1).max(64),
    linkValidDays: z.number().int().min(1).max(90),
    npsEnabled: z.boolean(),
    npsIntervalDays: z.number().int().min(7).max(730),
    npsSamplePercent: z.number().int().min(1).max(100),
    npsTierKeys: z.array(z.string().trim().min(1).max(64)).max(50),
    npsQuietDaysAfterComplaint: z.number().int().min(0).max(365),
    npsComplaintTypeKey: z.string().trim().min(1).max(64),
    invitationLocale: z.enum(['zh-CN', 'en']).describe("Invitations' language for customers without their own (a contact's `locale` attribute, zh-CN or en, comes first)."),
  });

export const surveySettingsViewSchema = surveySettingsSchema.extend({ version: z.number().int(), updatedAt: z.date().nullable() }).meta({ id: 'SurveySettings' });

export const surveyPageSchema = z
  .object({
    kind: surveyKindSchema,
    ticketNumber: z.string().nullable(),
    ticketSubject: z.string().nullable(),
    scores: z.array(z.number().int()),
    score: z.number().int().nullable(),
    comment: z.string().nullable(),
    answered: z.boolean(),
    expiresAt: z.date(),
  })
  .meta({ id: 'SurveyPage' });

export const answerBody = z.strictObject({ score: z.number().int().min(0).max(10), comment: z.string().max(2000).optional() });
export const commentBody = z.strictObject({ comment: z.string().trim().min(1).max(2000) });

export const statsSchema = z
  .object({
    kind: surveyKindSchema,
    by: z.enum(groupByKeys as [string, ...string[]]),
    field: z.string().optional().describe('with by=field: the customer field grouped by'),
    responseRates: z.array(z.object({ channel: z.string(), delivered: z.number().int(), answered: z.number().int(), responseRate: z.number().nullable().describe('answers ÷ surveys delivered') })),
    groups: z.array(z.object({ key: z.string().nullable(), label: z.object({ 'zh-CN': z.string(), en: z.string() }).nullable().optional().describe('by=field: the option\'s label (null: no value or an option no longer defined)'), answered: z.number().int(), average: z.number().nullable(), csat: z.number().nullable().describe('share of 4–5 stars'), nps: z.number().nullable().describe('% promoters − % detractors'), promoters: z.number().int(), passives: z.number().int(), detractors: z.number().int() })),
  })
  .meta({ id: 'SurveyStats' });
