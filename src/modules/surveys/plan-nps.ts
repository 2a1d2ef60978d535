import { createHash } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Clock } from '../../app/clock.js';
import type { EnvelopeOf } from '../../jobs/event-definition.js';
import type { Database } from '../../db/database.js';
import type { DueRowSource } from '../../jobs/registry.js';
import { listContactSummaries } from '../customers/index.js';
import { getTicketSnapshot, type ticketCreated } from '../tickets/index.js';
import { markAsked } from './schedule-csat.js';
import { getSurveySettings, type SurveySettings } from './settings.js';
import { customerFieldSnapshot } from './customer-field-groups.js';
import { surveyContactState, surveys, surveySettings } from './schema.js';

const dayMs = 86_400_000;
/** Customers looked at per worker round: one short transaction each, so a large base is many rounds. */
const pageSize = 200;

/** The NPS period `at` falls in: fixed windows of `intervalDays` from 2000-01-01, named by start day and length. */
export function npsPeriod(at: Date, intervalDays: number): { key: string; start: Date; end: Date } {
  const epoch = Date.UTC(2000, 0, 1);
  const index = Math.floor((at.getTime() - epoch) / (intervalDays * dayMs));
  const start = new Date(epoch + index * intervalDays * dayMs);
  return { key: `${start.toISOString().slice(0, 10)}/${intervalDays}d`, start, end: new Date(start.getTime() + intervalDays * dayMs) };
}

/** Sampling: a stable hash of customer and period, so the same customers are picked on every worker and retry. */
export function sampled(contactId: string, period: string, percent: number): boolean {
  if (percent >= 100) return true;
  const value = createHash('sha256').update(`${contactId}|${period}`).digest().readUInt16BE(0) % 100;
  return value < percent;
}

type Candidate = { id: string; tierKey: string | null; organizationId: string | null; anonymized: boolean };

/** Who of a page of customers is asked this period: tier rule, sample, not asked within the interval, not in a quiet period. */
export function pickNpsRecipients(candidates: Candidate[], states: Map<string, { lastNpsAt: Date | null; quietUntil: Date | null }>, settings: SurveySettings, period: string, now: Date): Candidate[] {
  return candidates.filter((c) => {
    if (c.anonymized) return false;
    if (settings.npsTierKeys.length && (!c.tierKey || !settings.npsTierKeys.includes(c.tierKey))) return false;
    if (!sampled(c.id, period, settings.npsSamplePercent)) return false;
    const state = states.get(c.id);
    if (state?.quietUntil && state.quietUntil > now) return false;
    if (state?.lastNpsAt && now.getTime() - state.lastNpsAt.getTime() < settings.npsIntervalDays * dayMs) return false;
    return true;
  });
}

/**
 * Due-row source `surveys.nps_plan`: once per period (settings' `nps_next_plan_at`), walks the
 * customers page by page — one page per worker round, the cursor kept in the settings row, which
 * the round locks (SKIP LOCKED: one planner at a time) — and schedules an NPS survey, due at once,
 * for each customer the rules pick; `nps:<customer>:<period>` keeps it to one per period. When the
 * walk ends, the next plan is the next period's start. Cost when idle: one row read.
 */
export function planNpsSurveys(clock: Clock): DueRowSource {
  return async ({ database }) => {
    const now = clock.now();
    const settings = await getSurveySettings(database.db);
    if (!settings.npsEnabled) return 0;
    const [bookkeeping] = await database.db.select({ next: surveySettings.npsNextPlanAt, cursor: surveySettings.npsPlanCursor }).from(surveySettings).where(eq(surveySettings.id, 1));
    if (!bookkeeping || (bookkeeping.next && bookkeeping.next > now)) return 0;
    const period = npsPeriod(now, settings.npsIntervalDays);
    // The page is read before the transaction (PGlite: one transaction at a time); the locked row's
    // cursor must still be the one the page was read from, else another planner moved on.
    const page = await listContactSummaries(database.db, { sort: 'name', limit: pageSize, ...(bookkeeping.cursor && { cursor: bookkeeping.cursor }) });
    // The groupable custom values each survey keeps (NPS by 产品线), read here for the same reason.
    const fieldSnapshots = new Map<string, Record<string, unknown>>();
    for (const c of page.items) if (!c.anonymized) fieldSnapshots.set(c.id, await customerFieldSnapshot(database.db, c.id, c.organization?.id ?? null));
    return database.transaction(async (tx) => {
      const [row] = await tx.select().from(surveySettings).where(eq(surveySettings.id, 1)).for('update', { skipLocked: true });
      if (!row || (row.npsNextPlanAt && row.npsNextPlanAt > now) || row.npsPlanCursor !== bookkeeping.cursor) return 0;
      const ids = page.items.map((c) => c.id);
      const states = new Map((ids.length ? await tx.select().from(surveyContactState).where(inArray(surveyContactState.contactId, ids)) : []).map((s) => [s.contactId, s]));
      const chosen = pickNpsRecipients(page.items.map((c) => ({ id: c.id, tierKey: c.tierKey, organizationId: c.organization?.id ?? null, anonymized: c.anonymized })), states, settings, period.key, now);
      for (const contact of chosen) {
        const inserted = await tx
          .insert(surveys)
          .values({ id: uuidv7(), kind: 'nps', dedupeKey: `nps:${contact.id}:${period.key}`, contactId: contact.id, channel: 'email', status: 'scheduled', organizationId: contact.organizationId, tierKey: contact.tierKey, customerFields: fieldSnapshots.get(contact.id) ?? {}, period: period.key, dueAt: now })
          .onConflictDoNothing()
          .returning({ id: surveys.id });
        if (inserted[0]) await markAsked(tx, contact.id, { lastNpsAt: now });
      }
      await tx
        .update(surveySettings)
        .set(page.nextCursor ? { npsPlanCursor: page.nextCursor } : { npsPlanCursor: null, npsNextPlanAt: period.end })
        .where(eq(surveySettings.id, 1));
      return Math.max(1, chosen.length);
    });
  };
}

/**
 * Job `surveys.complaint` on `ticket.created` (a batch job: the settings are read once per round):
 * a ticket of the complaint type (投诉) starts the customer's quiet period — no NPS survey until
 * it ends. Only a ticket with a type makes a job (`typedTicketsOnly`); the complaint type is a
 * setting, so a typed ticket of another type still does.
 */
export const complaintQuietHandler = (clock: Clock) => async (events: ReadonlyArray<EnvelopeOf<typeof ticketCreated>>, { database }: { database: Database }): Promise<void> => {
  const typed = events.filter((event) => event.payload.type !== undefined);
  if (typed.length === 0) return;
  const settings = await getSurveySettings(database.db);
  for (const event of typed) {
    if (event.payload.type !== settings.npsComplaintTypeKey) continue;
    const ticket = await getTicketSnapshot(database.db, event.aggregateId);
    if (!ticket?.requesterId) continue;
    // Marking again on a retry only moves the end of the quiet period by the retry's delay.
    const until = new Date(clock.now().getTime() + settings.npsQuietDaysAfterComplaint * dayMs);
    await database.transaction((tx) => markAsked(tx, ticket.requesterId!, { quietUntil: until }));
  }
};

export const typedTicketsOnly = (event: EnvelopeOf<typeof ticketCreated>): boolean => event.payload.type !== undefined;
