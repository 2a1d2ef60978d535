import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/database.js';
import type { TriggerCache } from './trigger-cache.js';

/**
 * Every rule change bumps the one revision row in its own transaction and stores there which
 * triggers an enabled event rule listens to and which anchors an enabled time rule watches now;
 * this process's cache stops trusting what it read.
 */
export async function bumpAutomationRevision(tx: Tx, cache: TriggerCache): Promise<void> {
  const [row] = await queryRows<{ revision: number }>(tx, sql`
    insert into automation_revision (id, revision, triggers, time_anchors)
    values (1, 1, coalesce((select array_agg(distinct t order by t) from automation_rules, unnest(triggers) t where enabled and kind = 'event'), '{}'),
            coalesce((select array_agg(distinct time_trigger->>'anchor' order by time_trigger->>'anchor') from automation_rules where enabled and kind = 'time'), '{}'))
    on conflict (id) do update set revision = automation_revision.revision + 1, triggers = excluded.triggers, time_anchors = excluded.time_anchors
    returning revision`);
  cache.noteBump(row!.revision);
}
