import type { Database } from '../../db/database.js';
import { eventReader } from '../../jobs/registry.js';
import { slaBreached } from '../sla/index.js';
import { surveyAnswered, surveyDelivered } from '../surveys/index.js';
import { getTicketSnapshots, ticketCreated, ticketMessageAdded, ticketUpdated } from '../tickets/index.js';
import { foldEvents, type CreatedExtras, type ReportEvent } from './fold-events.js';
import { defaultCalendar, readTicketStates, selectFieldKeys } from './ticket-states.js';
import { insertFacts, upsertTicketStates } from './write-facts.js';
import { DEFAULT_BUSINESS_CALENDAR } from '../sla/index.js';

export const reportEventJob = 'reports.facts';

/** Notes and delivery reports make no job: only public messages count (replies). */
const publicMessage = (event: { payload: { internal: boolean } }) => !event.payload.internal;
/** Only changes reporting reads: status, assignee, team, priority, category, type, custom values. */
const reportedChange = (event: { payload: { fields: string[] } }) =>
  event.payload.fields.some((f) => f === 'status' || f === 'assigneeId' || f === 'teamId' || f === 'priority' || f === 'categoryId' || f === 'type' || f.startsWith('fields.'));

export const reportEventReaders = [
  eventReader(ticketCreated),
  eventReader(ticketUpdated, { when: reportedChange }),
  eventReader(ticketMessageAdded, { when: publicMessage }),
  eventReader(slaBreached),
  eventReader(surveyDelivered),
  eventReader(surveyAnswered),
];

const ticketOf = (event: ReportEvent): string | null =>
  event.type === 'survey.delivered' || event.type === 'survey.answered' ? event.payload.ticketId : event.aggregateId;

/**
 * Facts and rollups for a batch of events, in a fixed number of statements whatever its size: the
 * select-field keys (the registry's cache), the tickets' states (1), what created tickets' events do
 * not say (1, only with creations), the default calendar (1, only with durations to measure), the
 * facts with their rollups (1) and the states (1).
 */
export function handleReportEvents(defaultTimeZone: string) {
  return async (batch: ReportEvent[], { database }: { database: Database }): Promise<void> => {
    await applyReportEvents(database, batch, defaultTimeZone);
  };
}

export async function applyReportEvents(database: Database, batch: readonly ReportEvent[], defaultTimeZone: string): Promise<number> {
  const selectKeys = await selectFieldKeys(database.db);
  const created = batch.filter((e) => e.type === 'ticket.created').map((e) => e.aggregateId);
  const needsCalendar = batch.some((e) => e.type === 'ticket.message_added' || e.type === 'ticket.updated');
  const calendar = needsCalendar ? await defaultCalendar(database.db) : DEFAULT_BUSINESS_CALENDAR;
  return database.transaction(async (tx) => {
    const ticketIds = [...new Set(batch.map(ticketOf).filter((id): id is string => id !== null))];
    const states = await readTicketStates(tx, ticketIds);
    const fresh = created.filter((id) => !states.has(id));
    const snapshots = await getTicketSnapshots(tx, fresh);
    const extras = new Map<string, CreatedExtras>([...snapshots].map(([id, s]) => [id, { categoryId: s.categoryPath[0] ?? null }]));
    const { facts, changed } = foldEvents({ events: batch, states, extras, selectKeys, calendar });
    await insertFacts(tx, facts, defaultTimeZone);
    await upsertTicketStates(tx, [...changed].map((id) => states.get(id)!));
    return facts.length;
  });
}
