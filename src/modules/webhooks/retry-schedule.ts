/**
 * When a failed delivery is tried again: exponential backoff from 30 s, doubling, capped at 12 h,
 * each delay jittered by ±20 % (so receivers coming back after an outage are not hit by every
 * sender at once), for up to three days after the delivery was made; then it has failed for good.
 * About 16 automatic attempts: 30 s, 1, 2, 4, 8, 16, 32 min, 1, 2, 4, 8.5 h, then every 12 h.
 */
export const retryWindowMs = 3 * 24 * 3_600_000;
const firstDelayMs = 30_000;
const maxDelayMs = 12 * 3_600_000;
export const jitter = 0.2;

/** The delay after the `failedAttempts`-th failed attempt (1 for the first), with `random()` in [0, 1). */
export function retryDelayMs(failedAttempts: number, random: () => number = Math.random): number {
  const base = Math.min(maxDelayMs, firstDelayMs * 2 ** Math.max(0, failedAttempts - 1));
  return Math.round(base * (1 - jitter + 2 * jitter * random()));
}

/** The next attempt's time, or null when it would fall outside the three days. */
export function nextAttemptAt(createdAt: Date, now: Date, failedAttempts: number, random: () => number = Math.random): Date | null {
  const at = new Date(now.getTime() + retryDelayMs(failedAttempts, random));
  return at.getTime() - createdAt.getTime() > retryWindowMs ? null : at;
}

/** An endpoint whose automatic attempts have all failed for this long is disabled (docs/webhooks.md). */
export const disableAfterFailingMs = retryWindowMs;
