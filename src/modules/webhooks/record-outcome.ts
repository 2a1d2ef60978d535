import { and, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Tx } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import type { Claimed, SenderDeps } from './attempt-delivery.js';
import { webhookEndpointDisabled } from './events.js';
import { disableAfterFailingMs, nextAttemptAt } from './retry-schedule.js';
import { bumpWebhookRevision } from './revision.js';
import { parkDeliveries } from './park-deliveries.js';
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from './schema.js';
import { subscribedTypesOf } from './subscribed-types.js';

export type AttemptOutcome = {
  startedAt: Date;
  durationMs: number;
  requestHeaders: Record<string, string>;
  status: number | null;
  responseBody: string | null;
  error: string | null;
  succeeded: boolean;
};

/**
 * Attempts' log rows and their consequences, in one transaction for a round of sends: each delivery
 * is delivered, due again after the backoff, or failed for good after three days (a manual attempt
 * on a finished delivery schedules nothing, nor does a 410); the endpoint's failure streak starts
 * or ends; a 410 disables the endpoint at once, and so does a streak of three days of failed
 * automatic attempts, each with a `webhook.endpoint_disabled` event. A delivery's state is written
 * only while the claim is still this attempt's (a claim that ran out was taken by another worker,
 * whose attempt decides).
 */
export async function recordOutcomes(deps: SenderDeps, attempts: ReadonlyArray<{ claimed: Claimed; outcome: AttemptOutcome }>): Promise<void> {
  if (attempts.length === 0) return;
  const now = deps.clock.now();
  const disabled = await deps.database.transaction(async (tx) => {
    const logged: Array<typeof webhookAttempts.$inferInsert> = [];
    let disabledAny = false;
    for (const { claimed, outcome } of attempts) {
      if (!(await settleDelivery(tx, deps, claimed, outcome, now))) continue;
      logged.push({
        id: uuidv7(),
        deliveryId: claimed.delivery.id,
        number: claimed.delivery.attempts,
        manual: claimed.manual,
        startedAt: outcome.startedAt,
        durationMs: outcome.durationMs,
        requestHeaders: outcome.requestHeaders,
        responseStatus: outcome.status,
        responseBody: outcome.responseBody,
        error: outcome.error,
        succeeded: outcome.succeeded,
      });
      if (await followEndpoint(tx, claimed, outcome, now)) disabledAny = true;
    }
    if (logged.length) await tx.insert(webhookAttempts).values(logged);
    return disabledAny;
  });
  if (disabled) await subscribedTypesOf(deps.database.db).refresh(deps.database.db, true);
}

/** The delivery's new state; false when it is gone (deleted with its endpoint while the request was out). */
async function settleDelivery(tx: Tx, deps: SenderDeps, claimed: Claimed, outcome: AttemptOutcome, now: Date): Promise<boolean> {
  const { delivery } = claimed;
  // A 410 says the receiver is gone for good: no retry (and the endpoint is disabled).
  const retryAt = outcome.succeeded || !claimed.wasPending || outcome.status === 410 ? null : nextAttemptAt(delivery.createdAt, now, delivery.attempts, deps.random);
  const [ours] = await tx
    .update(webhookDeliveries)
    .set({
      status: outcome.succeeded ? 'delivered' : retryAt ? 'pending' : 'failed',
      nextAttemptAt: retryAt,
      claimToken: null,
      lastAttemptAt: outcome.startedAt,
      lastResponseStatus: outcome.status,
      lastError: outcome.error,
      ...(outcome.succeeded && { deliveredAt: now }),
    })
    .where(and(eq(webhookDeliveries.id, delivery.id), eq(webhookDeliveries.claimToken, claimed.token)))
    .returning({ id: webhookDeliveries.id });
  if (ours) return true;
  // Not ours: claimed again by another worker after this claim ran out (this attempt is still
  // logged), or deleted with its endpoint (nothing left to log).
  const [still] = await tx.select({ id: webhookDeliveries.id }).from(webhookDeliveries).where(eq(webhookDeliveries.id, delivery.id));
  return Boolean(still);
}

/**
 * The endpoint's side: its failure streak, and disabling it (true when it did). Judged first from
 * the endpoint as claimed, so the common cases (a success, another failure in a streak) write
 * nothing; the row is locked and read again only when it may have to be disabled.
 */
async function followEndpoint(tx: Tx, { delivery, endpoint, manual }: Claimed, outcome: AttemptOutcome, now: Date): Promise<boolean> {
  if (outcome.succeeded) {
    if (endpoint.failingSince) await tx.update(webhookEndpoints).set({ failingSince: null }).where(eq(webhookEndpoints.id, endpoint.id));
    return false;
  }
  const gone = outcome.status === 410;
  const streakOver = (since: Date | null) => since !== null && now.getTime() - since.getTime() >= disableAfterFailingMs;
  // Only automatic attempts make a streak: an admin's test against a receiver being set up does not.
  if (!gone && !(!manual && streakOver(endpoint.failingSince))) {
    if (!manual && !endpoint.failingSince) await tx.update(webhookEndpoints).set({ failingSince: sql`coalesce(${webhookEndpoints.failingSince}, ${now.toISOString()}::timestamptz)` }).where(eq(webhookEndpoints.id, endpoint.id));
    return false;
  }
  const [current] = await tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id)).for('update');
  if (!current?.enabled || !(gone || streakOver(current.failingSince))) return false;
  const reason = gone ? 'gone' : 'failing';
  await tx
    .update(webhookEndpoints)
    .set({ enabled: false, disabledReason: reason, disabledAt: now, version: current.version + 1, updatedAt: now })
    .where(eq(webhookEndpoints.id, endpoint.id));
  await parkDeliveries(tx, endpoint.id);
  await recordEvent(tx, webhookEndpointDisabled, {
    aggregateId: endpoint.id,
    cause: 'system',
    payload: { url: current.url, reason, deliveryId: delivery.id, failingSince: current.failingSince?.toISOString() ?? null },
  });
  await bumpWebhookRevision(tx);
  return true;
}
