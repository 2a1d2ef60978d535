import type { FieldTypes } from '../../app/field-types.js';
import type { Database } from '../../db/database.js';
import { judgeImportedFields } from '../customers/index.js';
import { listFieldFacts } from '../forms/index.js';
import type { PlanSettings } from './plan-row.js';
import type { importJobs } from './schema.js';

/** What running an import needs from the app: the database, the field types (custom values) and the data folder (its file). */
export type ImportDeps = { database: Database; fieldTypes: FieldTypes; dataDir: string };

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
