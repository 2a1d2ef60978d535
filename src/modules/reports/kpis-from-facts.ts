import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/database.js';
import { withinSlaBuckets, type Measure } from './measures.js';
import { groupKeyExpression } from './scope.js';
import { asks, type DurationStats, type KpiGroup, type KpiQuery } from './kpi-types.js';

export type Row = Record<string, unknown> & { g: string };
const num = (v: unknown): number => Number(v ?? 0);
const orNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

/** Facts of `measures` in [from, to) the reader may see, as `f`. */
const inRange = (q: KpiQuery, measures: readonly Measure[]) =>
  sql`f.measure in (${sql.join(measures.map((m) => sql`${m}`), sql`, `)}) and f.occurred_at >= ${q.from.toISOString()}::timestamptz and f.occurred_at < ${q.to.toISOString()}::timestamptz and ${q.scope}`;

async function durationStats(db: Db, q: KpiQuery, prefix: 'first_response' | 'resolution'): Promise<Map<string, { calendar: DurationStats; business: DurationStats }>> {
  const rows = await queryRows<Row & { measure: string; n: string; mean: unknown; median: unknown; p90: unknown }>(db, sql`
    select ${groupKeyExpression(q)} as g, f.measure, count(*) as n, avg(f.value) as mean,
      percentile_cont(0.5) within group (order by f.value) as median, percentile_cont(0.9) within group (order by f.value) as p90
    from report_facts f where ${inRange(q, [`${prefix}.calendar`, `${prefix}.business`])} group by 1, 2`);
  const empty = (): DurationStats => ({ count: 0, mean: null, median: null, p90: null });
  const out = new Map<string, { calendar: DurationStats; business: DurationStats }>();
  for (const r of rows) {
    const entry = out.get(r.g) ?? { calendar: empty(), business: empty() };
    entry[r.measure.endsWith('.business') ? 'business' : 'calendar'] = { count: num(r.n), mean: orNull(r.mean), median: orNull(r.median), p90: orNull(r.p90) };
    out.set(r.g, entry);
  }
  return out;
}

/**
 * The KPIs read straight from the facts: exact percentiles (`percentile_cont`), any scope. The
 * rollup path (kpis.ts) answers the same numbers for whole hours and days; this one serves the
 * scopes rollups cannot express (an agent's) and is what the rollup path is tested against.
 */
