/**
 * 报表 (issue 23): reporting facts from the typed events of tickets, SLA and surveys, hourly and
 * daily rollups per dimension, the KPIs defined once (docs/reports.md), the arrival heatmap,
 * drill-downs to the tickets behind a number, and the live dashboard.
 */
import type { AppModule } from '../../app/context.js';
import { handleReportEvents, reportEventJob, reportEventReaders } from './report-events.js';
import { registerReportExportRoutes } from './export-routes.js';
import { registerReportRoutes } from './routes.js';

export * from './events.js';
export { backfillReports } from './backfill.js';
export { checkRollups, rebuildRollups, type RollupDifference } from './rollups.js';

export const reportsModule: AppModule = {
  name: 'reports',
  registerJobs({ jobs, config }) {
    // One batch job over the events reports read; a batch costs a fixed number of statements.
    jobs.subscribeEventBatch(reportEventJob, reportEventReaders, handleReportEvents(config.OPENCSM_TIMEZONE));
  },
  registerRoutes(app, context) {
    registerReportRoutes(app, context);
    registerReportExportRoutes(app, context);
  },
};
