import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Db } from '../../db/database.js';
import type { ActionOutcome } from './firing-outcome.js';
import { automationFiringActions, automationRuleFirings } from './schema.js';

export type FiringRow = typeof automationRuleFirings.$inferSelect;

/** A firing this run may carry out: new, or one a crash left `running` (resumed). */
export type ClaimedFiring = { id: string; ruleVersion: number; resumed: boolean };

/**
 * Claims the firing of a rule for an event: one row per (rule, event), so a retried job, a second
 * worker or a replayed event never fires a rule twice for the same change. A firing still
 * `running` is handed back to be resumed (its process died between actions; the done actions are
 * skipped by their rows, fire-rule.ts). Null: already fired (done or failed).
 */
export async function claimFiring(db: Db, firing: { ruleId: string; ruleVersion: number; ticketId: string; eventId: number; eventType: string; eventCause: string; depth: number }): Promise<ClaimedFiring | null> {
  const id = uuidv7();
  const [row] = await db
    .insert(automationRuleFirings)
    .values({ id, ...firing, status: 'running', firedAt: new Date() })
    .onConflictDoNothing({ target: [automationRuleFirings.ruleId, automationRuleFirings.eventId] })
    .returning({ id: automationRuleFirings.id });
  if (row) return { id: row.id, ruleVersion: firing.ruleVersion, resumed: false };
  const [earlier] = await db
    .select({ id: automationRuleFirings.id, ruleVersion: automationRuleFirings.ruleVersion, status: automationRuleFirings.status })
    .from(automationRuleFirings)
    .where(and(eq(automationRuleFirings.ruleId, firing.ruleId), eq(automationRuleFirings.eventId, firing.eventId)));
  return earlier?.status === 'running' ? { id: earlier.id, ruleVersion: earlier.ruleVersion, resumed: true } : null;
}

/** The firing of (rule, event), for a caller that claimed it itself (the time rules claim under their due row's lock). */
export async function firingOf(db: Db, ruleId: string, eventId: number): Promise<{ id: string; status: string } | null> {
  const [row] = await db
    .select({ id: automationRuleFirings.id, status: automationRuleFirings.status })
    .from(automationRuleFirings)
    .where(and(eq(automationRuleFirings.ruleId, ruleId), eq(automationRuleFirings.eventId, eventId)));
  return row ?? null;
}

/**
 * The status of every firing of these events, by event and rule: a retried batch knows which rules
 * fired before. One statement per batch, through the tickets' index (a ticket has few firings).
 */
export async function firingsOfEvents(db: Db, events: ReadonlyArray<{ eventId: number; ticketId: string }>): Promise<Map<number, Map<string, string>>> {
  const byEvent = new Map<number, Map<string, string>>();
  if (events.length === 0) return byEvent;
  const rows = await db
    .select({ eventId: automationRuleFirings.eventId, ruleId: automationRuleFirings.ruleId, status: automationRuleFirings.status })
    .from(automationRuleFirings)
    .where(and(inArray(automationRuleFirings.ticketId, [...new Set(events.map((event) => event.ticketId))]), inArray(automationRuleFirings.eventId, [...new Set(events.map((event) => event.eventId))])));
  for (const row of rows) {
    let rules = byEvent.get(row.eventId);
    if (!rules) byEvent.set(row.eventId, (rules = new Map()));
    rules.set(row.ruleId, row.status);
  }
  return byEvent;
}

/** The outcomes of the actions of a firing that are done (a resumed firing skips them). */
export async function doneActions(db: Db, firingId: string): Promise<Map<number, ActionOutcome | null>> {
  const rows = await db.select({ index: automationFiringActions.actionIndex, outcome: automationFiringActions.outcome }).from(automationFiringActions).where(eq(automationFiringActions.firingId, firingId));
  return new Map(rows.map((row) => [row.index, row.outcome]));
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
