import { eq } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import type { ConditionTypes } from '../../forms/field-kinds.js';
import type { EventCause } from '../../jobs/event-definition.js';
import { recordEvent } from '../../jobs/events.js';
import { slaPolicyApplied } from './events.js';
import { getPolicy } from './policies.js';
import { slaTicketPolicies } from './schema.js';
import { syncTimersIn } from './ticket-events.js';

export type ApplySlaPolicyInput = { ticketId: string; policyId: string; cause: EventCause; actorId: string | null; at: Date };
export type AppliedSlaPolicy = { policy: { id: string; nameZh: string; nameEn: string }; changed: boolean };

/**
 * Chooses a policy for a ticket (a rule's "apply an SLA policy"): it applies instead of the one the
 * policies' conditions select, and the ticket's timers are recounted under it at `at` (the minutes
 * used so far are kept) — the choice, `sla.policy_applied` and the timers in one transaction.
 * Choosing the policy already chosen changes nothing. An unknown policy is a NotFound
 * (`sla.policy.not_found`); an inactive one may be chosen but applies only once it is active again.
 */
export async function applySlaPolicy(database: Database, types: ConditionTypes, input: ApplySlaPolicyInput): Promise<AppliedSlaPolicy> {
  return database.transaction(async (tx) => {
    const policy = await getPolicy(tx, input.policyId);
    const [previous] = await tx.select({ policyId: slaTicketPolicies.policyId }).from(slaTicketPolicies).where(eq(slaTicketPolicies.ticketId, input.ticketId)).for('update');
    const applied = { policy: { id: policy.id, nameZh: policy.nameZh, nameEn: policy.nameEn } };
    if (previous?.policyId === policy.id) return { ...applied, changed: false };
    const choice = { policyId: policy.id, cause: input.cause, chosenAt: input.at };
    await tx.insert(slaTicketPolicies).values({ ticketId: input.ticketId, ...choice }).onConflictDoUpdate({ target: slaTicketPolicies.ticketId, set: choice });
    await recordEvent(tx, slaPolicyApplied, { aggregateId: input.ticketId, cause: input.cause, actorId: input.actorId, payload: { policyId: policy.id, previousPolicyId: previous?.policyId ?? null } });
    await syncTimersIn(tx, types, [{ ticketId: input.ticketId, at: input.at }]);
    return { ...applied, changed: true };
  });
}
