import type { Db } from '../../db/database.js';
import { listTeams } from '../auth/index.js';
import { DEFAULT_BUSINESS_CALENDAR, listCalendars, type BusinessCalendar } from '../sla/index.js';
import { assignmentTeamSettings } from './schema.js';

/** One team as a decision sees it: its settings, its members and the calendar its shifts follow. */
export type TeamPlan = {
  teamId: string;
  strategy: (typeof assignmentTeamSettings.$inferSelect)['strategy'];
  skillFields: string[];
  reassignAfterMinutes: number | null;
  memberIds: readonly string[];
  calendar: BusinessCalendar;
};

/**
 * What a batch of decisions reads once (settings of every team with some, their members, the
 * calendars): a handful of statements per batch, never per ticket. Settings are read again under
 * the team's row lock when a decision is made; these are for choosing whom to consider.
 */
export class TeamPlans {
  private constructor(private readonly plans: ReadonlyMap<string, TeamPlan>) {}

  static async load(db: Db): Promise<TeamPlans> {
    const settings = await db.select().from(assignmentTeamSettings);
    if (settings.length === 0) return new TeamPlans(new Map());
    const [teams, calendars] = await Promise.all([listTeams(db), listCalendars(db)]);
    const members = new Map(teams.map((team) => [team.id, team.memberIds]));
    const byId = new Map(calendars.map((view) => [view.id, view.calendar]));
    const fallback = calendars.find((view) => view.isDefault)?.calendar ?? DEFAULT_BUSINESS_CALENDAR;
    return new TeamPlans(new Map(settings.filter((row) => members.has(row.teamId)).map((row) => [row.teamId, {
      teamId: row.teamId,
      strategy: row.strategy,
      skillFields: row.skillFields,
      reassignAfterMinutes: row.reassignAfterMinutes,
      memberIds: members.get(row.teamId) ?? [],
      calendar: (row.calendarId && byId.get(row.calendarId)) || fallback,
    }])));
  }

  /** The team's plan when it assigns (a strategy other than off). */
  assigning(teamId: string | null): TeamPlan | undefined {
    const plan = teamId === null ? undefined : this.plans.get(teamId);
    return plan && plan.strategy !== 'off' ? plan : undefined;
  }

  /** The assigning teams `userId` belongs to. */
  teamsOf(userId: string): TeamPlan[] {
    return [...this.plans.values()].filter((plan) => plan.strategy !== 'off' && plan.memberIds.includes(userId));
  }
}
