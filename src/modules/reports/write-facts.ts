import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/database.js';
import type { Fact, TicketState } from './fold-events.js';
import { reportingTimeZone, rollupRowsOf, upsertRollups } from './rollup-sql.js';

const ts = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Insert facts and add exactly the newly inserted ones to the rollups, in one statement: a fact
 * already stored (a replayed event, a backfill over live data) conflicts on (event_id, measure),
 * is not returned, and so is not counted again.
 */
export async function insertFacts(tx: Tx, facts: readonly Fact[], defaultTimeZone: string): Promise<void> {
  if (facts.length === 0) return;
  const rows = facts.map((f) => sql`(${f.eventId}::bigint, ${f.measure}, ${f.ticketId}::uuid, ${ts(f.occurredAt)}::timestamptz, ${f.value}::float8, ${f.bucket}::int,
    ${f.agentReplies}::int, ${f.nth}::int, ${f.teamId}::uuid, ${f.agentId}::uuid, ${f.channel}::text, ${f.type}::text, ${f.categoryId}::uuid, ${f.priority}::text,
    ${JSON.stringify(f.fields)}::jsonb, ${f.imported}::boolean)`);
  await tx.execute(sql`
    with inserted as (
      insert into report_facts (event_id, measure, ticket_id, occurred_at, value, bucket, agent_replies, nth, team_id, agent_id, channel, type, category_id, priority, fields, imported)
      values ${sql.join(rows, sql`, `)}
      on conflict do nothing
      returning *)
    ${upsertRollups(rollupRowsOf(sql`inserted`, reportingTimeZone(defaultTimeZone)))}`);
}

/** Write the tickets' states after a batch; an older batch finishing late never overwrites a newer state. */
export async function upsertTicketStates(tx: Tx, states: readonly TicketState[]): Promise<void> {
  if (states.length === 0) return;
  const rows = states.map((s) => sql`(${s.ticketId}::uuid, ${ts(s.createdAt)}::timestamptz, ${s.status}, ${s.teamId}::uuid, ${s.agentId}::uuid, ${s.channel}::text, ${s.type}::text,
    ${s.categoryId}::uuid, ${s.priority}::text, ${JSON.stringify(s.fields)}::jsonb, ${ts(s.firstResponseAt)}::timestamptz, ${s.agentReplies}::int, ${s.resolutions}::int, ${s.breached}::boolean, ${s.lastEventId}::bigint)`);
  await tx.execute(sql`
    insert into report_tickets (ticket_id, created_at, status, team_id, agent_id, channel, type, category_id, priority, fields, first_response_at, agent_replies, resolutions, breached, last_event_id)
    values ${sql.join(rows, sql`, `)}
    on conflict (ticket_id) do update set status = excluded.status, team_id = excluded.team_id, agent_id = excluded.agent_id, channel = excluded.channel,
      type = excluded.type, category_id = excluded.category_id, priority = excluded.priority, fields = excluded.fields, first_response_at = excluded.first_response_at,
      agent_replies = excluded.agent_replies, resolutions = excluded.resolutions, breached = excluded.breached, last_event_id = excluded.last_event_id
    where report_tickets.last_event_id < excluded.last_event_id`);
}
