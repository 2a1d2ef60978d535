import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { webhookEndpoints } from './schema.js';

/** Which of these endpoints exist and are enabled (a rule naming one is checked on save). */
export async function enabledWebhookEndpointIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(inArray(webhookEndpoints.id, [...new Set(ids)]), eq(webhookEndpoints.enabled, true)));
  return new Set(rows.map((row) => row.id.toLowerCase()));
}
