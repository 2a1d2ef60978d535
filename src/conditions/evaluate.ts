import type { CheckedCondition, CheckedLeaf, FieldDescriptor, InstantRange, Moment } from './types.js';
import { compareDecimal, foldText, momentRange } from './values.js';

export type EvaluationContext = {
  /** The record's values by field key (a ticket, a form's draft). Absent keys are empty. */
  values: Readonly<Record<string, unknown>>;
  /**
   * Values read where `values` has no such key: a form judges its custom values over the record's
   * built-in ones without copying both into one object for every judgement (a 40-key copy was
   * most of the cost of judging a 30-field form).
   */
  underlying?: Readonly<Record<string, unknown>>;
  /** The values before the change being judged; needed by changed / changed_from / changed_to. */
  previous?: Readonly<Record<string, unknown>>;
  /** Is this instant within business hours of that calendar? The SLA module's calendars answer it. */
  businessTime?: (calendarId: string, at: Date) => boolean;
  /** The moment of judging, for values relative to now (`{fromNow: {hours: -24}}`); the caller's clock, so tests can move it. */
  now?: Date;
};

/** A condition could not be judged in this place (no previous values, no calendar): never guessed. */
export class ConditionNotEvaluable extends Error {
  constructor(
    readonly code: string,
    readonly path: string,
  ) {
    super(`${code} at ${path}`);
    this.name = 'ConditionNotEvaluable';
  }
}

/**
 * Judges a checked condition (validateCondition) against one record, in two-valued logic: a leaf
 * on an empty value is false, except for is_empty; `is_not`/`not_in`/`not` are its negations, so
 * an empty status *is not* "closed". sql-compile.ts compiles each leaf to a predicate that is
 * never NULL, which makes SQL agree (a property test holds the two together).
 */
export function evaluate(condition: CheckedCondition, context: EvaluationContext): boolean {
  switch (condition.kind) {
    case 'all':
      return condition.items.every((item) => evaluate(item, context));
    case 'any':
      return condition.items.some((item) => evaluate(item, context));
    case 'not':
      return !evaluate(condition.item, context);
    case 'leaf':
      return evaluateLeaf(condition, context);
  }
}

type Value = string | number | boolean | string[] | null;

function evaluateLeaf(leaf: CheckedLeaf, context: EvaluationContext): boolean {
  const key = leaf.field.key;
  const current = readValue(leaf.field, key in context.values ? context.values[key] : context.underlying?.[key]);
  switch (leaf.op) {
    case 'changed':
    case 'changed_from':
    case 'changed_to': {
      if (!context.previous) throw new ConditionNotEvaluable('condition.changes_not_available', leaf.path);
      const before = readValue(leaf.field, context.previous[leaf.field.key]);
      if (leaf.op === 'changed') return !sameValue(leaf.field, before, current);
      const matchOp = leaf.field.type === 'multiselect' ? 'contains' : 'is';
      const wasMatching = matches({ ...leaf, op: matchOp }, before, context.now);
      const isMatching = matches({ ...leaf, op: matchOp }, current, context.now);
      return leaf.op === 'changed_from' ? wasMatching && !isMatching : isMatching && !wasMatching;
    }
    case 'within_business_hours': {
      if (!context.businessTime) throw new ConditionNotEvaluable('condition.business_time_not_available', leaf.path);
      if (leaf.value.kind !== 'calendar' || typeof current !== 'number') return false;
      return context.businessTime(leaf.value.calendarId, new Date(current));
    }
    default:
      return matches(leaf, current, context.now);
  }
}

