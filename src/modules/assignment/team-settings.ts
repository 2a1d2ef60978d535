import { eq, sql } from 'drizzle-orm';
import { Invalid, NotFound, PreconditionFailed, type FieldError } from '../../app/errors.js';
import type { Database, Db } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { enqueueJob } from '../../jobs/queue.js';
import { teamExists, type Actor } from '../auth/index.js';
import { listFieldFacts } from '../forms/index.js';
import { listCalendars } from '../sla/index.js';
import { teamAssignmentChanged } from './events.js';
import { assignmentQueue, assignmentTeamSettings, type AssignmentStrategy } from './schema.js';
import { bumpAssignmentRevision, strategyFactsOf } from './strategy-facts.js';
import { sweepTeamJob } from './sweep-team.js';

export type TeamAssignment = { strategy: AssignmentStrategy; skillFields: string[]; reassignAfterMinutes: number | null; calendarId: string | null };
export type TeamAssignmentView = TeamAssignment & { teamId: string; version: number; updatedAt: Date | null; queued: number };

const defaults: TeamAssignment = { strategy: 'off', skillFields: [], reassignAfterMinutes: null, calendarId: null };

/** Built-in ticket fields skills may name (choices, so agents' skills are values of a list). */
const builtinSkillFields = ['priority', 'channel', 'categoryId'];
/** Custom field types whose values are options. */
const optionTypes = new Set(['select', 'multiselect', 'cascader', 'radio']);

export async function getTeamAssignment(db: Db, teamId: string): Promise<TeamAssignmentView> {
  if (!(await teamExists(db, teamId))) throw new NotFound('team.not_found');
  const [row] = await db.select().from(assignmentTeamSettings).where(eq(assignmentTeamSettings.teamId, teamId));
  const [queued] = await db.select({ count: sql<number>`count(*)::int` }).from(assignmentQueue).where(eq(assignmentQueue.teamId, teamId));
  const settings = row ? { strategy: row.strategy, skillFields: row.skillFields, reassignAfterMinutes: row.reassignAfterMinutes, calendarId: row.calendarId } : defaults;
  return { teamId, ...settings, version: row?.version ?? 0, updatedAt: row?.updatedAt ?? null, queued: queued?.count ?? 0 };
}

/**
 * Change a team's assignment settings (`expectedVersion` 0: never saved). The revision bump tells
 * every worker's relay which teams now assign; turning assignment off empties the team's queue
 * (its tickets stay in the team, unassigned, as they would be without this module).
 */
export async function updateTeamAssignment(database: Database, actor: Actor, teamId: string, changes: Partial<TeamAssignment>, expectedVersion?: number): Promise<TeamAssignmentView> {
  if (!(await teamExists(database.db, teamId))) throw new NotFound('team.not_found');
  await checkReferences(database.db, changes);
  await database.transaction(async (tx) => {
    const [current] = await tx.select().from(assignmentTeamSettings).where(eq(assignmentTeamSettings.teamId, teamId)).for('update');
    const version = current?.version ?? 0;
    if (expectedVersion !== undefined && expectedVersion !== version) throw new PreconditionFailed('assignment.settings_version_mismatch', { current: version });
    const next = { ...(current ?? defaults), ...changes };
    const values = { strategy: next.strategy, skillFields: [...new Set(next.skillFields)], reassignAfterMinutes: next.reassignAfterMinutes, calendarId: next.calendarId, updatedAt: new Date(), updatedBy: actor.id };
    await tx.insert(assignmentTeamSettings).values({ teamId, ...values, version: 1 })
      .onConflictDoUpdate({ target: assignmentTeamSettings.teamId, set: { ...values, version: sql`${assignmentTeamSettings.version} + 1` } });
    if (next.strategy === 'off') await tx.delete(assignmentQueue).where(eq(assignmentQueue.teamId, teamId));
    // Turned on: the team's tickets already waiting for someone are decided too (sweep-team.ts).
    else if ((current?.strategy ?? 'off') === 'off') await enqueueJob(tx, { type: sweepTeamJob, payload: { teamId }, dedupeKey: `${sweepTeamJob}:${teamId}` });
    await bumpAssignmentRevision(tx);
    await recordEvent(tx, teamAssignmentChanged, { aggregateId: teamId, cause: 'agent', actorId: actor.id, payload: { changes } });
  });
  // This process's relay sees the change at once; others within a second.
  await strategyFactsOf(database.db).applied(database.db);
  return getTeamAssignment(database.db, teamId);
}

/** Skill fields must be choice fields of tickets (built-in or custom); the calendar must exist. */
async function checkReferences(db: Db, changes: Partial<TeamAssignment>): Promise<void> {
  const errors: FieldError[] = [];
  if (changes.skillFields?.length) {
    const custom = new Map((await listFieldFacts(db, 'ticket')).filter((f) => !f.archived).map((f) => [`fields.${f.key}`, f.type]));
    changes.skillFields.forEach((field, i) => {
      if (builtinSkillFields.includes(field)) return;
      const type = custom.get(field);
      if (type === undefined) errors.push({ path: `skillFields.${i}`, code: 'assignment.skill_field_unknown', params: { field } });
      else if (!optionTypes.has(type)) errors.push({ path: `skillFields.${i}`, code: 'assignment.skill_field_not_choice', params: { field } });
    });
  }
  if (changes.calendarId && !(await listCalendars(db)).some((c) => c.id === changes.calendarId)) errors.push({ path: 'calendarId', code: 'assignment.calendar_not_found' });
  if (errors.length) throw new Invalid('validation.failed', {}, errors);
}
