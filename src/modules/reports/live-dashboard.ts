import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/database.js';
import { reportingTimeZone } from './rollup-sql.js';

/**
 * 服务经理·实时: today's arrivals (the reporting time zone's today), the open backlog by status, SLA
 * breaches today, and each agent's open load — from report_tickets and today's facts only, so the
 * tiles cost the same at 1M tickets as at 1 000 (indexes: facts by measure and time).
 */
export type LiveDashboard = {
  todayStart: string;
  incomingToday: number;
  backlogByStatus: Record<string, number>;
  breachedToday: number;
  openBreached: number;
  agentLoad: Array<{ agentId: string; open: number }>;
};

export async function liveDashboard(db: Db, scope: (alias: string) => SQL, now: Date, defaultTimeZone: string): Promise<LiveDashboard> {
  const tz = reportingTimeZone(defaultTimeZone);
  const [day] = await queryRows<{ start: string | Date }>(db, sql`select date_trunc('day', ${now.toISOString()}::timestamptz at time zone ${tz}) at time zone ${tz} as start`);
  const start = new Date(day!.start);
  // Independent reads, side by side on PostgreSQL's pool; the open tickets' partial index holds status, agent and breach.
  const [today, backlog, load, [risk]] = await Promise.all([
    queryRows<{ measure: string; n: string }>(db, sql`
      select f.measure, count(*) as n from report_facts f
      where f.measure in ('created', 'sla.breached') and f.occurred_at >= ${start.toISOString()}::timestamptz and f.occurred_at <= ${now.toISOString()}::timestamptz and ${scope('f')}
      group by 1`),
    queryRows<{ status: string; n: string }>(db, sql`
      select t.status, count(*) as n from report_tickets t where t.status in ('new', 'open', 'pending') and ${scope('t')} group by 1`),
    queryRows<{ agent_id: string; n: string }>(db, sql`
      select t.agent_id::text as agent_id, count(*) as n from report_tickets t
      where t.status in ('new', 'open', 'pending') and t.agent_id is not null and ${scope('t')} group by 1 order by 2 desc, 1 limit 50`),
    // Open and already breached (the SLA module keeps warnings as its own view; "at risk" before a breach comes from there next round).
    queryRows<{ n: string }>(db, sql`
      select count(*) as n from report_tickets t where t.status in ('new', 'open', 'pending') and t.breached and ${scope('t')}`),
  ]);
  const backlogByStatus: Record<string, number> = { new: 0, open: 0, pending: 0 };
  for (const r of backlog) backlogByStatus[r.status] = Number(r.n);
  return {
    todayStart: start.toISOString(),
    incomingToday: Number(today.find((r) => r.measure === 'created')?.n ?? 0),
    backlogByStatus,
    breachedToday: Number(today.find((r) => r.measure === 'sla.breached')?.n ?? 0),
    openBreached: Number(risk?.n ?? 0),
    agentLoad: load.map((r) => ({ agentId: r.agent_id, open: Number(r.n) })),
  };
}
