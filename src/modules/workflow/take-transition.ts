import { and, eq, inArray } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { Conflict, Forbidden, Invalid, NotFound, invalidField } from '../../app/errors.js';
import type { FieldTypes } from '../../app/field-types.js';
import type { ReadModels } from '../../app/read-models.js';
import { writeRulesOf, type WriteRules } from '../../app/write-rules.js';
import type { AppContext } from '../../app/context.js';
import type { Database, Tx } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import type { ProcessDefinition, ProcessTransition } from '../../workflow-model/definition.js';
import { advance, type CheckedConditions } from '../../workflow-model/run.js';
import type { Actor } from '../auth/index.js';
import { getTicketSnapshot, getVisibleTicket, recordTicketActivity, updateTicket } from '../tickets/index.js';
import { requestApproval } from './approval-request.js';
import { transitionTaken } from './events.js';
import { processActionDeps, runProcessActions, type ProcessActionDeps } from './process-actions.js';
import { processFields } from './process-fields.js';
import { loadVersion } from './process-versions-cache.js';
import { processInstances, processTokens } from './schema.js';
import { insertTokens } from './start-instance.js';
import { stopStageTimers } from './stage-timers.js';
import { mayTake } from './stage-work.js';
import { ticketValuesOf } from './ticket-values.js';
import { conditionHolds, missingFields, requiredFieldsOf, tokenAssignee } from './transition-judgement.js';

/** What taking a transition needs from the app, the same for the transitions and the approvals routes. */
export function transitionDepsOf(context: AppContext): TransitionDeps {
  return { ...writeRulesOf(context), readModels: context.readModels, fieldTypes: context.fieldTypes, timeZone: context.config.OPENCSM_TIMEZONE, actions: processActionDeps(context) };
}

export type TransitionRequest = { transition: string; values?: Record<string, unknown>; expectedRevision: number; reason?: string };
export type TransitionDeps = WriteRules & { readModels: ReadModels; fieldTypes: FieldTypes; timeZone: string; actions: ProcessActionDeps };
/** `approvalRequestId`: the transition waits for that approval (审批中) and the stages did not move. */
export type TransitionResult = { revision: number; stages: string[]; completed: boolean; approvalRequestId?: string };

/**
 * Takes a transition on a ticket (issue 19 §5), all in one transaction: the instance row is locked
 * and must be at `expectedRevision` (two transitions at once: the second gets 409), the actor must
 * be allowed, the field values are written through the tickets service (cause `process:<id>`, so
 * the form's checks and the ticket's own events apply), the condition and required fields are
 * judged on the values after that write, the tokens move, the transition's event is recorded, and
 * the actions of the transition and of the stages left and entered run (process-actions.ts).
 * Anything refused, a failing action included, rolls the field write back with it.
 */
export async function takeTransition(database: Database, deps: TransitionDeps, actor: Actor, ticketRef: string, request: TransitionRequest): Promise<TransitionResult> {
  const visible = await getVisibleTicket(database.db, actor, ticketRef);
  return database.transaction(async (tx) => {
    const [instance] = await tx.select().from(processInstances).where(eq(processInstances.ticketId, visible.id)).for('update');
    if (!instance || instance.status !== 'running') throw new NotFound('workflow.instance.not_running');
    if (instance.approvalRequestId) throw new Conflict('workflow.approval.pending', { request: instance.approvalRequestId });
    if (instance.revision !== request.expectedRevision) throw new Conflict('workflow.instance.revision_mismatch', { current: instance.revision });
    const cause = `process:${instance.processId}` as const;
    const { definition, conditions } = await loadVersion(tx, database.db, instance.processId, instance.version, () => processFields(tx, deps.readModels, deps.fieldTypes));
    const transition = definition.transitions.find((t) => t.id === request.transition);
    const tokens = await tx.select().from(processTokens).where(eq(processTokens.instanceId, instance.id));
    const token = transition && tokens.find((candidate) => candidate.stage === transition.from);
    if (!transition || !token) throw invalidField('transition', 'workflow.transition.not_available', { transition: request.transition });
    const reason = request.reason?.trim();
    if (transition.kind === 'return' && !reason) throw invalidField('reason', 'workflow.transition.reason_required');

    const before = await getTicketSnapshot(tx, visible.id);
    if (!before) throw new NotFound('ticket.not_found');
    if (!mayTake(actor, transition, { assignee: tokenAssignee(token), values: ticketValuesOf(before), stageActors: instance.stageActors })) throw new Forbidden('workflow.transition.not_allowed');

    const written = Object.keys(request.values ?? {});
    const inTx: Database = { ...database, db: tx, transaction: (work) => work(tx) };
    if (written.length) await updateTicket(inTx, actor, visible.id, before.version, { fields: request.values }, { guards: deps.guards, fieldTypes: deps.fieldTypes, cause, timeZone: deps.timeZone });
    const after = written.length ? await getTicketSnapshot(tx, visible.id) : before;
    const values = ticketValuesOf(after!);
    const missing = missingFields(requiredFieldsOf(definition, transition), values);
    if (missing.length) throw new Invalid('validation.failed', {}, missing.map((key) => ({ path: `values.${key.replace(/^fields\./, '')}`, code: 'workflow.transition.field_required', params: { field: key } })));
    if (!conditionHolds(conditions, transition, values)) throw new Conflict('workflow.transition.condition_not_met', { transition: transition.id });

    // A transition with an approval waits for it (审批中); the tokens move when the plan is satisfied (approval-decisions.ts).
    if (transition.approval) return requestApproval(tx, { instance, token, transition, approval: transition.approval, values, teamId: after!.teamId, actor, stages: tokens.map((t) => t.stage), now: deps.actions.clock.now() });
    return moveAlong(tx, { instance, tokens, token, transition, definition, conditions, values, written, reason, leaverId: actor.id, actorId: actor.id, actions: { database, deps: deps.actions } });
  });
}

