import { inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database.js';
import { listCalendars, DEFAULT_BUSINESS_CALENDAR, type BusinessCalendar } from '../sla/index.js';
import { listFieldFacts } from '../forms/index.js';
import type { TicketState } from './fold-events.js';
import { reportTickets } from './schema.js';

/** The states of these tickets, locked until the batch's transaction ends (two batches of one ticket apply in turn). */
export async function readTicketStates(tx: Tx, ticketIds: readonly string[]): Promise<Map<string, TicketState>> {
  if (ticketIds.length === 0) return new Map();
  const rows = await tx.select().from(reportTickets).where(inArray(reportTickets.ticketId, [...ticketIds])).for('update');
  return new Map(rows.map((row) => [row.ticketId, { ...row }]));
}

/** The installation's default business calendar (the SLA module's; its built-in default when none is stored). */
export async function defaultCalendar(db: Db): Promise<BusinessCalendar> {
  const [first] = await listCalendars(db);
  return first?.isDefault ? first.calendar : DEFAULT_BUSINESS_CALENDAR;
}

/** Keys of the ticket's custom select fields (the registry's cached facts). */
export async function selectFieldKeys(db: Db): Promise<Set<string>> {
  return new Set((await listFieldFacts(db, 'ticket')).filter((f) => f.type === 'select').map((f) => f.key));
}
