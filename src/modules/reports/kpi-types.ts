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
 * rows when rollups can express it (scope.ts), else the KPIs read the facts. `thenBy`: a second
 * dimension (the report builder's); each group is then both values joined by scope.ts's
 * `groupSeparator`, and the facts answer (a rollup row holds one dimension). `only`: see kpiNames.
 */
export type KpiQuery = { from: Date; to: Date; now: Date; groupBy?: GroupBy; thenBy?: GroupBy; scope: SQL; rollupScope?: RollupScope | null; only?: ReadonlySet<KpiName> };

/**
 * The KPIs a query may ask for with `only` (the report builder asks for one): the reads that no
 * asked KPI needs are skipped and those KPIs read as empty (0 or null). Without `only`, all.
 */
export const kpiNames = ['volume', 'backlog', 'firstResponseTime', 'resolutionTime', 'fcr', 'reopenRate', 'slaAttainment', 'csat', 'nps', 'workload'] as const;
export type KpiName = (typeof kpiNames)[number];
export const asks = (q: Pick<KpiQuery, 'only'>, ...names: KpiName[]): boolean => !q.only || names.some((name) => q.only!.has(name));

