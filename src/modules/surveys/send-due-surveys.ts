import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { Clock } from '../../app/clock.js';
import type { SurveyChannels } from '../../app/survey-channels.js';
import type { Tx } from '../../db/database.js';
import { enqueueJob } from '../../jobs/queue.js';
import { recordEvent } from '../../jobs/events.js';
import type { DueRowSource } from '../../jobs/registry.js';
import { getContactsByIds } from '../customers/index.js';
import { surveyDelivered, surveySent, surveySkipped } from './events.js';
import { getSurveySettings } from './settings.js';
import { surveys, type SurveyRow } from './schema.js';
import { surveyFacts } from './survey-facts.js';

export const deliverSurveyJob = 'surveys.deliver';
const roundSize = 20;

/** How a due survey reaches its customer. */
export type SurveyRoute = { way: 'email' | 'portal' | 'channel'; channel: string } | { way: 'none'; reason: string };

/**
 * The channel the customer used: a registered channel (WeChat/WeCom menu message, SMS) for its own
 * tickets; email for email tickets and whenever the customer has an address and the ticket came
 * another way nothing can carry (phone, API); the portal ticket page for portal and web-form
 * tickets (the customer rates where they follow the ticket). NPS has no ticket: email, else a
 * registered SMS sender for a customer with only a phone (what it cannot carry — no SMS account, no
 * survey template — moves to the portal in deliver-survey.ts), else the portal.
 */
export function chooseRoute(row: Pick<SurveyRow, 'kind' | 'channel'>, contact: { email: string | null; phone: string | null }, channels: SurveyChannels): SurveyRoute {
  if (row.kind === 'nps') {
    if (contact.email) return { way: 'email', channel: 'email' };
    if (contact.phone && channels.senderFor('sms')) return { way: 'channel', channel: 'sms' };
    return { way: 'portal', channel: 'portal' };
  }
  if (channels.senderFor(row.channel)) return { way: 'channel', channel: row.channel };
  if (row.channel === 'portal' || row.channel === 'web') return { way: 'portal', channel: 'portal' };
  if (contact.email) return { way: 'email', channel: 'email' };
  return { way: 'none', reason: 'survey.no_channel' };
}

/**
 * Due-row source `surveys.send`, polled by every worker round: picks scheduled surveys whose time
 * has come (partial index on due_at, FOR UPDATE SKIP LOCKED, so two workers never take the same
 * row) and moves each out of `scheduled` in the same transaction — two workers never send twice.
 * The portal way is delivered at once (the ticket page shows it); email and registered channels
 * get a `surveys.deliver` job (the network call happens outside this transaction, retried).
 */
export function sendDueSurveys(clock: Clock, channels: SurveyChannels, hasPublicUrl: boolean): DueRowSource {
  return async ({ database }) => {
    const now = clock.now();
    // Candidates and their customers are read before the transaction: PGlite runs one transaction at
    // a time, so a read outside it from inside would wait for itself. The lock below re-checks them.
    const candidates = await database.db
      .select({ id: surveys.id, contactId: surveys.contactId })
      .from(surveys)
      .where(and(eq(surveys.status, 'scheduled'), lte(surveys.dueAt, now)))
      .orderBy(asc(surveys.dueAt))
      .limit(roundSize);
    if (candidates.length === 0) return 0;
    const settings = await getSurveySettings(database.db);
    const contacts = await getContactsByIds(database.db, candidates.map((c) => c.contactId));
    return database.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(surveys)
        .where(and(inArray(surveys.id, candidates.map((c) => c.id)), eq(surveys.status, 'scheduled'), lte(surveys.dueAt, now)))
        .for('update', { skipLocked: true });
      for (const row of due) {
        const contact = contacts.get(row.contactId);
        const route: SurveyRoute = !contact || contact.anonymized ? { way: 'none', reason: 'survey.no_channel' } : chooseRoute(row, contact, channels);
        // Whole seconds, as the link's token carries it.
        const expiresAt = new Date(Math.floor(now.getTime() / 1000) * 1000 + settings.linkValidDays * 86_400_000);
        await dispatch(tx, row, route.way === 'email' && !hasPublicUrl ? { way: 'none', reason: 'survey.no_public_url' } : route, now, expiresAt);
      }
      return due.length;
    });
  };
}

async function dispatch(tx: Tx, row: SurveyRow, route: SurveyRoute, now: Date, expiresAt: Date): Promise<void> {
  if (route.way === 'none') {
    await tx.update(surveys).set({ status: 'skipped', dueAt: null, reason: route.reason }).where(eq(surveys.id, row.id));
    await recordEvent(tx, surveySkipped, { aggregateId: row.id, cause: 'system', payload: { kind: row.kind, ticketId: row.ticketId, contactId: row.contactId, reason: route.reason } });
    return;
  }
  const delivered = route.way === 'portal';
  const [updated] = await tx
    .update(surveys)
    .set({ status: delivered ? 'delivered' : 'sending', channel: route.channel, dueAt: null, sentAt: now, expiresAt, ...(delivered && { deliveredAt: now }) })
    .where(eq(surveys.id, row.id))
    .returning();
  const facts = surveyFacts(updated!);
  await recordEvent(tx, surveySent, { aggregateId: row.id, cause: 'system', payload: facts });
  if (delivered) await recordEvent(tx, surveyDelivered, { aggregateId: row.id, cause: 'system', payload: facts });
  else await enqueueJob(tx, { type: deliverSurveyJob, payload: { surveyId: row.id }, dedupeKey: `survey-deliver:${row.id}` });
}
