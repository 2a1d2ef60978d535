import { eq, gt, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { slaPolicyDeleted } from './events.js';
import type { Actor } from '../auth/index.js';
import { assertPolicyVersion } from './if-match.js';
import { lockPolicy, lockPolicyOrder } from './policies.js';
import { slaPolicies } from './schema.js';

/**
 * Delete a policy; the ones after it move up. Any policy may go, the last one too: tickets that
 * no policy matches simply have no SLA.
 */
export async function deletePolicy(database: Database, actor: Actor, id: string, expectedVersion: number | undefined): Promise<void> {
  await database.transaction(async (tx) => {
    await lockPolicyOrder(tx);
    const before = await lockPolicy(tx, id);
    assertPolicyVersion(before.version, expectedVersion);
    await tx.delete(slaPolicies).where(eq(slaPolicies.id, id));
    await tx.update(slaPolicies).set({ position: sql`${slaPolicies.position} - 1` }).where(gt(slaPolicies.position, before.position));
    await recordEvent(tx, slaPolicyDeleted, {
      aggregateId: id,
      cause: 'agent',
      actorId: actor.id,
      payload: { nameZh: before.nameZh, nameEn: before.nameEn, position: before.position, version: before.version },
    });
  });
}
