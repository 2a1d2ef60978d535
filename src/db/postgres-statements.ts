import pg from 'pg';

/**
 * PostgreSQL statements prepared once per connection (issue 15): node-postgres sends every query
 * unnamed, so the server parses, analyses and plans each one anew — for a created ticket with its
 * follow-up jobs that was about a third of the database's CPU (BENCHMARKS.md, "Prepared
 * statements"). This client names each SQL text (the same name for the same text in every
 * connection of the pool), so each connection parses it once and PostgreSQL may keep its plan, as
 * JDBC, Npgsql and postgres.js do by default.
 *
 * - At most `limit` texts are named per pool; texts beyond that run unnamed (texts with a variable
 *   number of `$n`, such as `in (…)` lists, would otherwise grow every connection's memory).
 * - A text without parameters runs unnamed: it is planned for its literals anyway.
 * - Behind a transaction-mode pooler without prepared-statement support (PgBouncer before 1.21),
 *   turn it off: `OPENCSM_DB_PREPARE=off` (README, "Configuration").
 */
export function preparingClient(limit = 1000): typeof pg.Client {
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    const known = names.get(text);
    if (known || names.size >= limit) return known;
    const name = `opencsm_${names.size + 1}`;
    names.set(text, name);
    return name;
  };
  return class PreparingClient extends pg.Client {
    // node-postgres declares nine overloads of `query`; this one accepts them all and only adds a
    // name to a parameterised query config that has none.
    override query(config: any, values?: any, callback?: any): any {
      const parameterised = Array.isArray(values) ? values.length > 0 : Array.isArray(config?.values) && config.values.length > 0;
      if (config !== null && typeof config === 'object' && typeof config.text === 'string' && config.name === undefined && typeof config.submit !== 'function' && parameterised) {
        const name = nameOf(config.text);
        if (name) return super.query({ ...config, name }, values, callback);
      }
      return super.query(config, values, callback);
    }
  };
}
