import { isDeepStrictEqual } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { slaPolicyUpdated } from './events.js';
import type { Actor } from '../auth/index.js';
import { assertPolicyVersion } from './if-match.js';
import { lockPolicy, type PolicyRow } from './policies.js';
import { policyFields, stateOfPolicy, validPolicyState } from './policy-fields.js';
import type { PolicyChanges } from './policy-http.js';
import type { InstalledChannels } from './policy-references.js';
import { slaPolicies } from './schema.js';
import type { ConditionTypes } from '../../forms/field-kinds.js';

/**
 * Change a policy if it is still at `expectedVersion` (a stale version changes nothing: 412).
 * The merged result is validated as a whole; nothing to change is not a new version. The order
 * is not changed here (see reorder-policies.ts). `channels`: the app's installed channels; `types`: its field types.
 */
export async function updatePolicy(database: Database, actor: Actor, id: string, expectedVersion: number, changes: PolicyChanges, channels: InstalledChannels, types: ConditionTypes): Promise<PolicyRow> {
  return database.transaction(async (tx) => {
    const before = await lockPolicy(tx, id);
    assertPolicyVersion(before.version, expectedVersion);
    const previous = stateOfPolicy(before);
    const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    const next = await validPolicyState(tx, { ...previous, ...given }, channels, types);
    // Deep equality, not JSON text: jsonb hands back object keys in its own order.
    const changed = policyFields.filter((field) => !isDeepStrictEqual(previous[field], next[field]));
    if (changed.length === 0) return before;
    const set = Object.fromEntries(changed.map((field) => [field, next[field]]));
    const [row] = await tx
      .update(slaPolicies)
      .set({ ...set, version: sql`${slaPolicies.version} + 1`, updatedAt: new Date() })
      .where(eq(slaPolicies.id, id))
      .returning();
    await recordEvent(tx, slaPolicyUpdated, {
      aggregateId: id,
      cause: 'agent',
      actorId: actor.id,
      payload: { fields: changed, changes: Object.fromEntries(changed.map((field) => [field, { from: previous[field], to: next[field] }])), version: row!.version },
    });
    return row!;
  });
}
