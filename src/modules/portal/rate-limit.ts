import { lt, sql } from 'drizzle-orm';
import { TooManyRequests } from '../../app/errors.js';
import { queryRows, type Database } from '../../db/database.js';
import { portalRateLimits } from './schema.js';

export type RateLimit = { bucket: string; limit: number; windowSeconds: number };

/**
 * Count one hit in each bucket's current fixed window (an upsert, so concurrent requests and
 * several processes count together) and refuse with 429 + Retry-After when any is over its limit.
 * Windows older than a day are swept as we go.
 */
export async function enforceRateLimits(database: Database, limits: readonly RateLimit[], now = new Date()): Promise<void> {
  const over = await database.transaction(async (tx) => {
    let retryAfter = 0;
    for (const { bucket, limit, windowSeconds } of limits) {
      const windowMs = windowSeconds * 1000;
      const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
      const [row] = await queryRows<{ hits: number }>(tx, sql`
        insert into portal_rate_limits (bucket, window_start, hits) values (${bucket}, ${windowStart.toISOString()}::timestamptz, 1)
        on conflict (bucket, window_start) do update set hits = portal_rate_limits.hits + 1
        returning hits`);
      if (Number(row!.hits) > limit) retryAfter = Math.max(retryAfter, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
    }
    await tx.delete(portalRateLimits).where(lt(portalRateLimits.windowStart, new Date(now.getTime() - 86_400_000)));
    return retryAfter;
  });
  if (over > 0) throw new TooManyRequests('portal.rate_limited', over);
}
