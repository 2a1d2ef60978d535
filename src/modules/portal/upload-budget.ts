import { lt, sql } from 'drizzle-orm';
import { TooManyRequests } from '../../app/errors.js';
import { queryRows, type Database } from '../../db/database.js';
import { portalUploadBudgets } from './schema.js';

/** A byte budget per UTC day: `bucket` names who it limits (`ip:…`, `site`). */
export type UploadBudget = { bucket: string; limitBytes: number; code: string };

const dayMs = 86_400_000;

/**
 * Reserve `bytes` in every budget of today, or none: each bucket is one upsert that adds the bytes
 * only while the total stays within the limit (the row lock makes concurrent reservations, from
 * any process, apply one after the other), all in one transaction. Over any budget: 429 with
 * Retry-After until the next UTC day, and nothing was counted. Days older than yesterday are swept.
 * Returns how to give the bytes back (the submission failed later, or was a replay).
 */
export async function reserveUploadBudget(database: Database, budgets: readonly UploadBudget[], bytes: number, now = new Date()): Promise<() => Promise<void>> {
  const day = new Date(Math.floor(now.getTime() / dayMs) * dayMs);
  const retryAfter = Math.ceil((day.getTime() + dayMs - now.getTime()) / 1000);
  const refused = await database.transaction(async (tx) => {
    for (const budget of budgets) {
      if (bytes > budget.limitBytes) return budget;
      const [row] = await queryRows<{ bytes: string }>(tx, sql`
        insert into portal_upload_budgets (bucket, day, bytes) values (${budget.bucket}, ${day.toISOString()}::timestamptz, ${bytes})
        on conflict (bucket, day) do update set bytes = portal_upload_budgets.bytes + excluded.bytes
        where portal_upload_budgets.bytes + excluded.bytes <= ${budget.limitBytes}
        returning bytes`);
      if (!row) throw new TooManyRequests(budget.code, retryAfter); // rolls back the buckets already counted
    }
    await tx.delete(portalUploadBudgets).where(lt(portalUploadBudgets.day, new Date(day.getTime() - dayMs)));
    return null;
  });
  if (refused) throw new TooManyRequests(refused.code, retryAfter);
  return async () => {
    await database.transaction(async (tx) => {
      for (const budget of budgets) {
        await tx.execute(sql`update portal_upload_budgets set bytes = greatest(bytes - ${bytes}, 0) where bucket = ${budget.bucket} and day = ${day.toISOString()}::timestamptz`);
      }
    });
  };
}