export async function computeKpisFromFacts(db: Db, q: KpiQuery): Promise<KpiGroup[]> {
  const g = groupKeyExpression(q);
  const none = <T>(): Promise<T[]> => Promise.resolve([]);
  const counted = countedMeasures(q);
  const countsQuery = counted.length === 0 ? none<Row & { measure: string; n: string; sum: unknown; good: string; bad: string }>() : queryRows<Row & { measure: string; n: string; sum: unknown; good: string; bad: string }>(db, sql`
    select ${g} as g, f.measure, count(*) as n, sum(f.value) as sum,
      count(*) filter (where (f.measure = 'csat.score' and f.value >= 4) or (f.measure = 'nps.score' and f.value >= 9)) as good,
      count(*) filter (where f.measure = 'nps.score' and f.value <= 6) as bad
    from report_facts f where ${inRange(q, counted)} group by 1, 2`);
  // FCR and SLA attainment look at each first resolution in the range: replies before it and a
  // reopen within 7 days after; a breach recorded before it (the resolution's bucket, measures.ts).
  const resolutionsQuery = !asks(q, 'fcr', 'slaAttainment') ? none<Row & { resolved: string; first_contact: string; within_sla: string }>() : queryRows<Row & { resolved: string; first_contact: string; within_sla: string }>(db, sql`
    select ${g} as g, count(*) filter (where f.nth = 1) as resolved,
      count(*) filter (where f.nth = 1 and f.agent_replies <= 1 and not exists (
        select 1 from report_facts r where r.ticket_id = f.ticket_id and r.measure = 'reopened' and r.occurred_at > f.occurred_at and r.occurred_at <= f.occurred_at + interval '7 days')) as first_contact,
      count(*) filter (where f.nth = 1 and f.bucket in (${sql.join(withinSlaBuckets.map((b) => sql`${b}`), sql`, `)})) as within_sla
    from report_facts f where ${inRange(q, ['resolved'])} group by 1`);
  const backlogQuery = asks(q, 'backlog') ? backlogFromFacts(db, q) : none<Row & { n: string }>();
  // Workload: per agent, tickets assigned to them and open now, and their resolutions in the range.
  const workloadQuery = !asks(q, 'workload') ? none<Row & { agent_id: string; open: string; resolved: string }>() : queryRows<Row & { agent_id: string; open: string; resolved: string }>(db, sql`
    select g, agent_id, sum(open)::int as open, sum(resolved)::int as resolved from (
      select ${g} as g, f.agent_id::text as agent_id, 1 as open, 0 as resolved from report_tickets f
      where f.agent_id is not null and f.status in ('new', 'open', 'pending') and ${q.scope}
      union all
      select ${g}, f.agent_id::text, 0, 1 from report_facts f where f.agent_id is not null and ${inRange(q, ['resolved'])}) w
    group by g, agent_id order by g, open desc, agent_id`);
  // Independent reads: on PostgreSQL each takes its own pooled connection, so they run side by side.
  const [counts, resolutions, backlog, workload, firstResponse, resolution] = await Promise.all([
    countsQuery, resolutionsQuery, backlogQuery, workloadQuery,
    asks(q, 'firstResponseTime') ? durationStats(db, q, 'first_response') : Promise.resolve(new Map<string, never>()),
    asks(q, 'resolutionTime') ? durationStats(db, q, 'resolution') : Promise.resolve(new Map<string, never>()),
  ]);

  const groups = new Set<string>([...counts, ...resolutions, ...backlog, ...workload].map((r) => r.g));
  for (const key of [...firstResponse.keys(), ...resolution.keys()]) groups.add(key);
  if (groups.size === 0) groups.add('');
  const emptyDurations = () => ({ calendar: { count: 0, mean: null, median: null, p90: null }, business: { count: 0, mean: null, median: null, p90: null } });
  return [...groups].sort().map((key) => {
    const count = (measure: Measure) => counts.find((r) => r.g === key && r.measure === measure);
    const n = (measure: Measure) => num(count(measure)?.n);
    const res = resolutions.find((r) => r.g === key);
    const csatAnswers = n('csat.score');
    const csatGood = num(count('csat.score')?.good);
    const npsAnswers = n('nps.score');
    const promoters = num(count('nps.score')?.good);
    const detractors = num(count('nps.score')?.bad);
    const firstResolutions = num(res?.resolved);
    return {
      group: key,
      volume: n('created'),
      backlog: num(backlog.find((r) => r.g === key)?.n),
      firstResponseTime: firstResponse.get(key) ?? emptyDurations(),
      resolutionTime: resolution.get(key) ?? emptyDurations(),
      fcr: { resolved: firstResolutions, firstContact: num(res?.first_contact), rate: ratio(num(res?.first_contact), firstResolutions) },
      reopenRate: { resolved: n('resolved'), reopened: n('reopened'), rate: ratio(n('reopened'), n('resolved')) },
      slaAttainment: { resolved: firstResolutions, withinSla: num(res?.within_sla), rate: ratio(num(res?.within_sla), firstResolutions) },
      csat: { answers: csatAnswers, satisfied: csatGood, score: ratio(csatGood, csatAnswers), mean: csatAnswers ? num(count('csat.score')?.sum) / csatAnswers : null, delivered: n('csat.delivered'), responseRate: ratio(csatAnswers, n('csat.delivered')) },
      nps: { answers: npsAnswers, promoters, detractors, score: npsAnswers ? ((promoters - detractors) * 100) / npsAnswers : null, delivered: n('nps.delivered'), responseRate: ratio(npsAnswers, n('nps.delivered')) },
      workload: workload.filter((r) => r.g === key).map((r) => ({ agentId: r.agent_id, open: num(r.open), resolved: num(r.resolved) })),
      percentilesExact: true,
    };
  });
}

/** The count measures the asked KPIs read (all without `only`). */
function countedMeasures(q: KpiQuery): Measure[] {
  return [
    ...(asks(q, 'volume') ? ['created' as const] : []),
    ...(asks(q, 'reopenRate') ? ['resolved' as const, 'reopened' as const] : []),
    ...(asks(q, 'csat') ? ['csat.score' as const, 'csat.delivered' as const] : []),
    ...(asks(q, 'nps') ? ['nps.score' as const, 'nps.delivered' as const] : []),
  ];
}

/**
 * Backlog: tickets open at `to`. A range that ends now or later asks for the tickets open now
 * (report_tickets, one row per ticket, partial index on open statuses); an earlier end replays
 * each ticket's resolutions and reopens before it (as many reopens as resolutions: open).
 */
export function backlogFromFacts(db: Db, q: KpiQuery): Promise<Array<Row & { n: string }>> {
  const g = groupKeyExpression(q);
  const to = sql`${q.to.toISOString()}::timestamptz`;
  if (q.to.getTime() >= q.now.getTime()) {
    return queryRows<Row & { n: string }>(db, sql`
      select ${g} as g, count(*) as n from report_tickets f where f.status in ('new', 'open', 'pending') and ${q.scope} group by 1`);
  }
  return queryRows<Row & { n: string }>(db, sql`
    select ${g} as g, count(*) as n from report_facts f
    where f.measure = 'created' and f.occurred_at < ${to} and ${q.scope}
      and (select count(*) filter (where x.measure = 'resolved') - count(*) filter (where x.measure = 'reopened')
           from report_facts x where x.ticket_id = f.ticket_id and x.measure in ('resolved', 'reopened') and x.occurred_at < ${to}) = 0
    group by 1`);
}
