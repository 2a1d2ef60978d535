import type { Database } from '../../db/database.js';
import { listPriorities } from '../tickets/index.js';

/** A priority's rank (higher: more urgent), read once per batch; an unknown key ranks lowest. */
export async function urgencyOf(database: Database): Promise<(priority: string) => number> {
  const ranks = new Map((await listPriorities(database.db)).map((p) => [p.key, p.rank]));
  return (priority) => ranks.get(priority) ?? 0;
}
