import { sql } from 'drizzle-orm';
import type { Clock } from '../../app/clock.js';
import { queryRows, type Database } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import type { DueRowSource } from '../../jobs/registry.js';
import { assignmentSystemActor } from './system-actors.js';
import { agentStatusChanged } from './events.js';
import { assignmentAgents, type AgentStatus } from './schema.js';

/**
 * How long the console may stay silent. An open console sends a heartbeat every minute
 * (`POST /api/v1/me/status/heartbeat`) and sets the status itself; a tab closed, a laptop asleep
 * or a session ended (signed out, expired) sends nothing, so:
 * - 在线 or 忙碌 without a heartbeat for `awayAfterMinutes` becomes 离开 (idle);
 * - anything but 离线 without one for `offlineAfterMinutes` becomes 离线 (gone).
 */
export const awayAfterMinutes = 10;
export const offlineAfterMinutes = 30;

/** Due rows: agents whose console went quiet (partial index on `last_seen_at` of agents not offline). */
/** The thresholds are minutes: looking every half minute (of the clock's time) is soon enough and spares the polls between. */
const checkEveryMs = 30_000;

export const idleAgentsSource = (clock: Clock): DueRowSource => {
  let lastCheck = -Infinity;
  return async (context) => {
    const now = clock.now().getTime();
    if (now - lastCheck < checkEveryMs) return 0;
    lastCheck = now;
    return turnIdleAgents(context.database, now);
  };
};

async function turnIdleAgents(database: Database, now: number): Promise<number> {
  const awayBefore = new Date(now - awayAfterMinutes * 60_000).toISOString();
  const offlineBefore = new Date(now - offlineAfterMinutes * 60_000).toISOString();
  return database.transaction(async (tx) => {
    const changed = await queryRows<{ user_id: string; from: AgentStatus; to: AgentStatus }>(tx, sql`
      with due as (
        select user_id, status from ${assignmentAgents}
        where status <> 'offline' and (last_seen_at is null or last_seen_at < ${awayBefore}::timestamptz)
          and (status <> 'away' or last_seen_at is null or last_seen_at < ${offlineBefore}::timestamptz)
        limit 50 for update skip locked)
      update ${assignmentAgents} a set
        status = case when a.last_seen_at is null or a.last_seen_at < ${offlineBefore}::timestamptz then 'offline' else 'away' end,
        status_changed_at = ${new Date(now).toISOString()}::timestamptz
      from due where a.user_id = due.user_id
      returning a.user_id, due.status as "from", a.status as "to"`);
    for (const row of changed) {
      await recordEvent(tx, agentStatusChanged, { aggregateId: row.user_id, cause: 'system', actorId: assignmentSystemActor.id, payload: { from: row.from, to: row.to, reason: row.to === 'offline' ? 'gone' : 'idle' } });
    }
    return changed.length;
  });
}
