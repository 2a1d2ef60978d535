import { asc, eq, ne } from 'drizzle-orm';
import { Conflict, NotFound } from '../../app/errors.js';
import { isUniqueViolation, type Database, type Db, type Tx } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { priorityCreated, priorityDeleted, priorityUpdated } from './events.js';
import type { Actor } from '../auth/index.js';
import { ticketPriorities, tickets } from './schema.js';

/** The priority scale is data, not code: five levels ship by default (migration 0001), admins edit them. */
export type PriorityRow = typeof ticketPriorities.$inferSelect;
export type PriorityInput = Omit<PriorityRow, 'key'>;

export async function listPriorities(db: Db): Promise<PriorityRow[]> {
  return db.select().from(ticketPriorities).orderBy(asc(ticketPriorities.rank), asc(ticketPriorities.key));
}

export async function createPriority(database: Database, actor: Actor, input: PriorityRow): Promise<PriorityRow> {
  try {
    if (input.isDefault && !input.active) throw new Conflict('priority.last_default');
    return await database.transaction(async (tx) => {
      if (input.isDefault) await clearDefault(tx, input.key);
      const [row] = await tx.insert(ticketPriorities).values(input).returning();
      await recordEvent(tx, priorityCreated, { aggregateId: input.key, cause: 'agent', actorId: actor.id, payload: { ...input } });
      return row!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new Conflict('validation.failed', {}, [{ path: 'key', code: 'priority.key_taken' }]);
    throw error;
  }
}

export async function updatePriority(database: Database, actor: Actor, key: string, changes: Partial<PriorityInput>): Promise<PriorityRow> {
  return database.transaction(async (tx) => {
    const [before] = await tx.select().from(ticketPriorities).where(eq(ticketPriorities.key, key)).for('update');
    if (!before) throw new NotFound('priority.not_found');
    if (before.isDefault && (changes.isDefault === false || changes.active === false)) throw new Conflict('priority.last_default');
    // The default is what new tickets get, so it must be a level they may use.
    if (changes.isDefault && !(changes.active ?? before.active)) throw new Conflict('priority.last_default');
    if (Object.keys(changes).length === 0) return before;
    if (changes.isDefault) await clearDefault(tx, key);
    const [row] = await tx.update(ticketPriorities).set(changes).where(eq(ticketPriorities.key, key)).returning();
    await recordEvent(tx, priorityUpdated, { aggregateId: key, cause: 'agent', actorId: actor.id, payload: { changes } });
    return row!;
  });
}

export async function deletePriority(database: Database, actor: Actor, key: string): Promise<void> {
  await database.transaction(async (tx) => {
    const [before] = await tx.select().from(ticketPriorities).where(eq(ticketPriorities.key, key)).for('update');
    if (!before) throw new NotFound('priority.not_found');
    if (before.isDefault) throw new Conflict('priority.last_default');
    const [used] = await tx.select({ id: tickets.id }).from(tickets).where(eq(tickets.priority, key)).limit(1);
    if (used) throw new Conflict('priority.in_use');
    await tx.delete(ticketPriorities).where(eq(ticketPriorities.key, key));
    await recordEvent(tx, priorityDeleted, { aggregateId: key, cause: 'agent', actorId: actor.id, payload: {} });
  });
}

async function clearDefault(tx: Tx, exceptKey: string): Promise<void> {
  await tx.update(ticketPriorities).set({ isDefault: false }).where(ne(ticketPriorities.key, exceptKey));
}
