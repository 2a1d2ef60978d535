import { and, eq, lte } from 'drizzle-orm';
import type { DueRowSource } from '../../jobs/registry.js';
import { attemptClaimed, claimDueDeliveries, type SenderDeps } from './attempt-delivery.js';
import { webhookDeliveries, webhookEndpoints } from './schema.js';
import { subscribedTypesOf } from './subscribed-types.js';

/**
 * The sender, polled by every worker round: deliveries whose time has come (first attempts, retries,
 * ones a dead worker had claimed) are claimed in one short transaction, sent outside any
 * transaction (a send may take 5 s; PGlite has one connection), and each outcome recorded in its
 * own. While no endpoint is enabled it costs nothing but the subscribed types' once-a-second
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
    await Promise.all(claimed.map((one) => attemptClaimed(senderDeps, one)));
    return claimed.length;
  };
}
