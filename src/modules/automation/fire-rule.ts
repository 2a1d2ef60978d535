import type { Logger } from 'pino';
import { AppError } from '../../app/errors.js';
import { runAction, triggerFacts, type ActionContext } from './actions/index.js';
import type { ActionOutcome } from './firing-outcome.js';
import { claimFiring, finishFiring } from './firing-log.js';
import type { RuleRow } from './rules.js';
import type { RuleEvent } from './rule-events.js';
import { ruleActor } from './system-actor.js';

export type Firing = { rule: RuleRow; event: RuleEvent; ticketId: string; depth: number };

/**
 * Fires a rule whose condition held: claims (rule, event) in the firing log, runs its actions in
 * order through the owning modules' services (each its own transaction, cause `rule:<id>`), and
 * logs each action's outcome and the duration. The first action that fails ends the firing (the
 * rest would act on a ticket the rule did not expect); the error is logged with the firing, not
 * thrown, so a rule an admin got wrong never blocks the queue. Answers whether it changed anything.
 */
export async function fireRule(firing: Firing, base: Omit<ActionContext, 'actor' | 'cause' | 'ruleId' | 'eventId' | 'ticketId'>, log: Logger): Promise<'fired' | 'already'> {
  const { rule, event, ticketId, depth } = firing;
  const started = performance.now();
  const id = await claimFiring(base.database.db, { ruleId: rule.id, ruleVersion: rule.version, ticketId, eventId: event.eventId, eventType: event.type, eventCause: event.cause, depth });
  if (!id) return 'already';
  const context: ActionContext = { ...base, actor: ruleActor(rule), cause: `rule:${rule.id}`, ruleId: rule.id, eventId: event.eventId, ticketId, trigger: triggerFacts(event) };
  const { outcomes, error } = await runRuleActions(rule, context, log);
  await finishFiring(base.database.db, id, { actions: outcomes, error, durationMs: performance.now() - started });
  return 'fired';
}

/** Runs a rule's actions in order; the first that fails ends the run (see fireRule). Shared with the time rules. */
export async function runRuleActions(rule: RuleRow, context: ActionContext, log: Logger): Promise<{ outcomes: ActionOutcome[]; error: string | null }> {
  const outcomes: ActionOutcome[] = [];
  let error: string | null = null;
  for (const action of rule.actions) {
    try {
      outcomes.push({ type: action.type, ok: true, detail: await runAction(action, context) });
    } catch (failure) {
      error = failure instanceof AppError ? failure.code : failure instanceof Error ? failure.message : String(failure);
      outcomes.push({ type: action.type, ok: false, error });
      log.warn({ err: failure, ruleId: rule.id, ticketId: context.ticketId, action: action.type }, 'automation: an action failed');
      break;
    }
  }
  return { outcomes, error };
}
