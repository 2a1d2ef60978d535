import { and, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Tx } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import type { Claimed, SenderDeps } from './attempt-delivery.js';
import { webhookEndpointDisabled } from './events.js';
import { disableAfterFailingMs, nextAttemptAt } from './retry-schedule.js';
import { bumpWebhookRevision } from './revision.js';
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
 * One attempt's log row and its consequences, in one transaction: the delivery is delivered, due
 * again after the backoff, or failed for good after three days (a manual attempt on a finished
 * delivery schedules nothing, nor does a 410); the endpoint's failure streak starts or ends; a 410 disables the
 * endpoint at once, and so does a streak of three days of failed automatic attempts, each with a
 * `webhook.endpoint_disabled` event. The delivery's state is written only while the claim is still
 * this attempt's (a claim that ran out was taken by another worker, whose attempt decides).
 */
export async function recordOutcome(deps: SenderDeps, claimed: Claimed, outcome: AttemptOutcome): Promise<void> {
  const { delivery, endpoint } = claimed;
  const now = deps.clock.now();
  const disabled = await deps.database.transaction(async (tx) => {
    // Deleted with its endpoint while the request was out: nothing left to log.
    const [still] = await tx.select({ id: webhookDeliveries.id }).from(webhookDeliveries).where(eq(webhookDeliveries.id, delivery.id)).for('update');
    if (!still) return false;
    await tx.insert(webhookAttempts).values({
      id: uuidv7(),
      deliveryId: delivery.id,
      number: delivery.attempts,
      manual: claimed.manual,
      startedAt: outcome.startedAt,
      durationMs: outcome.durationMs,
      requestHeaders: outcome.requestHeaders,
      responseStatus: outcome.status,
      responseBody: outcome.responseBody,
      error: outcome.error,
      succeeded: outcome.succeeded,
    });
    // A 410 says the receiver is gone for good: no retry (and the endpoint is disabled below).
    const retryAt = outcome.succeeded || !claimed.wasPending || outcome.status === 410 ? null : nextAttemptAt(delivery.createdAt, now, delivery.attempts, deps.random);
    await tx
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
      .where(and(eq(webhookDeliveries.id, delivery.id), eq(webhookDeliveries.claimToken, claimed.token)));
    return followEndpoint(tx, claimed, outcome, now);
  });
  if (disabled) await subscribedTypesOf(deps.database.db).refresh(deps.database.db, true);
}

/** The endpoint's side: its failure streak, and disabling it (true when it did). */
async function followEndpoint(tx: Tx, { delivery, endpoint, manual }: Claimed, outcome: AttemptOutcome, now: Date): Promise<boolean> {
  if (outcome.succeeded) {
    if (endpoint.failingSince) await tx.update(webhookEndpoints).set({ failingSince: null }).where(eq(webhookEndpoints.id, endpoint.id));
    return false;
  }
  const [current] = await tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id)).for('update');
  if (!current) return false;
  // Only automatic attempts make a streak: an admin's test against a receiver being set up does not.
  const failingSince = manual ? current.failingSince : (current.failingSince ?? now);
  const gone = outcome.status === 410;
  const failing = failingSince !== null && now.getTime() - failingSince.getTime() >= disableAfterFailingMs;
  if (!current.enabled || !(gone || failing)) {
    if (failingSince !== current.failingSince) await tx.update(webhookEndpoints).set({ failingSince }).where(eq(webhookEndpoints.id, endpoint.id));
    return false;
  }
  const reason = gone ? 'gone' : 'failing';
  await tx
    .update(webhookEndpoints)
    .set({ enabled: false, disabledReason: reason, disabledAt: now, failingSince, version: current.version + 1, updatedAt: now })
    .where(eq(webhookEndpoints.id, endpoint.id));
  await recordEvent(tx, webhookEndpointDisabled, {
    aggregateId: endpoint.id,
    cause: 'system',
    payload: { url: current.url, reason, deliveryId: delivery.id, failingSince: failingSince?.toISOString() ?? null },
  });
  await bumpWebhookRevision(tx);
  return true;
}
