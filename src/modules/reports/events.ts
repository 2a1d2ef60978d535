import { z } from 'zod';
import { defineEvent } from '../../jobs/event-definition.js';

/** The reports module's events: its settings (the reporting time zone; a change rebuilds the rollups). */
export const reportSettingsUpdated = defineEvent({
  name: 'report_settings.updated',
  version: 1,
  aggregate: 'report_settings',
  payload: { timeZone: z.object({ from: z.string(), to: z.string() }) },
});
