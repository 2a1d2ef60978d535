import type { Database } from '../db/database.js';

/**
 * `database`, but the process kills itself with SIGKILL right after its `commits`-th commit: what a
 * crash between a committed step and the next looks like to whoever restarts (crash-child scripts).
 */
export function killedAfterCommit(database: Database, commits: number): Database {
  let committed = 0;
  return {
    ...database,
    engine: database.engine,
    db: database.db,
    async transaction(work) {
      const result = await database.transaction(work);
      committed += 1;
      if (committed === commits) process.kill(process.pid, 'SIGKILL');
      return result;
    },
  };
}
