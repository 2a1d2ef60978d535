import { and, desc, eq, lte } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Database, Tx } from '../../db/database.js';
import type { EnvelopeOf } from '../../jobs/event-definition.js';
import { recordEvent } from '../../jobs/events.js';
import { startRun, type RunToken } from '../../workflow-model/run.js';
import type { ProcessDefinition, StageNode } from '../../workflow-model/definition.js';
import { getTicketSnapshot, recordTicketActivity, type ticketCreated } from '../tickets/index.js';
import { resolveAccountManager } from './account-manager.js';
import { processStarted } from './events.js';
import { runProcessActions, type ProcessActionDeps } from './process-actions.js';
import { processInstances, processTokens, processVersions, processes } from './schema.js';
import { resolveStageAssignee } from './stage-work.js';
import { startStageTimers } from './stage-timers.js';
import { ticketValuesOf } from './ticket-values.js';

/**
 * A new ticket of a type with a published process starts on the version that was current when
 * the ticket was created (published at or before its event), even if the job runs after a later
 * publish. Idempotent: a ticket has one instance (unique index), a replayed event adds nothing.
 * The first stage's entry actions run in the same transaction: one that fails rolls the start back
 * and fails the job (retried, then dead for an admin to retry once the action is fixed), so a
 * process never runs without them.
 */
export async function startInstanceFor(database: Database, actions: ProcessActionDeps, event: EnvelopeOf<typeof ticketCreated>): Promise<void> {
  const typeKey = event.payload.type;
  if (!typeKey) return;
  const [process] = await database.db.select({ id: processes.id }).from(processes).where(eq(processes.ticketType, typeKey));
  if (!process) return;
  const [published] = await database.db
    .select({ version: processVersions.version, definition: processVersions.definition })
    .from(processVersions)
    .where(and(eq(processVersions.processId, process.id), lte(processVersions.publishedAt, new Date(event.occurredAt))))
    .orderBy(desc(processVersions.version))
    .limit(1);
  if (!published) return;
  await database.transaction(async (tx) => {
    const ticket = await getTicketSnapshot(tx, event.aggregateId);
    if (!ticket) return;
    const instanceId = uuidv7();
    const inserted = await tx
      .insert(processInstances)
      .values({ id: instanceId, ticketId: ticket.id, processId: process.id, version: published.version })
      .onConflictDoNothing({ target: processInstances.ticketId })
      .returning({ id: processInstances.id });
    if (!inserted.length) return;
    const run = startRun(published.definition, uuidv7);
    const now = actions.clock.now();
    await insertTokens(tx, published.definition, { instanceId, ticketId: ticket.id, processId: process.id }, run.entered, ticketValuesOf(ticket), now);
    const stages = run.entered.map((token) => token.node);
    const eventId = await recordEvent(tx, processStarted, { aggregateId: ticket.id, cause: `process:${process.id}`, actorId: null, payload: { processId: process.id, version: published.version, stages } });
    await recordTicketActivity(tx, { ticketId: ticket.id, type: 'process_started', detail: { processId: process.id, version: published.version, stages }, at: now });
    await runProcessActions(tx, database, actions, { definition: published.definition, processId: process.id, ticketId: ticket.id, actorId: event.actorId, event: { id: eventId, type: processStarted.name }, followed: run.followed, left: null, entered: stages });
  });
}

/** Tokens entering stages, each with who works on it resolved now. */
export async function insertTokens(tx: Tx, definition: ProcessDefinition, owner: { instanceId: string; ticketId: string; processId: string }, tokens: readonly RunToken[], values: Readonly<Record<string, unknown>>, now: Date): Promise<void> {
  if (!tokens.length) return;
  const stageOf = (token: RunToken) => definition.nodes.find((node): node is StageNode => node.kind === 'stage' && node.id === token.node);
  // Read only when a stage entered asks for the requester's account manager.
  const accountManager = tokens.some((token) => stageOf(token)?.assignee?.kind === 'account_manager') ? await resolveAccountManager(tx, owner.ticketId) : null;
  await tx.insert(processTokens).values(
    tokens.map((token) => {
      const assignee = resolveStageAssignee(stageOf(token), values, accountManager);
      return { id: token.id, ...owner, stage: token.node, lineage: token.lineage, assigneeUserId: assignee.userId, assigneeTeamId: assignee.teamId, assigneeRole: assignee.role, enteredAt: now };
    }),
  );
  await startStageTimers(tx, definition, owner, tokens, now);
}

