import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Database, Tx } from '../../db/database.js';
import { enqueueJob } from '../../jobs/queue.js';
import { channelRobotPending, channelRobotSends } from './schema.js';

/**
 * Group robots' allowance, shared by every channel with robots: WeCom's 群机器人 and DingTalk's
 * custom robot both take at most 20 messages a minute (WeCom refuses more with 45009, DingTalk with
 * 130101 and a 10-minute pause), so both count their sends here and hold the overflow for a digest.
 * The robot's own row (in its channel module) is the lock: `robot.lock(tx)` takes it FOR UPDATE and
 * says whether the robot is enabled, so two workers count the same minute.
 */
export const robotPerMinute = 20;
export const robotWindowMs = 60_000;

export type RobotSend = typeof channelRobotSends.$inferSelect;
export type RobotOffer = { kind: 'send'; send: RobotSend } | { kind: 'held'; dueAt: Date } | { kind: 'no_robot' };
/** A robot: its key in the shared tables (`<kind>:<team id>`) and how to lock its row. */
export type AllowanceRobot = { key: string; lock: (tx: Tx) => Promise<boolean> };
/** The channel's digest job for this robot, queued (deduplicated) for when the minute has room. */
export type DigestJob = { type: string; payload: Record<string, unknown> };

type Recent = { count: number; oldest: Date | null };

async function recentSends(tx: Tx, robotKey: string, now: Date): Promise<Recent> {
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int`, oldest: sql<string | null>`min(${channelRobotSends.sentAt})` })
    .from(channelRobotSends)
    .where(and(eq(channelRobotSends.robotKey, robotKey), gt(channelRobotSends.sentAt, new Date(now.getTime() - robotWindowMs))));
  return { count: row?.count ?? 0, oldest: row?.oldest ? new Date(row.oldest) : null };
}

/** When the allowance has room again: a minute after the oldest send still in the window. */
const roomAt = (recent: Recent, now: Date) => (recent.count < robotPerMinute || !recent.oldest ? now : new Date(recent.oldest.getTime() + robotWindowMs + 1));

/**
 * Queues the digest `waitMs` after now. The wait is measured on the app's clock (the sends' times),
 * so the job waits that long on the database's clock: an app server whose clock is behind the
 * database's would otherwise get a digest that is due at once, finds no room, and comes back due
 * at once again, round after round.
 */
export async function enqueueDigest(tx: Tx, job: DigestJob, waitMs: number): Promise<void> {
  await enqueueJob(tx, { type: job.type, payload: job.payload, runAfterMs: Math.max(0, waitMs), dedupeKey: `${job.type}:${JSON.stringify(job.payload)}` });
}

/**
 * A notification for a robot, under the robot row's lock: within the allowance it becomes a send
 * at once; over it — or while others wait, so nothing overtakes them — it waits for the digest,
 * whose job runs when the minute has room. Counting uses the injected clock's time, stored on each
 * send. `sourceKey` (the event) makes a retried job find its send or its place in the queue
 * instead of adding another.
 */
export async function offerRobotMessage(
  database: Database,
  input: { robot: AllowanceRobot; sourceKey: string; line: string; body: Record<string, unknown>; now: Date; digest: DigestJob },
): Promise<RobotOffer> {
  const robotKey = input.robot.key;
  return database.transaction(async (tx) => {
    if (!(await input.robot.lock(tx))) return { kind: 'no_robot' };
    const [existing] = await tx.select().from(channelRobotSends).where(and(eq(channelRobotSends.robotKey, robotKey), eq(channelRobotSends.sourceKey, input.sourceKey)));
    if (existing) return { kind: 'send', send: existing };
    const recent = await recentSends(tx, robotKey, input.now);
    const [waiting] = await tx.select({ id: channelRobotPending.id }).from(channelRobotPending).where(and(eq(channelRobotPending.robotKey, robotKey), isNull(channelRobotPending.digestId))).limit(1);
    if (waiting || recent.count >= robotPerMinute) {
      await tx.insert(channelRobotPending).values({ id: uuidv7(), robotKey, sourceKey: input.sourceKey, line: input.line, createdAt: input.now }).onConflictDoNothing();
      const dueAt = roomAt(recent, input.now);
      await enqueueDigest(tx, input.digest, dueAt.getTime() - input.now.getTime());
      return { kind: 'held', dueAt };
    }
    const [send] = await tx.insert(channelRobotSends).values({ id: uuidv7(), robotKey, sourceKey: input.sourceKey, kind: 'message', body: input.body, status: 'queued', sentAt: input.now }).returning();
    return { kind: 'send', send: send! };
  });
}

/**
 * The digest of what waited: when the minute has room, ONE message that lists the waiting lines
 * (up to `listMax`, the rest counted) takes one place; otherwise the job comes back when it has.
 */
export async function takeRobotDigest(
  database: Database,
  input: { robot: AllowanceRobot; now: Date; listMax: number; compose: (lines: string[], total: number) => Record<string, unknown> },
): Promise<RobotSend | { retryAfterMs: number } | null> {
  const robotKey = input.robot.key;
  return database.transaction(async (tx) => {
    if (!(await input.robot.lock(tx))) return null;
    const waiting = await tx
      .select()
      .from(channelRobotPending)
      .where(and(eq(channelRobotPending.robotKey, robotKey), isNull(channelRobotPending.digestId)))
      .orderBy(asc(channelRobotPending.createdAt), asc(channelRobotPending.id));
    if (waiting.length === 0) return null;
    const recent = await recentSends(tx, robotKey, input.now);
    if (recent.count >= robotPerMinute) return { retryAfterMs: roomAt(recent, input.now).getTime() - input.now.getTime() };
    const id = uuidv7();
    const body = input.compose(waiting.slice(0, input.listMax).map((w) => w.line), waiting.length);
    const [send] = await tx.insert(channelRobotSends).values({ id, robotKey, sourceKey: `digest:${id}`, kind: 'digest', body, status: 'queued', sentAt: input.now }).returning();
    for (const w of waiting) await tx.update(channelRobotPending).set({ digestId: id }).where(eq(channelRobotPending.id, w.id));
    return send!;
  });
}

export async function markRobotSend(database: Database, id: string, status: 'sent' | 'sandbox' | 'failed', error: string | null): Promise<void> {
  await database.transaction((tx) => tx.update(channelRobotSends).set({ status, error: error?.slice(0, 1000) ?? null }).where(eq(channelRobotSends.id, id)));
}
