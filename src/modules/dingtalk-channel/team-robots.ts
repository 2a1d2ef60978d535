import { asc, eq } from 'drizzle-orm';
import type { Config } from '../../app/config.js';
import { Invalid, NotFound, PreconditionFailed } from '../../app/errors.js';
import type { Database, Db } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { teamExists, type Actor } from '../auth/index.js';
import { channelSecrets, type AllowanceRobot, type DigestJob } from '../channels/index.js';
import { dingtalkTeamRobotRemoved, dingtalkTeamRobotSet } from './events.js';
import { dingtalkTeamRobots } from './schema.js';

/** A team's custom robot as the API shows it: whether the webhook and a 加签 secret are set, never them. */
export type TeamRobotView = { teamId: string; webhookSet: boolean; signed: boolean; sandbox: boolean; enabled: boolean; version: number; updatedAt: Date };
export type TeamRobot = TeamRobotView & { webhookUrl: string; secret: string | undefined };
export type TeamRobotInput = { webhookUrl?: string; secret?: string | null; sandbox?: boolean; enabled?: boolean };

export const teamRobotDigestJob = 'dingtalk.robot_digest';

const present = (row: typeof dingtalkTeamRobots.$inferSelect): TeamRobotView => ({ teamId: row.teamId, webhookSet: row.webhookUrl !== '', signed: row.secret !== null, sandbox: row.sandbox, enabled: row.enabled, version: row.version, updatedAt: row.updatedAt });

/** The robot in the channel platform's 20-a-minute allowance (key `dingtalk:<team id>`), locked by its row here. */
export function dingtalkRobot(teamId: string): AllowanceRobot {
  return {
    key: `dingtalk:${teamId}`,
    async lock(tx) {
      const [robot] = await tx.select({ enabled: dingtalkTeamRobots.enabled }).from(dingtalkTeamRobots).where(eq(dingtalkTeamRobots.teamId, teamId)).for('update');
      return robot?.enabled ?? false;
    },
  };
}
export const dingtalkDigestJob = (teamId: string): DigestJob => ({ type: teamRobotDigestJob, payload: { teamId } });

export async function listTeamRobots(db: Db): Promise<TeamRobotView[]> {
  return (await db.select().from(dingtalkTeamRobots).orderBy(asc(dingtalkTeamRobots.updatedAt))).map(present);
}

/** The robot with its webhook and secret opened, for the sending job only. */
export async function loadTeamRobot(db: Db, config: Config, teamId: string): Promise<TeamRobot | null> {
  const [row] = await db.select().from(dingtalkTeamRobots).where(eq(dingtalkTeamRobots.teamId, teamId));
  if (!row) return null;
  const box = channelSecrets(config);
  return { ...present(row), webhookUrl: box.open(row.webhookUrl), secret: row.secret ? box.open(row.secret) : undefined };
}

/**
 * Sets a team's robot: its webhook (https://oapi.dingtalk.com/robot/send?access_token=…) and the
 * 加签 secret (`SEC…`), both sealed like channel secrets. A new robot needs its webhook; a change may
 * leave both out to keep them (`secret: null` removes the secret: a robot protected by keywords or
 * IP only). `expectedVersion` (If-Match) guards a change against another admin's.
 */
export async function setTeamRobot(database: Database, config: Config, actor: Actor, teamId: string, input: TeamRobotInput, expectedVersion: number | undefined, now: Date): Promise<TeamRobotView> {
  if (!(await teamExists(database.db, teamId))) throw new NotFound('dingtalk.team_not_found');
  const box = channelSecrets(config);
  const webhook = input.webhookUrl ? box.seal(input.webhookUrl) : undefined;
  const secret = input.secret === null ? null : input.secret ? box.seal(input.secret) : undefined;
  return database.transaction(async (tx) => {
    const [row] = await tx.select().from(dingtalkTeamRobots).where(eq(dingtalkTeamRobots.teamId, teamId)).for('update');
    if (row && expectedVersion !== undefined && row.version !== expectedVersion) throw new PreconditionFailed('dingtalk.robot_version_mismatch', { current: row.version });
    if (!row && !webhook) throw new Invalid('validation.failed', {}, [{ path: 'webhookUrl', code: 'validation.required' }]);
    const values = {
      teamId,
      webhookUrl: webhook ?? row!.webhookUrl,
      secret: secret === undefined ? (row?.secret ?? null) : secret,
      sandbox: input.sandbox ?? row?.sandbox ?? false,
      enabled: input.enabled ?? row?.enabled ?? true,
      version: (row?.version ?? 0) + 1,
      updatedAt: now,
      updatedBy: actor.id,
    };
    const [saved] = await tx.insert(dingtalkTeamRobots).values(values).onConflictDoUpdate({ target: dingtalkTeamRobots.teamId, set: values }).returning();
    await recordEvent(tx, dingtalkTeamRobotSet, { aggregateId: teamId, cause: 'agent', actorId: actor.id, payload: { sandbox: values.sandbox, enabled: values.enabled, webhookChanged: webhook !== undefined, signed: values.secret !== null } });
    return present(saved!);
  });
}

export async function removeTeamRobot(database: Database, actor: Actor, teamId: string): Promise<void> {
  await database.transaction(async (tx) => {
    const removed = await tx.delete(dingtalkTeamRobots).where(eq(dingtalkTeamRobots.teamId, teamId)).returning({ teamId: dingtalkTeamRobots.teamId });
    if (!removed[0]) throw new NotFound('dingtalk.team_not_found');
    await recordEvent(tx, dingtalkTeamRobotRemoved, { aggregateId: teamId, cause: 'agent', actorId: actor.id, payload: {} });
  });
}
