import { distanceMeters, type LngLat } from './coordinates.js';

/**
 * An engineer's visits on the board, judged as a pure function: which overlap, which fall outside
 * their shift or on their leave, and the straight-line travel from the visit before (haversine on
 * GCJ-02 points, minutes at an average speed), flagged when the gap between the two is shorter.
 */
export type ScheduledVisit = { id: string; start: Date; end: Date; point: LngLat | null };

export type ScheduleConflict =
  | { code: 'overlap'; params: { with: string } }
  | { code: 'outside_shift' }
  | { code: 'on_leave' }
  | { code: 'travel'; params: { minutes: number; gapMinutes: number } };

export type Travel = { km: number; minutes: number };
export type VisitFacts = { conflicts: ScheduleConflict[]; travelFromPrevious: Travel | null };

/** The shift facts of one engineer (assignment's ShiftPlans bound to them). */
export type Availability = { onShift(instant: Date): boolean; onLeave(instant: Date): boolean };

/** Straight-line travel at `speedKmh` (rounded up to whole minutes; km to one decimal). */
export function travelBetween(from: LngLat, to: LngLat, speedKmh: number): Travel {
  const km = distanceMeters(from, to) / 1000;
  return { km: Math.round(km * 10) / 10, minutes: Math.ceil((km / speedKmh) * 60) };
}

/** Conflicts of one visit with the engineer's availability: on leave, or not on shift at its start or its last minute. */
export function availabilityConflicts(visit: Pick<ScheduledVisit, 'start' | 'end'>, availability: Availability): ScheduleConflict[] {
  const last = new Date(Math.max(visit.start.getTime(), visit.end.getTime() - 60_000));
  if (availability.onLeave(visit.start) || availability.onLeave(last)) return [{ code: 'on_leave' }];
  return availability.onShift(visit.start) && availability.onShift(last) ? [] : [{ code: 'outside_shift' }];
}

/** Facts of each of one engineer's visits (any order given; judged by start time). */
export function judgeSchedule(visits: readonly ScheduledVisit[], availability: Availability, speedKmh: number): Map<string, VisitFacts> {
  const sorted = [...visits].sort((a, b) => a.start.getTime() - b.start.getTime() || a.id.localeCompare(b.id));
  const facts = new Map<string, VisitFacts>(sorted.map((visit) => [visit.id, { conflicts: availabilityConflicts(visit, availability), travelFromPrevious: null }]));
  sorted.forEach((visit, i) => {
    const own = facts.get(visit.id)!;
    // Overlaps with any earlier visit still running (not only the one just before: a long visit may cover several).
    for (const earlier of sorted.slice(0, i)) {
      if (earlier.end > visit.start) {
        own.conflicts.push({ code: 'overlap', params: { with: earlier.id } });
        facts.get(earlier.id)!.conflicts.push({ code: 'overlap', params: { with: visit.id } });
      }
    }
    const previous = sorted[i - 1];
    if (previous?.point && visit.point) {
      const travel = travelBetween(previous.point, visit.point, speedKmh);
      own.travelFromPrevious = travel;
      const gapMinutes = Math.floor((visit.start.getTime() - previous.end.getTime()) / 60_000);
      if (gapMinutes >= 0 && travel.minutes > gapMinutes) own.conflicts.push({ code: 'travel', params: { minutes: travel.minutes, gapMinutes } });
    }
  });
  return facts;
}
