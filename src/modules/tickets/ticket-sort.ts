import { and, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { Invalid } from '../../app/errors.js';
import { uuidPattern } from './get-ticket.js';
import { tickets } from './schema.js';
import { slaDueAtKey } from './ticket-sla.js';
import { scalarExpression } from './custom-field-filters.js';

/**
 * The orders a ticket list can be read in. Every order ends with the ticket id, so it is total and
 * keyset pagination neither skips nor repeats tickets that tie on the other keys.
 *  - `-updatedAt` (default), `updatedAt`, `-createdAt`, `createdAt`;
 *  - `priority`: most urgent first (ticket_priorities.rank), then most recently updated;
 *    `-priority`: least urgent first, then most recently updated;
 *  - `number`, `-number`: by human number (day, then sequence, which may grow a fifth digit);
 *  - `slaDueAt`: the earliest SLA due time first (tickets without a running target last),
 *    `-slaDueAt`: latest first;
 *  - `fields.<key>`: a filterable single-value custom field's value, then most recently updated
 *    first; `-fields.<key>`: the exact reverse (the order of the field's one index);
 *  - `relevance` (only with `q`): tickets whose subject (or number) matches first, then newest.
 *    A ts_rank over every match cost ~750 ms for a common word at 1M tickets and ordered hardly
 *    better than this.
 */
export const ticketSorts = ['-updatedAt', 'updatedAt', '-createdAt', 'createdAt', 'priority', '-priority', 'number', '-number', 'slaDueAt', '-slaDueAt', 'relevance'] as const;
/** Also `fields.<key>` / `-fields.<key>`: a filterable single-value custom field (see above). */
export type TicketSort = (typeof ticketSorts)[number] | `fields.${string}` | `-fields.${string}`;
export const customSortPattern = /^-?fields\.[a-z][a-z0-9_]{0,62}$/;

/** The custom field a sort orders by, if it is one. */
export function customSortKey(sort: TicketSort): string | undefined {
  return customSortPattern.test(sort) ? sort.replace(/^-?fields\./, '') : undefined;
}
export const defaultTicketSort: TicketSort = '-updatedAt';

type KeyType = 'timestamp' | 'int' | 'real' | 'text' | 'uuid' | 'value';
/**
 * One key of an order: the expression, its direction, and how its cursor value is typed.
 * `defaultNulls`: spelled with PostgreSQL's own NULLS placement (see orderBy).
 */
export type SortKey = { expr: SQL; desc: boolean; type: KeyType; defaultNulls?: true };

const priorityRank = sql`coalesce((select p.rank from ticket_priorities p where p.key = ${tickets.priority}), 2147483647)`;
const key = (expr: SQLWrapper, desc: boolean, type: KeyType): SortKey => ({ expr: sql`${expr}`, desc, type });

/** The keys of `sort`; `subjectHit` is 1 for a ticket whose subject matches the search, else 0. */
export function sortKeys(sort: TicketSort, subjectHit?: SQL): SortKey[] {
  const byId = (desc: boolean) => key(tickets.id, desc, 'uuid');
  const custom = customSortKey(sort);
  if (custom) {
    // The field's index order (custom-field-indexes.ts): equal values newest first; the reverse
    // for `-fields.<key>`, so both walk the one index, one forwards and one backwards.
    const desc = sort.startsWith('-');
    return [{ ...key(scalarExpression(custom), desc, 'value'), defaultNulls: true }, key(tickets.updatedAt, !desc, 'timestamp'), byId(!desc)];
  }
  switch (sort) {
    case '-updatedAt':
    case 'updatedAt':
      return [key(tickets.updatedAt, sort === '-updatedAt', 'timestamp'), byId(sort === '-updatedAt')];
    case '-createdAt':
    case 'createdAt':
      return [key(tickets.createdAt, sort === '-createdAt', 'timestamp'), byId(sort === '-createdAt')];
    case 'priority':
    case '-priority':
      return [key(priorityRank, sort === '-priority', 'int'), key(tickets.updatedAt, true, 'timestamp'), byId(true)];
    case 'number':
    case '-number': {
      const desc = sort === '-number';
      // 20261123-9999 < 20261123-10000: compare the day, then the sequence's length, then the text.
      return [key(sql`left(${tickets.number}, 8) collate "C"`, desc, 'text'), key(sql`length(${tickets.number})`, desc, 'int'), key(sql`${tickets.number} collate "C"`, desc, 'text'), byId(desc)];
    }
    case 'slaDueAt':
    case '-slaDueAt':
      return [key(slaDueAtKey, sort === '-slaDueAt', 'timestamp'), byId(sort === '-slaDueAt')];
    case 'relevance':
      if (!subjectHit) throw new Error('relevance needs a search');
      return [key(subjectHit, true, 'int'), key(tickets.updatedAt, true, 'timestamp'), byId(true)];
    default:
      throw new Error(`unknown sort ${sort}`);
  }
}

/**
 * Every key is NOT NULL, so the NULLS placement changes nothing in the result; it is spelled to
 * match the indexes (drizzle's `.desc()` makes them `DESC NULLS LAST`), without which PostgreSQL
 * sorts every matching ticket instead of reading the index in order. A custom field's index
 * (custom-field-indexes.ts) leads with the value in PostgreSQL's default placement (`ASC NULLS
 * LAST`, backwards `DESC NULLS FIRST`): spelled otherwise, a sort by the field sorted all 1M
 * tickets for every page (2–8 s, BENCHMARKS.md, "Custom fields", 2026-12-07 second pass).
 */
export function orderBy(keys: readonly SortKey[]): SQL[] {
  return keys.map((k) => (k.defaultNulls ? (k.desc ? sql`${k.expr} desc` : sql`${k.expr} asc`) : k.desc ? sql`${k.expr} desc nulls last` : sql`${k.expr} asc nulls first`));
}

/** Each key as text, exactly (timestamps to the microsecond), to put in the next cursor. */
export function keyValues(keys: readonly SortKey[]): SQL<string[]> {
  const asText = (k: SortKey) =>
    k.type === 'timestamp' ? sql`to_char(${k.expr} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` : sql`(${k.expr})::text`;
  return sql<string[]>`array[${sql.join(keys.map(asText), sql`, `)}]::text[]`;
}

const casts: Record<KeyType, SQL> = { timestamp: sql`timestamptz`, int: sql`int`, real: sql`real`, text: sql`text`, uuid: sql`uuid`, value: sql`text` };
const typed = (k: SortKey, value: string) => (k.type === 'text' || k.type === 'value' ? sql`${value}::text collate "C"` : sql`${value}::${casts[k.type]}`);

/** Rows strictly after the cursor's position in this order, as one condition. */
export function afterCursor(keys: readonly SortKey[], values: readonly string[]): SQL {
  const direction = keys[0]!.desc;
  if (keys.every((k) => k.desc === direction)) return rowAfter(keys, values);
  const clauses = keys.map((k, i) =>
    and(...keys.slice(0, i).map((prior, j) => sql`${prior.expr} = ${typed(prior, values[j]!)}`), sql`${k.expr} ${k.desc ? sql`<` : sql`>`} ${typed(k, values[i]!)}`)!,
  );
  return or(...clauses)!;
}

/**
 * The rows after the cursor as the conditions of consecutive reads, each in the sort's order:
 * their rows, concatenated, are the rows after the cursor. One read when every key has one
 * direction (one row comparison, which an index on the same keys serves). Two when only the first
 * key's direction differs from the others' (a custom field: the value ascending, equal values
 * newest first): the rest of the cursor's own first-key value, a row comparison over the other
 * keys, which an index leading with the first key serves from the cursor on; then the values
 * beyond it. Spelled as one condition instead, PostgreSQL could bound only the first key and read
 * every row of the cursor's value before the cursor again (30 000 rows for one page, deep in a
 * value held by many tickets). Other mixed orders: one condition with the clauses spelled out.
 */
export function cursorSteps(keys: readonly SortKey[], values: readonly string[]): SQL[] {
  const [first, ...rest] = keys;
  const restDirection = rest[0]?.desc;
  if (!first || rest.length === 0 || first.desc === restDirection || !rest.every((k) => k.desc === restDirection)) return [afterCursor(keys, values)];
  const value = typed(first, values[0]!);
  return [and(sql`${first.expr} = ${value}`, rowAfter(rest, values.slice(1)))!, sql`${first.expr} ${first.desc ? sql`<` : sql`>`} ${value}`];
}

/** Keys of one direction: one row comparison, which an index on the same keys can serve. */
function rowAfter(keys: readonly SortKey[], values: readonly string[]): SQL {
  return sql`(${sql.join(keys.map((k) => k.expr), sql`, `)}) ${keys[0]!.desc ? sql`<` : sql`>`} (${sql.join(keys.map((k, i) => typed(k, values[i]!)), sql`, `)})`;
}

/** A position in a list: the order it belongs to and the last row's key values. Opaque to clients. */
export type ListCursor = { sort: TicketSort; values: string[] };

export function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify({ s: cursor.sort, k: cursor.values })).toString('base64url');
}

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const validValue: Record<KeyType, (v: string) => boolean> = {
  timestamp: (v) => isoInstant.test(v) && !Number.isNaN(Date.parse(v)),
  int: (v) => /^-?\d{1,10}$/.test(v) && Math.abs(Number(v)) <= 2147483647,
  // ts_rank scores are small non-negative reals.
  real: (v) => /^\d+(\.\d+)?(e-?\d+)?$/i.test(v) && Number(v) < 1e6 && (Number(v) === 0 || Number(v) > 1e-30),
  text: (v) => /^[\d-]{1,40}$/.test(v),
  uuid: (v) => uuidPattern.test(v),
  // A custom field's stored value as text (any text a field holds).
  value: (v) => v.length <= 10_000,
};

/**
 * Cursors come back from clients: anything but what we issued for this same order is a 400 naming
 * `cursor`, never a database error (a cursor of another order would silently restart the walk).
 */
export function decodeCursor(raw: string, sort: TicketSort, keys: readonly SortKey[]): ListCursor {
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as { s?: unknown; k?: unknown };
    const values = parsed.k;
    if (
      parsed.s === sort &&
      Array.isArray(values) &&
      values.length === keys.length &&
      values.every((v, i) => typeof v === 'string' && validValue[keys[i]!.type](v))
    ) {
      return { sort, values: values as string[] };
    }
  } catch {
    /* fall through */
  }
  throw invalidCursor();
}

export function invalidCursor(): Invalid {
  return new Invalid('validation.failed', {}, [{ path: 'cursor', code: 'validation.invalid' }]);
}
