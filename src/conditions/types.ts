/**
 * The condition language (issue 14 §2): one JSON tree that forms, event rules, time rules, views
 * and reports share. This file and the other pure files here (operators, values, validate,
 * evaluate, messages) import no Node-only code and no database code, so the web console imports
 * them too; only sql-compile.ts and validation-problem.ts are server-side.
 */

/** A stored condition: `{all: [...]}`, `{any: [...]}`, `{not: c}` or a leaf. */
export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | ConditionLeaf;

export type ConditionLeaf = { field: string; op: Operator; value?: unknown };

export const operators = [
  'is',
  'is_not',
  'in',
  'not_in',
  'contains',
  'starts_with',
  'is_empty',
  'is_not_empty',
  'gt',
  'lt',
  'gte',
  'lte',
  'between',
  'changed',
  'changed_from',
  'changed_to',
  'within_business_hours',
] as const;
export type Operator = (typeof operators)[number];

/**
 * Value types a field can have. Ids (user, team, contact, organisation) are UUIDs; `multiselect`
 * without options is an open set of strings (a ticket's tags).
 */
export const fieldTypes = [
  'text',
  'number',
  'money',
  'date',
  'datetime',
  'select',
  'multiselect',
  'boolean',
  'user',
  'team',
  'contact',
  'organisation',
] as const;
export type FieldType = (typeof fieldTypes)[number];

/** Where SQL finds a field's value: a column of the row, or a key of a JSONB column (custom fields). */
export type FieldSqlSource = { column: string } | { jsonColumn: string; key: string };

/**
 * What the condition language needs to know about a field. The field registry implements it for
 * built-in and custom fields; tests describe their own.
 */
export interface FieldDescriptor {
  readonly key: string;
  readonly type: FieldType;
  /** Allowed values of a select or multiselect. Soft-deleted options stay valid in conditions. */
  readonly options?: ReadonlyArray<{ readonly value: string }>;
  /** How the SQL compiler reaches the value; absent for fields that live only in memory (a form's draft). */
  readonly sql?: FieldSqlSource;
}

/** Finds a field by key; the registry's lookup, or `fieldLookup([...])` over a list. */
export type FieldLookup = (key: string) => FieldDescriptor | undefined;

export function fieldLookup(fields: readonly FieldDescriptor[]): FieldLookup {
  const byKey = new Map(fields.map((field) => [field.key, field]));
  return (key) => byKey.get(key);
}

/** A problem in a condition tree, shaped like the API's field errors: `path` into the request body, `code` a catalogue key. */
export type ConditionIssue = { path: string; code: string; params?: Record<string, string | number> };

/** A datetime value as the half-open instant range it stands for: an instant is one millisecond, a date the whole day in the condition's time zone. */
export type InstantRange = { from: number; to: number };
/** A datetime value: fixed instants, or an offset from the moment of judging (`{fromNow: {hours: -24}}`), which time rules need. */
export type Moment = InstantRange | { fromNowMs: number };

/**
 * A leaf after validation: the field resolved, the value normalised for its type (texts as given,
 * money as a decimal string, dates as YYYY-MM-DD, datetimes as instant ranges), and the leaf's
 * path kept for errors found later (e.g. an operator SQL cannot express).
 */
export type CheckedLeaf = {
  kind: 'leaf';
  path: string;
  field: FieldDescriptor;
  op: Operator;
  value: CheckedValue;
};
export type CheckedValue =
  | { kind: 'none' }
  | { kind: 'scalar'; value: string | number | boolean }
  | { kind: 'list'; values: Array<string | number | boolean> }
  | { kind: 'range'; from: string | number; to: string | number }
  | { kind: 'instants'; ranges: Moment[] }
  | { kind: 'calendar'; calendarId: string };

export type CheckedCondition =
  | { kind: 'all'; path: string; items: CheckedCondition[] }
  | { kind: 'any'; path: string; items: CheckedCondition[] }
  | { kind: 'not'; path: string; item: CheckedCondition }
  | CheckedLeaf;
