import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { invalidField } from '../../app/errors.js';
import { actorOf } from '../../app/http/request-context.js';
import { drillDown } from './drill.js';
import { arrivalHeatmap } from './heatmap.js';
import { kpiGroupSchema, liveDashboardSchema, reportSettingsSchema } from './http-schemas.js';
import { computeKpis } from './kpis.js';
import { liveDashboard } from './live-dashboard.js';
import type { Measure } from './measures.js';
import { checkDrillQuery, checkRange, drillQuery, groupBySchema, rangeQuery } from './query-schemas.js';
import { reportScope, rollupScopeOf } from './scope.js';
import { getReportSettings, updateReportSettings } from './settings.js';

const tags = ['reports'];
/** 报表: KPIs by name, the arrival heatmap, drill-downs to tickets, the live dashboard, the reporting time zone. */
export function registerReportRoutes(app: AppServer, { database, config, clock }: AppContext): void {
  const tz = config.OPENCSM_TIMEZONE;

  app.get('/api/v1/reports/kpis', {
    config: { permission: 'reports.read' },
    schema: {
      tags, summary: '报表指标 KPIs',
      description: 'Every KPI of docs/reports.md by name for facts in [from, to), in the reader\'s scope (admins: all; supervisors: their teams\'; agents: their teams\' and their own), one entry per group of `groupBy` (team, agent, channel, type, category, priority, field:<select key>; none: one group ""). Durations in seconds.',
      querystring: z.object({ ...rangeQuery, groupBy: groupBySchema.optional() }),
      response: { 200: z.object({ from: z.string(), to: z.string(), groupBy: z.string().nullable(), groups: z.array(kpiGroupSchema) }) },
    },
  }, async (request) => {
    const q = request.query;
    checkRange(q);
    const actor = actorOf(request);
    const groups = await computeKpis(database.db, { ...q, now: clock.now(), scope: reportScope(actor), rollupScope: rollupScopeOf(actor) }, tz);
    return { from: q.from.toISOString(), to: q.to.toISOString(), groupBy: q.groupBy ?? null, groups };
  });

  app.get('/api/v1/reports/heatmap', {
    config: { permission: 'reports.read' },
    schema: {
      tags, summary: '到达热力图 Arrival heatmap',
      description: 'Tickets created in [from, to) by weekday (0 = Monday) × hour (0–23) in the reporting time zone: `counts[weekday][hour]`.',
      querystring: z.object(rangeQuery),
      response: { 200: z.object({ from: z.string(), to: z.string(), timeZone: z.string(), counts: z.array(z.array(z.number().int())) }) },
    },
  }, async (request) => {
    const q = request.query;
    checkRange(q);
    const actor = actorOf(request);
    const map = await arrivalHeatmap(database.db, { ...q, scope: reportScope(actor), rollupScope: rollupScopeOf(actor) }, tz);
    return { from: q.from.toISOString(), to: q.to.toISOString(), ...map };
  });

  app.get('/api/v1/reports/drill', {
    config: { permission: 'reports.read' },
    schema: {
      tags, summary: '下钻到工单 Drill down',
      description: 'The tickets behind a number: facts of `measure` in [from, to) (one `group` of `groupBy` — and one `thenGroup` of `thenBy`, a report builder\'s second dimension —, or one heatmap cell `weekday` + `hour`), in the reader\'s report scope and ticket visibility, newest first, at most `limit`.',
      querystring: drillQuery,
      response: { 200: z.object({ total: z.number().int(), truncated: z.boolean(), tickets: z.array(z.object({ id: z.string(), number: z.string(), subject: z.string() })) }) },
    },
  }, async (request) => {
    const q = request.query;
    checkDrillQuery(q);
    const actor = actorOf(request);
    return drillDown(database.db, actor, { ...q, measure: q.measure as Measure, scope: reportScope(actor) }, tz);
  });

  app.get('/api/v1/reports/live', {
    config: { permission: 'reports.read' },
    schema: { tags, summary: '服务经理·实时 Live dashboard', description: 'Today\'s arrivals (reporting time zone), open backlog by status, SLA breaches today, open breached tickets, agents\' open load; in the reader\'s scope.', response: { 200: liveDashboardSchema } },
  }, async (request) => {
    const actor = actorOf(request);
    return liveDashboard(database.db, (alias) => reportScope(actor, alias), clock.now(), tz);
  });

  app.get('/api/v1/settings/reports', {
    config: { permission: 'reports.read' },
    schema: { tags, summary: '报表设置 Report settings', response: { 200: reportSettingsSchema } },
  }, async () => getReportSettings(database.db, tz));

  app.put('/api/v1/settings/reports', {
    config: { permission: 'reports.manage' },
    schema: {
      tags, summary: '修改报表设置 Update report settings',
      description: 'The installation\'s reporting time zone (IANA). Changing it rebuilds the hourly and daily rollups from the facts.',
      body: z.strictObject({ timeZone: z.string().trim().min(1).max(64) }),
      response: { 200: reportSettingsSchema },
    },
  }, async (request) => {
    const { timeZone } = request.body;
    if (!isTimeZone(timeZone)) throw invalidField('timeZone', 'report.time_zone_unknown');
    return updateReportSettings(database, actorOf(request), { timeZone }, tz, clock.now());
  });
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
