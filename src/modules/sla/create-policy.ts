import { count, gte, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { platformChannels } from '../../app/channel-registry.js';
import type { Database } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { slaPolicyCreated } from './events.js';
import type { Actor } from '../auth/index.js';
import { lockPolicyOrder, type PolicyRow } from './policies.js';
import { validPolicyState } from './policy-fields.js';
import type { CreatePolicyInput } from './policy-http.js';
import type { InstalledChannels } from './policy-references.js';
import { slaPolicies } from './schema.js';
import type { ConditionTypes } from '../../forms/field-kinds.js';

/**
 * Create a policy at `position` (default: last), moving the policies from there on down by one.
 * `channels`: the app's installed channels (routes pass `context.channels`); outside a running app
 * (the demo seeder), only the channels no module owns (api, web); `types`: the app's field types (none registered: built-in ones only).
 */
export async function createPolicy(database: Database, actor: Actor, input: CreatePolicyInput, channels: InstalledChannels = platformChannels.map((c) => c.key), types: ConditionTypes = new Map()): Promise<PolicyRow> {
  const { position: wanted, ...state } = input;
  return database.transaction(async (tx) => {
    await lockPolicyOrder(tx);
    const columns = await validPolicyState(tx, state, channels, types);
    const [{ total } = { total: 0 }] = await tx.select({ total: count() }).from(slaPolicies);
    const position = Math.min(wanted ?? total, total);
    const now = new Date();
    if (position < total) await tx.update(slaPolicies).set({ position: sql`${slaPolicies.position} + 1` }).where(gte(slaPolicies.position, position));
    const id = uuidv7();
    const [row] = await tx.insert(slaPolicies).values({ id, ...columns, position, createdAt: now, updatedAt: now }).returning();
    await recordEvent(tx, slaPolicyCreated, {
      aggregateId: id,
      cause: 'agent',
      actorId: actor.id,
      payload: { nameZh: columns.nameZh, position, active: columns.active, calendarId: columns.calendarId },
    });
    return row!;
  });
}
