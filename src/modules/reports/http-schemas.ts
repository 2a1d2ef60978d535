import { z } from 'zod';

const rate = z.number().nullable();
export const durationStatsSchema = z.object({ count: z.number().int(), mean: z.number().nullable(), median: z.number().nullable(), p90: z.number().nullable() });
const durations = z.object({ calendar: durationStatsSchema, business: durationStatsSchema });

export const kpiGroupSchema = z.object({
  group: z.string(),
  volume: z.number().int(),
  backlog: z.number().int(),
  firstResponseTime: durations,
  resolutionTime: durations,
  fcr: z.object({ resolved: z.number().int(), firstContact: z.number().int(), rate }),
  reopenRate: z.object({ resolved: z.number().int(), reopened: z.number().int(), rate }),
  slaAttainment: z.object({ resolved: z.number().int(), withinSla: z.number().int(), rate }),
  csat: z.object({ answers: z.number().int(), satisfied: z.number().int(), score: rate, mean: rate, delivered: z.number().int(), responseRate: rate }),
  nps: z.object({ answers: z.number().int(), promoters: z.number().int(), detractors: z.number().int(), score: rate, delivered: z.number().int(), responseRate: rate }),
  workload: z.array(z.object({ agentId: z.string(), open: z.number().int(), resolved: z.number().int() })),
});

export const liveDashboardSchema = z.object({
  todayStart: z.string(),
  incomingToday: z.number().int(),
  backlogByStatus: z.record(z.string(), z.number().int()),
  breachedToday: z.number().int(),
  openBreached: z.number().int(),
  agentLoad: z.array(z.object({ agentId: z.string(), open: z.number().int() })),
});

export const reportSettingsSchema = z.object({ timeZone: z.string(), version: z.number().int() });
