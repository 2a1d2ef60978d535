import { z } from 'zod';
import { defineEvent } from '../../jobs/event-definition.js';

/** The audit trail of full exports: who asked for one, when it was ready, who downloaded it. */
export const dataExportRequested = defineEvent({ name: 'data_export.requested', version: 1, aggregate: 'data_export', payload: {} });
export const dataExportFinished = defineEvent({ name: 'data_export.finished', version: 1, aggregate: 'data_export', payload: { rows: z.number().int(), bytes: z.number().int() } });
export const dataExportDownloaded = defineEvent({ name: 'data_export.downloaded', version: 1, aggregate: 'data_export', payload: {} });
