import { asc, eq } from 'drizzle-orm';
import type { Clock } from '../../app/clock.js';
import { NotFound } from '../../app/errors.js';
import type { FieldTypes } from '../../app/field-types.js';
import type { Locale } from '../../app/i18n/catalogue.js';
import type { ReadModels } from '../../app/read-models.js';
import type { Database, Db } from '../../db/database.js';
import type { ProcessLabel } from '../../workflow-model/definition.js';
import type { Actor } from '../auth/index.js';
import { listFields } from '../forms/index.js';
import { readNamedTimers } from '../sla/index.js';
import { builtinTicketDescriptors, getTicketSnapshot, getVisibleTicket } from '../tickets/index.js';
import { processFields } from './process-fields.js';
import { loadVersion } from './process-versions-cache.js';
import { processInstances, processTokens } from './schema.js';
import { stageTimerKey } from './stage-timers.js';
import { ticketValuesOf } from './ticket-values.js';
import { tokenAssignee } from './transition-judgement.js';
import { transitionOptions, type NamedField } from './transition-options.js';

export type RunViewDeps = { readModels: ReadModels; fieldTypes: FieldTypes; actions: { clock: Clock } };

/**
 * What the ticket page shows of a ticket's process (issue 19 §5): each stage its tokens wait at,
 * with its form (section, required and read-only fields), who works on it, its SLA target and the
 * due time it gives, and the transitions out of it as the caller sees them; the stages already
 * left; and the version's nodes and transitions for the map (agents cannot read 设置 › 流程).
 */
export async function processRunView(database: Database, deps: RunViewDeps, actor: Actor, ticketRef: string, locale: Locale) {
  const { db } = database;
  const ticket = await getVisibleTicket(db, actor, ticketRef);
  const [instance] = await db.select().from(processInstances).where(eq(processInstances.ticketId, ticket.id));
  if (!instance) throw new NotFound('workflow.instance.not_found');
  const tokens = await db.select().from(processTokens).where(eq(processTokens.instanceId, instance.id)).orderBy(asc(processTokens.enteredAt), asc(processTokens.id));
  const snapshot = await getTicketSnapshot(db, ticket.id);
  const { definition, conditions } = await loadVersion(db, db, instance.processId, instance.version, () => processFields(db, deps.readModels, deps.fieldTypes));
  const labels = await fieldLabels(db, deps.readModels);
  if (!snapshot) throw new NotFound('ticket.not_found');
  // An archived or unknown key still reads as itself rather than vanishing from the reasons.
  const labelOf = (key: string): ProcessLabel => labels.get(key) ?? { 'zh-CN': key, en: key };
  const named = (keys: readonly string[]): NamedField[] => keys.map((key) => ({ key, label: labelOf(key) }));
  // The due times are the SLA module's stage timers: business time of the ticket's calendar, paused with its SLA.
  const timers = await readNamedTimers(db, tokens.map((token) => stageTimerKey(instance.id, token.id)), deps.actions.clock.now());
  const context = { definition, conditions, values: ticketValuesOf(snapshot), stageActors: instance.stageActors, labelOf, locale, approvalPending: instance.approvalRequestId !== null };
  const stages = tokens.map((token) => {
    const node = definition.nodes.find((candidate) => candidate.id === token.stage);
    const stage = node?.kind === 'stage' ? node : undefined;
    const timer = timers.get(stageTimerKey(instance.id, token.id));
    return {
      stage: token.stage,
      name: stage?.name ?? { 'zh-CN': token.stage, en: token.stage },
      enteredAt: token.enteredAt,
      assigneeUserId: token.assigneeUserId,
      assigneeTeamId: token.assigneeTeamId,
      assigneeRole: token.assigneeRole,
      formSection: stage?.formSection ?? null,
      requiredFields: named(stage?.requiredFields ?? []),
      readOnlyFields: named(stage?.readOnlyFields ?? []),
      sla: timer ? { targetMinutes: timer.targetMinutes, dueAt: timer.dueAt, state: timer.state, remainingMinutes: timer.remainingMinutes } : null,
      transitions: transitionOptions(actor, token.stage, tokenAssignee(token), context),
    };
  });
  return {
    processId: instance.processId,
    version: instance.version,
    status: instance.status,
    revision: instance.revision,
    approvalRequestId: instance.approvalRequestId,
    stages,
    doneStages: Object.keys(instance.stageActors).filter((stage) => !tokens.some((token) => token.stage === stage)),
    map: {
      nodes: definition.nodes.map((node) => ({ id: node.id, kind: node.kind, gateway: node.kind === 'gateway' ? node.gateway : null, name: node.name ?? null, position: node.position })),
      transitions: definition.transitions.map(({ id, from, to, kind }) => ({ id, from, to, kind })),
    },
  };
}

/** Every ticket field's label by registry key: built-in fields and custom ones as `fields.<key>` (archived ones too: a version may still name them). */
async function fieldLabels(db: Db, readModels: ReadModels): Promise<Map<string, ProcessLabel>> {
  const builtins = (await readModels.get('ticketFields')?.builtins(db)) ?? builtinTicketDescriptors();
  const labels = new Map<string, ProcessLabel>();
  for (const field of builtins) labels.set(field.key, field.label);
  for (const field of await listFields(db, 'ticket')) labels.set(`fields.${field.key}`, field.label);
  return labels;
}
