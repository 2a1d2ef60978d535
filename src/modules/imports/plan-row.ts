import { normaliseEmail, normalisePhone, type ImportIdentity } from '../customers/index.js';
import { cleanDate, cleanText, splitList } from './clean-values.js';
import type { ColumnMapping, ValueMaps } from './schema.js';
import type { SourceRow } from './read-source.js';

/**
 * One row of the file cleaned into what it asks for, or why it cannot be: a phone that is no
 * phone, an email that is no email, a number Excel already rounded, a custom value the form engine
 * refuses. Pure apart from `judgeFields` (the customers module's judgement of custom values).
 */
export type RowValues = {
  name: string | null;
  identities: ImportIdentity[];
  organisation: string | null;
  externalId: string | null;
  notes: string | null;
  fields: Record<string, unknown>;
};
export type Rejection = { reason: string; params?: Record<string, string | number> };
export type PlannedRow = { rowNumber: number; cells: string[] } & ({ ok: true; values: RowValues } | ({ ok: false } & Rejection));

/** Judges mapped custom values (stored forms, or the form engine's first issue). */
export type JudgeFields = (input: Record<string, unknown>) => Promise<{ ok: true; values: Record<string, unknown> } | ({ ok: false } & Rejection)>;
export type PlanSettings = { mapping: readonly ColumnMapping[]; valueMaps: ValueMaps; fieldTypes: ReadonlyMap<string, string>; judgeFields: JudgeFields; requireName: boolean };

const dateTypes = new Set(['date']);

export async function planRow(row: SourceRow, settings: PlanSettings): Promise<PlannedRow> {
  const base = { rowNumber: row.rowNumber, cells: row.cells };
  const reject = (reason: string, params?: Record<string, string | number>): PlannedRow => ({ ...base, ok: false, reason, ...(params && { params }) });
  const values: RowValues = { name: null, identities: [], organisation: null, externalId: null, notes: null, fields: {} };
  const seen = new Set<string>();
  for (const { column, header, target } of settings.mapping) {
    if (!target) continue;
    const raw = row.cells[column] ?? '';
    if (raw.trim() === '') continue;
    if (row.lostPrecision?.includes(column)) return reject('imports.reject.precision_lost', { column: header, value: raw });
    const mapped = settings.valueMaps[target]?.[cleanText(raw)] ?? raw;
    if (target === 'phone' || target === 'email') {
      for (const part of splitList(mapped)) {
        const value = target === 'phone' ? normalisePhone(part) : normaliseEmail(part);
        if (!value) return reject(`imports.reject.invalid_${target}`, { column: header, value: part });
        if (!seen.has(`${target}:${value}`)) values.identities.push({ kind: target, value });
        seen.add(`${target}:${value}`);
      }
    } else if (target.startsWith('fields.')) {
      const key = target.slice('fields.'.length);
      const type = settings.fieldTypes.get(key);
      if (type && dateTypes.has(type)) {
        const date = cleanDate(mapped);
        if (!date) return reject('imports.reject.invalid_date', { column: header, value: raw });
        values.fields[key] = date;
      } else {
        values.fields[key] = type === 'multiselect' ? splitList(mapped).map(cleanText) : cleanText(mapped);
      }
    } else if (target === 'name' || target === 'organisation' || target === 'externalId' || target === 'notes') {
      values[target] = target === 'notes' ? mapped.trim() : cleanText(mapped);
    }
  }
  if (Object.keys(values.fields).length) {
    const judged = await settings.judgeFields(values.fields);
    if (!judged.ok) return reject(judged.reason, judged.params);
    values.fields = judged.values;
  }
  if (settings.requireName && !values.name) return reject('imports.reject.name_missing');
  if (!values.name && values.identities.length === 0 && !values.externalId) return reject('imports.reject.empty_row');
  return { ...base, ok: true, values };
}
