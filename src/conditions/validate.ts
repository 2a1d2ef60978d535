import { z } from 'zod';
import { changeOperators, operatorsFor, valueShape } from './operators.js';
import { operators, type CheckedCondition, type CheckedValue, type ConditionIssue, type FieldDescriptor, type FieldLookup, type Moment, type Operator } from './types.js';
import { compareDecimal, isTimeZone, parseScalar } from './values.js';

export type ValidateOptions = {
  /** Where the tree sits in the request body; issue paths start with it. Default `conditions`. */
  path?: string;
  /** Time zone in which a date given for a datetime field means a whole day. Default Asia/Shanghai. */
  timeZone?: string;
  /** Whether the place the condition is used knows the values before a change (event rules do, forms and views do not). */
  allowChanges?: boolean;
  /** Whether it can ask a business calendar (rules can; SQL cannot). */
  allowBusinessTime?: boolean;
};

export type ValidationResult = { ok: true; condition: CheckedCondition } | { ok: false; issues: ConditionIssue[] };

export const maxDepth = 8;
export const maxLeaves = 200;
export const maxListLength = 500;

/**
 * Checks a condition tree against the fields it names and resolves it for evaluation and SQL.
 * Every problem is reported (not only the first), each with its path into the tree.
 */
export function validateCondition(input: unknown, fields: FieldLookup, options: ValidateOptions = {}): ValidationResult {
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  if (!isTimeZone(timeZone)) throw new RangeError(`unknown time zone ${timeZone}`);
  const state = { issues: [] as ConditionIssue[], leaves: 0, timeZone, options };
  const condition = check(input, options.path ?? 'conditions', 1, fields, state);
  if (state.issues.length || !condition) return { ok: false, issues: state.issues };
  return { ok: true, condition };
}

type State = { issues: ConditionIssue[]; leaves: number; timeZone: string; options: ValidateOptions };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function check(input: unknown, path: string, depth: number, fields: FieldLookup, state: State): CheckedCondition | undefined {
  const issue = (at: string, code: string, params?: Record<string, string | number>) => {
    state.issues.push({ path: at, code, ...(params ? { params } : {}) });
    return undefined;
  };
  if (!isRecord(input)) return issue(path, 'condition.invalid_node');
  if (depth > maxDepth) return issue(path, 'condition.too_deep', { max: maxDepth });
  const keys = Object.keys(input);
  for (const group of ['all', 'any'] as const) {
    if (!(group in input)) continue;
    if (keys.length !== 1) return issue(path, 'condition.invalid_node');
    const items = input[group];
    if (!Array.isArray(items)) return issue(`${path}.${group}`, 'condition.expected_list');
    const checked = items.map((item, index) => check(item, `${path}.${group}.${index}`, depth + 1, fields, state));
    return checked.every((c) => c) ? { kind: group, path, items: checked as CheckedCondition[] } : undefined;
  }
  if ('not' in input) {
    if (keys.length !== 1) return issue(path, 'condition.invalid_node');
    const item = check(input.not, `${path}.not`, depth + 1, fields, state);
    return item && { kind: 'not', path, item };
  }
  return checkLeaf(input, path, fields, state, issue);
}

function checkLeaf(
  input: Record<string, unknown>,
  path: string,
  fields: FieldLookup,
  state: State,
  issue: (at: string, code: string, params?: Record<string, string | number>) => undefined,
): CheckedCondition | undefined {
  if (++state.leaves > maxLeaves) return state.leaves === maxLeaves + 1 ? issue(path, 'condition.too_many', { max: maxLeaves }) : undefined;
  const extra = Object.keys(input).filter((key) => key !== 'field' && key !== 'op' && key !== 'value');
  if (extra.length) return issue(`${path}.${extra[0]}`, 'condition.invalid_node');
  const { field: key, op } = input;
  if (typeof key !== 'string') return issue(`${path}.field`, 'condition.expected_field');
  const field = fields(key);
  if (!field) return issue(`${path}.field`, 'condition.unknown_field', { field: key.slice(0, 100) });
  if (typeof op !== 'string' || !(operators as readonly string[]).includes(op)) return issue(`${path}.op`, 'condition.unknown_operator', { op: String(op).slice(0, 40) });
  const operator = op as Operator;
  if (!operatorsFor(field.type).includes(operator)) return issue(`${path}.op`, 'condition.operator_not_allowed', { op, type: field.type });
  if (changeOperators.includes(operator) && !state.options.allowChanges) return issue(`${path}.op`, 'condition.changes_not_available', { op });
  if (operator === 'within_business_hours' && !state.options.allowBusinessTime) return issue(`${path}.op`, 'condition.business_time_not_available', { op });
  const value = checkValue(field, operator, input.value, 'value' in input, `${path}.value`, state.timeZone, issue);
  return value && { kind: 'leaf', path, field, op: operator, value };
}

