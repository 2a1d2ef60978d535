import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/database.js';
import { webhookRevision } from './schema.js';

/** Inside an endpoint change's transaction: other processes re-read the subscribed types (subscribed-types.ts). */
export async function bumpWebhookRevision(tx: Tx): Promise<void> {
  await tx
    .insert(webhookRevision)
    .values({ id: 1, revision: 1 })
    .onConflictDoUpdate({ target: webhookRevision.id, set: { revision: sql`${webhookRevision.revision} + 1` } });
}
