import { and, eq, inArray } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Clock } from '../../app/clock.js';
import type { EventHandler } from '../../jobs/registry.js';
import { recordEvent } from '../../jobs/events.js';
import type { Tx } from '../../db/database.js';
import { getContactsByIds } from '../customers/index.js';
import { getTicketSnapshot, type ticketUpdated } from '../tickets/index.js';
import { surveySkipped } from './events.js';
import { getSurveySettings } from './settings.js';
import { customerFieldSnapshot } from './customer-field-groups.js';
import { surveyContactState, surveys } from './schema.js';

const dayMs = 86_400_000;

/**
 * Job `surveys.csat` on `ticket.updated`: a resolution (→ resolved, or → closed straight from an
 * open status) schedules one CSAT survey, due `csatDelayMinutes` after it; the event's id is part
 * of the survey's key, so a retried job or a second delivery of the event never makes two. A
 * customer asked within the cooldown gets a skipped row instead (counted, never sent). Reopening
 * cancels a survey that has not gone out yet: the customer is not asked about a problem that is back.
 */
export const scheduleCsatHandler = (clock: Clock): EventHandler<typeof ticketUpdated> => async (event, { database }) => {
  const status = event.payload.changes?.status;
  if (!status) return;
  const to = String(status.to);
  const from = String(status.from);
  const resolved = to === 'resolved' || (to === 'closed' && from !== 'resolved');
  if (!resolved) {
    if (['new', 'open', 'pending'].includes(to)) await cancelPending(database, event.aggregateId);
    return;
  }
  const settings = await getSurveySettings(database.db);
  if (!settings.csatEnabled) return;
  const ticket = await getTicketSnapshot(database.db, event.aggregateId);
  if (!ticket?.requesterId) return;
  const contact = (await getContactsByIds(database.db, [ticket.requesterId])).get(ticket.requesterId);
  if (!contact || contact.anonymized) return;
  // The time-based work's clock (injected; tests move it), read when the job runs: seconds after the resolution.
  const resolvedAt = clock.now();
  // Read before the transaction (PGlite: one transaction at a time), like the contact above.
  const customerFields = await customerFieldSnapshot(database.db, contact.id, contact.organization?.id ?? null);
  await database.transaction(async (tx) => {
    const [state] = await tx.select().from(surveyContactState).where(eq(surveyContactState.contactId, contact.id)).for('update');
    const coolingDown = state?.lastCsatAt && resolvedAt.getTime() - state.lastCsatAt.getTime() < settings.csatCooldownDays * dayMs;
    const id = uuidv7();
    const inserted = await tx
      .insert(surveys)
      .values({
        id,
        kind: 'csat',
        dedupeKey: `csat:${ticket.id}:${event.eventId}`,
        ticketId: ticket.id,
        contactId: contact.id,
        channel: ticket.channel,
        status: coolingDown ? 'skipped' : 'scheduled',
        reason: coolingDown ? 'survey.skipped_cooldown' : null,
        handlerId: ticket.assigneeId,
        teamId: ticket.teamId,
        organizationId: contact.organization?.id ?? null,
        tierKey: contact.tierKey,
        customerFields,
        dueAt: coolingDown ? null : new Date(resolvedAt.getTime() + settings.csatDelayMinutes * 60_000),
      })
      .onConflictDoNothing()
      .returning({ id: surveys.id });
    if (!inserted[0]) return;
    if (coolingDown) {
      await recordEvent(tx, surveySkipped, { aggregateId: id, cause: 'system', payload: { kind: 'csat', ticketId: ticket.id, contactId: contact.id, reason: 'survey.skipped_cooldown' } });
      return;
    }
    // The cooldown counts from this resolution: a second resolution within it is not asked again.
    await markAsked(tx, contact.id, { lastCsatAt: resolvedAt });
  });
};

async function cancelPending(database: Parameters<EventHandler<typeof ticketUpdated>>[1]['database'], ticketId: string): Promise<void> {
  await database.transaction((tx) =>
    tx.update(surveys).set({ status: 'cancelled', dueAt: null, reason: 'survey.cancelled_reopened' }).where(and(eq(surveys.ticketId, ticketId), inArray(surveys.status, ['scheduled']))),
  );
}

export async function markAsked(tx: Tx, contactId: string, values: Partial<typeof surveyContactState.$inferInsert>): Promise<void> {
  await tx.insert(surveyContactState).values({ contactId, ...values }).onConflictDoUpdate({ target: surveyContactState.contactId, set: values });
}
