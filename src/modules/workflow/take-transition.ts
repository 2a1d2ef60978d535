import { and, eq, inArray } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { Conflict, Forbidden, Invalid, NotFound, invalidField } from '../../app/errors.js';
import type { FieldTypes } from '../../app/field-types.js';
import type { ReadModels } from '../../app/read-models.js';
import type { WriteRules } from '../../app/write-rules.js';
import type { Database, Tx } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import { advance } from '../../workflow-model/run.js';
import type { Actor } from '../auth/index.js';
import { getTicketSnapshot, getVisibleTicket, recordTicketActivity, updateTicket } from '../tickets/index.js';
import { transitionTaken } from './events.js';
import { processFields } from './process-fields.js';
import { loadVersion } from './process-versions-cache.js';
import { processInstances, processTokens } from './schema.js';
import { insertTokens } from './start-instance.js';
import { mayTake } from './stage-work.js';
import { ticketValuesOf } from './ticket-values.js';
import { conditionHolds, missingFields, requiredFieldsOf, tokenAssignee } from './transition-judgement.js';

export type TransitionRequest = { transition: string; values?: Record<string, unknown>; expectedRevision: number; reason?: string };
export type TransitionDeps = WriteRules & { readModels: ReadModels; fieldTypes: FieldTypes; timeZone: string };
export type TransitionResult = { revision: number; stages: string[]; completed: boolean };

/**
 * Takes a transition on a ticket (issue 19 §5), all in one transaction: the instance row is locked
 * and must be at `expectedRevision` (two transitions at once: the second gets 409), the actor must
 * be allowed, the field values are written through the tickets service (cause `process:<id>`, so
 * the form's checks and the ticket's own events apply), the condition and required fields are
 * judged on the values after that write, the tokens move, and the transition's event is recorded.
 * Anything refused rolls the field write back with it.
 */
export async function takeTransition(database: Database, deps: TransitionDeps, actor: Actor, ticketRef: string, request: TransitionRequest): Promise<TransitionResult> {
  const visible = await getVisibleTicket(database.db, actor, ticketRef);
  return database.transaction(async (tx) => {
    const [instance] = await tx.select().from(processInstances).where(eq(processInstances.ticketId, visible.id)).for('update');
    if (!instance || instance.status !== 'running') throw new NotFound('workflow.instance.not_running');
    if (instance.revision !== request.expectedRevision) throw new Conflict('workflow.instance.revision_mismatch', { current: instance.revision });
    const cause = `process:${instance.processId}` as const;
    const { definition, conditions } = await loadVersion(tx, database.db, instance.processId, instance.version, () => processFields(tx, deps.readModels, deps.fieldTypes));
    const transition = definition.transitions.find((t) => t.id === request.transition);
    const tokens = await tx.select().from(processTokens).where(eq(processTokens.instanceId, instance.id));
    const token = transition && tokens.find((candidate) => candidate.stage === transition.from);
    if (!transition || !token) throw invalidField('transition', 'workflow.transition.not_available', { transition: request.transition });
    if (transition.approval) throw new Conflict('workflow.transition.approval_not_available');
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

    const state = { tokens: tokens.map((t) => ({ id: t.id, node: t.stage, lineage: t.lineage })), joins: instance.joins };
    const step = advance(definition, conditions, state, token.id, transition, values, uuidv7);
    await moveTokens(tx, definition, instance, tokens.map((t) => t.id), step.state.tokens.map((t) => t.id), step.entered, values);
    const revision = instance.revision + 1;
    const stageActors = { ...instance.stageActors, [transition.from]: actor.id };
    const now = new Date();
    const updated = await tx
      .update(processInstances)
      .set({ revision, joins: step.state.joins, stageActors, ...(step.ended && { status: 'completed' as const, completedAt: now }) })
      .where(and(eq(processInstances.id, instance.id), eq(processInstances.revision, instance.revision)))
      .returning({ id: processInstances.id });
    if (!updated.length) throw new Conflict('workflow.instance.revision_mismatch', { current: instance.revision });
    const entered = step.entered.map((t) => t.node);
    const payload = { processId: instance.processId, version: instance.version, transition: transition.id, from: transition.from, entered, fields: written, completed: step.ended, ...(reason && { reason }) };
    await recordEvent(tx, transitionTaken, { aggregateId: visible.id, cause, actorId: actor.id, payload });
    await recordTicketActivity(tx, { ticketId: visible.id, type: 'process_transition', detail: payload, actorId: actor.id, at: now });
    return { revision, stages: step.state.tokens.map((t) => t.node), completed: step.ended };
  });
}

/** Deletes the tokens that left, inserts those that entered a stage (with their assignee resolved on the new values). */
async function moveTokens(tx: Tx, definition: Parameters<typeof insertTokens>[1], instance: { id: string; ticketId: string; processId: string }, before: string[], kept: string[], entered: Parameters<typeof insertTokens>[3], values: Record<string, unknown>) {
  const enteredIds = new Set(entered.map((t) => t.id));
  const gone = before.filter((id) => !kept.includes(id) || enteredIds.has(id));
  if (gone.length) await tx.delete(processTokens).where(inArray(processTokens.id, gone));
  await insertTokens(tx, definition, { instanceId: instance.id, ticketId: instance.ticketId, processId: instance.processId }, entered, values);
}
