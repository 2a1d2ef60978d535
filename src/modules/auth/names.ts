import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { teams } from './schema.js';

/**
 * Team names by id, nothing else. For modules that show who a ticket belongs to to roles without
 * `directory.read` (field engineers): they decide which ids the caller may see, this only names them.
 */
export async function getTeamNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: teams.id, name: teams.name }).from(teams).where(sql`${teams.id} in (${sql.join(unique.map((id) => sql`${id}::uuid`), sql`, `)})`);
  return new Map(rows.map((r) => [r.id, r.name]));
}
