import { sql, type SQL } from 'drizzle-orm';
import { Unprocessable } from '../app/errors.js';
import { nonCompilableIssues } from './compilable.js';
import type { CheckedCondition, CheckedLeaf, FieldDescriptor, InstantRange, Moment } from './types.js';
import { foldText, lowerAscii, momentRange, upperAscii } from './values.js';

/** The condition holds operators or fields SQL cannot judge: refused whole, never compiled with parts dropped. */
export class ConditionNotCompilable extends Unprocessable {
  constructor(issues: Array<{ path: string; code: string; params?: Record<string, string | number> }>) {
    super('validation.failed', {}, issues);
  }
}

export type CompileOptions = {
  /** Qualify columns with this table name or alias (`t.status`), for queries that join. */
  table?: string;
  /**
   * The moment values relative to now (`{fromNow: {hours: -24}}`) are measured from. A parameter,
   * not SQL's now(): the caller's clock decides, as it does for evaluate(), so both agree and tests can move it.
   */
  now?: Date;
};

/**
 * Compiles a checked condition to a drizzle SQL boolean, for WHERE clauses. Every leaf becomes a
 * predicate that is never NULL (`x is not null and x = $1`; its negation `not (…)`), so NOT, AND
 * and OR behave in SQL as in the two-valued evaluator: `not (status is 'closed')` keeps tickets
 * without a status, as evaluate() does. Values are always parameters.
 */
export function compileCondition(condition: CheckedCondition, options: CompileOptions = {}): SQL {
  const issues = nonCompilableIssues(condition);
  if (issues.length) throw new ConditionNotCompilable(issues);
  return compile(condition, options);
}

function compile(condition: CheckedCondition, options: CompileOptions): SQL {
  switch (condition.kind) {
    case 'all':
      return condition.items.length ? sql`(${sql.join(condition.items.map((item) => compile(item, options)), sql` and `)})` : sql`true`;
    case 'any':
      return condition.items.length ? sql`(${sql.join(condition.items.map((item) => compile(item, options)), sql` or `)})` : sql`false`;
    case 'not':
      return sql`(not ${compile(condition.item, options)})`;
    case 'leaf':
      return compileLeaf(condition, options);
  }
}

function compileLeaf(leaf: CheckedLeaf, options: CompileOptions): SQL {
  const { field, value } = leaf;
  const x = valueExpression(field, options);
  const present = field.type === 'multiselect' ? isArray(field, x) : sql`${x} is not null`;
  const given = (test: SQL) => sql`(${present} and ${test})`;
  const range = (moment: Moment): InstantRange => {
    const resolved = momentRange(moment, options.now);
    if (!resolved) throw new TypeError(`compileCondition: ${leaf.path} is relative to now; pass options.now`);
    return resolved;
  };
  switch (leaf.op) {
    case 'is_empty':
      return empty(field, x);
    case 'is_not_empty':
      return sql`(not ${empty(field, x)})`;
    case 'is_not':
      return sql`(not ${compileLeaf({ ...leaf, op: 'is' }, options)})`;
    case 'not_in':
      return sql`(not ${compileLeaf({ ...leaf, op: 'in' }, options)})`;
    case 'is':
      if (value.kind === 'instants') return given(inRange(x, range(value.ranges[0]!)));
      if (value.kind !== 'scalar') break;
      return field.type === 'text' ? given(sql`${fold(x)} = ${foldText(String(value.value))}`) : given(sql`${x} = ${literal(field, value.value)}`);
    case 'in':
      if (value.kind !== 'list') break;
      if (field.type === 'multiselect') {
        return isJson(field) ? given(sql`${x} ?| ${textArray(value.values)}`) : given(sql`${x} && ${textArray(value.values)}`);
      }
      if (field.type === 'text') return given(sql`${fold(x)} in (${sql.join(value.values.map((v) => sql`${foldText(String(v))}`), sql`, `)})`);
      return given(sql`${x} in (${sql.join(value.values.map((v) => literal(field, v)), sql`, `)})`);
    case 'contains':
      if (field.type === 'multiselect' && value.kind === 'list') {
        return isJson(field) ? given(sql`${x} @> ${JSON.stringify(value.values.map(String))}::jsonb`) : given(sql`${x} @> ${textArray(value.values)}`);
      }
      if (value.kind !== 'scalar') break;
      // strpos, not LIKE: nothing in the value is a wildcard, and no escaping can go wrong.
      return given(sql`strpos(${fold(x)}, ${foldText(String(value.value))}) > 0`);
    case 'starts_with':
      if (value.kind !== 'scalar') break;
      return given(sql`starts_with(${fold(x)}, ${foldText(String(value.value))})`);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      if (value.kind === 'instants') return given(instantComparison(leaf.op, x, range(value.ranges[0]!)));
      if (value.kind !== 'scalar') break;
      return given(sql`${x} ${sql.raw(comparisonOperators[leaf.op])} ${literal(field, value.value)}`);
    case 'between':
      if (value.kind === 'instants') return given(sql`${x} >= ${instant(range(value.ranges[0]!).from)} and ${x} < ${instant(range(value.ranges[1]!).to)}`);
      if (value.kind !== 'range') break;
      return given(sql`${x} between ${literal(field, value.from)} and ${literal(field, value.to)}`);
  }
  // Unreachable for a validated tree; refuse rather than guess.
  throw new ConditionNotCompilable([{ path: `${leaf.path}.op`, code: 'condition.not_compilable', params: { op: leaf.op } }]);
}

