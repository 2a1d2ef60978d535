import { and, eq, lte } from 'drizzle-orm';
import type { DueRowSource } from '../../jobs/registry.js';
import { claimDueDeliveries, currentOutboundPolicy, sendClaimed, type SenderDeps } from './attempt-delivery.js';
import { recordOutcomes } from './record-outcome.js';
import { webhookDeliveries, webhookEndpoints } from './schema.js';
import { subscribedTypesOf } from './subscribed-types.js';

/**
 * The sender, polled by every worker round: deliveries whose time has come (first attempts, retries,
 * ones a dead worker had claimed) are claimed in one short transaction, sent outside any
 * transaction (a send may take 5 s; PGlite has one connection), and their outcomes recorded
 * together in one more. While no endpoint is enabled it costs nothing but the subscribed types' once-a-second
 * revision read; otherwise one probe of the due index when nothing is due.
 */
export function webhookDueDeliveries(deps: Omit<SenderDeps, 'database'>): DueRowSource {
  return async ({ database }) => {
    const subscribed = subscribedTypesOf(database.db);
    await subscribed.refresh(database.db);
    if (!subscribed.anyEnabled()) return 0;
    const now = deps.clock.now();
    const [anyDue] = await database.db
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(and(lte(webhookDeliveries.nextAttemptAt, now), eq(webhookEndpoints.enabled, true)))
      .limit(1);
    if (!anyDue) return 0;
    const senderDeps = { ...deps, database };
    const claimed = await claimDueDeliveries(senderDeps);
    if (claimed.length === 0) return 0;
    const policy = await currentOutboundPolicy(senderDeps);
    const outcomes = await Promise.all(claimed.map(async (one) => ({ claimed: one, outcome: await sendClaimed(senderDeps, one, policy) })));
    await recordOutcomes(senderDeps, outcomes);
    return claimed.length;
  };
}
