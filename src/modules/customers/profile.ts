import { and, eq } from 'drizzle-orm';
import { invalidField } from '../../app/errors.js';
import type { Db } from '../../db/database.js';
import { findAssignableUser } from '../auth/index.js';
import { customerTiers } from './schema.js';

/** What organisations and contacts share and validate the same way. */
export type ProfileInput = {
  tierKey?: string | null;
  tags?: string[];
  ownerId?: string | null;
  notes?: string;
  attributes?: Record<string, unknown>;
};

/** Attributes are free JSON, but bounded: they are shown on every 360° page. */
const maxAttributesBytes = 32 * 1024;

export function normaliseCustomerTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.normalize('NFKC').trim()).filter(Boolean))];
}

/** The tier must exist and be active; the account manager must be an active user. */
export async function checkProfile(db: Db, input: ProfileInput): Promise<void> {
  if (input.tierKey) {
    const [tier] = await db.select({ key: customerTiers.key }).from(customerTiers).where(and(eq(customerTiers.key, input.tierKey), eq(customerTiers.active, true)));
    if (!tier) throw invalidField('tierKey', 'customer_tier.not_found');
  }
  if (input.ownerId && !(await findAssignableUser(db, input.ownerId))) throw invalidField('ownerId', 'customer.owner_invalid');
  if (input.attributes && Buffer.byteLength(JSON.stringify(input.attributes)) > maxAttributesBytes) {
    throw invalidField('attributes', 'customer.attributes_too_large', { maxKb: maxAttributesBytes / 1024 });
  }
}

/** The columns a profile change sets (undefined fields are left alone). */
export function profileChanges(input: ProfileInput) {
  return {
    ...(input.tierKey !== undefined && { tierKey: input.tierKey }),
    ...(input.tags !== undefined && { tags: normaliseCustomerTags(input.tags) }),
    ...(input.ownerId !== undefined && { ownerId: input.ownerId }),
    ...(input.notes !== undefined && { notes: input.notes }),
    ...(input.attributes !== undefined && { attributes: input.attributes }),
  };
}
