import { z } from 'zod';
import { defineEvent } from '../../jobs/event-definition.js';

/** The reports module's events: its settings (the reporting time zone; a change rebuilds the rollups). */
export const reportSettingsUpdated = defineEvent({
  name: 'report_settings.updated',
  version: 1,
  aggregate: 'report_settings',
  payload: { timeZone: z.object({ from: z.string(), to: z.string() }) },
});

/** An export of a report or a drill-down's ticket list (the audit: who took which numbers or tickets out). */
export const reportExported = defineEvent({
  name: 'report.exported',
  version: 1,
  aggregate: 'report_export',
  payload: {
    report: z.enum(['kpis', 'drill', 'saved']),
    format: z.enum(['csv', 'xlsx']),
    rows: z.number().int(),
    query: z.record(z.string(), z.union([z.string(), z.number()])),
  },
});

/** A saved report (自定义报表) created, changed, shared, pinned, scheduled or deleted: `fields` says what changed. */
export const savedReportChanged = defineEvent({
  name: 'saved_report.changed',
  version: 1,
  aggregate: 'saved_report',
  payload: {
    change: z.enum(['created', 'updated', 'deleted', 'scheduled', 'unscheduled']),
    name: z.string(),
    fields: z.array(z.string()),
  },
});

/** A scheduled report's email went out: to how many recipients, for which due time (the audit of what left the system). */
export const scheduledReportSent = defineEvent({
  name: 'saved_report.sent',
  version: 1,
  aggregate: 'saved_report',
  payload: { dueAt: z.string(), recipients: z.number().int(), rows: z.number().int() },
});
