import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/database.js';
import { readHistograms, total, type Histograms } from './kpi-histograms.js';
import { histogramPercentiles, type Percentiles } from './kpi-percentiles.js';
import { splitRange } from './kpi-spans.js';
import { asks, type DurationStats, type KpiGroup, type KpiQuery } from './kpi-types.js';
import { backlogFromFacts, computeKpisFromFacts, type Row } from './kpis-from-facts.js';
import { firstContactCandidateBuckets, firstResolutionBuckets, withinSlaBuckets, type Measure } from './measures.js';
import { reportingTimeZone } from './rollup-sql.js';
import { groupKeyExpression, type RollupScope } from './scope.js';

export type { DurationStats, KpiGroup, KpiQuery } from './kpi-types.js';

const countMeasures = ['created', 'resolved', 'reopened', 'csat.score', 'csat.delivered', 'nps.score', 'nps.delivered'] as const satisfies readonly Measure[];
const durationMeasures = ['first_response.calendar', 'first_response.business', 'resolution.calendar', 'resolution.business'] as const satisfies readonly Measure[];
const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

/**
 * Every KPI of docs/reports.md. Where the rollups can express the reader's scope and grouping
 * (an admin's any grouping; a supervisor's teams, whole or by team), counts, sums, rates and the
 * percentiles' buckets come from the daily and hourly rollups of the whole days and hours of the
 * range and from the facts of its partial edge hours; otherwise (an agent's scope, a supervisor
 * grouping by something else, two dimensions at once) from the facts (kpis-from-facts.ts). Both
 * give the same numbers.
 */
export async function computeKpis(db: Db, q: KpiQuery, defaultTimeZone: string): Promise<KpiGroup[]> {
  const rollupScope = q.rollupScope;
  if (!rollupScope || q.thenBy !== undefined || (rollupScope.kind === 'teams' && q.groupBy !== undefined && q.groupBy !== 'team')) return computeKpisFromFacts(db, q);
  return computeKpisFromRollups(db, q, rollupScope, defaultTimeZone);
}

async function computeKpisFromRollups(db: Db, q: KpiQuery, rollupScope: RollupScope, defaultTimeZone: string): Promise<KpiGroup[]> {
  const tz = reportingTimeZone(defaultTimeZone);
  const spans = await splitRange(db, q.from, q.to, tz);
  const g = groupKeyExpression(q);
  const from = sql`${q.from.toISOString()}::timestamptz`;
  const to = sql`${q.to.toISOString()}::timestamptz`;
  // FCR's other half: first-contact candidates of the range reopened within 7 days, found from the reopens (few).
  const reopenedQuery = !asks(q, 'fcr') ? Promise.resolve([]) : queryRows<Row & { n: string }>(db, sql`
    select ${g} as g, count(distinct f.event_id) as n from report_facts o
    join report_facts f on f.ticket_id = o.ticket_id and f.measure = 'resolved' and f.bucket in (${sql.join(firstContactCandidateBuckets.map((b) => sql`${b}`), sql`, `)})
      and f.occurred_at >= ${from} and f.occurred_at < ${to} and o.occurred_at > f.occurred_at and o.occurred_at <= f.occurred_at + interval '7 days'
    where o.measure = 'reopened' and o.occurred_at > ${from} and o.occurred_at < ${to}::timestamptz + interval '7 days' and ${q.scope}
    group by 1`);
  const durations = durationMeasures.filter((m) => asks(q, m.startsWith('first_response') ? 'firstResponseTime' : 'resolutionTime'));
  const [h, reopened, backlog, workload] = await Promise.all([
    readHistograms(db, q, rollupScope, spans, [...histogramMeasures(q), ...durations]),
    reopenedQuery,
    asks(q, 'backlog') ? backlogOf(db, q, rollupScope, tz) : new Map<string, number>(),
    asks(q, 'workload') ? workloadOf(db, q, rollupScope, spans) : new Map<string, KpiGroup['workload']>(),
  ]);
  const percentiles = await histogramPercentiles(db, q, h, durations);

  const groups = new Set<string>([...h.keys(), ...backlog.keys(), ...workload.keys()]);
  if (groups.size === 0) groups.add('');
  return [...groups].sort().map((key) => kpiGroup(key, h, percentiles, {
    reopenedCandidates: Number(reopened.find((r) => r.g === key)?.n ?? 0),
    backlog: backlog.get(key) ?? 0,
    workload: workload.get(key) ?? [],
  }));
}

/** The count measures whose histograms the asked KPIs read (every one without `only`). */
function histogramMeasures(q: KpiQuery): Measure[] {
  const wanted: Record<(typeof countMeasures)[number], boolean> = {
    created: asks(q, 'volume'), resolved: asks(q, 'fcr', 'slaAttainment', 'reopenRate'), reopened: asks(q, 'reopenRate'),
    'csat.score': asks(q, 'csat'), 'csat.delivered': asks(q, 'csat'), 'nps.score': asks(q, 'nps'), 'nps.delivered': asks(q, 'nps'),
  };
  return countMeasures.filter((m) => wanted[m]);
}

