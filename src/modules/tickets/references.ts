import { and, eq } from 'drizzle-orm';
import { Invalid } from '../../app/errors.js';
import type { FieldError } from '../../app/errors.js';
import type { Db } from '../../db/database.js';
import { findAssignableUser, teamExists } from '../auth/index.js';
import { ticketCategories, ticketPriorities } from './schema.js';

/** Checks that the ids a ticket points at exist, collecting every bad field into one 400. */
export async function assertTicketReferences(
  db: Db,
  refs: { priority?: string; categoryId?: string | null; teamId?: string | null; assigneeId?: string | null },
): Promise<void> {
  const errors: FieldError[] = [];
  if (refs.priority !== undefined) {
    const [row] = await db.select({ key: ticketPriorities.key }).from(ticketPriorities).where(and(eq(ticketPriorities.key, refs.priority), eq(ticketPriorities.active, true)));
    if (!row) errors.push({ path: 'priority', code: 'priority.not_found' });
  }
  if (refs.categoryId) {
    const [row] = await db.select({ id: ticketCategories.id }).from(ticketCategories).where(and(eq(ticketCategories.id, refs.categoryId), eq(ticketCategories.active, true)));
    if (!row) errors.push({ path: 'categoryId', code: 'category.not_found' });
  }
  if (refs.teamId && !(await teamExists(db, refs.teamId))) errors.push({ path: 'teamId', code: 'team.not_found' });
  if (refs.assigneeId && !(await findAssignableUser(db, refs.assigneeId))) errors.push({ path: 'assigneeId', code: 'ticket.assignee_invalid' });
  if (errors.length) throw new Invalid('validation.failed', {}, errors);
}

export async function defaultPriority(db: Db): Promise<string> {
  const [row] = await db.select({ key: ticketPriorities.key }).from(ticketPriorities).where(and(eq(ticketPriorities.isDefault, true), eq(ticketPriorities.active, true))).limit(1);
  if (row) return row.key;
  const [any] = await db.select({ key: ticketPriorities.key }).from(ticketPriorities).where(eq(ticketPriorities.active, true)).orderBy(ticketPriorities.rank).limit(1);
  if (!any) throw new Error('No active ticket priority is configured');
  return any.key;
}
