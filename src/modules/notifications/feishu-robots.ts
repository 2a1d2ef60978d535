import { asc, eq } from 'drizzle-orm';
import type { Config } from '../../app/config.js';
import { Invalid, NotFound, PreconditionFailed } from '../../app/errors.js';
import type { Database, Db } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { teamExists, type Actor } from '../auth/index.js';
import { channelSecrets, type AllowanceRobot, type DigestJob } from '../channels/index.js';
import { feishuTeamRobotRemoved, feishuTeamRobotSet } from './events.js';
import { feishuTeamRobots } from './schema.js';

/** A team's Feishu robot as the API shows it: whether the webhook and the signing secret are set, never them. */
export type FeishuRobotView = { teamId: string; webhookSet: boolean; signed: boolean; sandbox: boolean; enabled: boolean; version: number; updatedAt: Date };
export type FeishuRobot = FeishuRobotView & { webhookUrl: string; secret: string | undefined };
export type FeishuRobotInput = { webhookUrl?: string; secret?: string | null; sandbox?: boolean; enabled?: boolean };

export const feishuDigestJobType = 'notifications.feishu_digest';

const present = (row: typeof feishuTeamRobots.$inferSelect): FeishuRobotView => ({ teamId: row.teamId, webhookSet: row.webhookUrl !== '', signed: row.secret !== null, sandbox: row.sandbox, enabled: row.enabled, version: row.version, updatedAt: row.updatedAt });

/** The robot in the channel platform's 20-a-minute allowance (key `feishu:<team id>`), locked by its row here. */
export function feishuRobot(teamId: string): AllowanceRobot {
  return {
    key: `feishu:${teamId}`,
    async lock(tx) {
      const [robot] = await tx.select({ enabled: feishuTeamRobots.enabled }).from(feishuTeamRobots).where(eq(feishuTeamRobots.teamId, teamId)).for('update');
      return robot?.enabled ?? false;
    },
  };
}
export const feishuDigestJob = (teamId: string): DigestJob => ({ type: feishuDigestJobType, payload: { teamId } });

export async function listFeishuRobots(db: Db): Promise<FeishuRobotView[]> {
  return (await db.select().from(feishuTeamRobots).orderBy(asc(feishuTeamRobots.updatedAt))).map(present);
}

/** The teams whose robot is enabled (what the relay filter caches). */
export async function teamsWithFeishuRobot(db: Db): Promise<Set<string>> {
  return new Set((await db.select({ teamId: feishuTeamRobots.teamId }).from(feishuTeamRobots).where(eq(feishuTeamRobots.enabled, true))).map((r) => r.teamId));
}

/** The robot with its webhook and secret opened, for the sending job only. */
export async function loadFeishuRobot(db: Db, config: Config, teamId: string): Promise<FeishuRobot | null> {
  const [row] = await db.select().from(feishuTeamRobots).where(eq(feishuTeamRobots.teamId, teamId));
  if (!row) return null;
  const box = channelSecrets(config);
  return { ...present(row), webhookUrl: box.open(row.webhookUrl), secret: row.secret ? box.open(row.secret) : undefined };
}

/**
 * Sets a team's Feishu robot: its webhook (https://open.feishu.cn/open-apis/bot/v2/hook/…) and the
 * 签名校验 secret, both sealed like channel secrets. A new robot needs its webhook; a change may leave
 * both out to keep them (`secret: null` removes it). `expectedVersion` (If-Match) guards against another admin's change.
 */
export async function setFeishuRobot(database: Database, config: Config, actor: Actor, teamId: string, input: FeishuRobotInput, expectedVersion: number | undefined, now: Date): Promise<FeishuRobotView> {
  if (!(await teamExists(database.db, teamId))) throw new NotFound('notifications.feishu.team_not_found');
  const box = channelSecrets(config);
  const webhook = input.webhookUrl ? box.seal(input.webhookUrl) : undefined;
  const secret = input.secret === null ? null : input.secret ? box.seal(input.secret) : undefined;
  return database.transaction(async (tx) => {
    const [row] = await tx.select().from(feishuTeamRobots).where(eq(feishuTeamRobots.teamId, teamId)).for('update');
    if (row && expectedVersion !== undefined && row.version !== expectedVersion) throw new PreconditionFailed('notifications.feishu.robot_version_mismatch', { current: row.version });
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
    const [saved] = await tx.insert(feishuTeamRobots).values(values).onConflictDoUpdate({ target: feishuTeamRobots.teamId, set: values }).returning();
    await recordEvent(tx, feishuTeamRobotSet, { aggregateId: teamId, cause: 'agent', actorId: actor.id, payload: { sandbox: values.sandbox, enabled: values.enabled, webhookChanged: webhook !== undefined, signed: values.secret !== null } });
    return present(saved!);
  });
}

export async function removeFeishuRobot(database: Database, actor: Actor, teamId: string): Promise<void> {
  await database.transaction(async (tx) => {
    const removed = await tx.delete(feishuTeamRobots).where(eq(feishuTeamRobots.teamId, teamId)).returning({ teamId: feishuTeamRobots.teamId });
    if (!removed[0]) throw new NotFound('notifications.feishu.team_not_found');
    await recordEvent(tx, feishuTeamRobotRemoved, { aggregateId: teamId, cause: 'agent', actorId: actor.id, payload: {} });
  });
}
