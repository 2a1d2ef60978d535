import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/database.js';
import { searchQuery } from '../../search/segment.js';
import type { Actor } from '../auth/index.js';

/**
 * For the search tests (search-count, search-sample): the ticket ids matching `q` (and `where`),
 * newest first, by the function behind `@@` without any index — what every path of a search must
 * answer — and the two readers they search as.
 */
export async function searchTruth(db: Db, q: string, where: SQL = sql`true`): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(db, sql`
    select t.id from tickets t join ticket_search s on s.ticket_id = t.id
    where ts_match_vq(s.document, ${searchQuery(q)}::tsquery) and ${where} order by t.updated_at desc, t.id desc`);
  return rows.map((r) => r.id);
}

export const searchTestAdmin: Actor = { id: '00000000-0000-7000-8000-000000000001', email: 'admin@example.com', name: 'admin', role: 'admin', locale: 'zh-CN', teamIds: [] };
export const searchTestAgent: Actor = { id: '00000000-0000-7000-8000-000000000002', email: 'agent@example.com', name: 'agent', role: 'agent', locale: 'zh-CN', teamIds: [] };