export type TransitionMove = {
  instance: typeof processInstances.$inferSelect;
  tokens: Array<typeof processTokens.$inferSelect>;
  token: typeof processTokens.$inferSelect;
  transition: ProcessTransition;
  definition: ProcessDefinition;
  conditions: CheckedConditions;
  values: Record<string, unknown>;
  written: string[];
  reason?: string;
  /** Who left the stage (the `stage_actor` of later rules): the one who asked, also when an approver completed it. */
  leaverId: string;
  /** Who caused this step: the one taking it, or the approver whose decision completed its approval. */
  actorId: string;
  /** Runs the actions of the transition, the gateways it passes and the stages it leaves and enters (process-actions.ts). */
  actions: { database: Database; deps: ProcessActionDeps };
};

/**
 * The token-moving part of a transition, after every check: the gateways after it, the tokens,
 * the instance's revision (checked again), `workflow.transition_taken` and the timeline entry.
 * Shared by takeTransition and by the final approval of a transition that waited for one.
 */
export async function moveAlong(tx: Tx, move: TransitionMove): Promise<TransitionResult> {
  const { instance, tokens, token, transition, definition, conditions, values } = move;
  const cause = `process:${instance.processId}` as const;
  const state = { tokens: tokens.map((t) => ({ id: t.id, node: t.stage, lineage: t.lineage })), joins: instance.joins };
  const step = advance(definition, conditions, state, token.id, transition, values, uuidv7);
  const now = move.actions.deps.clock.now();
  await moveTokens(tx, definition, instance, tokens.map((t) => t.id), step.state.tokens.map((t) => t.id), step.entered, values, now);
  const revision = instance.revision + 1;
  const stageActors = { ...instance.stageActors, [transition.from]: move.leaverId };
  const updated = await tx
    .update(processInstances)
    .set({ revision, joins: step.state.joins, stageActors, approvalRequestId: null, ...(step.ended && { status: 'completed' as const, completedAt: now }) })
    .where(and(eq(processInstances.id, instance.id), eq(processInstances.revision, instance.revision)))
    .returning({ id: processInstances.id });
  if (!updated.length) throw new Conflict('workflow.instance.revision_mismatch', { current: instance.revision });
  const entered = step.entered.map((t) => t.node);
  const payload = { processId: instance.processId, version: instance.version, transition: transition.id, from: transition.from, entered, fields: move.written, completed: step.ended, ...(move.reason && { reason: move.reason }) };
  const eventId = await recordEvent(tx, transitionTaken, { aggregateId: instance.ticketId, cause, actorId: move.actorId, payload });
  await recordTicketActivity(tx, { ticketId: instance.ticketId, type: 'process_transition', detail: payload, actorId: move.actorId, at: now });
  await runProcessActions(tx, move.actions.database, move.actions.deps, { definition, processId: instance.processId, ticketId: instance.ticketId, actorId: move.actorId, event: { id: eventId, type: transitionTaken.name }, transition, followed: step.followed, left: transition.from, entered });
  return { revision, stages: step.state.tokens.map((t) => t.node), completed: step.ended };
}

/** Deletes the tokens that left (stopping their stage timers), inserts those that entered a stage (with their assignee resolved on the new values, their timers started). */
async function moveTokens(tx: Tx, definition: Parameters<typeof insertTokens>[1], instance: { id: string; ticketId: string; processId: string }, before: string[], kept: string[], entered: Parameters<typeof insertTokens>[3], values: Record<string, unknown>, now: Date) {
  const enteredIds = new Set(entered.map((t) => t.id));
  const gone = before.filter((id) => !kept.includes(id) || enteredIds.has(id));
  if (gone.length) {
    await tx.delete(processTokens).where(inArray(processTokens.id, gone));
    await stopStageTimers(tx, instance.id, gone);
  }
  await insertTokens(tx, definition, { instanceId: instance.id, ticketId: instance.ticketId, processId: instance.processId }, entered, values, now);
}
