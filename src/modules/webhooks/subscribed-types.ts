import { eq } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { webhookEndpoints, webhookRevision } from './schema.js';

/**
 * Which event types an enabled endpoint listens to, as this process last read them: the relay asks
 * it (synchronously) before it makes a delivery job, so a ticket event makes no job while no
 * endpoint wants it (the per-ticket budget, docs/ARCHITECTURE.md).
 *
 * It is re-read when the revision row moved (every endpoint change bumps it in its transaction),
 * and the revision is read at most once a second (by the due-row source's poll and the delivery
 * job): a change made through another process holds here within about a second; one made through
 * this process at once (the service refreshes after its commit). Until the first read the answer is
 * "wanted" (a job that finds no endpoint does nothing), never a lost delivery.
 */
const recheckMs = 1000;

export class SubscribedTypes {
  private types: ReadonlySet<string> | null = null;
  private revision = -1;
  private readAt = -Infinity;

  /** Whether an event of `type` may have an enabled endpoint listening (true while unknown). */
  wants(type: string): boolean {
    return this.types === null || this.types.has(type);
  }

  /** Whether any endpoint is enabled (true while unknown). */
  anyEnabled(): boolean {
    return this.types === null || this.types.size > 0;
  }

  /** Read the revision when the last read is a second old (or `force`), and the endpoints when it moved. */
  async refresh(db: Db, force = false): Promise<void> {
    const now = performance.now();
    if (!force && now - this.readAt < recheckMs) return;
    this.readAt = now;
    const [row] = await db.select({ revision: webhookRevision.revision }).from(webhookRevision);
    const revision = row?.revision ?? 0;
    if (revision === this.revision && this.types !== null) return;
    const rows = await db.select({ eventTypes: webhookEndpoints.eventTypes }).from(webhookEndpoints).where(eq(webhookEndpoints.enabled, true));
    this.types = new Set(rows.flatMap((r) => r.eventTypes));
    this.revision = revision;
  }
}

/** One per app (keyed by its database handle, like the forms registry cache), never shared between apps of one process. */
const byDatabase = new WeakMap<object, SubscribedTypes>();

export function subscribedTypesOf(db: Db): SubscribedTypes {
  let found = byDatabase.get(db);
  if (!found) byDatabase.set(db, (found = new SubscribedTypes()));
  return found;
}
