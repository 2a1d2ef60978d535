import { inArray } from 'drizzle-orm';
import type { Tx } from '../../db/database.js';
import { slaTicketPolicies } from './schema.js';

/** The policies chosen for these tickets (apply-policy.ts), by ticket: one statement for a batch. */
export async function chosenPolicies(tx: Tx, ticketIds: readonly string[]): Promise<Map<string, string>> {
  if (ticketIds.length === 0) return new Map();
  const rows = await tx.select({ ticketId: slaTicketPolicies.ticketId, policyId: slaTicketPolicies.policyId }).from(slaTicketPolicies).where(inArray(slaTicketPolicies.ticketId, [...ticketIds]));
  return new Map(rows.map((row) => [row.ticketId, row.policyId]));
}
