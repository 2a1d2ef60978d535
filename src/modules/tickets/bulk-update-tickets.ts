import { AppError, Forbidden, Invalid, invalidField, PreconditionFailed } from '../../app/errors.js';
import type { Database } from '../../db/database.js';
import { can, type Actor } from '../auth/index.js';
import { normaliseTags } from './create-ticket.js';
import { getVisibleTicket } from './get-ticket.js';
import { assertTicketReferences } from './references.js';
import type { TicketStatus } from './ticket-status.js';
import { updateTicket, type TicketChanges, type UpdateHow } from './update-ticket.js';

export type BulkChanges = { status?: TicketStatus; assigneeId?: string | null; teamId?: string | null; priority?: string; addTags?: string[]; fields?: Record<string, unknown> };
export type BulkResult = { id: string; ok: true; version: number } | { id: string; ok: false; error: AppError };

/** An unexpected failure of one ticket: reported as a 500 in its result; the others go on. */
export class BulkItemFailed extends AppError {
  readonly status = 500;
  constructor(cause: unknown) {
    super('server.internal');
    this.cause = cause;
  }
}

const maxTags = 30;
/** A ticket changed by someone else between our read and our write is read again, this often. */
const attemptsPerTicket = 3;

/**
 * Apply the same changes to many tickets, each through `updateTicket` in its own transaction, so
 * one ticket that cannot change (invisible, closed, a forbidden transition) does not hold back
 * the others. Bulk edits apply to each ticket's current version (last writer wins), unlike a
 * single PATCH, which needs If-Match. Problems shared by every ticket (permission, unknown
 * assignee, team or priority) fail the whole request instead, naming the field.
 */
export async function bulkUpdateTickets(database: Database, actor: Actor, ids: readonly string[], changes: BulkChanges, how: UpdateHow): Promise<BulkResult[]> {
  const { addTags, ...fields } = changes;
  const otherThanStatus = Object.entries(changes).some(([field, value]) => field !== 'status' && value !== undefined);
  if (otherThanStatus && !can(actor, 'tickets.update')) throw new Forbidden();
  await assertTicketReferences(database.db, fields).catch((error: unknown) => {
    if (error instanceof Invalid) throw new Invalid(error.code, error.params, error.errors.map((e) => ({ ...e, path: `changes.${e.path}` })));
    throw error;
  });

  const results: BulkResult[] = [];
  for (const id of ids) {
    try {
      results.push({ id, ok: true, version: await updateOne(database, actor, id, fields, addTags, how) });
    } catch (error) {
      results.push({ id, ok: false, error: error instanceof AppError ? error : new BulkItemFailed(error) });
    }
  }
  return results;
}

async function updateOne(database: Database, actor: Actor, id: string, fields: TicketChanges, addTags: string[] | undefined, how: UpdateHow): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const current = await getVisibleTicket(database.db, actor, id);
    const tags = addTags ? normaliseTags([...current.tags, ...addTags]) : undefined;
    if (tags && tags.length > maxTags) throw invalidField('changes.addTags', 'validation.too_big', { maximum: maxTags });
    try {
      const after = await updateTicket(database, actor, current.id, current.version, { ...fields, ...(tags && { tags }) }, how);
      return after.version;
    } catch (error) {
      if (!(error instanceof PreconditionFailed) || attempt >= attemptsPerTicket) throw error;
    }
  }
}
