import type { Suggestion } from './dispatch-scoring.js';
import type { AutoDispatchPick } from './schema.js';

/** A service type's auto-dispatch rule (设置 › 现场服务): which suggestion wins, and how far ahead it acts. */
export type AutoDispatchRule = { pick: AutoDispatchPick; withinHours: number | null };

/**
 * Whether auto-dispatch acts on an order now: always without a horizon or an appointment; else only
 * when the appointment starts within `withinHours` of now (a visit weeks away is left for a person,
 * who knows the engineers' plans better than this week's shifts do).
 */
export function dueForAutoDispatch(rule: AutoDispatchRule, appointmentStart: Date | null, now: Date): boolean {
  if (rule.withinHours === null || appointmentStart === null) return true;
  return appointmentStart.getTime() - now.getTime() <= rule.withinHours * 3_600_000;
}

const loadOf = (s: Suggestion) => {
  const reason = s.reasons.find((r) => r.code === 'load');
  return reason?.code === 'load' ? reason.params.count / reason.params.capacity : 0;
};

/**
 * The suggestion auto-dispatch takes from `ranked` (best first, every one suitable): `best` the
 * first; `nearest` the smallest straight-line distance (an unknown distance last); `least_loaded`
 * the smallest share of the day's capacity taken. Ties keep the ranking's order.
 */
export function pickSuggestion(ranked: readonly Suggestion[], pick: AutoDispatchPick): Suggestion | undefined {
  if (pick === 'best' || ranked.length < 2) return ranked[0];
  const key = pick === 'nearest' ? (s: Suggestion) => s.distanceKm ?? Infinity : loadOf;
  return ranked.reduce((winner, s) => (key(s) < key(winner) ? s : winner));
}
