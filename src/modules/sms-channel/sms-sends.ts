import { and, desc, eq, gt, inArray, lt, or, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Db, Tx } from '../../db/database.js';
import { codeSendRefused, defaultCodeSendLimits, judgeCodeSend, type CodeSendLimits, type CodeSendVerdict } from './code-send-policy.js';
import { smsMessages, type SmsMessageStatus } from './schema.js';

const hour = 3_600_000;
const day = 24 * hour;
/** Long enough for the daily limits and for a trainer to scroll back; swept as rows are written. */
const keepMs = 7 * day;

/**
 * The number's lock for this transaction: two requests for one number wait for each other, so
 * both cannot pass a limit that has room for one (code-send-policy.ts).
 */
async function lockNumber(tx: Tx, phoneE164: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sms:${phoneE164}`}))`);
}

/**
 * Counts one sign-in code request against the limits (60 s between codes to a number, 5 an hour
 * and 10 a day per number, 20 an hour per client IP) or refuses it with a 429 problem and
 * Retry-After. The row is written for every request that passes, known number or not (status
 * `withheld` until the caller queues a real send), so the limits answer alike for numbers nobody
 * has; it counts even if the vendor then fails.
 */
export async function reserveCodeSend(tx: Tx, request: { phoneE164: string; clientIp: string }, now: Date, limits: CodeSendLimits = defaultCodeSendLimits): Promise<string> {
  await lockNumber(tx, request.phoneE164);
  const recent = await tx
    .select({ phoneE164: smsMessages.phoneE164, clientIp: smsMessages.clientIp, sentAt: smsMessages.createdAt })
    .from(smsMessages)
    .where(
      and(
        eq(smsMessages.purpose, 'code'),
        or(and(eq(smsMessages.phoneE164, request.phoneE164), gt(smsMessages.createdAt, new Date(now.getTime() - day))), and(eq(smsMessages.clientIp, request.clientIp), gt(smsMessages.createdAt, new Date(now.getTime() - hour)))),
      ),
    );
  const verdict = judgeCodeSend(request, recent.map((r) => ({ phoneE164: r.phoneE164, clientIp: r.clientIp ?? '', sentAt: r.sentAt })), now, limits);
  if (!verdict.allowed) throw codeSendRefused(verdict);
  const id = uuidv7();
  await tx.insert(smsMessages).values({ id, purpose: 'code', phoneE164: request.phoneE164, clientIp: request.clientIp, status: 'withheld', createdAt: now });
  await tx.delete(smsMessages).where(lt(smsMessages.createdAt, new Date(now.getTime() - keepMs)));
  return id;
}

/**
 * Whether a ticket notification may go to this number now: the same per-number limits as codes
 * (the vendors count every message to a number), over notifications only, so a notice never
 * costs a customer their sign-in code. No per-IP limit: nobody asked from anywhere.
 */
export async function judgeNoticeSend(tx: Tx, phoneE164: string, now: Date): Promise<CodeSendVerdict> {
  await lockNumber(tx, phoneE164);
  const recent = await tx
    .select({ sentAt: smsMessages.createdAt })
    .from(smsMessages)
    .where(and(eq(smsMessages.purpose, 'notification'), eq(smsMessages.phoneE164, phoneE164), inArray(smsMessages.status, ['queued', 'sent', 'sandbox', 'dev']), gt(smsMessages.createdAt, new Date(now.getTime() - day))));
  // No client: the sends carry no address the request shares, so only the per-number rules can refuse.
  return judgeCodeSend({ phoneE164, clientIp: '' }, recent.map((r) => ({ phoneE164, clientIp: 'notice', sentAt: r.sentAt })), now);
}

export type SmsMessageRow = typeof smsMessages.$inferSelect;

export async function smsMessageById(db: Db, id: string): Promise<SmsMessageRow | undefined> {
  const [row] = await db.select().from(smsMessages).where(eq(smsMessages.id, id));
  return row;
}

export async function insertSmsMessage(tx: Tx, row: typeof smsMessages.$inferInsert): Promise<void> {
  await tx.insert(smsMessages).values(row).onConflictDoNothing();
}

export async function updateSmsMessage(
  db: Db,
  id: string,
  change: { status: SmsMessageStatus; accountId?: string | null; templateId?: string; params?: Record<string, string> | null; vendorMessageId?: string | null; error?: string | null; sentAt?: Date | null },
): Promise<void> {
  await db
    .update(smsMessages)
    .set({ ...change, ...(change.error !== undefined && { error: change.error?.slice(0, 1000) ?? null }) })
    .where(eq(smsMessages.id, id));
}

/** Messages that never left the server (sandbox account, development provider), newest first: the console shows them, codes included. */
export async function listLocalSmsMessages(db: Db, limit: number): Promise<SmsMessageRow[]> {
  return db.select().from(smsMessages).where(inArray(smsMessages.status, ['sandbox', 'dev'])).orderBy(desc(smsMessages.createdAt), desc(smsMessages.id)).limit(limit);
}

export async function smsMessageByTicketMessage(db: Db, ticketMessageId: string): Promise<SmsMessageRow | undefined> {
  const [row] = await db.select().from(smsMessages).where(eq(smsMessages.ticketMessageId, ticketMessageId));
  return row;
}
