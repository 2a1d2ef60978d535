import type { Database } from '../../db/database.js';
import { listPriorities } from '../tickets/index.js';

/**
 * A priority's urgency for the queue's order (higher: handed out first), read once per batch.
 * Priorities rank 1 for the most urgent (紧急), so urgency is the rank negated; an unknown key is
 * the least urgent.
 */
export async function urgencyOf(database: Database): Promise<(priority: string) => number> {
  const ranks = new Map((await listPriorities(database.db)).map((p) => [p.key, p.rank]));
  return (priority) => -(ranks.get(priority) ?? 1_000_000);
}
