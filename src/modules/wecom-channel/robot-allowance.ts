import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Database, Tx } from '../../db/database.js';
import { enqueueJob } from '../../jobs/queue.js';
import { wecomRobotPending, wecomRobotSends, wecomTeamRobots } from './schema.js';

/** A WeCom group robot takes at most 20 messages a minute (more are refused with 45009). */
export const robotPerMinute = 20;
export const robotWindowMs = 60_000;
export const robotDigestJob = 'wecom.robot_digest';

export type RobotSend = typeof wecomRobotSends.$inferSelect;
export type RobotOffer = { kind: 'send'; send: RobotSend } | { kind: 'held'; dueAt: Date } | { kind: 'no_robot' };

type Recent = { count: number; oldest: Date | null };

async function recentSends(tx: Tx, teamId: string, now: Date): Promise<Recent> {
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int`, oldest: sql<string | null>`min(${wecomRobotSends.sentAt})` })
    .from(wecomRobotSends)
    .where(and(eq(wecomRobotSends.teamId, teamId), gt(wecomRobotSends.sentAt, new Date(now.getTime() - robotWindowMs))));
  return { count: row?.count ?? 0, oldest: row?.oldest ? new Date(row.oldest) : null };
}

/** When the allowance has room again: a minute after the oldest send still in the window. */
const roomAt = (recent: Recent, now: Date) => (recent.count < robotPerMinute || !recent.oldest ? now : new Date(recent.oldest.getTime() + robotWindowMs + 1));

/**
 * A notification for a team's robot, under the robot row's lock (so two workers count the same
 * minute): within the allowance it becomes a send at once; over it — or while others wait, so
 * nothing overtakes them — it waits for the digest, whose job runs when the minute has room.
 * Counting uses the injected clock's time, stored on each send. `sourceKey` (the event) makes a
 * retried job find its send or its place in the queue instead of adding another.
 */
export async function offerRobotMessage(database: Database, input: { teamId: string; sourceKey: string; line: string; body: Record<string, unknown>; now: Date }): Promise<RobotOffer> {
  return database.transaction(async (tx) => {
    const [robot] = await tx.select({ enabled: wecomTeamRobots.enabled }).from(wecomTeamRobots).where(eq(wecomTeamRobots.teamId, input.teamId)).for('update');
    if (!robot?.enabled) return { kind: 'no_robot' };
    const [existing] = await tx.select().from(wecomRobotSends).where(and(eq(wecomRobotSends.teamId, input.teamId), eq(wecomRobotSends.sourceKey, input.sourceKey)));
    if (existing) return { kind: 'send', send: existing };
    const recent = await recentSends(tx, input.teamId, input.now);
    const [waiting] = await tx.select({ id: wecomRobotPending.id }).from(wecomRobotPending).where(and(eq(wecomRobotPending.teamId, input.teamId), isNull(wecomRobotPending.digestId))).limit(1);
    if (waiting || recent.count >= robotPerMinute) {
      await tx.insert(wecomRobotPending).values({ id: uuidv7(), teamId: input.teamId, sourceKey: input.sourceKey, line: input.line, createdAt: input.now }).onConflictDoNothing();
      const dueAt = roomAt(recent, input.now);
      await enqueueJob(tx, { type: robotDigestJob, payload: { teamId: input.teamId }, runAt: dueAt, dedupeKey: `${robotDigestJob}:${input.teamId}` });
      return { kind: 'held', dueAt };
    }
    const [send] = await tx.insert(wecomRobotSends).values({ id: uuidv7(), teamId: input.teamId, sourceKey: input.sourceKey, kind: 'message', body: input.body, status: 'queued', sentAt: input.now }).returning();
    return { kind: 'send', send: send! };
  });
}

/**
 * The digest of what waited: when the minute has room, ONE message that lists the waiting lines
 * (up to `listMax`, the rest counted) takes one place; otherwise the job comes back when it has.
 */
export async function takeRobotDigest(database: Database, input: { teamId: string; now: Date; listMax: number; compose: (lines: string[], total: number) => Record<string, unknown> }): Promise<RobotSend | { retryAt: Date } | null> {
  return database.transaction(async (tx) => {
    const [robot] = await tx.select({ enabled: wecomTeamRobots.enabled }).from(wecomTeamRobots).where(eq(wecomTeamRobots.teamId, input.teamId)).for('update');
    if (!robot?.enabled) return null;
    const waiting = await tx.select().from(wecomRobotPending).where(and(eq(wecomRobotPending.teamId, input.teamId), isNull(wecomRobotPending.digestId))).orderBy(asc(wecomRobotPending.createdAt), asc(wecomRobotPending.id));
    if (waiting.length === 0) return null;
    const recent = await recentSends(tx, input.teamId, input.now);
    if (recent.count >= robotPerMinute) return { retryAt: roomAt(recent, input.now) };
    const id = uuidv7();
    const body = input.compose(waiting.slice(0, input.listMax).map((w) => w.line), waiting.length);
    const [send] = await tx.insert(wecomRobotSends).values({ id, teamId: input.teamId, sourceKey: `digest:${id}`, kind: 'digest', body, status: 'queued', sentAt: input.now }).returning();
    for (const w of waiting) await tx.update(wecomRobotPending).set({ digestId: id }).where(eq(wecomRobotPending.id, w.id));
    return send!;
  });
}

export async function markRobotSend(database: Database, id: string, status: 'sent' | 'sandbox' | 'failed', error: string | null): Promise<void> {
  await database.transaction((tx) => tx.update(wecomRobotSends).set({ status, error: error?.slice(0, 1000) ?? null }).where(eq(wecomRobotSends.id, id)));
}
