import { and, eq, lt } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../db/database.js';
import { enqueueJob } from '../../jobs/queue.js';
import { channelCallbackNonces, channelInbound } from './schema.js';

/** How long a callback's timestamp is good for, and a nonce remembered (replay protection). */
export const callbackMaxAgeMs = 5 * 60_000;

export type RawInbound = { accountId: string; kind: string; externalId: string; raw: string; jobType: string };

/**
 * The raw callback body and the job that processes it, in one transaction that commits before the
 * vendor gets its answer. A retry of the same message (same account and external id) stores
 * nothing and queues nothing: the unique index decides, so two processes cannot both store it.
 */
export async function storeChannelInbound(database: Database, inbound: RawInbound): Promise<{ id: string; stored: boolean }> {
  return database.transaction(async (tx) => {
    const id = uuidv7();
    const inserted = await tx
      .insert(channelInbound)
      .values({ id, accountId: inbound.accountId, kind: inbound.kind, externalId: inbound.externalId, raw: inbound.raw })
      .onConflictDoNothing()
      .returning({ id: channelInbound.id });
    if (!inserted[0]) return { id, stored: false };
    await enqueueJob(tx, { type: inbound.jobType, payload: { inboundId: id }, maxAttempts: 12 });
    return { id, stored: true };
  });
}

export async function getChannelInbound(database: Database, id: string): Promise<typeof channelInbound.$inferSelect | null> {
  const [row] = await database.db.select().from(channelInbound).where(eq(channelInbound.id, id));
  return row ?? null;
}

export async function markChannelInboundProcessed(database: Database, id: string, outcome: { outcome: 'ticket' | 'ignored'; ticketId?: string | null }): Promise<void> {
  await database.transaction((tx) => tx.update(channelInbound).set({ processedAt: new Date(), outcome: outcome.outcome, ticketId: outcome.ticketId ?? null }).where(eq(channelInbound.id, id)));
}

/**
 * Replay protection for a signed callback: its timestamp must be within 5 minutes of now, and its
 * nonce must not have been used with this account in that time for anything but `subject` (the
 * message's external id: the vendor retries a message it got no answer for with the same
 * parameters, and refusing that retry could lose a message whose first delivery failed before it
 * was stored; the store's dedupe keeps it once). The nonce is claimed by an insert, so a replay
 * racing the original loses. Old nonces are forgotten on the way.
 */
export async function claimCallbackNonce(database: Database, accountId: string, nonce: string, timestampSeconds: number, now: Date, subject: string): Promise<'ok' | 'stale' | 'replayed'> {
  if (!Number.isFinite(timestampSeconds) || Math.abs(now.getTime() - timestampSeconds * 1000) > callbackMaxAgeMs) return 'stale';
  return database.transaction(async (tx) => {
    await tx.delete(channelCallbackNonces).where(and(eq(channelCallbackNonces.accountId, accountId), lt(channelCallbackNonces.seenAt, new Date(now.getTime() - 2 * callbackMaxAgeMs))));
    const claimed = await tx.insert(channelCallbackNonces).values({ accountId, nonce: nonce.slice(0, 200), subject, seenAt: now }).onConflictDoNothing().returning();
    if (claimed[0]) return 'ok';
    const [seen] = await tx.select({ subject: channelCallbackNonces.subject }).from(channelCallbackNonces).where(and(eq(channelCallbackNonces.accountId, accountId), eq(channelCallbackNonces.nonce, nonce.slice(0, 200))));
    return seen?.subject === subject ? 'ok' : 'replayed';
  });
}
