import type { FormAudience, FormIssue } from './definition.js';
import { isEmptyValue, parseFieldValue, type FieldValue, type ValueContext } from './field-values.js';
import { judgeForm, placementFor, sameValue, type FormState } from './judge-form.js';
import type { PreparedForm } from './prepare-form.js';

export type Submission = {
  /** The submitted `fields` object: key → value (null or "" clears). */
  input: Readonly<Record<string, unknown>>;
  /** The record's custom values before this write (update); absent on create. */
  previous?: Readonly<Record<string, unknown>>;
  audience: FormAudience;
  /** Built-in values the rules may test (priority, category …) as they will be after the write. */
  builtinValues?: Readonly<Record<string, unknown>>;
  valueContext?: ValueContext;
  now?: Date;
};

export type SubmissionResult =
  | { ok: true; values: Record<string, FieldValue>; changed: string[]; state: FormState }
  | { ok: false; issues: FormIssue[] };

/**
 * Judges one write of custom field values, the authoritative check every write path runs (API,
 * console, portal, web form, bulk, channels, imports, rules). Issues name `fields.<key>`.
 * - Each submitted key must be a field of the entity; a customer may only fill the portal form.
 * - A value is parsed only when it changes, so a ticket keeps an option deleted since.
 * - Archived fields, read-only fields and fields the caller's role may not write refuse changes.
 * - Required fields (on the form, or by a rule) must have a value when visible. On an update a
 *   field that was already required and empty does not block an unrelated change, but a change
 *   that makes it required (ticking 是否需要现场勘察) or clears it does.
 * - Values of hidden fields are kept, never silently dropped.
 */
export function checkSubmission(prepared: PreparedForm, submission: Submission): SubmissionResult {
  const { input, audience } = submission;
  const previous = submission.previous ?? {};
  const mode = submission.previous ? 'update' : 'create';
  const issues: FormIssue[] = [];
  const placement = placementFor(prepared, audience);
  const changes: Array<[string, FieldValue]> = [];
  const touched = new Set<string>();
  const valueContext = submission.valueContext ? { ...prepared.valueContext, ...submission.valueContext } : (prepared.valueContext ?? {});
  // Every write of custom values passes here: paths are written only for issues.
  for (const key in input) {
    if (!Object.hasOwn(input, key)) continue;
    const raw = input[key];
    const field = prepared.fields.get(key);
    if (!field || (audience.kind === 'customer' && !placement.has(key))) {
      issues.push({ path: pathOf(key), code: 'form.unknown_field', params: { field: key } });
      continue;
    }
    if (sameValue(previous[key], raw)) continue;
    const parsed = parseFieldValue(field, raw, valueContext);
    if (!parsed.ok) {
      issues.push({ path: pathOf(key), code: parsed.code, ...(parsed.params && { params: parsed.params }) });
      continue;
    }
    if (sameValue(previous[key], parsed.value)) continue;
    if (field.archived) issues.push({ path: pathOf(key), code: 'form.field_archived', params: { field: key } });
    else if (audience.kind === 'staff' && field.writeRoles.length > 0 && !field.writeRoles.includes(audience.role)) issues.push({ path: pathOf(key), code: 'form.not_writable', params: { field: key } });
    changes.push([key, parsed.value as FieldValue]);
    touched.add(key);
  }
  if (issues.length) return { ok: false, issues };
  // Objects built from entries (or spread), not key by key: an object given 30 keys one keyed store
  // at a time turns into a hash table (V8's dictionary mode), which every later read, loop, the
  // three JSON copies of the values (row, timeline entry, event) and the answer then pay for.
  const next: Record<string, unknown> = changes.length ? { ...previous, ...Object.fromEntries(changes) } : previous;

  const state = judgeForm(prepared, next, { audience, mode, ...(submission.builtinValues && { builtinValues: submission.builtinValues }), ...(submission.now && { now: submission.now }) });
  const before = mode === 'update' ? judgeForm(prepared, previous, { audience, mode, ...(submission.builtinValues && { builtinValues: submission.builtinValues }) }) : null;
  state.fields.forEach((fieldState, key) => {
    const value = state.values[key];
    if (touched.has(key) && fieldState.readOnly) issues.push({ path: pathOf(key), code: 'form.read_only', params: { field: key } });
    if (fieldState.options && !isEmptyValue(value) && (touched.has(key) || mode === 'create')) {
      const values = Array.isArray(value) ? value : [value];
      const refused = values.find((v) => !fieldState.options!.includes(String(v)));
      if (refused !== undefined) issues.push({ path: pathOf(key), code: 'form.option_not_allowed', params: { value: String(refused) } });
    }
    if (fieldState.visible && fieldState.required && isMissing(prepared, key, value)) {
      const wasAlreadyMissing = before?.fields.get(key)?.required && before.fields.get(key)?.visible && isMissing(prepared, key, before.values[key]);
      if (!wasAlreadyMissing || touched.has(key)) issues.push({ path: pathOf(key), code: 'form.required', params: { field: key } });
    }
  });
  if (issues.length) return { ok: false, issues };

  const entries: Array<[string, FieldValue]> = [];
  for (const key in next) if (!(key in state.values) && !isEmptyValue(next[key]) && prepared.fields.has(key)) entries.push([key, next[key] as FieldValue]);
  for (const key in state.values) if (!isEmptyValue(state.values[key]) && prepared.fields.has(key)) entries.push([key, state.values[key]!]);
  const values: Record<string, FieldValue> = Object.fromEntries(entries);
  const changed: string[] = [];
  for (const key in values) if (!sameValue(previous[key], values[key])) changed.push(key);
  for (const key in previous) if (!(key in values) && !isEmptyValue(previous[key])) changed.push(key);
  return { ok: true, values, changed, state };
}

const pathOf = (key: string) => `fields.${key}`;

/** A required checkbox must be ticked (a consent, a confirmation); other fields must hold a value. */
function isMissing(prepared: PreparedForm, key: string, value: unknown): boolean {
  if (prepared.fields.get(key)?.type === 'checkbox') return value !== true;
  return isEmptyValue(value);
}
