import { isBuiltinFieldType, type FormAudience } from '../../../../src/forms/definition.ts';
import { checkSubmission } from '../../../../src/forms/check-submission.ts';
import { isEmptyValue, type FieldValue, type ParsedValue, type ValueContext } from '../../../../src/forms/field-values.ts';
import type { PreparedForm } from '../../../../src/forms/prepare-form.ts';
import { labelIn } from './field-labels.ts';
import { customFieldOfPath, issueMessage } from './form-issues.ts';

/** The filled-in custom values of a form, without the empty ones (a new ticket need not send them). */
export function filledValues(values: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values ?? {}).filter(([, value]) => !isEmptyValue(value)));
}

/** Only the values that differ from the ticket's, cleared ones as null: what an update sends. */
export function changedValues(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = isEmptyValue(before[key]) ? null : before[key];
    const b = isEmptyValue(after[key]) ? null : after[key];
    if (JSON.stringify(a) !== JSON.stringify(b)) changed[key] = b;
  }
  return changed;
}

/**
 * The server's own check, run in the browser before sending: required-when and option filters are
 * enforced before a round trip, with the server's wording. The server checks again (authoritative).
 */
export function precheck(prepared: PreparedForm, input: Record<string, unknown>, options: { audience: FormAudience; previous?: Record<string, unknown>; language: string; prefix?: readonly string[] }): Array<{ name: string[]; errors: string[] }> {
  const result = checkSubmission(prepared, { input, audience: options.audience, ...(options.previous && { previous: options.previous }), valueContext: { types: deferredTypes(prepared) } });
  if (result.ok) return [];
  const labelOf = (key: string) => labelIn(prepared.fields.get(key)?.label, options.language) || key;
  return result.issues.flatMap((issue) => {
    const key = customFieldOfPath(issue.path);
    return key ? [{ name: [...(options.prefix ?? ['fields']), key], errors: [issueMessage(issue, options.language, labelOf)] }] : [];
  });
}

/**
 * Types a module registered on the server parse their values there (their rows are server code):
 * the browser takes such a value as it is, so the rest of the form (required, rules) is still
 * checked here and the server alone says whether the value is good (400 at `fields.<key>`).
 */
function deferredTypes(prepared: PreparedForm): ValueContext['types'] {
  const deferred = { parse: (raw: unknown): ParsedValue => ({ ok: true, value: asFieldValue(raw) }) };
  return new Map([...prepared.fields.values()].filter((field) => !isBuiltinFieldType(field.type)).map((field) => [field.type, deferred]));
}

function asFieldValue(raw: unknown): FieldValue {
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return raw;
  if (Array.isArray(raw) && raw.every((item): item is string => typeof item === 'string')) return raw;
  return JSON.stringify(raw);
}
