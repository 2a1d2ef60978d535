import { AppError, Unprocessable, type FieldError } from '../../app/errors.js';
import type { ReplyChannels } from '../../app/reply-channels.js';
import type { WriteRules } from '../../app/write-rules.js';
import { databaseInside, type Database, type Tx } from '../../db/database.js';
import { ruleActionSchema, runAction, type ActionContext } from './actions/index.js';
import { automationSystemActor } from './system-actor.js';

/** Actions another module runs with automation's registry (a process' stage and transition actions). */
export type ActionsRequest = {
  ticketId: string;
  /** Stored actions in automation's `{type, …}` shape; each is parsed by the registry's schema here. */
  actions: readonly unknown[];
  cause: `process:${string}`;
  /** The user whose act made them run: never notified of it, named in webhook payloads as the trigger; null when nobody's did. */
  actorId: string | null;
  /** The event they follow (`workflow.transition_taken`), as a rule's trigger in webhook payloads. */
  trigger: string;
  /** Who the actions act as: the automation's system actor under the owner's id and name (a process), so the timeline names it. */
  actingAs: { id: string; name: string };
  /** Unique to this run (a transition's event and the list): action i's effects are keyed `<sourceKey>:<i>`. */
  sourceKey: string;
};

/** The app's parts an action needs (the caller has the app's context: a route, a job handler made at boot). */
export type ActionRunDeps = { database: Database; rules: WriteRules; replyChannels: ReplyChannels; timeZone: string; publicUrl?: string };

export type ActionRunOutcome = { type: string; detail: Record<string, unknown> };

/**
 * An action refused to run (a webhook endpoint since deleted, a value the ticket's form refuses, a
 * stored action the registry cannot parse): 422 with the action's place and type, and the refusal's
 * own code and message in `errors` at `path` (the caller's name for where the action is stored).
 */
export class ActionFailed extends Unprocessable {
  constructor(readonly index: number, readonly type: string, reasons: FieldError[]) {
    super('automation.action.failed', { index, position: index + 1, type }, reasons);
  }
}

/**
 * Runs actions for another module inside its transaction `tx`, in order, through the same registry
 * and owning services a rule's firing uses (one `runAction` per action, its services' own
 * transactions joining `tx`). Exactly once per run because the caller's transaction is the unit: the
 * actions commit with the caller's change (a transition and its revision, which a second attempt
 * cannot take again) or not at all, so no done-rows are kept as a rule's firing needs between its
 * separate transactions. Unlike a rule's firing, whose failing action is only logged, the first
 * action that fails throws `ActionFailed` (an `AppError` it raised, or the registry's refusal of its
 * shape) and the caller's transaction rolls back; other errors (the database's) propagate unchanged.
 */
export async function runActionsFor(tx: Tx, request: ActionsRequest, deps: ActionRunDeps): Promise<ActionRunOutcome[]> {
  const base = {
    database: databaseInside(tx, deps.database),
    actor: { ...automationSystemActor, id: request.actingAs.id, name: request.actingAs.name },
    cause: request.cause,
    ruleId: null,
    ticketId: request.ticketId,
    rules: deps.rules,
    replyChannels: deps.replyChannels,
    timeZone: deps.timeZone,
    ...(deps.publicUrl !== undefined && { publicUrl: deps.publicUrl }),
    trigger: { type: request.trigger, actorId: request.actorId, changedFields: [] },
  };
  const outcomes: ActionRunOutcome[] = [];
  for (const [index, stored] of request.actions.entries()) {
    const parsed = ruleActionSchema.safeParse(stored);
    const type = typeOf(stored);
    if (!parsed.success) throw new ActionFailed(index, type, [{ path: String(index), code: 'automation.action.invalid' }]);
    const context: ActionContext = { ...base, sourceKey: `${request.sourceKey}:${index}` };
    try {
      outcomes.push({ type, detail: await runAction(parsed.data, context) });
    } catch (failure) {
      if (!(failure instanceof AppError)) throw failure;
      const reasons = failure.errors.length ? failure.errors : [{ path: String(index), code: failure.code, params: failure.params }];
      throw new ActionFailed(index, type, reasons.map((reason) => ({ ...reason, path: String(index) })));
    }
  }
  return outcomes;
}

function typeOf(stored: unknown): string {
  return typeof stored === 'object' && stored !== null && 'type' in stored && typeof stored.type === 'string' ? stored.type : '';
}

/** Whether a stored action is one the registry runs (its type and settings): what a process' publish checks. */
export function isRunnableAction(stored: unknown): boolean {
  return ruleActionSchema.safeParse(stored).success;
}
