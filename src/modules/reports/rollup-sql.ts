import { sql, type SQL } from 'drizzle-orm';

/**
 * The one definition of how facts roll up, used by the live path (the facts a batch just inserted),
 * the rebuild (every fact) and the checker (compared with the stored rollups): each fact counts
 * once per grain (its hour and its day in the reporting time zone) and per dimension it has.
 * `source` is a relation with report_facts' columns, `timeZone` an SQL text value.
 */
export function rollupRowsOf(source: SQL, timeZone: SQL): SQL {
  return sql`
    select g.grain, g.bucket_start, d.dimension, d.value, f.measure, f.bucket, count(*)::bigint as count, sum(f.value)::float8 as sum
    from ${source} f
    cross join lateral (values
      ('hour', date_trunc('hour', f.occurred_at at time zone ${timeZone}) at time zone ${timeZone}),
      ('day', date_trunc('day', f.occurred_at at time zone ${timeZone}) at time zone ${timeZone})) g(grain, bucket_start)
    cross join lateral (
      select 'all' as dimension, '' as value
      union all select 'team', f.team_id::text where f.team_id is not null
      union all select 'agent', f.agent_id::text where f.agent_id is not null
      union all select 'channel', f.channel where f.channel is not null
      union all select 'type', f.type where f.type is not null
      union all select 'category', f.category_id::text where f.category_id is not null
      union all select 'priority', f.priority where f.priority is not null
      union all select 'field:' || kv.key, kv.value from jsonb_each_text(f.fields) kv) d
    group by g.grain, g.bucket_start, d.dimension, d.value, f.measure, f.bucket`;
}

/** Adds rows of `rollupRowsOf` to the stored rollups (late and repeated facts never reach here twice: see insertFacts). */
export function upsertRollups(rows: SQL): SQL {
  return sql`
    insert into report_rollups (grain, bucket_start, dimension, value, measure, bucket, count, sum)
    ${rows}
    on conflict (grain, measure, dimension, bucket_start, value, bucket)
    do update set count = report_rollups.count + excluded.count, sum = report_rollups.sum + excluded.sum`;
}

/** The installation's reporting time zone inside a statement (no extra round trip per batch). */
export const reportingTimeZone = (fallback: string): SQL => sql`coalesce((select time_zone from report_settings where id = 1), ${fallback}::text)`;
