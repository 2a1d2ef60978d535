import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { translate, type Locale } from '../../app/i18n/catalogue.js';
import { actorOf } from '../../app/http/request-context.js';
import type { Database } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import type { Actor } from '../auth/index.js';
import { csvWriter, xlsxWriter, type SpreadsheetWriter } from '../tickets/index.js';
import { drillDown } from './drill.js';
import { reportExported } from './events.js';
import { drillExportColumns, kpiExportColumns } from './export-columns.js';
import { computeKpis } from './kpis.js';
import type { Measure } from './measures.js';
import { checkDrillQuery, checkRange, drillQuery, groupBySchema, rangeQuery } from './query-schemas.js';
import { reportTable } from './report-table.js';
import { runReport } from './run-report.js';
import { getSavedReport } from './saved-reports.js';
import { reportScope, rollupScopeOf } from './scope.js';

const tags = ['reports'];
const format = z.enum(['csv', 'xlsx']).default('xlsx');
const fileDescription = '`format=xlsx` (default) or `csv` (UTF-8 with a byte order mark, so Excel shows Chinese); headers in the reader\'s language; cells a spreadsheet would run as a formula get a leading apostrophe. Recorded as `report.exported`.';

/** 导出 Excel / CSV of the KPIs (one row per group) and of a drill-down's tickets, streamed as written. */
export function registerReportExportRoutes(app: AppServer, { database, config, clock }: AppContext): void {
  const tz = config.OPENCSM_TIMEZONE;

  app.get('/api/v1/reports/kpis/export', {
    config: { permission: 'reports.read' },
    schema: {
      tags, summary: '导出指标 Export KPIs',
      description: `The numbers GET /reports/kpis answers for the same range and \`groupBy\`, one row per group (seconds; rates as fractions). ${fileDescription}`,
      querystring: z.object({ ...rangeQuery, groupBy: groupBySchema.optional(), format }),
    },
  }, async (request, reply) => {
    const q = request.query;
    checkRange(q);
    const actor = actorOf(request);
    const groups = await computeKpis(database.db, { ...q, now: clock.now(), scope: reportScope(actor), rollupScope: rollupScopeOf(actor) }, tz);
    const writer = await writerFor(q.format, request.locale);
    sendFile(reply, writer, 'kpis', translate(request.locale, 'report.export.kpis_file'), clock.now());
    const query = { from: q.from.toISOString(), to: q.to.toISOString(), ...(q.groupBy && { groupBy: q.groupBy }) };
    await streamRows(database, actor, writer, { report: 'kpis', format: q.format, query }, async () => {
      await writer.row(kpiExportColumns.map((c) => translate(request.locale, `report.export.column.${c.key}`)));
      for (const g of groups) await writer.row(kpiExportColumns.map((c) => c.value(g)));
      return groups.length;
    }, request.log);
    return reply;
  });

  app.get('/api/v1/reports/drill/export', {
    config: { permission: 'tickets.export' },
    schema: {
      tags, summary: '导出下钻工单 Export a drill-down\'s tickets',
      description: `The tickets GET /reports/drill lists for the same query (up to \`limit\`, at most 50 000), needing \`tickets.export\` like any ticket list. ${fileDescription}`,
      querystring: drillQuery.extend({ limit: z.coerce.number().int().min(1).max(50_000).default(10_000), format }),
    },
  }, async (request, reply) => {
    const q = request.query;
    checkDrillQuery(q);
    const actor = actorOf(request);
    const result = await drillDown(database.db, actor, { ...q, measure: q.measure as Measure, scope: reportScope(actor) }, tz);
    const writer = await writerFor(q.format, request.locale);
    sendFile(reply, writer, 'tickets', translate(request.locale, 'report.export.drill_file'), clock.now());
    const query: Record<string, string | number> = { from: q.from.toISOString(), to: q.to.toISOString(), measure: q.measure };
    for (const [k, v] of Object.entries({ groupBy: q.groupBy, group: q.group, weekday: q.weekday, hour: q.hour })) if (v !== undefined) query[k] = v;
    await streamRows(database, actor, writer, { report: 'drill', format: q.format, query }, async () => {
      await writer.row(drillExportColumns.map((key) => translate(request.locale, `report.export.column.${key}`)));
      for (const ticket of result.tickets) await writer.row([ticket.number, ticket.subject, ticket.id]);
      return result.tickets.length;
    }, request.log);
    return reply;
  });

  app.get('/api/v1/reports/saved/:id/export', {
    config: { permission: 'reports.read' },
    schema: {
      tags, summary: '导出自定义报表 Export a saved report',
      description: `The rows GET /reports/saved/{id}/result answers (the caller's scope), one column per dimension by name, the value in its unit and what it counts. ${fileDescription}`,
      params: z.object({ id: z.uuid() }),
      querystring: z.object({ format }),
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const report = await getSavedReport(database.db, actor, request.params.id);
    const result = await runReport(database.db, { definition: report.definition, actor, now: clock.now(), defaultTimeZone: tz, locale: request.locale });
    const table = reportTable(report.definition, result, request.locale);
    const writer = await writerFor(request.query.format, request.locale);
    sendFile(reply, writer, 'saved', report.name, clock.now());
    await streamRows(database, actor, writer, { report: 'saved', format: request.query.format, query: { id: report.id } }, async () => {
      await writer.row(table.header);
      for (const row of table.rows) await writer.row(row);
      return table.rows.length;
    }, request.log);
    return reply;
  });

  async function writerFor(kind: 'csv' | 'xlsx', locale: Locale): Promise<SpreadsheetWriter> {
    return kind === 'csv' ? csvWriter(tz) : xlsxWriter(tz, translate(locale, 'report.export.sheet'));
  }
}

type FileReply = { header(key: string, value: string): FileReply; send(body: unknown): unknown };

function sendFile(reply: FileReply, writer: SpreadsheetWriter, ascii: string, localName: string, now: Date): void {
  const stamp = now.toISOString().slice(0, 10);
  void reply.header('content-type', writer.contentType)
    .header('content-disposition', `attachment; filename="report-${ascii}-${stamp}.${writer.extension}"; filename*=UTF-8''${encodeURIComponent(`${localName}-${stamp}.${writer.extension}`)}`)
    .header('cache-control', 'no-store')
    .send(writer.stream);
}

/** Writes the rows, records the export, then ends the file: whoever holds the whole file is on the audit record. */
async function streamRows(database: Database, actor: Actor, writer: SpreadsheetWriter, audit: { report: 'kpis' | 'drill' | 'saved'; format: 'csv' | 'xlsx'; query: Record<string, string | number> }, write: () => Promise<number>, log: { error(o: object, m: string): void }): Promise<void> {
  try {
    const rows = await write();
    await database.transaction((tx) => recordEvent(tx, reportExported, { aggregateId: uuidv7(), cause: 'agent', actorId: actor.id, payload: { ...audit, rows } }));
    await writer.end();
  } catch (error) {
    // The status line is gone: the only honest signal left is a broken download.
    log.error({ err: error }, 'report export failed');
    writer.stream.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}
