import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/database.js';
import { webhookDeliveries } from './schema.js';

/**
 * A disabled endpoint's pending deliveries leave the due index (no due time), so the sender's probe
 * never walks past them however many piled up; enabling it makes them due at once. Their three
 * days still count from when they were made: one older than that gives up at its next failure.
 */
export async function parkDeliveries(tx: Tx, endpointId: string): Promise<void> {
  await tx.update(webhookDeliveries).set({ nextAttemptAt: null }).where(and(eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.status, 'pending')));
}

export async function resumeDeliveries(tx: Tx, endpointId: string, now: Date): Promise<void> {
  await tx.update(webhookDeliveries).set({ nextAttemptAt: now }).where(and(eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.status, 'pending')));
}
