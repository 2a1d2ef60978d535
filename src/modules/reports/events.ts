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
    report: z.enum(['kpis', 'drill']),
    format: z.enum(['csv', 'xlsx']),
    rows: z.number().int(),
    query: z.record(z.string(), z.union([z.string(), z.number()])),
  },
});
