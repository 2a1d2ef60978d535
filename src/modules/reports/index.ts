/**
 * 报表 (issue 23): reporting facts from the typed events of tickets, SLA and surveys, hourly and
 * daily rollups per dimension, the KPIs defined once (docs/reports.md), the arrival heatmap,
 * drill-downs to the tickets behind a number, the live dashboard, and 自定义报表 (saved reports,
 * shared, pinned and scheduled by email).
 */
import type { AppModule } from '../../app/context.js';
import { createSystemMailer } from '../../app/system-mailer.js';
import { handleReportEvents, reportEventJob, reportEventReaders } from './report-events.js';
import { registerReportExportRoutes } from './export-routes.js';
import { registerReportRoutes } from './routes.js';
import { registerSavedReportRoutes } from './saved-report-routes.js';
import { dueScheduledReports, scheduledReportJob, sendScheduledReport } from './scheduled-send.js';

export * from './events.js';
export { backfillReports } from './backfill.js';
export { checkRollups, rebuildRollups, type RollupDifference } from './rollups.js';

export const reportsModule: AppModule = {
  name: 'reports',
  registerJobs({ jobs, config, clock, log }) {
    // One batch job over the events reports read; a batch costs a fixed number of statements.
    jobs.subscribeEventBatch(reportEventJob, reportEventReaders, handleReportEvents(config.OPENCSM_TIMEZONE));
    // Scheduled reports: due rows claimed with SKIP LOCKED become one send job per period.
    jobs.pollDueRows('reports.schedules', dueScheduledReports(clock, config.OPENCSM_TIMEZONE));
    jobs.handle(scheduledReportJob, sendScheduledReport(createSystemMailer(config, log.child({ component: 'reports' })), clock, config.OPENCSM_TIMEZONE));
  },
  registerRoutes(app, context) {
    registerReportRoutes(app, context);
    registerReportExportRoutes(app, context);
    registerSavedReportRoutes(app, context);
  },
};
