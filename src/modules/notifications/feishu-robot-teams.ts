import type { Db } from '../../db/database.js';
import { teamsWithFeishuRobot } from './feishu-robots.js';

/** How long a read of the robots' teams is trusted before the next relay asks again. */
const trustMs = 1000;

/**
 * Which teams have an enabled Feishu robot, cached per app (not a module global) so the relay can
 * judge synchronously whether a team's ticket event needs a job: most desks have no Feishu robot,
 * and a job whose handler returns at once still costs an insert, a pick and a delete. A read older
 * than a second is renewed in the background (one small read at most once a second); until the
 * first read answers, every team's event makes a job and the handler decides. A change through
 * this process refreshes at once; another process's is seen within about a second.
 */
export class FeishuRobotTeams {
  private teams: Set<string> | null = null;
  private readAt = 0;
  private reading: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  wants(teamId: string): boolean {
    if (this.now() - this.readAt > trustMs) void this.refresh();
    return this.teams === null || this.teams.has(teamId);
  }

  refresh(): Promise<void> {
    this.reading ??= teamsWithFeishuRobot(this.db)
      .then((teams) => {
        this.teams = teams;
        this.readAt = this.now();
      })
      // A failed read (database closing) keeps the last answer; the next call tries again.
      .catch(() => undefined)
      .finally(() => {
        this.reading = null;
      });
    return this.reading;
  }
}
