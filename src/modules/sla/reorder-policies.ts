import { eq } from 'drizzle-orm';
import { invalidField } from '../../app/errors.js';
import type { Database } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { slaPoliciesReordered } from './events.js';
import type { Actor } from '../auth/index.js';
import { listPolicies, lockPolicyOrder, type PolicyRow } from './policies.js';
import { slaPolicies } from './schema.js';

/**
 * Put the policies in the order of `ids`, which must name every policy exactly once: a list made
 * before someone added or removed a policy is refused (400) rather than guessed at. Moving does
 * not change a policy's version: the order belongs to the list, and editing a policy never
 * touches its position. One event records the whole order.
 */
export async function reorderPolicies(database: Database, actor: Actor, ids: readonly string[]): Promise<PolicyRow[]> {
  return database.transaction(async (tx) => {
    await lockPolicyOrder(tx);
    const current = await listPolicies(tx);
    const wanted = ids.map((id) => id.toLowerCase());
    const known = new Set(current.map((policy) => policy.id));
    if (new Set(wanted).size !== wanted.length || wanted.length !== current.length || !wanted.every((id) => known.has(id))) {
      throw invalidField('ids', 'sla.policy.reorder_mismatch', { count: current.length });
    }
    const before = current.map((policy) => policy.id);
    if (wanted.every((id, index) => before[index] === id)) return current;
    for (const [position, id] of wanted.entries()) {
      if (before[position] !== id) await tx.update(slaPolicies).set({ position }).where(eq(slaPolicies.id, id));
    }
    await recordEvent(tx, slaPoliciesReordered, {
      aggregateId: 'sla_policies',
      cause: 'agent',
      actorId: actor.id,
      payload: { from: before, to: wanted },
    });
    return listPolicies(tx);
  });
}
