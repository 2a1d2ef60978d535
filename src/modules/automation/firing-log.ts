import { and, desc, eq, lt } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Db } from '../../db/database.js';
import type { ActionOutcome } from './firing-outcome.js';
import { automationRuleFirings } from './schema.js';

export type FiringRow = typeof automationRuleFirings.$inferSelect;

/**
 * Claims the firing of a rule for an event: one row per (rule, event), so a retried job, a second
 * worker or a replayed event never fires a rule twice for the same change. False: already fired.
 */
export async function claimFiring(db: Db, firing: { ruleId: string; ruleVersion: number; ticketId: string; eventId: number; eventType: string; eventCause: string; depth: number }): Promise<string | null> {
  const id = uuidv7();
  const [row] = await db
    .insert(automationRuleFirings)
    .values({ id, ...firing, status: 'running', firedAt: new Date() })
    .onConflictDoNothing({ target: [automationRuleFirings.ruleId, automationRuleFirings.eventId] })
    .returning({ id: automationRuleFirings.id });
  return row?.id ?? null;
}

export async function finishFiring(db: Db, id: string, result: { actions: ActionOutcome[]; error: string | null; durationMs: number }): Promise<void> {
  await db
    .update(automationRuleFirings)
    .set({ status: result.error ? 'failed' : 'done', actions: result.actions, error: result.error, durationMs: Math.round(result.durationMs) })
    .where(eq(automationRuleFirings.id, id));
}

/** The depth of the latest firing of `ruleId` on the ticket: a change that rule made carries it to the rules it fires. */
export async function depthOfLatestFiring(db: Db, ruleId: string, ticketId: string): Promise<number> {
  const [row] = await db
    .select({ depth: automationRuleFirings.depth })
    .from(automationRuleFirings)
    .where(and(eq(automationRuleFirings.ticketId, ticketId), eq(automationRuleFirings.ruleId, ruleId)))
    .orderBy(desc(automationRuleFirings.id))
    .limit(1);
  return row?.depth ?? 0;
}

/** Firings newest first, a page at a time (`before`: the id of the last one seen), of one rule or all. */
export async function listFirings(db: Db, filter: { ruleId?: string; ticketId?: string }, page: { limit: number; before?: string }): Promise<FiringRow[]> {
  return db
    .select()
    .from(automationRuleFirings)
    .where(
      and(
        filter.ruleId ? eq(automationRuleFirings.ruleId, filter.ruleId) : undefined,
        filter.ticketId ? eq(automationRuleFirings.ticketId, filter.ticketId) : undefined,
        page.before ? lt(automationRuleFirings.id, page.before) : undefined,
      ),
    )
    .orderBy(desc(automationRuleFirings.id))
    .limit(page.limit);
}
