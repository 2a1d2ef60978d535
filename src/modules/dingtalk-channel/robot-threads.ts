import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { SecretBox } from '../../app/installation-key.js';
import type { Database, Db } from '../../db/database.js';
import { dingtalkSenders, dingtalkTicketThreads } from './schema.js';

export type SenderKey = { accountId: string; senderKey: string };

const match = (key: SenderKey) => and(eq(dingtalkSenders.accountId, key.accountId), eq(dingtalkSenders.senderKey, key.senderKey));

/**
 * A lease on one sender's processing (60 s), so two workers never thread the same sender's
 * messages at once and both open a ticket. A job that finds it held fails and retries with backoff.
 */
export async function leaseSender(database: Database, key: SenderKey): Promise<boolean> {
  return database.transaction(async (tx) => {
    await tx.insert(dingtalkSenders).values(key).onConflictDoNothing();
    const leased = await tx
      .update(dingtalkSenders)
      .set({ processingUntil: sql`now() + interval '60 seconds'` })
      .where(and(match(key), or(isNull(dingtalkSenders.processingUntil), lt(dingtalkSenders.processingUntil, sql`now()`))))
      .returning({ key: dingtalkSenders.senderKey });
    return leased.length === 1;
  });
}

export async function releaseSender(database: Database, key: SenderKey, facts: { contactId?: string | null; at?: Date } = {}): Promise<void> {
  await database.transaction((tx) =>
    tx
      .update(dingtalkSenders)
      .set({ processingUntil: null, ...(facts.contactId && { contactId: facts.contactId }), ...(facts.at && { lastInboundAt: sql`greatest(${dingtalkSenders.lastInboundAt}, ${facts.at.toISOString()}::timestamptz)` }) })
      .where(match(key)),
  );
}

export type RobotThread = {
  ticketId: string;
  accountId: string;
  conversationType: 'single' | 'group';
  conversationId: string;
  senderKey: string;
  staffId: string | null;
  /** Opened: the power to post to the conversation until it expires. */
  sessionWebhook: string | null;
  sessionWebhookExpiresAt: Date | null;
};

/**
 * The ticket talks to this conversation; the session webhook of the newest message is kept (sealed)
 * with its expiry: an older message processed late does not replace a newer one's webhook.
 */
export async function recordRobotThread(database: Database, box: SecretBox, thread: RobotThread, messageAt: Date): Promise<void> {
  const values = {
    ...thread,
    sessionWebhook: thread.sessionWebhook ? box.seal(thread.sessionWebhook) : null,
    messageAt,
  };
  await database.transaction(async (tx) => {
    const [current] = await tx.select({ messageAt: dingtalkTicketThreads.messageAt }).from(dingtalkTicketThreads).where(eq(dingtalkTicketThreads.ticketId, thread.ticketId)).for('update');
    if (!current) await tx.insert(dingtalkTicketThreads).values(values);
    else if (current.messageAt.getTime() <= messageAt.getTime()) await tx.update(dingtalkTicketThreads).set(values).where(eq(dingtalkTicketThreads.ticketId, thread.ticketId));
  });
}

export async function robotThreadOf(db: Db, box: SecretBox, ticketId: string): Promise<RobotThread | null> {
  const [row] = await db.select().from(dingtalkTicketThreads).where(eq(dingtalkTicketThreads.ticketId, ticketId));
  if (!row) return null;
  return {
    ticketId: row.ticketId,
    accountId: row.accountId,
    conversationType: row.conversationType === 'group' ? 'group' : 'single',
    conversationId: row.conversationId,
    senderKey: row.senderKey,
    staffId: row.staffId,
    sessionWebhook: row.sessionWebhook ? box.open(row.sessionWebhook) : null,
    sessionWebhookExpiresAt: row.sessionWebhookExpiresAt,
  };
}

/** Whether the thread's session webhook still takes messages at `now` (with a minute's margin for the request itself). */
export function sessionWebhookValid(thread: Pick<RobotThread, 'sessionWebhook' | 'sessionWebhookExpiresAt'>, now: Date): boolean {
  return !!thread.sessionWebhook && !!thread.sessionWebhookExpiresAt && thread.sessionWebhookExpiresAt.getTime() - 60_000 > now.getTime();
}
