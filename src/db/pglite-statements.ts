import { messages, type PGlite, type QueryOptions, type Results, type Row, type Transaction } from '@electric-sql/pglite';
import { serialize } from 'pg-protocol';

/**
 * The embedded engine's statements, sent the way a PostgreSQL driver sends them (issue 15).
 *
 * PGlite's own `query` makes six separate calls into the WASM engine per statement — Parse,
 * Describe, Bind, Describe, Execute, Sync, each with its own output parsing and file-system
 * bookkeeping — and PostgreSQL parses and plans the SQL anew every time: ~200–450 µs for a
 * one-row select by key on the development VM, ~60 statements per created ticket with its
 * follow-up jobs. This client sends one batch per statement and keeps each SQL text as a named
 * prepared statement of the one embedded session, so PostgreSQL parses and plans it once: the
 * same select then costs ~50 µs (BENCHMARKS.md, "Embedded engine: one batch, prepared statements").
 *
 * Parameters are sent as text the way node-postgres sends them (`parameterText`), not by
 * PGlite's describe-based serialisers: every query already runs on node-postgres in the
 * PostgreSQL test pass, so both engines now receive the same parameter texts.
 *
 * Prepared statements outlive transactions, so:
 * - a statement that failed is forgotten (closed in the next batch), so one that a rollback or
 *   DDL made invalid is parsed afresh on its next use;
 * - "cached plan must not change result type" (a table's columns changed under a statement) is
 *   retried once, re-parsed, when it is not inside a transaction (inside one, PostgreSQL has
 *   already aborted the transaction: the error is the caller's);
 * - at most `statementLimit` texts are kept; the least recently used is closed beyond that
 *   (SQL texts with a variable number of `$n`, such as `in (…)` lists, would otherwise grow the
 *   session's memory without bound).
 */
export type PgliteStatementClient = Transaction & {
  /** What drizzle's session calls to open a transaction: BEGIN/COMMIT by PGlite, statements by this client. */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
};

type FieldInfo = { name: string; dataTypeID: number };
type Prepared = { name: string; fields: FieldInfo[] | null };

export function pgliteStatementClient(pglite: PGlite, { statementLimit = 1000 }: { statementLimit?: number } = {}): PgliteStatementClient {
  const statements = new Map<string, Prepared>(); // in use order: the first is the least recently used
  const toClose: string[] = [];
  let counter = 0;

  /** One statement as one batch; `inTransaction` says which mutex the caller already holds. */
  async function run<T>(text: string, params: readonly unknown[] | undefined, options: QueryOptions | undefined, inTransaction: boolean, retried = false): Promise<Results<T>> {
    const values = (params ?? []).map(parameterText);
    let prepared = statements.get(text);
    const parts: Buffer[] = toClose.splice(0).map((name) => serialize.close({ type: 'S', name }));
    if (prepared) {
      statements.delete(text); // re-inserted below: most recently used last
    } else {
      prepared = { name: `opencsm_${++counter}`, fields: null };
      parts.push(serialize.parse({ name: prepared.name, text, types: options?.paramTypes }), serialize.describe({ type: 'S', name: prepared.name }));
    }
    parts.push(serialize.bind({ statement: prepared.name, values }), serialize.execute({}), serialize.sync());
    let answer: messages.BackendMessage[];
    try {
      answer = await pglite.execProtocolStream(Buffer.concat(parts), { syncToFs: false });
    } catch (error) {
      // Forget it: one that failed after its Parse may be stale (closing a name a failed Parse
      // never created is harmless: PostgreSQL ignores it).
      toClose.push(prepared.name);
      if (!retried && !inTransaction && isChangedResultType(error)) return run(text, params, options, inTransaction, true);
      throw Object.assign(error instanceof Error ? error : new Error(String(error)), { query: text, params });
    }
    statements.set(text, prepared);
    if (statements.size > statementLimit) {
      const [oldestText, oldest] = statements.entries().next().value!;
      statements.delete(oldestText);
      toClose.push(oldest.name);
    }
    return results<T>(answer, prepared, pglite, options);
  }

  const client: PgliteStatementClient = {
    async query<T>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
      await pglite._checkReady();
      const answer = await pglite._runExclusiveTransaction(() => pglite._runExclusiveQuery(() => run<T>(text, params, options, false)));
      await pglite.syncToFs();
      return answer;
    },
    sql: (strings, ...params) => pglite.sql(strings, ...params),
    exec: (text, options) => pglite.exec(text, options),
    rollback: () => Promise.reject(new Error('rollback is only available inside a transaction')),
    listen: (channel, callback) => pglite.listen(channel, callback),
    get closed() {
      return pglite.closed;
    },
    transaction: <T>(work: (tx: Transaction) => Promise<T>) =>
      pglite.transaction(async (tx) =>
        work({
          async query<R>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<R>> {
            if (tx.closed) throw new Error('Transaction is closed');
            return pglite._runExclusiveQuery(() => run<R>(text, params, options, true));
          },
          sql: (strings, ...params) => tx.sql(strings, ...params),
          exec: (text, options) => tx.exec(text, options),
          rollback: () => tx.rollback(),
          listen: (channel, callback) => tx.listen(channel, callback),
          get closed() {
            return tx.closed;
          },
        }),
      ),
  };
  return client;
}

