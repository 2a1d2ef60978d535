import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Tx } from '../db/database.js';

export type JobInput = {
  type: string;
  payload?: Record<string, unknown>;
  /** When the job becomes due; defaults to now. This is how timers are scheduled. */
  runAt?: Date;
  maxAttempts?: number;
  /** While a pending job with this key exists, enqueueing another one with it does nothing. */
  dedupeKey?: string;
  eventId?: number;
};

/** Enqueue a job in the caller's transaction: it exists if and only if that transaction commits. */
export async function enqueueJob(tx: Tx, job: JobInput): Promise<void> {
  await tx.execute(sql`
    insert into jobs (id, type, payload, run_at, max_attempts, dedupe_key, event_id)
    values (${uuidv7()}, ${job.type}, ${JSON.stringify(job.payload ?? {})}::jsonb,
            ${(job.runAt ?? new Date()).toISOString()}::timestamptz, ${job.maxAttempts ?? 8},
            ${job.dedupeKey ?? null}, ${job.eventId ?? null})
    on conflict (dedupe_key) where state = 'pending' do nothing`);
}

/** Exponential backoff with jitter: ~2 s, 4 s, 8 s … capped at one hour. */
export function retryDelayMs(attempt: number): number {
  const base = Math.min(3_600_000, 1000 * 2 ** attempt);
  return Math.round(base * (0.75 + Math.random() * 0.5));
}
