import { asc, eq } from 'drizzle-orm';
import type { Config } from '../../app/config.js';
import { Invalid, NotFound, PreconditionFailed } from '../../app/errors.js';
import type { Database, Db } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { teamExists, type Actor } from '../auth/index.js';
import { channelSecrets } from '../channels/index.js';
import { wecomTeamRobotRemoved, wecomTeamRobotSet } from './events.js';
import { wecomTeamRobots } from './schema.js';

/** A team's group robot as the API shows it: whether a key is set, never the key. */
export type TeamRobotView = { teamId: string; keySet: boolean; apiBaseUrl: string; sandbox: boolean; enabled: boolean; version: number; updatedAt: Date };
export type TeamRobot = TeamRobotView & { webhookKey: string };
export type TeamRobotInput = { webhookKey?: string; apiBaseUrl?: string; sandbox?: boolean; enabled?: boolean };

const present = (row: typeof wecomTeamRobots.$inferSelect): TeamRobotView => ({ teamId: row.teamId, keySet: row.webhookKey !== '', apiBaseUrl: row.apiBaseUrl, sandbox: row.sandbox, enabled: row.enabled, version: row.version, updatedAt: row.updatedAt });
export const defaultRobotBaseUrl = 'https://qyapi.weixin.qq.com';

export async function listTeamRobots(db: Db): Promise<TeamRobotView[]> {
  return (await db.select().from(wecomTeamRobots).orderBy(asc(wecomTeamRobots.updatedAt))).map(present);
}

/** The robot with its key opened, for the sending job only. */
export async function loadTeamRobot(db: Db, config: Config, teamId: string): Promise<TeamRobot | null> {
  const [row] = await db.select().from(wecomTeamRobots).where(eq(wecomTeamRobots.teamId, teamId));
  return row ? { ...present(row), webhookKey: channelSecrets(config).open(row.webhookKey) } : null;
}

/**
 * Sets a team's robot (the `key` of its webhook URL, sealed like a channel secret). A new robot
 * needs its key; a change may leave the key out to keep it. `expectedVersion` (If-Match) guards a
 * change against another admin's.
 */
export async function setTeamRobot(database: Database, config: Config, actor: Actor, teamId: string, input: TeamRobotInput, expectedVersion: number | undefined, now: Date): Promise<TeamRobotView> {
  if (!(await teamExists(database.db, teamId))) throw new NotFound('wecom.team_not_found');
  const sealed = input.webhookKey ? channelSecrets(config).seal(input.webhookKey) : undefined;
  return database.transaction(async (tx) => {
    const [row] = await tx.select().from(wecomTeamRobots).where(eq(wecomTeamRobots.teamId, teamId)).for('update');
    if (row && expectedVersion !== undefined && row.version !== expectedVersion) throw new PreconditionFailed('wecom.robot_version_mismatch', { current: row.version });
    if (!row && !sealed) throw new Invalid('validation.failed', {}, [{ path: 'webhookKey', code: 'validation.required' }]);
    const values = {
      teamId,
      webhookKey: sealed ?? row!.webhookKey,
      apiBaseUrl: input.apiBaseUrl ?? row?.apiBaseUrl ?? defaultRobotBaseUrl,
      sandbox: input.sandbox ?? row?.sandbox ?? false,
      enabled: input.enabled ?? row?.enabled ?? true,
      version: (row?.version ?? 0) + 1,
      updatedAt: now,
      updatedBy: actor.id,
    };
    const [saved] = await tx.insert(wecomTeamRobots).values(values).onConflictDoUpdate({ target: wecomTeamRobots.teamId, set: values }).returning();
    await recordEvent(tx, wecomTeamRobotSet, { aggregateId: teamId, cause: 'agent', actorId: actor.id, payload: { sandbox: values.sandbox, enabled: values.enabled, keyChanged: sealed !== undefined } });
    return present(saved!);
  });
}

export async function removeTeamRobot(database: Database, actor: Actor, teamId: string): Promise<void> {
  await database.transaction(async (tx) => {
    const removed = await tx.delete(wecomTeamRobots).where(eq(wecomTeamRobots.teamId, teamId)).returning({ teamId: wecomTeamRobots.teamId });
    if (!removed[0]) throw new NotFound('wecom.team_not_found');
    await recordEvent(tx, wecomTeamRobotRemoved, { aggregateId: teamId, cause: 'agent', actorId: actor.id, payload: {} });
  });
}