const comparisonOperators = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

/** The value as SQL sees it: a column as it is, a JSONB key cast to the field's SQL type. */
function valueExpression(field: FieldDescriptor, options: CompileOptions): SQL {
  const source = field.sql!;
  const column = (name: string) => (options.table ? sql`${sql.identifier(options.table)}.${sql.identifier(name)}` : sql`${sql.identifier(name)}`);
  if ('column' in source) return column(source.column);
  const json = column(source.jsonColumn);
  if (field.type === 'multiselect') return sql`(${json} -> ${source.key}::text)`;
  const text = sql`(${json} ->> ${source.key}::text)`;
  switch (field.type) {
    case 'number':
    case 'money':
      return sql`(${text})::numeric`;
    case 'date':
      return sql`(${text})::date`;
    case 'datetime':
      return sql`(${text})::timestamptz`;
    case 'boolean':
      return sql`(${text})::boolean`;
    default:
      return text;
  }
}

const isJson = (field: FieldDescriptor) => Boolean(field.sql && 'jsonColumn' in field.sql);

/** A set is present when it is an array; a JSONB `null` or a missing key count as empty, as in memory. */
function isArray(field: FieldDescriptor, x: SQL): SQL {
  return isJson(field) ? sql`(${x} is not null and jsonb_typeof(${x}) = 'array')` : sql`${x} is not null`;
}

function empty(field: FieldDescriptor, x: SQL): SQL {
  switch (field.type) {
    case 'multiselect':
      // CASE, not OR: SQL does not promise to test jsonb_typeof before jsonb_array_length.
      return isJson(field)
        ? sql`coalesce(case when jsonb_typeof(${x}) = 'array' then jsonb_array_length(${x}) = 0 else true end, true)`
        : sql`coalesce(cardinality(${x}) = 0, true)`;
    case 'text':
    case 'select':
      // ::text: a select may be kept in a uuid column (a ticket's category), where '' is no uuid.
      return sql`coalesce(${x}::text = '', true)`;
    case 'user':
    case 'team':
    case 'contact':
    case 'organisation':
      return isJson(field) ? sql`coalesce(${x} = '', true)` : sql`(${x} is null)`;
    default:
      return sql`(${x} is null)`;
  }
}

/**
 * A value compared with a column goes as an untyped parameter, so Postgres gives it the column's
 * type (text, uuid): `category_id = $1` stays an index lookup. Numbers, dates and booleans are
 * cast, since a JSONB key's value is cast to that type too.
 */
function literal(field: FieldDescriptor, value: string | number | boolean): SQL {
  switch (field.type) {
    case 'number':
    case 'money':
      return sql`${String(value)}::numeric`;
    case 'date':
      return sql`${String(value)}::date`;
    case 'boolean':
      return sql`${String(value)}::boolean`;
    default:
      return sql`${String(value)}`;
  }
}

const instant = (ms: number) => sql`${new Date(ms).toISOString()}::timestamptz`;
const inRange = (x: SQL, range: InstantRange) => sql`${x} >= ${instant(range.from)} and ${x} < ${instant(range.to)}`;

function instantComparison(op: 'gt' | 'gte' | 'lt' | 'lte', x: SQL, range: InstantRange): SQL {
  if (op === 'gt') return sql`${x} >= ${instant(range.to)}`;
  if (op === 'gte') return sql`${x} >= ${instant(range.from)}`;
  if (op === 'lt') return sql`${x} < ${instant(range.from)}`;
  return sql`${x} < ${instant(range.to)}`;
}

/** SQL twin of foldText: ASCII letters only, the same on every server locale. */
function fold(x: SQL): SQL {
  return sql`translate(${x}, ${sql.raw(`'${upperAscii}'`)}, ${sql.raw(`'${lowerAscii}'`)})`;
}

/** A text[] built from parameters (drizzle would spread a JavaScript array into a parameter list). */
function textArray(values: ReadonlyArray<string | number | boolean>): SQL {
  return sql`array[${sql.join(values.map((v) => sql`${String(v)}::text`), sql`, `)}]::text[]`;
}
