import { asc, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './database.js';

export type KeysetOptions = {
  /** Columns that identify a row, in order (its primary key): the walk's order and its cursor. */
  keys: readonly PgColumn[];
  /** Property names left out of each row (a password hash, a sealed secret). */
  omit?: readonly string[];
  /** Only the rows this condition keeps. */
  where?: SQL;
  pageSize?: number;
};

/**
 * Every row of a table, a page at a time in key order, each page read from where the last one
 * ended (`(keys) > (last row's keys)`, served by the primary key's index): the memory held is one
 * page whatever the table's size, and a row committed meanwhile is read at most once. Rows have
 * drizzle's property names and values (Dates, numbers, JSON).
 */
export async function* keysetRows(db: Db, table: PgTable, options: KeysetOptions): AsyncGenerator<Record<string, unknown>> {
  const omitted = new Set(options.omit ?? []);
  const columns: Record<string, PgColumn> = {};
  for (const [name, column] of Object.entries(getTableColumns(table))) if (!omitted.has(name)) columns[name] = column;
  const keyNames = options.keys.map((key) => {
    const name = Object.keys(columns).find((candidate) => columns[candidate] === key);
    if (!name) throw new Error(`keysetRows: key column ${key.name} is not a selected column of the table`);
    return name;
  });
  const pageSize = options.pageSize ?? 500;
  let last: Record<string, unknown> | undefined;
  for (;;) {
    const after = last
      ? sql`(${sql.join([...options.keys], sql`, `)}) > (${sql.join(
          options.keys.map((key, i) => sql.param(last?.[keyNames[i] ?? ''], key)),
          sql`, `,
        )})`
      : undefined;
    const condition = after && options.where ? sql`${after} and ${options.where}` : (after ?? options.where);
    const page: Array<Record<string, unknown>> = await db
      .select(columns)
      .from(table)
      .where(condition)
      .orderBy(...options.keys.map((key) => asc(key)))
      .limit(pageSize);
    yield* page;
    if (page.length < pageSize) return;
    last = page[page.length - 1];
  }
}
