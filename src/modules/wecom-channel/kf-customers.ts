import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database, Db } from '../../db/database.js';
import { wecomKfCustomers, wecomTicketThreads } from './schema.js';

export type KfCustomerKey = { accountId: string; externalUserId: string };
export type KfThread = KfCustomerKey & { openKfId: string };

const match = (key: KfCustomerKey) => and(eq(wecomKfCustomers.accountId, key.accountId), eq(wecomKfCustomers.externalUserId, key.externalUserId));

/**
 * A lease on one customer's processing (60 s), so two workers never thread the same customer's
 * messages at once and both open a ticket. A job that finds it held fails and retries with backoff.
 */
export async function leaseKfCustomer(database: Database, key: KfCustomerKey, openKfId: string): Promise<boolean> {
  return database.transaction(async (tx) => {
    await tx.insert(wecomKfCustomers).values({ ...key, openKfId }).onConflictDoNothing();
    const leased = await tx
      .update(wecomKfCustomers)
      .set({ processingUntil: sql`now() + interval '60 seconds'` })
      .where(and(match(key), or(isNull(wecomKfCustomers.processingUntil), lt(wecomKfCustomers.processingUntil, sql`now()`))))
      .returning({ id: wecomKfCustomers.externalUserId });
    return leased.length === 1;
  });
}

export async function releaseKfCustomer(database: Database, key: KfCustomerKey): Promise<void> {
  await database.transaction((tx) => tx.update(wecomKfCustomers).set({ processingUntil: null }).where(match(key)));
}

/**
 * The customer wrote (at `at`, the message's send_time) through `openKfId`: the session window
 * starts again (48 h, 5 messages). An older message processed late moves nothing.
 */
export async function recordKfCustomerMessage(database: Database, key: KfCustomerKey, openKfId: string, at: Date, facts: { contactId?: string | null; entered?: { scene: string } }): Promise<void> {
  await database.transaction(async (tx) => {
    const [row] = await tx.select().from(wecomKfCustomers).where(match(key)).for('update');
    const newer = facts.entered === undefined && (!row?.lastInboundAt || row.lastInboundAt.getTime() < at.getTime());
    await tx
      .update(wecomKfCustomers)
      .set({
        ...(newer && { lastInboundAt: at, sentInWindow: 0, openKfId }),
        ...(facts.contactId && { contactId: facts.contactId }),
        ...(facts.entered && { enteredAt: at, scene: facts.entered.scene || null }),
      })
      .where(match(key));
  });
}

export async function kfCustomer(db: Db, key: KfCustomerKey): Promise<typeof wecomKfCustomers.$inferSelect | null> {
  const [row] = await db.select().from(wecomKfCustomers).where(match(key));
  return row ?? null;
}

/** The ticket talks to this customer through this kf account (the latest to write on it). */
export async function recordKfThread(database: Database, ticketId: string, thread: KfThread): Promise<void> {
  await database.transaction((tx) => tx.insert(wecomTicketThreads).values({ ticketId, ...thread }).onConflictDoUpdate({ target: wecomTicketThreads.ticketId, set: thread }));
}

export async function kfThreadOf(db: Db, ticketId: string): Promise<KfThread | null> {
  const [row] = await db.select({ accountId: wecomTicketThreads.accountId, externalUserId: wecomTicketThreads.externalUserId, openKfId: wecomTicketThreads.openKfId }).from(wecomTicketThreads).where(eq(wecomTicketThreads.ticketId, ticketId));
  return row ?? null;
}