function checkValue(
  field: FieldDescriptor,
  op: Operator,
  raw: unknown,
  present: boolean,
  path: string,
  timeZone: string,
  issue: (at: string, code: string, params?: Record<string, string | number>) => undefined,
): CheckedValue | undefined {
  const shape = valueShape(field.type, op);
  if (shape === 'none') return present ? issue(path, 'condition.value_not_allowed', { op }) : { kind: 'none' };
  if (!present || raw === undefined || raw === null) return issue(path, 'condition.value_required', { op });
  const one = (item: unknown, at: string) => {
    const parsed = parseScalar(field, item, timeZone);
    if (!parsed.ok) return issue(at, parsed.code, parsed.params);
    return parsed.value;
  };
  switch (shape) {
    case 'calendar': {
      const calendar = isRecord(raw) && Object.keys(raw).length === 1 ? raw.calendar : undefined;
      if (typeof calendar !== 'string' || !calendar || calendar.length > 100) return issue(path, 'condition.expected_calendar');
      return { kind: 'calendar', calendarId: calendar };
    }
    case 'one': {
      const value = one(raw, path);
      if (value === undefined) return undefined;
      return typeof value === 'object' ? { kind: 'instants', ranges: [value] } : { kind: 'scalar', value };
    }
    case 'list': {
      if (!Array.isArray(raw)) return issue(path, 'condition.expected_list');
      if (!raw.length) return issue(path, 'condition.list_empty');
      if (raw.length > maxListLength) return issue(path, 'condition.list_too_long', { max: maxListLength });
      const values = raw.map((item, index) => one(item, `${path}.${index}`));
      if (values.some((v) => v === undefined)) return undefined;
      return { kind: 'list', values: values as Array<string | number | boolean> };
    }
    case 'pair': {
      if (!Array.isArray(raw) || raw.length !== 2) return issue(path, 'condition.expected_pair');
      const low = one(raw[0], `${path}.0`);
      const high = one(raw[1], `${path}.1`);
      if (low === undefined || high === undefined) return undefined;
      if (typeof low === 'object' && typeof high === 'object') {
        const ranges: Moment[] = [low, high];
        // A fixed bound against a relative one can be in either order depending on when it is judged.
        const reversed = 'fromNowMs' in low ? 'fromNowMs' in high && low.fromNowMs > high.fromNowMs : !('fromNowMs' in high) && low.from > high.from;
        return reversed ? issue(path, 'condition.between_order') : { kind: 'instants', ranges };
      }
      if (typeof low === 'object' || typeof high === 'object' || typeof low === 'boolean' || typeof high === 'boolean') return issue(path, 'condition.expected_pair');
      const order = field.type === 'money' ? compareDecimal(String(low), String(high)) : low < high ? -1 : low > high ? 1 : 0;
      return order > 0 ? issue(path, 'condition.between_order') : { kind: 'range', from: low, to: high };
    }
  }
  return undefined;
}

/**
 * The tree as a zod schema, for route bodies: `conditionSchema(fields)` accepts a condition and
 * yields the checked tree; each problem becomes a zod issue at its path, with a catalogue key as
 * its message (the problem+json mapping turns those into `errors[]` in both languages).
 */
export function conditionSchema(fields: FieldLookup, options: Omit<ValidateOptions, 'path'> = {}) {
  return z.unknown().transform((input, context) => {
    const result = validateCondition(input, fields, { ...options, path: '' });
    if (result.ok) return result.condition;
    for (const problem of result.issues) {
      context.addIssue({ code: 'custom', message: problem.code, path: problem.path.split('.').filter(Boolean).map((part) => (/^\d+$/.test(part) ? Number(part) : part)), params: problem.params });
    }
    return z.NEVER;
  });
}
