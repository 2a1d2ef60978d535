import { and, desc, eq, inArray } from 'drizzle-orm';
import { Conflict, Gone, invalidField, NotFound } from '../../app/errors.js';
import type { Database, Db } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { findTicketBrief, recordTicketActivity } from '../tickets/index.js';
import { surveyAnswered, surveyCommented } from './events.js';
import { markAsked } from './schedule-csat.js';
import { getSurveySettings } from './settings.js';
import { surveys, type SurveyRow } from './schema.js';
import { scoresOf, surveyFacts } from './survey-facts.js';
import { readSurveyLink } from './survey-link.js';

/** What the rating page shows (no personal data beyond the ticket's number and subject). */
export type SurveyPageView = {
  kind: 'csat' | 'nps';
  ticketNumber: string | null;
  ticketSubject: string | null;
  scores: number[];
  score: number | null;
  comment: string | null;
  answered: boolean;
  expiresAt: Date;
};

const answerable = ['sending', 'delivered'] as const;

/** The survey a token names: a bad or altered signature is 404, an expired link 410. */
async function surveyOfLink(db: Db, key: Buffer, token: string, now: Date): Promise<SurveyRow> {
  const claims = readSurveyLink(key, token);
  if (!claims) throw new NotFound('survey.link_invalid');
  const [row] = await db.select().from(surveys).where(eq(surveys.id, claims.surveyId));
  // The token carries whole seconds.
  if (!row || !row.expiresAt || Math.floor(row.expiresAt.getTime() / 1000) !== claims.expiresAt.getTime() / 1000) throw new NotFound('survey.link_invalid');
  if (claims.expiresAt <= now) throw new Gone('survey.link_expired');
  return row;
}

export async function getSurveyPage(db: Db, key: Buffer, token: string, now: Date): Promise<SurveyPageView> {
  return present(db, await surveyOfLink(db, key, token, now));
}

async function present(db: Db, row: SurveyRow): Promise<SurveyPageView> {
  const ticket = row.ticketId ? await findTicketBrief(db, row.ticketId) : null;
  return { kind: row.kind, ticketNumber: ticket?.number ?? null, ticketSubject: ticket?.subject ?? null, scores: scoresOf(row.kind), score: row.score, comment: row.comment, answered: row.answeredAt !== null, expiresAt: row.expiresAt! };
}

/** One answer per survey: a used link is 409 `survey.link_used`; the comment may follow once. */
export async function answerByLink(database: Database, key: Buffer, token: string, answer: { score: number; comment?: string }, now: Date): Promise<SurveyPageView> {
  const row = await surveyOfLink(database.db, key, token, now);
  await recordAnswer(database, row.id, answer, now);
  return getSurveyPage(database.db, key, token, now);
}

export async function commentByLink(database: Database, key: Buffer, token: string, comment: string, now: Date): Promise<SurveyPageView> {
  const row = await surveyOfLink(database.db, key, token, now);
  await recordComment(database, row.id, comment, now);
  return getSurveyPage(database.db, key, token, now);
}

/** The survey of a ticket the signed-in customer may answer on the portal ticket page, if any. */
export async function findPortalSurvey(db: Db, contactId: string, ticketId: string, now: Date): Promise<SurveyRow | null> {
  const [row] = await db
    .select()
    .from(surveys)
    .where(and(eq(surveys.ticketId, ticketId), eq(surveys.contactId, contactId), inArray(surveys.status, [...answerable, 'answered'])))
    .orderBy(desc(surveys.createdAt))
    .limit(1);
  if (!row || (row.status !== 'answered' && row.expiresAt && row.expiresAt <= now)) return null;
  return row;
}

export async function portalSurveyView(db: Db, row: SurveyRow | null): Promise<SurveyPageView | null> {
  return row ? present(db, row) : null;
}

export async function recordAnswer(database: Database, surveyId: string, answer: { score: number; comment?: string }, now: Date): Promise<void> {
  const settings = await getSurveySettings(database.db);
  await database.transaction(async (tx) => {
    const [row] = await tx.select().from(surveys).where(eq(surveys.id, surveyId)).for('update');
    if (!row) throw new NotFound('survey.link_invalid');
    if (row.status === 'answered') throw new Conflict('survey.link_used');
    if (!(answerable as readonly string[]).includes(row.status)) throw new NotFound('survey.link_invalid');
    if (!scoresOf(row.kind).includes(answer.score)) throw invalidField('score', 'survey.score_out_of_range', { min: scoresOf(row.kind)[0]!, max: scoresOf(row.kind).at(-1)! });
    const comment = answer.comment?.trim() || null;
    const [updated] = await tx
      .update(surveys)
      .set({ status: 'answered', score: answer.score, answeredAt: now, comment, commentedAt: comment ? now : null })
      .where(eq(surveys.id, surveyId))
      .returning();
    const low = row.kind === 'csat' && answer.score <= settings.lowRatingThreshold;
    await recordEvent(tx, surveyAnswered, { aggregateId: surveyId, cause: 'customer', contactId: row.contactId, payload: { ...surveyFacts(updated!), score: answer.score, low } });
    // On the ticket's timeline, where agents see it (the survey panel shows it too).
    if (row.ticketId) await recordTicketActivity(tx, { ticketId: row.ticketId, type: 'survey_answered', detail: { surveyId, kind: row.kind, score: answer.score, comment, low }, at: now });
    if (comment) await recordEvent(tx, surveyCommented, { aggregateId: surveyId, cause: 'customer', contactId: row.contactId, payload: { kind: row.kind, ticketId: row.ticketId } });
    // A low rating is a complaint too: no NPS survey for the quiet period after it.
    if (low) await markAsked(tx, row.contactId, { quietUntil: new Date(now.getTime() + settings.npsQuietDaysAfterComplaint * 86_400_000) });
  });
}

export async function recordComment(database: Database, surveyId: string, comment: string, now: Date): Promise<void> {
  await database.transaction(async (tx) => {
    const [row] = await tx.select().from(surveys).where(eq(surveys.id, surveyId)).for('update');
    if (!row || row.status !== 'answered') throw new Conflict('survey.not_answered');
    if (row.comment !== null) throw new Conflict('survey.link_used');
    await tx.update(surveys).set({ comment: comment.trim(), commentedAt: now }).where(eq(surveys.id, surveyId));
    if (row.ticketId) await recordTicketActivity(tx, { ticketId: row.ticketId, type: 'survey_commented', detail: { surveyId, kind: row.kind, score: row.score, comment: comment.trim() }, at: now });
    await recordEvent(tx, surveyCommented, { aggregateId: surveyId, cause: 'customer', contactId: row.contactId, payload: { kind: row.kind, ticketId: row.ticketId } });
  });
}
