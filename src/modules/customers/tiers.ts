import { asc, count, eq, or } from 'drizzle-orm';
import { Conflict, NotFound } from '../../app/errors.js';
import { isUniqueViolation, type Database, type Db } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { customerTierCreated, customerTierDeleted, customerTierUpdated } from './events.js';
import type { Actor } from '../auth/index.js';
import { contacts, customerTiers, organizations } from './schema.js';

export type TierRow = typeof customerTiers.$inferSelect;
export type TierInput = { nameZh: string; nameEn: string; rank: number; color?: string; active?: boolean };

export function listTiers(db: Db): Promise<TierRow[]> {
  return db.select().from(customerTiers).orderBy(asc(customerTiers.rank), asc(customerTiers.key));
}

export async function createTier(database: Database, actor: Actor, input: TierInput & { key: string }): Promise<TierRow> {
  try {
    return await database.transaction(async (tx) => {
      const [row] = await tx.insert(customerTiers).values(input).returning();
      await recordEvent(tx, customerTierCreated, { aggregateId: input.key, cause: 'agent', actorId: actor.id, payload: { ...input } });
      return row!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new Conflict('customer_tier.key_taken', { key: input.key });
    throw error;
  }
}

export async function updateTier(database: Database, actor: Actor, key: string, changes: Partial<TierInput>): Promise<TierRow> {
  return database.transaction(async (tx) => {
    const [row] = await tx.update(customerTiers).set(changes).where(eq(customerTiers.key, key)).returning();
    if (!row) throw new NotFound('customer_tier.not_found');
    await recordEvent(tx, customerTierUpdated, { aggregateId: key, cause: 'agent', actorId: actor.id, payload: { ...changes } });
    return row;
  });
}

/** A tier in use can only be deactivated: customers keep pointing at it. */
export async function deleteTier(database: Database, actor: Actor, key: string): Promise<void> {
  await database.transaction(async (tx) => {
    const [inContacts] = await tx.select({ n: count() }).from(contacts).where(eq(contacts.tierKey, key));
    const [inOrganizations] = await tx.select({ n: count() }).from(organizations).where(or(eq(organizations.tierKey, key)));
    if (Number(inContacts?.n) + Number(inOrganizations?.n) > 0) throw new Conflict('customer_tier.in_use');
    const [row] = await tx.delete(customerTiers).where(eq(customerTiers.key, key)).returning();
    if (!row) throw new NotFound('customer_tier.not_found');
    await recordEvent(tx, customerTierDeleted, { aggregateId: key, cause: 'agent', actorId: actor.id, payload: {} });
  });
}
