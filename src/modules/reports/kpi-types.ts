import type { SQL } from 'drizzle-orm';
import type { GroupBy, RollupScope } from './scope.js';

/** Every KPI of docs/reports.md by name; `group` is '' without groupBy. Durations in seconds. */
export type DurationStats = { count: number; mean: number | null; median: number | null; p90: number | null };
export type KpiGroup = {
  group: string;
  volume: number;
  backlog: number;
  firstResponseTime: { calendar: DurationStats; business: DurationStats };
  resolutionTime: { calendar: DurationStats; business: DurationStats };
  fcr: { resolved: number; firstContact: number; rate: number | null };
  reopenRate: { resolved: number; reopened: number; rate: number | null };
  slaAttainment: { resolved: number; withinSla: number; rate: number | null };
  csat: { answers: number; satisfied: number; score: number | null; mean: number | null; delivered: number; responseRate: number | null };
  nps: { answers: number; promoters: number; detractors: number; score: number | null; delivered: number; responseRate: number | null };
  workload: Array<{ agentId: string; open: number; resolved: number }>;
  /** Whether every median and p90 of the group is exact; false: at least one was interpolated inside its histogram bucket (docs/reports.md). */
  percentilesExact: boolean;
};

/**
 * `now`: the injected clock's time (a range ending at or after it reads the tickets open now).
 * `scope`: the reader's scope as a condition on facts `f`; `rollupScope`: the same scope as rollup
 * rows when rollups can express it (scope.ts), else the KPIs read the facts.
 */
export type KpiQuery = { from: Date; to: Date; now: Date; groupBy?: GroupBy; scope: SQL; rollupScope?: RollupScope | null };

