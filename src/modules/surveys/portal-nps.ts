import { and, desc, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { surveys, type SurveyRow } from './schema.js';

/**
 * The NPS survey the signed-in customer may answer on the portal home: delivered the portal way
 * (no email, and SMS could not carry it), not answered, not expired; the newest if several.
 * Always by the customer's own contact id, so nobody sees another customer's survey.
 */
export async function findOpenPortalNps(db: Db, contactId: string, now: Date): Promise<SurveyRow | null> {
  const [row] = await db
    .select()
    .from(surveys)
    .where(and(eq(surveys.contactId, contactId), eq(surveys.kind, 'nps'), eq(surveys.channel, 'portal'), eq(surveys.status, 'delivered'), gt(surveys.expiresAt, now)))
    .orderBy(desc(surveys.createdAt))
    .limit(1);
  return row ?? null;
}

/** One of the customer's portal NPS surveys by id (answered or open), for the answer and the comment after it. */
export async function findPortalNps(db: Db, contactId: string, surveyId: string): Promise<SurveyRow | null> {
  const [row] = await db
    .select()
    .from(surveys)
    .where(and(eq(surveys.id, surveyId), eq(surveys.contactId, contactId), eq(surveys.kind, 'nps'), eq(surveys.channel, 'portal')));
  return row ?? null;
}
