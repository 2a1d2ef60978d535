import { distanceMeters, type LngLat } from './coordinates.js';

/**
 * Who should take a work order (建议工程师), as a pure function the suggestions endpoint, the board
 * and auto-dispatch share. Engineers without every required skill, off shift or on leave at the
 * appointment, or already at their daily capacity are excluded, with the reason; the rest are
 * ranked by score (higher first), each with the reasons the dispatcher reads:
 * 有技能 空调维修; 在班; 距离 3.2 km（上次位置）; 今日 2 单.
 */
export type ScoringOrder = {
  requiredSkills: readonly string[];
  /** The site's 省/市/区 code path. */
  region: readonly string[];
  /** The site in GCJ-02, when known. */
  point: LngLat | null;
};

export type ScoringCandidate = {
  id: string;
  name: string;
  skills: readonly string[];
  zones: readonly string[];
  lastPosition: LngLat | null;
  home: LngLat | null;
  availability: 'on_shift' | 'off_shift' | 'on_leave';
  /** Visits already booked on the appointment's day. */
  jobsThatDay: number;
  dailyCapacity: number;
};

export type Reason =
  | { code: 'skills'; params: { skills: string } }
  | { code: 'on_shift' }
  | { code: 'distance'; params: { km: number; from: 'last' | 'home' } }
  | { code: 'distance_unknown' }
  | { code: 'in_zone' }
  | { code: 'load'; params: { count: number; capacity: number } }
  | { code: 'missing_skills'; params: { skills: string } }
  | { code: 'off_shift' }
  | { code: 'on_leave' }
  | { code: 'full'; params: { count: number; capacity: number } };

export type Suggestion = { engineerId: string; name: string; score: number; distanceKm: number | null; reasons: Reason[] };
export type Exclusion = { engineerId: string; name: string; reasons: Reason[] };

/** Weights: distance matters most (a visit is mostly travel), then load, then the zone. */
const weights = { distance: 50, load: 30, zone: 20, unknownDistance: 15 } as const;
/** Distance score halves roughly every 14 km (e^(-km/20)): 5 km ≈ 39, 20 km ≈ 18, 60 km ≈ 2. */
const distanceScale = 20;

export function scoreEngineers(order: ScoringOrder, candidates: readonly ScoringCandidate[]): { ranked: Suggestion[]; excluded: Exclusion[] } {
  const ranked: Suggestion[] = [];
  const excluded: Exclusion[] = [];
  for (const candidate of candidates) {
    const missing = order.requiredSkills.filter((skill) => !candidate.skills.includes(skill));
    const refusals: Reason[] = [];
    if (missing.length) refusals.push({ code: 'missing_skills', params: { skills: missing.join('、') } });
    if (candidate.availability !== 'on_shift') refusals.push({ code: candidate.availability });
    if (candidate.jobsThatDay >= candidate.dailyCapacity) refusals.push({ code: 'full', params: { count: candidate.jobsThatDay, capacity: candidate.dailyCapacity } });
    if (refusals.length) {
      excluded.push({ engineerId: candidate.id, name: candidate.name, reasons: refusals });
      continue;
    }
    const reasons: Reason[] = [];
    if (order.requiredSkills.length) reasons.push({ code: 'skills', params: { skills: order.requiredSkills.join('、') } });
    reasons.push({ code: 'on_shift' });
    let score = 0;
    const origin = candidate.lastPosition ? { point: candidate.lastPosition, from: 'last' as const } : candidate.home ? { point: candidate.home, from: 'home' as const } : null;
    let km: number | null = null;
    if (origin && order.point) {
      km = Math.round(distanceMeters(origin.point, order.point) / 100) / 10;
      score += weights.distance * Math.exp(-km / distanceScale);
      reasons.push({ code: 'distance', params: { km, from: origin.from } });
    } else {
      score += weights.unknownDistance;
      reasons.push({ code: 'distance_unknown' });
    }
    if (servesRegion(candidate.zones, order.region)) {
      score += weights.zone;
      reasons.push({ code: 'in_zone' });
    }
    score += weights.load * (1 - candidate.jobsThatDay / candidate.dailyCapacity);
    reasons.push({ code: 'load', params: { count: candidate.jobsThatDay, capacity: candidate.dailyCapacity } });
    ranked.push({ engineerId: candidate.id, name: candidate.name, score: Math.round(score * 10) / 10, distanceKm: km, reasons });
  }
  // Ties go to the nearer, then by name and id, so the same facts always give the same order.
  ranked.sort((a, b) => b.score - a.score || (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) || a.name.localeCompare(b.name, 'zh-CN') || a.engineerId.localeCompare(b.engineerId));
  return { ranked, excluded };
}

/** A zone code serves its own area and everything under it (省 63 serves 西宁市城中区 630103). */
export function servesRegion(zones: readonly string[], region: readonly string[]): boolean {
  const district = region.at(-1);
  if (!district) return false;
  return zones.some((zone) => region.includes(zone) || district.startsWith(zone));
}