/** Rows (arrays or objects, as asked), fields and the affected-row count of one statement's messages. */
function results<T>(answer: messages.BackendMessage[], prepared: Prepared, pglite: PGlite, options: QueryOptions | undefined): Results<T> {
  let fields = prepared.fields ?? [];
  const rows: Array<Row<T>> = [];
  let affectedRows = 0;
  const parsers = options?.parsers;
  for (const message of answer) {
    if (message instanceof messages.RowDescriptionMessage) {
      fields = message.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID }));
      prepared.fields = fields;
    } else if (message === messages.noData) {
      prepared.fields = [];
    } else if (message instanceof messages.DataRowMessage) {
      const values = message.fields.map((value, i) => {
        if (value === null) return null;
        const type = fields[i]!.dataTypeID;
        const parse = parsers?.[type] ?? pglite.parsers[type];
        return parse ? parse(value, type) : value;
      });
      // The row's type is the caller's claim, as with every driver's `query<T>`.
      rows.push((options?.rowMode === 'array' ? values : Object.fromEntries(fields.map((f, i) => [f.name, values[i]]))) as Row<T>);
    } else if (message instanceof messages.CommandCompleteMessage) {
      const count = Number(message.text.split(' ').at(-1));
      if (Number.isFinite(count)) affectedRows += count;
    }
  }
  return { rows, fields, affectedRows };
}

function isChangedResultType(error: unknown): boolean {
  return error instanceof messages.DatabaseError && error.code === '0A000' && error.message.includes('cached plan must not change result type');
}

/**
 * A parameter as node-postgres sends it (its `prepareValue`): null stays null, bytes go as binary,
 * a date as its ISO instant, an array as a PostgreSQL array literal, any other object as JSON,
 * everything else as its string.
 */
export function parameterText(value: unknown): string | Buffer | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return String(value);
  if (Buffer.isBuffer(value)) return value;
  if (ArrayBuffer.isView(value)) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return arrayLiteral(value);
  return JSON.stringify(value);
}

function arrayLiteral(values: readonly unknown[]): string {
  const items = values.map((item) => {
    if (item === null || item === undefined) return 'NULL';
    if (Array.isArray(item)) return arrayLiteral(item);
    if (ArrayBuffer.isView(item)) return `"\\\\x${Buffer.from(item.buffer, item.byteOffset, item.byteLength).toString('hex')}"`;
    const text = parameterText(item);
    return `"${String(text).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  });
  return `{${items.join(',')}}`;
}
