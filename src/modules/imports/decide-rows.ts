import { uuidv7 } from 'uuidv7';
import type { ImportIdentity } from '../customers/index.js';
import type { PlannedRow, RowValues } from './plan-row.js';
import type { DedupRule, ImportEntity, RowOutcome } from './schema.js';

/**
 * Dedup (查重): each row against existing records (phone, email, external id; an organisation also
 * by its name) and against the rows before it in the file, then the job's rule decides —
 * `create`: a match is a rejected duplicate; `skip`: left as it is; `update`: the row's values
 * overwrite; `merge`: only empty values are filled, existing ones kept, new identities added.
 * A row matching two different records is rejected (which one it means is a person's call).
 */
export type RecordImage = { name: string; organizationId: string | null; notes: string; fields: Record<string, unknown>; identities: ImportIdentity[] };
export type Target = {
  id: string;
  /** Inserted by this batch. */
  created: boolean;
  image: RecordImage;
  /** An existing record's values before this batch touched it (null for a new one). */
  before: RecordImage | null;
  /** Made by an earlier row of this import (a duplicate in the file, not in the database). */
  byThisImport: boolean;
  externalIds: string[];
};
export type Decision = { rowNumber: number; cells: string[]; outcome: RowOutcome; target?: Target; reason?: string; params?: Record<string, string | number>; firstChange?: boolean };
export type ExistingRecord = { id: string; image: RecordImage };
/** What the database answers, per batch: records by key (`phone:+86…`, `email:…`, `ext:…`, `name:…`), organisations by name, ids this import made. */
export type DedupLookup = {
  records(keys: readonly string[]): Promise<Map<string, ExistingRecord>>;
  organisations(names: readonly string[]): Promise<Map<string, string>>;
  madeByThisImport(ids: readonly string[]): Promise<Set<string>>;
};

export function rowKeys(entity: ImportEntity, values: RowValues): string[] {
  const keys = values.identities.map((i) => `${i.kind}:${i.value}`);
  if (values.externalId) keys.push(`ext:${values.externalId}`);
  if (entity === 'organisations' && values.name) keys.push(`name:${values.name}`);
  return keys;
}

const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** The record's values after a row under `rule` (update overwrites, merge fills what is empty); whether they changed. */
function apply(image: RecordImage, values: RowValues, organizationId: string | null, rule: 'update' | 'merge'): boolean {
  let changed = false;
  const set = <K extends 'name' | 'notes' | 'organizationId'>(key: K, value: RecordImage[K] | null) => {
    if (value === null || value === image[key] || (rule === 'merge' && !isEmpty(image[key]))) return;
    image[key] = value;
    changed = true;
  };
  set('name', values.name);
  set('notes', values.notes);
  set('organizationId', organizationId);
  for (const [key, value] of Object.entries(values.fields)) {
    if (JSON.stringify(image.fields[key]) === JSON.stringify(value) || (rule === 'merge' && !isEmpty(image.fields[key]))) continue;
    image.fields = { ...image.fields, [key]: value };
    changed = true;
  }
  for (const identity of values.identities) {
    if (image.identities.some((i) => i.kind === identity.kind && i.value === identity.value)) continue;
    image.identities = [...image.identities, identity];
    changed = true;
  }
  return changed;
}

const copy = (image: RecordImage): RecordImage => ({ ...image, fields: { ...image.fields }, identities: [...image.identities] });

/**
 * Decide a batch. `memory`: keys → targets of earlier rows; a run starts each batch with an empty
 * one (earlier batches are in the database), a dry run keeps one for the whole file (nothing is written).
 */
export async function decideBatch(entity: ImportEntity, rule: DedupRule, rows: readonly PlannedRow[], lookup: DedupLookup, memory: Map<string, Target>): Promise<Decision[]> {
  const planned = rows.filter((r): r is Extract<PlannedRow, { ok: true }> => r.ok);
  const keysOf = new Map(planned.map((r) => [r.rowNumber, rowKeys(entity, r.values)]));
  const unknown = [...new Set([...keysOf.values()].flat())].filter((key) => !memory.has(key));
  const existing = await lookup.records(unknown);
  const madeHere = await lookup.madeByThisImport([...new Set([...existing.values()].map((r) => r.id))]);
  const organisationIds = entity === 'contacts' ? await lookup.organisations([...new Set(planned.map((r) => r.values.organisation).filter((n): n is string => Boolean(n)))]) : new Map<string, string>();
  const byId = new Map<string, Target>([...memory.values()].map((t) => [t.id, t]));
  const targetOf = (key: string): Target | undefined => {
    const known = memory.get(key);
    if (known) return known;
    const record = existing.get(key);
    if (!record) return undefined;
    const target = byId.get(record.id) ?? { id: record.id, created: false, image: copy(record.image), before: copy(record.image), byThisImport: madeHere.has(record.id), externalIds: [] };
    byId.set(record.id, target);
    return target;
  };
  const remember = (target: Target, keys: readonly string[]) => keys.forEach((key) => memory.set(key, target));

  return rows.map((row): Decision => {
    const base = { rowNumber: row.rowNumber, cells: row.cells };
    if (!row.ok) return { ...base, outcome: 'rejected', reason: row.reason, ...(row.params && { params: row.params }) };
    const { values } = row;
    const organizationId = values.organisation ? (organisationIds.get(values.organisation) ?? null) : null;
    if (values.organisation && !organizationId) return { ...base, outcome: 'rejected', reason: 'imports.reject.unknown_organisation', params: { value: values.organisation } };
    const keys = keysOf.get(row.rowNumber)!;
    const matches = [...new Set(keys.map(targetOf).filter((t): t is Target => Boolean(t)))];
    if (matches.length > 1) return { ...base, outcome: 'rejected', reason: 'imports.reject.ambiguous_match', params: { count: matches.length } };
    const [match] = matches;
    if (!match) {
      const image: RecordImage = { name: values.name ?? '', organizationId, notes: values.notes ?? '', fields: values.fields, identities: values.identities };
      const target: Target = { id: uuidv7(), created: true, image, before: null, byThisImport: true, externalIds: values.externalId ? [values.externalId] : [] };
      remember(target, keys);
      return { ...base, outcome: 'created', target };
    }
    if (rule === 'create') {
      const key = keys.find((k) => targetOf(k) === match)!;
      return { ...base, outcome: 'rejected', reason: match.byThisImport ? 'imports.reject.duplicate_in_file' : 'imports.reject.duplicate_existing', params: { key } };
    }
    if (rule === 'skip') return { ...base, outcome: 'skipped', target: match };
    const hadChanges = match.created || JSON.stringify(match.image) !== JSON.stringify(match.before);
    const changed = apply(match.image, values, organizationId, rule);
    if (values.externalId && !match.externalIds.includes(values.externalId)) match.externalIds.push(values.externalId);
    remember(match, keys);
    if (!changed) return { ...base, outcome: 'skipped', target: match };
    return { ...base, outcome: 'updated', target: match, firstChange: !hadChanges };
  });
}
