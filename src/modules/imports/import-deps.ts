import type { AppContext } from '../../app/context.js';
import type { FieldTypes } from '../../app/field-types.js';
import type { Database } from '../../db/database.js';
import { judgeImportedFields } from '../customers/index.js';
import { listFieldFacts } from '../forms/index.js';
import type { PlanSettings } from './plan-row.js';
import type { importJobs } from './schema.js';

/**
 * What running an import needs from the app: the database, the field types (custom values), the
 * data folder (its file, and attachments); for tickets the service time zone (times written without
 * an offset) and the attachment size limit (OPENCSM_TIMEZONE, OPENCSM_MAX_ATTACHMENT_MB).
 */
export type ImportDeps = { database: Database; fieldTypes: FieldTypes; dataDir: string; timeZone?: string; maxAttachmentBytes?: number };

/** The app's side of a run (routes, the queued run, the CLI). */
export function importDepsOf(context: Pick<AppContext, 'database' | 'fieldTypes' | 'config'>): ImportDeps {
  const { config } = context;
  return { database: context.database, fieldTypes: context.fieldTypes, dataDir: config.OPENCSM_DATA_DIR, timeZone: config.OPENCSM_TIMEZONE, maxAttachmentBytes: config.OPENCSM_MAX_ATTACHMENT_MB * 1024 * 1024 };
}

type JobSettings = Pick<typeof importJobs.$inferSelect, 'entity' | 'mapping' | 'valueMaps'>;

export async function planSettings(deps: ImportDeps, job: JobSettings): Promise<PlanSettings> {
  const entity = job.entity === 'contacts' ? 'contact' : 'organisation';
  const facts = await listFieldFacts(deps.database.db, entity);
  return {
    mapping: job.mapping,
    valueMaps: job.valueMaps,
    fieldTypes: new Map(facts.map((f) => [f.key, f.type])),
    judgeFields: (input) => judgeImportedFields(deps.database, deps.database.db, entity, input, deps.fieldTypes),
    requireName: job.entity === 'organisations',
  };
}
