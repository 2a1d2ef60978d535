import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { actorOf } from '../../app/http/request-context.js';
import type { Db } from '../../db/database.js';
import type { ReportDefinition } from './report-definition.js';
import { compileReportFilter, reportFilterFields } from './report-filter.js';
import { listReportDimensions } from './report-dimensions.js';
import { removeReportSchedule, setReportSchedule } from './report-schedules.js';
import { runReport } from './run-report.js';
import { reportResultSchema, savedReportBody, savedReportPatch, savedReportSchema, scheduleBody } from './saved-report-schemas.js';
import { createSavedReport, deleteSavedReport, getSavedReport, listSavedReports, updateSavedReport } from './saved-reports.js';
import { getReportSettings } from './settings.js';

const tags = ['reports'];
const idParams = z.object({ id: z.uuid() });
const definitionNote = 'A definition: `measure` (a KPI of docs/reports.md), `statistic` and `clock` for durations, up to two `dimensions` (team, agent, channel, type, category, priority, field:<select key>, time:day|week|month — at most one time bucket), `filter` (the condition language over those dimensions only: team, agent, channel, type, category, priority, fields.<key>; any other field is a 400 naming it), `range` (`{last: last7|last30|last90|thisMonth}` or `{from, to}`), `comparison` (none | previous) and `chart`.';

/** 自定义报表: saved report definitions (share with roles, pin to 管理层·趋势), their results, unsaved queries and email schedules. */
export function registerSavedReportRoutes(app: AppServer, { database, config, clock }: AppContext): void {
  const tz = config.OPENCSM_TIMEZONE;
  /** A filter is checked when saved too, so a saved report never fails on its own filter later. */
  const checkFilter = async (db: Db, definition: ReportDefinition | undefined) => {
    if (definition?.filter === undefined || definition.filter === null) return;
    compileReportFilter(definition.filter, await reportFilterFields(db), 'definition.filter', (await getReportSettings(db, tz)).timeZone);
  };

  app.get('/api/v1/reports/saved', {
    config: { permission: 'reports.read' },
    schema: {
      tags, summary: '自定义报表列表 Saved reports',
      description: 'The saved reports the caller may see (their own, those shared with their role; admins all), newest first; `pinned=true` for the 管理层·趋势 dashboard\'s. `nextCursor` (null on the last page) goes back as `cursor`.',
      querystring: z.object({ pinned: z.enum(['true', 'false']).transform((v) => v === 'true').optional(), cursor: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(100).default(50) }),
      response: { 200: z.object({ items: z.array(savedReportSchema), nextCursor: z.string().nullable() }) },
    },
  }, async (request) => {
    const q = request.query;
    const page = await listSavedReports(database.db, actorOf(request), { pinned: q.pinned, limit: q.limit, after: q.cursor });
    return { items: page.items, nextCursor: page.next };
  });

  app.get('/api/v1/reports/dimensions', {
    config: { permission: 'reports.read' },
    schema: {
      tags, summary: '报表维度 What a report may group and filter by',
      description: 'The builder\'s dimensions: team, agent, channel, type, category, priority, each select custom field of tickets (`field:<key>`) and the time buckets, named in the reader\'s language; `filterField` is the condition-language field a filter tests for it (null for a time bucket) and `options` the values it may pick, by name.',
      response: { 200: z.object({ items: z.array(z.object({ key: z.string(), name: z.string(), filterField: z.string().nullable(), options: z.array(z.object({ value: z.string(), label: z.string() })).nullable() })) }) },
    },
  }, async (request) => ({ items: await listReportDimensions(database.db, request.locale) }));

  app.post('/api/v1/reports/saved', {
    config: { permission: 'reports.read' },
    schema: { tags, summary: '保存报表 Save a report', description: `${definitionNote} \`sharedRoles\`: the roles that may see it (they see their own scope's numbers). Recorded as \`saved_report.changed\`.`, body: savedReportBody, response: { 201: savedReportSchema } },
  }, async (request, reply) => {
    await checkFilter(database.db, request.body.definition);
    return reply.code(201).send(await createSavedReport(database, actorOf(request), request.body, clock.now()));
  });

  app.get('/api/v1/reports/saved/:id', {
    config: { permission: 'reports.read' },
    schema: { tags, summary: '报表定义 A saved report', params: idParams, response: { 200: savedReportSchema } },
  }, async (request) => getSavedReport(database.db, actorOf(request), request.params.id));

  app.patch('/api/v1/reports/saved/:id', {
    config: { permission: 'reports.read' },
    schema: { tags, summary: '修改报表 Change a saved report', description: 'Its owner or an admin: name, definition, shared roles, pinned.', params: idParams, body: savedReportPatch, response: { 200: savedReportSchema } },
  }, async (request) => {
    await checkFilter(database.db, request.body.definition);
    return updateSavedReport(database, actorOf(request), request.params.id, request.body, clock.now());
  });

  app.delete('/api/v1/reports/saved/:id', {
    config: { permission: 'reports.read' },
    schema: { tags, summary: '删除报表 Delete a saved report', description: 'Its owner or an admin; its schedule goes with it.', params: idParams },
  }, async (request, reply) => {
    await deleteSavedReport(database, actorOf(request), request.params.id);
    return reply.code(204).send();
  });

  app.get('/api/v1/reports/saved/:id/result', {
    config: { permission: 'reports.read' },
    schema: { tags, summary: '报表结果 A saved report\'s numbers', description: 'Computed now, in the caller\'s scope (admins: all; supervisors: their teams\'; agents: their teams\' and their own), from the KPI code of GET /reports/kpis. Values in `unit` (percent 0–100, minutes, counts or an NPS score), one decimal.', params: idParams, response: { 200: reportResultSchema } },
  }, async (request) => {
    const actor = actorOf(request);
    const report = await getSavedReport(database.db, actor, request.params.id);
    return runReport(database.db, { definition: report.definition, actor, now: clock.now(), defaultTimeZone: tz, locale: request.locale });
  });

  app.post('/api/v1/reports/query', {
    config: { permission: 'reports.read' },
    schema: { tags, summary: '预览报表 Run an unsaved report', description: `The builder's live preview. ${definitionNote}`, body: z.strictObject({ definition: savedReportBody.shape.definition }), response: { 200: reportResultSchema } },
  }, async (request) => runReport(database.db, { definition: request.body.definition, actor: actorOf(request), now: clock.now(), defaultTimeZone: tz, locale: request.locale }));

  app.put('/api/v1/reports/saved/:id/schedule', {
    config: { permission: 'reports.read' },
    schema: {
      tags, summary: '定时发送 Schedule a report by email',
      description: 'Daily, weekly (`weekday` 1–7, Monday 1) or monthly (`monthDay` 1–28) at `at` (HH:MM, reporting time zone): an email with a summary table and the .xlsx to each recipient. Recipients: users who may see the report; `recipientEmails` (outside addresses) need reports.manage. The numbers are those of the scheduler\'s scope.',
      params: idParams, body: scheduleBody, response: { 200: savedReportSchema },
    },
  }, async (request) => {
    const { timeZone } = await getReportSettings(database.db, tz);
    return setReportSchedule(database, actorOf(request), request.params.id, request.body, clock.now(), timeZone);
  });

  app.delete('/api/v1/reports/saved/:id/schedule', {
    config: { permission: 'reports.read' },
    schema: { tags, summary: '取消定时发送 Stop a schedule', params: idParams },
  }, async (request, reply) => {
    await removeReportSchedule(database, actorOf(request), request.params.id);
    return reply.code(204).send();
  });
}