function kpiGroup(key: string, h: Histograms, percentiles: Map<string, Percentiles>, other: { reopenedCandidates: number; backlog: number; workload: KpiGroup['workload'] }): KpiGroup {
  const n = (measure: Measure, only?: readonly number[]) => total(h, key, measure, only).n;
  let percentilesExact = true;
  const durations = (measure: Measure): DurationStats => {
    const { n: count, s } = total(h, key, measure);
    const p = percentiles.get(`${key}\u0000${measure}`);
    if (p && !p.exact) percentilesExact = false;
    return { count, mean: count ? s / count : null, median: p?.median ?? null, p90: p?.p90 ?? null };
  };
  const firstResolutions = n('resolved', firstResolutionBuckets);
  const firstContact = n('resolved', firstContactCandidateBuckets) - other.reopenedCandidates;
  const withinSla = n('resolved', withinSlaBuckets);
  const csat = total(h, key, 'csat.score');
  const satisfied = n('csat.score', [4, 5]);
  const npsAnswers = n('nps.score');
  const promoters = n('nps.score', [9, 10]);
  const detractors = n('nps.score', [0, 1, 2, 3, 4, 5, 6]);
  const group: Omit<KpiGroup, 'percentilesExact'> = {
    group: key,
    volume: n('created'),
    backlog: other.backlog,
    firstResponseTime: { calendar: durations('first_response.calendar'), business: durations('first_response.business') },
    resolutionTime: { calendar: durations('resolution.calendar'), business: durations('resolution.business') },
    fcr: { resolved: firstResolutions, firstContact, rate: ratio(firstContact, firstResolutions) },
    reopenRate: { resolved: n('resolved'), reopened: n('reopened'), rate: ratio(n('reopened'), n('resolved')) },
    slaAttainment: { resolved: firstResolutions, withinSla, rate: ratio(withinSla, firstResolutions) },
    csat: { answers: csat.n, satisfied, score: ratio(satisfied, csat.n), mean: csat.n ? csat.s / csat.n : null, delivered: n('csat.delivered'), responseRate: ratio(csat.n, n('csat.delivered')) },
    nps: { answers: npsAnswers, promoters, detractors, score: npsAnswers ? ((promoters - detractors) * 100) / npsAnswers : null, delivered: n('nps.delivered'), responseRate: ratio(npsAnswers, n('nps.delivered')) },
    workload: other.workload,
  };
  return { ...group, percentilesExact };
}

/**
 * Tickets open at `to`. Now or later: report_tickets. Earlier, for the whole installation: every
 * arrival before `to` minus resolutions plus reopens before it, from the daily rollups (a ticket's
 * resolutions and reopens alternate, so this is the facts path's replay summed). Earlier for a
 * group or some teams the facts path replays (a ticket moved between groups would otherwise count
 * where it arrived and where it was resolved).
 */
async function backlogOf(db: Db, q: KpiQuery, rollupScope: RollupScope, tz: ReturnType<typeof reportingTimeZone>): Promise<Map<string, number>> {
  if (q.to.getTime() < q.now.getTime() && rollupScope.kind === 'all' && q.groupBy === undefined) {
    const since = { ...q, from: new Date(0) };
    const h = await readHistograms(db, since, rollupScope, await splitRange(db, since.from, q.to, tz), ['created', 'resolved', 'reopened']);
    return new Map([['', total(h, '', 'created').n - total(h, '', 'resolved').n + total(h, '', 'reopened').n]]);
  }
  const rows = await backlogFromFacts(db, q);
  return new Map(rows.map((r) => [r.g, Number(r.n)]));
}

/** Per agent: tickets assigned to them and open now, and their resolutions in the range (rollups for an admin's ungrouped view). */
async function workloadOf(db: Db, q: KpiQuery, rollupScope: RollupScope, spans: Awaited<ReturnType<typeof splitRange>>): Promise<Map<string, KpiGroup['workload']>> {
  const g = groupKeyExpression(q);
  const open = queryRows<Row & { agent_id: string; n: string }>(db, sql`
    select ${g} as g, f.agent_id::text as agent_id, count(*) as n from report_tickets f
    where f.agent_id is not null and f.status in ('new', 'open', 'pending') and ${q.scope} group by 1, 2`);
  const resolved: Promise<Array<{ g: string; agent_id: string; n: number }>> = rollupScope.kind === 'all' && q.groupBy === undefined
    ? readHistograms(db, { ...q, groupBy: 'agent' }, rollupScope, spans, ['resolved']).then((h) =>
      [...h.keys()].filter((agent) => agent !== '').map((agent) => ({ g: '', agent_id: agent, n: total(h, agent, 'resolved').n })))
    : queryRows<{ g: string; agent_id: string; n: number }>(db, sql`
      select ${g} as g, f.agent_id::text as agent_id, count(*)::int as n from report_facts f
      where f.measure = 'resolved' and f.agent_id is not null and f.occurred_at >= ${q.from.toISOString()}::timestamptz and f.occurred_at < ${q.to.toISOString()}::timestamptz and ${q.scope}
      group by 1, 2`);
  const [openRows, resolvedRows] = await Promise.all([open, resolved]);
  const byGroup = new Map<string, Map<string, { agentId: string; open: number; resolved: number }>>();
  const entry = (group: string, agentId: string) => {
    const agents = byGroup.get(group) ?? new Map();
    byGroup.set(group, agents);
    const e = agents.get(agentId) ?? { agentId, open: 0, resolved: 0 };
    agents.set(agentId, e);
    return e;
  };
  for (const r of openRows) entry(r.g, r.agent_id).open += Number(r.n);
  for (const r of resolvedRows) if (Number(r.n) !== 0) entry(r.g, r.agent_id).resolved += Number(r.n);
  // The facts path's order: most open first, then by agent id.
  return new Map([...byGroup].map(([group, agents]) => [group, [...agents.values()].sort((a, b) => b.open - a.open || (a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0))]));
}
