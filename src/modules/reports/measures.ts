/**
 * The measures reporting facts record, and the fixed histogram every rollup keeps per measure.
 * Durations are seconds; survey measures keep the score itself as the bucket, so CSAT and NPS
 * shares are exact from rollups; counts have value 1 in bucket 0.
 */
export const measures = [
  'created',
  'reply.agent',
  'reply.customer',
  'first_response.calendar',
  'first_response.business',
  'resolved',
  'resolution.calendar',
  'resolution.business',
  'reopened',
  'status_changed',
  'assigned',
  'sla.breached',
  'csat.delivered',
  'csat.score',
  'nps.delivered',
  'nps.score',
] as const;
export type Measure = (typeof measures)[number];

/** Upper bounds (seconds, inclusive) of the duration buckets; the last bucket is everything above. */
export const durationBounds: readonly number[] = [
  60, 300, 600, 900, 1800, 3600, 2 * 3600, 4 * 3600, 8 * 3600, 12 * 3600, 86_400, 2 * 86_400, 3 * 86_400, 5 * 86_400, 7 * 86_400, 14 * 86_400, 30 * 86_400,
];

const isScore = (measure: Measure) => measure === 'csat.score' || measure === 'nps.score';
export const isDuration = (measure: Measure) => measure.endsWith('.calendar') || measure.endsWith('.business');

/**
 * A resolution's bucket says what FCR and SLA attainment need, so both come from rollups: 0 a
 * later resolution (after a reopen); a first resolution 1 + 1 when at most one agent public reply
 * preceded it + 2 when an SLA breach was recorded for the ticket before it.
 */
export function resolutionBucket(nth: number, agentReplies: number, breached: boolean): number {
  if (nth !== 1) return 0;
  return 1 + (agentReplies <= 1 ? 1 : 0) + (breached ? 2 : 0);
}
export const firstResolutionBuckets = [1, 2, 3, 4] as const;
export const firstContactCandidateBuckets = [2, 4] as const;
export const withinSlaBuckets = [1, 2] as const;

/** The histogram bucket of one value of `measure` (resolutions: resolutionBucket). */
export function bucketOf(measure: Measure, value: number): number {
  if (isScore(measure)) return Math.round(value);
  if (!isDuration(measure)) return 0;
  const index = durationBounds.findIndex((bound) => value <= bound);
  return index === -1 ? durationBounds.length : index;
}
