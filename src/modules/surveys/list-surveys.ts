import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { Conflict, invalidField } from '../../app/errors.js';
import type { Database, Db } from '../../db/database.js';
import type { Actor } from '../auth/index.js';
import { getContactsByIds } from '../customers/index.js';
import { getTicketSnapshot, getVisibleTicket } from '../tickets/index.js';
import { customerFieldSnapshot } from './customer-field-groups.js';
import { surveys, type SurveyRow, type SurveyStatus } from './schema.js';

export type SurveyFilter = { kind?: 'csat' | 'nps'; status?: SurveyStatus; ticketId?: string; contactId?: string; before?: string; limit: number };

/** A survey as staff see it (the ticket panel, the customer 360, the list). */
export type SurveyView = Pick<SurveyRow, 'id' | 'kind' | 'ticketId' | 'contactId' | 'channel' | 'status' | 'period' | 'score' | 'comment' | 'reason' | 'followUpTicketId' | 'dueAt' | 'sentAt' | 'deliveredAt' | 'answeredAt' | 'expiresAt' | 'createdAt'>;

export const presentSurvey = (row: SurveyRow): SurveyView => ({
  id: row.id, kind: row.kind, ticketId: row.ticketId, contactId: row.contactId, channel: row.channel, status: row.status, period: row.period, score: row.score, comment: row.comment,
  reason: row.reason, followUpTicketId: row.followUpTicketId, dueAt: row.dueAt, sentAt: row.sentAt, deliveredAt: row.deliveredAt, answeredAt: row.answeredAt, expiresAt: row.expiresAt, createdAt: row.createdAt,
});

/** Newest first, keyset-paged by id (UUIDv7: time-ordered). */
export async function listSurveys(db: Db, filter: SurveyFilter): Promise<{ items: SurveyView[]; nextCursor: string | null }> {
  const conditions: SQL[] = [];
  if (filter.kind) conditions.push(eq(surveys.kind, filter.kind));
  if (filter.status) conditions.push(eq(surveys.status, filter.status));
  if (filter.ticketId) conditions.push(eq(surveys.ticketId, filter.ticketId));
  if (filter.contactId) conditions.push(eq(surveys.contactId, filter.contactId));
  if (filter.before) conditions.push(lt(surveys.id, filter.before));
  const rows = await db.select().from(surveys).where(and(...conditions)).orderBy(desc(surveys.id)).limit(filter.limit + 1);
  const page = rows.slice(0, filter.limit);
  return { items: page.map(presentSurvey), nextCursor: rows.length > filter.limit ? page.at(-1)!.id : null };
}

/** The surveys of one ticket the actor may see (404 otherwise: the ticket's own visibility rule). */
export async function listTicketSurveys(db: Db, actor: Actor, ticketIdOrNumber: string): Promise<SurveyView[]> {
  const ticket = await getVisibleTicket(db, actor, ticketIdOrNumber);
  return (await listSurveys(db, { ticketId: ticket.id, limit: 50 })).items;
}

/**
 * A survey a supervisor sends by hand (POST /surveys): CSAT for a resolved ticket's requester, or
 * NPS for one customer, due at once; the worker sends it like any other.
 */
export async function createSurvey(database: Database, input: { kind: 'csat'; ticketId: string } | { kind: 'nps'; contactId: string }, now: Date): Promise<SurveyView> {
  const id = uuidv7();
  let values: typeof surveys.$inferInsert;
  if (input.kind === 'csat') {
    const ticket = await getTicketSnapshot(database.db, input.ticketId);
    if (!ticket) throw invalidField('ticketId', 'ticket.not_found');
    if (!ticket.requesterId) throw new Conflict('survey.ticket_without_requester');
    if (ticket.status !== 'resolved' && ticket.status !== 'closed') throw new Conflict('survey.ticket_not_resolved');
    const contact = (await getContactsByIds(database.db, [ticket.requesterId])).get(ticket.requesterId);
    values = { id, kind: 'csat', dedupeKey: `csat:${ticket.id}:manual:${id}`, ticketId: ticket.id, contactId: ticket.requesterId, channel: ticket.channel, status: 'scheduled', handlerId: ticket.assigneeId, teamId: ticket.teamId, organizationId: contact?.organization?.id ?? null, tierKey: contact?.tierKey ?? null, customerFields: await customerFieldSnapshot(database.db, ticket.requesterId, contact?.organization?.id ?? null), dueAt: now };
  } else {
    const contact = (await getContactsByIds(database.db, [input.contactId])).get(input.contactId);
    if (!contact) throw invalidField('contactId', 'survey.contact_not_found');
    values = { id, kind: 'nps', dedupeKey: `nps:${contact.id}:manual:${id}`, contactId: contact.id, channel: 'email', status: 'scheduled', organizationId: contact.organization?.id ?? null, tierKey: contact.tierKey, customerFields: await customerFieldSnapshot(database.db, contact.id, contact.organization?.id ?? null), period: `manual/${now.toISOString().slice(0, 10)}`, dueAt: now };
  }
  const [row] = await database.transaction((tx) => tx.insert(surveys).values(values).returning());
  return presentSurvey(row!);
}