function matches(leaf: CheckedLeaf, x: Value, now: Date | undefined): boolean {
  const { field, value } = leaf;
  const range = (moment: Moment): InstantRange => {
    const resolved = momentRange(moment, now);
    if (!resolved) throw new ConditionNotEvaluable('condition.now_required', leaf.path);
    return resolved;
  };
  switch (leaf.op) {
    case 'is_empty':
      return isEmpty(x);
    case 'is_not_empty':
      return !isEmpty(x);
    case 'is_not':
      return !matches({ ...leaf, op: 'is' }, x, now);
    case 'not_in':
      return !matches({ ...leaf, op: 'in' }, x, now);
  }
  if (x === null) return false;
  switch (leaf.op) {
    case 'is':
      if (value.kind === 'instants') return typeof x === 'number' && within(x, range(value.ranges[0]!));
      return value.kind === 'scalar' && equal(field, x, value.value);
    case 'in':
      if (value.kind !== 'list') return false;
      if (Array.isArray(x)) return x.some((item) => value.values.includes(item));
      return value.values.some((v) => equal(field, x, v));
    case 'contains':
      if (Array.isArray(x)) return value.kind === 'list' && value.values.every((v) => x.includes(String(v)));
      return typeof x === 'string' && value.kind === 'scalar' && foldText(x).includes(foldText(String(value.value)));
    case 'starts_with':
      return typeof x === 'string' && value.kind === 'scalar' && foldText(x).startsWith(foldText(String(value.value)));
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      if (value.kind === 'instants') return typeof x === 'number' && compareInstant(leaf.op, x, range(value.ranges[0]!));
      return value.kind === 'scalar' && compareBy(leaf.op, order(field, x, value.value));
    case 'between':
      if (value.kind === 'instants') return typeof x === 'number' && x >= range(value.ranges[0]!).from && x < range(value.ranges[1]!).to;
      return value.kind === 'range' && order(field, x, value.from) >= 0 && order(field, x, value.to) <= 0;
    default:
      return false;
  }
}

const within = (x: number, range: InstantRange) => x >= range.from && x < range.to;

/** An instant against the range a datetime value stands for: "after 3 March" means after the whole day. */
function compareInstant(op: 'gt' | 'gte' | 'lt' | 'lte', x: number, range: InstantRange): boolean {
  if (op === 'gt') return x >= range.to;
  if (op === 'gte') return x >= range.from;
  if (op === 'lt') return x < range.from;
  return x < range.to;
}

function compareBy(op: 'gt' | 'gte' | 'lt' | 'lte', order: number): boolean {
  if (op === 'gt') return order > 0;
  if (op === 'gte') return order >= 0;
  if (op === 'lt') return order < 0;
  return order <= 0;
}

function order(field: FieldDescriptor, x: Value, v: string | number | boolean): number {
  if (field.type === 'money') return compareDecimal(String(x), String(v));
  if (typeof x === 'number' && typeof v === 'number') return Math.sign(x - v);
  const a = String(x);
  const b = String(v);
  return a < b ? -1 : a > b ? 1 : 0;
}

function equal(field: FieldDescriptor, x: Value, v: string | number | boolean): boolean {
  if (field.type === 'text') return typeof x === 'string' && foldText(x) === foldText(String(v));
  if (field.type === 'money') return compareDecimal(String(x), String(v)) === 0;
  return x === v;
}

function isEmpty(x: Value): boolean {
  return x === null || x === '' || (Array.isArray(x) && x.length === 0);
}

/** Identity for `changed`: exact text (a change of case is a change), equal amounts, the same set. */
function sameValue(field: FieldDescriptor, a: Value, b: Value): boolean {
  if (isEmpty(a) || isEmpty(b)) return isEmpty(a) && isEmpty(b);
  if (Array.isArray(a) && Array.isArray(b)) {
    const before = new Set(a);
    const after = new Set(b);
    return before.size === after.size && [...before].every((item) => after.has(item));
  }
  if (field.type === 'money') return compareDecimal(String(a), String(b)) === 0;
  return a === b;
}

/** A record's raw value in the form the comparisons use: datetimes as epoch milliseconds, money as a decimal string. */
function readValue(field: FieldDescriptor, raw: unknown): Value {
  if (raw === undefined || raw === null) return null;
  switch (field.type) {
    case 'datetime': {
      const at = raw instanceof Date ? raw.getTime() : typeof raw === 'string' ? Date.parse(raw) : typeof raw === 'number' ? raw : Number.NaN;
      return Number.isFinite(at) ? at : null;
    }
    case 'money':
      return typeof raw === 'number' || typeof raw === 'string' ? String(raw) : null;
    case 'number':
      return typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : null;
    case 'boolean':
      return typeof raw === 'boolean' ? raw : null;
    case 'multiselect':
      return Array.isArray(raw) ? raw.filter((item): item is string => typeof item === 'string') : null;
    default:
      return typeof raw === 'string' ? raw : null;
  }
}
