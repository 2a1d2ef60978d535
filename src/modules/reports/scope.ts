import { sql, type SQL } from 'drizzle-orm';
import { can, type Actor } from '../auth/index.js';

/**
 * Whose numbers a reader sees, as a condition on facts aliased `f` (or report_tickets): admins
 * (reports.read_all) everything; supervisors their teams'; agents their teams' and their own.
 * Drill-downs then also pass the tickets through the tickets module's own visibility rule.
 */
export function reportScope(actor: Actor, alias = 'f'): SQL {
  if (can(actor, 'reports.read_all')) return sql`true`;
  const a = sql.raw(alias);
  const teams = actor.teamIds.length ? sql`${a}.team_id in (${sql.join(actor.teamIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql`false`;
  if (actor.role === 'agent') return sql`(${teams} or ${a}.agent_id = ${actor.id}::uuid)`;
  return teams;
}

export const groupDimensions = ['team', 'agent', 'channel', 'type', 'category', 'priority'] as const;
export type GroupBy = (typeof groupDimensions)[number] | `field:${string}`;

/** The SQL text of a fact's group under `groupBy` (none: one group ''). */
export function groupExpression(groupBy: GroupBy | undefined, alias = 'f'): SQL {
  const a = sql.raw(alias);
  switch (groupBy) {
    case undefined: return sql`''`;
    case 'team': return sql`coalesce(${a}.team_id::text, '')`;
    case 'agent': return sql`coalesce(${a}.agent_id::text, '')`;
    case 'channel': return sql`coalesce(${a}.channel, '')`;
    case 'type': return sql`coalesce(${a}.type, '')`;
    case 'category': return sql`coalesce(${a}.category_id::text, '')`;
    case 'priority': return sql`coalesce(${a}.priority, '')`;
    default: return sql`coalesce(${a}.fields ->> ${groupBy.slice('field:'.length)}, '')`;
  }
}

/**
 * The group key of a KPI query: its `groupBy`, or with `thenBy` (the report builder's second
 * dimension) both values joined by U+001F (`groupSeparator`), which no team id, channel, type,
 * priority or select option value holds.
 */
export const groupSeparator = '\u001f';
export function groupKeyExpression(q: { groupBy?: GroupBy; thenBy?: GroupBy }, alias = 'f'): SQL {
  if (q.thenBy === undefined) return groupExpression(q.groupBy, alias);
  return sql`(${groupExpression(q.groupBy, alias)} || chr(31) || ${groupExpression(q.thenBy, alias)})`;
}

/**
 * The reader's scope as rollup rows, when rollups can say it exactly: everything (the `all`
 * dimension) or a set of teams (the `team` dimension's values). An agent's "their teams' or their
 * own" spans two dimensions whose rows overlap, so agents read the facts.
 */
export type RollupScope = { kind: 'all' } | { kind: 'teams'; teamIds: readonly string[] };

export function rollupScopeOf(actor: Actor): RollupScope | null {
  if (can(actor, 'reports.read_all')) return { kind: 'all' };
  if (actor.role === 'agent') return null;
  return { kind: 'teams', teamIds: actor.teamIds };
}
