import { z } from 'zod';
import { defineEvent } from '../../jobs/event-definition.js';

/** The imports module's domain events: the audit trail of who imported what, ran it and undid it. */
const counts = z.object({ created: z.number().int(), updated: z.number().int(), skipped: z.number().int(), rejected: z.number().int() });

export const importCreated = defineEvent({ name: 'import.created', version: 1, aggregate: 'import_job', payload: { entity: z.string(), fileName: z.string(), byteSize: z.number().int() } });
export const importSettingsChanged = defineEvent({ name: 'import.settings_changed', version: 1, aggregate: 'import_job', payload: { settingsVersion: z.number().int(), dedupRule: z.string() } });
export const importStarted = defineEvent({ name: 'import.started', version: 1, aggregate: 'import_job', payload: { settingsVersion: z.number().int() } });
export const importFinished = defineEvent({ name: 'import.finished', version: 1, aggregate: 'import_job', payload: { counts } });
export const importBatchRolledBack = defineEvent({
  name: 'import.batch_rolled_back',
  version: 1,
  aggregate: 'import_job',
  payload: { batchId: z.string(), removed: z.number().int(), restored: z.number().int(), refused: z.number().int() },
});
export const importTemplateSaved = defineEvent({ name: 'import.template_saved', version: 1, aggregate: 'import_template', payload: { name: z.string(), entity: z.string() } });
export const importTemplateDeleted = defineEvent({ name: 'import.template_deleted', version: 1, aggregate: 'import_template', payload: { name: z.string() } });
