import { z } from 'zod';
import { groupBySchema } from './query-schemas.js';
import type { GroupBy } from './scope.js';

/**
 * 自定义报表: what a saved or unsaved report asks. The measure is one KPI of kpis.ts (docs/reports.md
 * defines each); durations take a statistic and a clock. Up to two dimensions: the KPI group-bys
 * (team, agent, channel, type, category, priority, `field:<select key>`) and one time bucket.
 * The filter is a condition-language tree over the dimensions' values only (report-filter.ts).
 */
export const builderMeasures = ['volume', 'backlog', 'firstResponseTime', 'resolutionTime', 'fcr', 'reopenRate', 'slaAttainment', 'csat', 'nps'] as const;
export type BuilderMeasure = (typeof builderMeasures)[number];
export const durationMeasures: readonly BuilderMeasure[] = ['firstResponseTime', 'resolutionTime'];

export const timeDimensions = ['time:day', 'time:week', 'time:month'] as const;
export type TimeDimension = (typeof timeDimensions)[number];
export type Dimension = GroupBy | TimeDimension;
export const isTimeDimension = (d: Dimension): d is TimeDimension => (timeDimensions as readonly string[]).includes(d);

export const relativeRanges = ['last7', 'last30', 'last90', 'thisMonth'] as const;
export type RelativeRange = (typeof relativeRanges)[number];

const dimensionSchema = z.union([z.enum(timeDimensions), groupBySchema]);
const instant = z.iso.datetime({ offset: true });

export const reportDefinitionSchema = z
  .strictObject({
    measure: z.enum(builderMeasures),
    statistic: z.enum(['mean', 'median', 'p90']).default('median'),
    clock: z.enum(['business', 'calendar']).default('business'),
    dimensions: z.array(dimensionSchema).max(2).default([]),
    filter: z.unknown().optional(),
    range: z.union([z.strictObject({ last: z.enum(relativeRanges) }), z.strictObject({ from: instant, to: instant })]),
    comparison: z.enum(['none', 'previous']).default('none'),
    chart: z.enum(['table', 'bar', 'line', 'pie', 'pivot']).default('table'),
  })
  .superRefine((d, ctx) => {
    if (d.dimensions.length === 2 && d.dimensions[0] === d.dimensions[1]) ctx.addIssue({ code: 'custom', path: ['dimensions', 1], message: 'report.builder.dimension_repeated' });
    if (d.dimensions.filter((x) => isTimeDimension(x)).length > 1) ctx.addIssue({ code: 'custom', path: ['dimensions', 1], message: 'report.builder.one_time_dimension' });
    if ('from' in d.range && Date.parse(d.range.to) <= Date.parse(d.range.from)) ctx.addIssue({ code: 'custom', path: ['range', 'to'], message: 'report.range_empty' });
  });
export type ReportDefinition = z.infer<typeof reportDefinitionSchema>;
