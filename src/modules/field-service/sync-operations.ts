import { z } from 'zod';
import { AppError } from '../../app/errors.js';
import type { Database } from '../../db/database.js';
import type { Actor } from '../auth/index.js';
import { applyWorkOrderStep } from './apply-step.js';
import type { WriteOptions } from './create-work-order.js';
import { stepFields } from './step-input.js';

export const syncOperationSchema = z.strictObject({ workOrderId: z.uuid(), ...stepFields });
export type SyncOperation = z.infer<typeof syncOperationSchema>;

export const syncOutcomes = ['applied', 'duplicate', 'conflict', 'invalid', 'forbidden', 'not_found'] as const;
export type SyncResult = {
  opId: string;
  workOrderId: string;
  outcome: (typeof syncOutcomes)[number];
  /** The order after it (applied, duplicate) or as it stands (conflict): the app shows it. */
  status: string | null;
  version: number | null;
  engineerId: string | null;
  /** Why it was not applied: the problem's code, its facts and field errors. */
  code: string | null;
  params: Record<string, string | number>;
  errors: Array<{ path: string; code: string }>;
};

const outcomeOf = (status: number): SyncResult['outcome'] => (status === 404 ? 'not_found' : status === 403 ? 'forbidden' : status === 409 || status === 412 ? 'conflict' : 'invalid');

/**
 * The engineer's offline outbox, replayed: operations are applied one by one in the order sent,
 * each in its own transaction, and every one gets an answer in that order — applied, duplicate
 * (its opId was applied before: nothing written), or why not (conflict with the order's status
 * and holder, invalid, forbidden, not found). None is dropped; a refusal does not stop the rest.
 */
export async function syncOperations(database: Database, actor: Actor, operations: readonly SyncOperation[], options: () => WriteOptions): Promise<SyncResult[]> {
  const results: SyncResult[] = [];
  for (const { workOrderId, ...input } of operations) {
    const base = { opId: input.opId, workOrderId, code: null, params: {}, errors: [] };
    try {
      const { outcome, order } = await applyWorkOrderStep(database, actor, workOrderId, input, options());
      results.push({ ...base, outcome, status: order.status, version: order.version, engineerId: order.engineerId });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const params = error.params;
      results.push({
        ...base, outcome: outcomeOf(error.status), code: error.code, params, errors: error.errors.map(({ path, code }) => ({ path, code })),
        status: typeof params.status === 'string' ? params.status : null, version: typeof params.version === 'number' ? params.version : null,
        engineerId: typeof params.engineerId === 'string' && params.engineerId ? params.engineerId : null,
      });
    }
  }
  return results;
}
