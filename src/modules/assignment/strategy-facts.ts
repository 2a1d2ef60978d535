import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database.js';
import { assignmentRevision, assignmentTeamSettings } from './schema.js';

/**
 * What the relay needs to decide, without a query, whether a ticket event is any of this module's
 * business: which teams have a strategy, and whether any team reassigns after silence. Kept per
 * app (`strategyFactsOf`), under the `assignment_revision` it was
 * read at; a worker re-reads the revision at most once a second (a due-row source, `refresh`) and
 * the settings only when it moved. A change through this process is applied at once (`applied`).
 *
 * Until the first read the facts are unknown and every event is wanted: a job too many costs a
 * row, a job too few would leave a ticket unassigned.
 */
export class StrategyFacts {
  private teams: ReadonlySet<string> | null = null;
  private reassigning = false;
  private revision = -1;
  private readAt = -Infinity;

  /** Whether tickets of `teamId` may need a decision (true while unknown). */
  hasStrategy(teamId: string | null): boolean {
    if (teamId === null) return false;
    return this.teams === null || this.teams.has(teamId);
  }

  /** Whether any team reassigns silent tickets (true while unknown). */
  anyReassigning(): boolean {
    return this.teams === null || this.reassigning;
  }

  /** Re-read the revision when a second has passed since the last read, and the settings when it moved. */
  async refresh(db: Db, now = performance.now()): Promise<void> {
    if (now - this.readAt < 1000) return;
    this.readAt = now;
    const [row] = await db.select({ revision: assignmentRevision.revision }).from(assignmentRevision);
    const revision = row?.revision ?? 0;
    if (revision === this.revision && this.teams !== null) return;
    await this.load(db, revision);
  }

  /** After a settings change committed through this process: read again now. */
  async applied(db: Db): Promise<void> {
    this.readAt = -Infinity;
    await this.refresh(db);
  }

  private async load(db: Db, revision: number): Promise<void> {
    const rows = await db
      .select({ teamId: assignmentTeamSettings.teamId, reassign: assignmentTeamSettings.reassignAfterMinutes })
      .from(assignmentTeamSettings)
      .where(sql`${assignmentTeamSettings.strategy} <> 'off'`);
    this.teams = new Set(rows.map((r) => r.teamId));
    this.reassigning = rows.some((r) => r.reassign !== null);
    this.revision = revision;
  }
}

/**
 * The facts of the app whose database handle is `db` (like the forms registry cache, keyed by the
 * handle in a WeakMap, so apps booted side by side in one process never share them).
 */
const factsByApp = new WeakMap<object, StrategyFacts>();

export function strategyFactsOf(db: Db): StrategyFacts {
  let facts = factsByApp.get(db);
  if (!facts) factsByApp.set(db, (facts = new StrategyFacts()));
  return facts;
}

/** Every settings change bumps the revision in its own transaction. */
export async function bumpAssignmentRevision(tx: Tx): Promise<void> {
  await tx
    .insert(assignmentRevision)
    .values({ id: 1, revision: 1 })
    .onConflictDoUpdate({ target: assignmentRevision.id, set: { revision: sql`${assignmentRevision.revision} + 1` } });
}
