import { asc, eq } from 'drizzle-orm';
import type { Config } from '../../app/config.js';
import { Invalid, NotFound, PreconditionFailed } from '../../app/errors.js';
import type { Database, Db } from '../../db/database.js';
import type { EventDefinition } from '../../jobs/event-definition.js';
import { recordEvent } from '../../jobs/events.js';
import { teamExists, type Actor } from '../auth/index.js';
import { channelSecrets } from './channel-secrets.js';
import type { AllowanceRobot, DigestJob } from './robot-allowance.js';
import { signedTeamRobotFacts, signedTeamRobotTable } from './signed-team-robot-table.js';

type RobotTable = ReturnType<typeof signedTeamRobotTable<string>>;

/** A team's robot as the API shows it: whether the webhook and the secret are set, never them. */
export type SignedTeamRobotView = { teamId: string; webhookSet: boolean; signed: boolean; sandbox: boolean; enabled: boolean; version: number; updatedAt: Date };
export type SignedTeamRobot = SignedTeamRobotView & { webhookUrl: string; secret: string | undefined };
export type SignedTeamRobotInput = { webhookUrl?: string; secret?: string | null; sandbox?: boolean; enabled?: boolean };

export type SignedTeamRobotStoreSpec = {
  table: RobotTable;
  /** The allowance key's prefix (`dingtalk`, `feishu`): one 20-a-minute allowance per robot. */
  vendor: string;
  digestJobType: string;
  events: { set: EventDefinition<string, typeof signedTeamRobotFacts>; removed: EventDefinition<string, Record<string, never>> };
  /** Problem codes: the team is unknown, another admin changed the robot first. */
  codes: { teamNotFound: string; versionMismatch: string };
};

/** Each vendor module's store of its teams' robots, over its own table (signed-team-robot-table.ts). */
export function signedTeamRobotStore({ table, vendor, digestJobType, events, codes }: SignedTeamRobotStoreSpec) {
  const present = (row: RobotTable['$inferSelect']): SignedTeamRobotView => ({ teamId: row.teamId, webhookSet: row.webhookUrl !== '', signed: row.secret !== null, sandbox: row.sandbox, enabled: row.enabled, version: row.version, updatedAt: row.updatedAt });
  return {
    /** The robot in the channel platform's allowance (key `<vendor>:<team id>`), locked by its row. */
    robot(teamId: string): AllowanceRobot {
      return {
        key: `${vendor}:${teamId}`,
        async lock(tx) {
          const [robot] = await tx.select({ enabled: table.enabled }).from(table).where(eq(table.teamId, teamId)).for('update');
          return robot?.enabled ?? false;
        },
      };
    },
    digestJob: (teamId: string): DigestJob => ({ type: digestJobType, payload: { teamId } }),

    async list(db: Db): Promise<SignedTeamRobotView[]> {
      return (await db.select().from(table).orderBy(asc(table.updatedAt))).map(present);
    },

    /** The teams whose robot is enabled (what a relay filter caches). */
    async enabledTeams(db: Db): Promise<Set<string>> {
      return new Set((await db.select({ teamId: table.teamId }).from(table).where(eq(table.enabled, true))).map((r) => r.teamId));
    },

    /** The robot with its webhook and secret opened, for the sending job only. */
    async load(db: Db, config: Config, teamId: string): Promise<SignedTeamRobot | null> {
      const [row] = await db.select().from(table).where(eq(table.teamId, teamId));
      if (!row) return null;
      const box = channelSecrets(config);
      return { ...present(row), webhookUrl: box.open(row.webhookUrl), secret: row.secret ? box.open(row.secret) : undefined };
    },

    /**
     * Sets a team's robot. A new robot needs its webhook; a change may leave both values out to keep
     * them (`secret: null` removes the secret: a robot protected by keywords or IP only).
     * `expectedVersion` (If-Match) guards against another admin's change.
     */
    async set(database: Database, config: Config, actor: Actor, teamId: string, input: SignedTeamRobotInput, expectedVersion: number | undefined, now: Date): Promise<SignedTeamRobotView> {
      if (!(await teamExists(database.db, teamId))) throw new NotFound(codes.teamNotFound);
      const box = channelSecrets(config);
      const webhook = input.webhookUrl ? box.seal(input.webhookUrl) : undefined;
      const secret = input.secret === null ? null : input.secret ? box.seal(input.secret) : undefined;
      return database.transaction(async (tx) => {
        const [row] = await tx.select().from(table).where(eq(table.teamId, teamId)).for('update');
        if (row && expectedVersion !== undefined && row.version !== expectedVersion) throw new PreconditionFailed(codes.versionMismatch, { current: row.version });
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
        const [saved] = await tx.insert(table).values(values).onConflictDoUpdate({ target: table.teamId, set: values }).returning();
        await recordEvent(tx, events.set, { aggregateId: teamId, cause: 'agent', actorId: actor.id, payload: { sandbox: values.sandbox, enabled: values.enabled, webhookChanged: webhook !== undefined, signed: values.secret !== null } });
        return present(saved!);
      });
    },

    async remove(database: Database, actor: Actor, teamId: string): Promise<void> {
      await database.transaction(async (tx) => {
        const removed = await tx.delete(table).where(eq(table.teamId, teamId)).returning({ teamId: table.teamId });
        if (!removed[0]) throw new NotFound(codes.teamNotFound);
        await recordEvent(tx, events.removed, { aggregateId: teamId, cause: 'agent', actorId: actor.id, payload: {} });
      });
    },
  };
}
