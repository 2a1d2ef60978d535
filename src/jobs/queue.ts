import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Tx } from '../db/database.js';

export type JobInput = {
  type: string;
  payload?: Record<string, unknown>;
  /** When the job becomes due; defaults to the enqueuing transaction's `now()`. This is how timers are scheduled. */
  runAt?: Date;
  /**
   * Or: this many milliseconds after the enqueuing transaction's `now()`. For a wait the app measured
   * on its own clock (a robot's allowance): as an absolute time it would be compared with the
   * database's clock, and an app clock behind the database's would make the job due again at once,
   * every time it ran, until the clocks agreed.
   */
  runAfterMs?: number;
  maxAttempts?: number;
  /** While a pending job with this key exists, enqueueing another one with it does nothing. */
  dedupeKey?: string;
  eventId?: number;
};

/** Enqueue a job in the caller's transaction: it exists if and only if that transaction commits. */
export async function enqueueJob(tx: Tx, job: JobInput): Promise<void> {
  await enqueueJobs(tx, [job]);
}

/** Rows per insert: 7 parameters each, well under PostgreSQL's 65 535 per statement. */
const rowsPerInsert = 1000;

/**
 * Enqueue several jobs in one statement (the relay's: one insert per round, not per job), with
 * `enqueueJob`'s meaning for each: a job whose dedupe key a pending job (or an earlier job of the
 * same list) already holds is not added.
 */
export async function enqueueJobs(tx: Tx, list: readonly JobInput[]): Promise<void> {
  const keys = new Set<string>();
  const rows = list.filter((job) => {
    if (job.dedupeKey === undefined) return true;
    if (keys.has(job.dedupeKey)) return false;
    keys.add(job.dedupeKey);
    return true;
  });
  for (let start = 0; start < rows.length; start += rowsPerInsert) {
    const values = rows.slice(start, start + rowsPerInsert).map(
      (job) => sql`(${uuidv7()}, ${job.type}, ${JSON.stringify(job.payload ?? {})}::jsonb, ${job.runAt ? sql`${job.runAt.toISOString()}::timestamptz` : job.runAfterMs ? sql`now() + ${Math.max(0, Math.round(job.runAfterMs))} * interval '1 millisecond'` : sql`now()`},
                    ${job.maxAttempts ?? 8}, ${job.dedupeKey ?? null}, ${job.eventId ?? null}::bigint)`,
    );
    await tx.execute(sql`
      insert into jobs (id, type, payload, run_at, max_attempts, dedupe_key, event_id)
      values ${sql.join(values, sql`, `)}
      on conflict (dedupe_key) where state = 'pending' do nothing`);
  }
}

/** Exponential backoff with jitter: ~2 s, 4 s, 8 s … capped at one hour. */
export function retryDelayMs(attempt: number): number {
  const base = Math.min(3_600_000, 1000 * 2 ** attempt);
  return Math.round(base * (0.75 + Math.random() * 0.5));
}
