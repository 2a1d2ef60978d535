import type { Logger } from 'pino';
import { AppError } from '../../app/errors.js';
import { databaseInside, type Database, type Tx } from '../../db/database.js';
import { runAction, triggerFacts, type ActionContext, type RuleAction } from './actions/index.js';
import type { ActionOutcome } from './firing-outcome.js';
import { claimFiring, doneActions, finishFiring, firingOf } from './firing-log.js';
import type { RuleRow } from './rules.js';
import type { RuleEvent } from './rule-events.js';
import { actionsAtVersion } from './rule-versions.js';
import { automationFiringActions } from './schema.js';
import { ruleActor } from './system-actor.js';
import { and, eq } from 'drizzle-orm';

export type Firing = { rule: RuleRow; event: RuleEvent; ticketId: string; depth: number };

/** A firing's action context: the rule acts under its own id, for the event it fired on (its done-rows' key). */
export type RuleActionContext = ActionContext & { ruleId: string; eventId: number };

/** What every action of a rule's firing on `eventId` gets besides the app's parts. */
export function ruleActionContext(base: Omit<ActionContext, 'actor' | 'cause' | 'ruleId' | 'sourceKey' | 'ticketId'>, rule: { id: string; name: string }, eventId: number, ticketId: string): RuleActionContext {
  return { ...base, actor: ruleActor(rule), cause: `rule:${rule.id}`, ruleId: rule.id, sourceKey: `rule:${rule.id}:${eventId}`, eventId, ticketId };
}

/**
 * Seams for tests that stop a firing between two actions, as a process dying there would (the
 * hook throws; the job fails and is retried). Passed to the module's factory; production passes none.
 */
export type FiringHooks = { afterAction?: (step: { ruleId: string; eventId: number; index: number }) => Promise<void> | void };

/**
 * Fires a rule whose condition held: claims (rule, event) in the firing log, runs its actions in
 * order through the owning modules' services (each in its own transaction with its done-row, cause
 * `rule:<id>`), and logs each action's outcome and the duration. A firing a crash interrupted is
 * resumed by the retried job with the actions of the version it was claimed at, skipping those
 * already done. The first action that fails ends the firing (the rest would act on a ticket the
 * rule did not expect); the error is logged with the firing, not thrown, so a rule an admin got
 * wrong never blocks the queue. Answers whether it ran (or finished) the firing.
 */
export async function fireRule(firing: Firing, base: Omit<ActionContext, 'actor' | 'cause' | 'ruleId' | 'sourceKey' | 'ticketId'>, log: Logger, hooks: FiringHooks = {}): Promise<'fired' | 'already'> {
  const { rule, event, ticketId, depth } = firing;
  const started = performance.now();
  const claim = await claimFiring(base.database.db, { ruleId: rule.id, ruleVersion: rule.version, ticketId, eventId: event.eventId, eventType: event.type, eventCause: event.cause, depth });
  if (!claim) return 'already';
  const actions = claim.ruleVersion === rule.version ? rule.actions : await actionsAtVersion(base.database.db, rule.id, claim.ruleVersion);
  const context: RuleActionContext = { ...ruleActionContext(base, rule, event.eventId, ticketId), trigger: triggerFacts(event) };
  const { outcomes, error } = await runRuleActions({ ...rule, actions }, context, log, { firingId: claim.id, resumed: claim.resumed, hooks });
  await finishFiring(base.database.db, claim.id, { actions: outcomes, error, durationMs: performance.now() - started });
  return 'fired';
}

/**
 * Runs a rule's actions in order, each exactly once per firing: an action and its done-row commit
 * together, so an action that has its row is skipped (a resumed firing) and one that has none
 * left no effect. The first that fails ends the run (see fireRule). Shared with the time rules,
 * whose firing is claimed beforehand (found here by (rule, event) unless given).
 */
export async function runRuleActions(
  rule: RuleRow,
  context: RuleActionContext,
  log: Logger,
  options: { firingId?: string; resumed?: boolean; hooks?: FiringHooks } = {},
): Promise<{ outcomes: ActionOutcome[]; error: string | null }> {
  const firingId = options.firingId ?? (await firingOf(context.database.db, rule.id, context.eventId))?.id;
  if (!firingId) throw new Error(`no firing of rule ${rule.id} for event ${context.eventId}`);
  const done = options.firingId && !options.resumed ? new Map<number, ActionOutcome | null>() : await doneActions(context.database.db, firingId);
  const outcomes: ActionOutcome[] = [];
  let error: string | null = null;
  for (const [index, action] of rule.actions.entries()) {
    try {
      outcomes.push(done.has(index) ? (done.get(index) ?? { type: action.type, ok: true }) : await runActionOnce(firingId, index, action, context));
    } catch (failure) {
      error = failure instanceof AppError ? failure.code : failure instanceof Error ? failure.message : String(failure);
      outcomes.push({ type: action.type, ok: false, error });
      log.warn({ err: failure, ruleId: rule.id, ticketId: context.ticketId, action: action.type }, 'automation: an action failed');
      break;
    }
    await options.hooks?.afterAction?.({ ruleId: rule.id, eventId: context.eventId, index });
  }
  return { outcomes, error };
}

/**
 * One action in one transaction with its done-row, written first: a second worker resuming the
 * same firing waits on the row's key and then finds it done. The owning services' own
 * transactions join this one (`joined`), so the action's effect (ticket change, message, queued
 * webhook, notification, follow-up ticket) commits with its row or not at all.
 */
async function runActionOnce(firingId: string, index: number, action: RuleAction, context: ActionContext): Promise<ActionOutcome> {
  return context.database.transaction(async (tx) => {
    const [claimed] = await tx.insert(automationFiringActions).values({ firingId, actionIndex: index, doneAt: new Date() }).onConflictDoNothing().returning({ index: automationFiringActions.actionIndex });
    if (!claimed) {
      const [row] = await tx.select({ outcome: automationFiringActions.outcome }).from(automationFiringActions).where(and(eq(automationFiringActions.firingId, firingId), eq(automationFiringActions.actionIndex, index)));
      return row?.outcome ?? { type: action.type, ok: true };
    }
    const outcome: ActionOutcome = { type: action.type, ok: true, detail: await runAction(action, { ...context, database: databaseInside(tx, context.database) }) };
    await tx.update(automationFiringActions).set({ outcome }).where(and(eq(automationFiringActions.firingId, firingId), eq(automationFiringActions.actionIndex, index)));
    return outcome;
  });
}
