import { and, eq } from 'drizzle-orm';
import { validateCondition } from '../../conditions/validate.js';
import type { CheckedCondition, FieldLookup } from '../../conditions/types.js';
import type { Db } from '../../db/database.js';
import type { ProcessDefinition } from '../../workflow-model/definition.js';
import type { CheckedConditions } from '../../workflow-model/run.js';
import { processVersions } from './schema.js';

export type LoadedVersion = { definition: ProcessDefinition; conditions: CheckedConditions };

/**
 * A published version with its transitions' conditions checked. Versions never change, so a
 * loaded one is kept per app (keyed by the app's database handle, as forms' registry cache is)
 * and per process and version; only the conditions depend on the fields, which are re-read by
 * the caller's lookup (an option deleted since publishing still validates: deleted options stay).
 */
const cache = new WeakMap<object, Map<string, LoadedVersion>>();

export async function loadVersion(db: Db, cacheKey: object, processId: string, version: number, fields: () => Promise<FieldLookup>): Promise<LoadedVersion> {
  let byVersion = cache.get(cacheKey);
  if (!byVersion) cache.set(cacheKey, (byVersion = new Map()));
  const key = `${processId}:${version}`;
  const hit = byVersion.get(key);
  if (hit) return hit;
  const [row] = await db.select({ definition: processVersions.definition }).from(processVersions).where(and(eq(processVersions.processId, processId), eq(processVersions.version, version)));
  if (!row) throw new Error(`process ${processId} has no version ${version}`);
  const lookup = await fields();
  const conditions = new Map<string, CheckedCondition>();
  for (const t of row.definition.transitions) {
    if (t.condition === undefined) continue;
    const checked = validateCondition(t.condition, lookup, { path: t.id });
    // A field archived since publishing: the condition cannot be judged, and never holds.
    if (checked.ok) conditions.set(t.id, checked.condition);
    else conditions.set(t.id, { kind: 'any', path: t.id, items: [] });
  }
  const loaded = { definition: row.definition, conditions };
  byVersion.set(key, loaded);
  return loaded;
}
