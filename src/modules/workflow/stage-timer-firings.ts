import { and, eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { EnvelopeOf } from '../../jobs/event-definition.js';
import type { JobRegistry } from '../../jobs/registry.js';
import type { Database, Tx } from '../../db/database.js';
import type { ProcessAction, StageNode } from '../../workflow-model/definition.js';
import { findTeamLead } from '../auth/index.js';
import { ActionFailed, runActionsFor } from '../automation/index.js';
import { slaNamedTimerBreached, slaNamedTimerWarning } from '../sla/index.js';
import { getTicketSnapshot } from '../tickets/index.js';
import type { ProcessActionDeps } from './process-actions.js';
import { processes, processInstances, processTokens, processVersions } from './schema.js';
import { parseStageTimerKey } from './stage-timers.js';

type Firing = EnvelopeOf<typeof slaNamedTimerWarning> | EnvelopeOf<typeof slaNamedTimerBreached>;
type Token = typeof processTokens.$inferSelect;

/**
 * Jobs following the SLA module's named-timer events for stage keys (issue 19 §1): at the warning
 * the stage's assignee is told; when the target is missed the assignee is told and the stage's
 * escalation runs — the lead of the stage's team (else the ticket's) and the supervisors told, the
 * ticket moved to a team, its priority raised — as automation actions (`runActionsFor`, acting as
 * the process). A token that left meanwhile does nothing (its timer was stopped with the move;
 * a job queued just before reads that). Retries notify nobody twice: the actions are keyed by the event.
 */
export function registerStageTimerFirings(jobs: JobRegistry, database: Database, deps: ProcessActionDeps): void {
  const isStage = (event: Firing) => parseStageTimerKey(event.payload.key) !== null;
  jobs.subscribe(slaNamedTimerWarning, 'workflow.stage_timer', (event, { log }) => onStageFiring(database, deps, event, 'warning', log), { when: isStage });
  jobs.subscribe(slaNamedTimerBreached, 'workflow.stage_timer', (event, { log }) => onStageFiring(database, deps, event, 'breach', log), { when: isStage });
}

async function onStageFiring(database: Database, deps: ProcessActionDeps, event: Firing, kind: 'warning' | 'breach', log: Logger): Promise<void> {
  const key = parseStageTimerKey(event.payload.key);
  if (!key) return;
  await database.transaction(async (tx) => {
    const [token] = await tx.select().from(processTokens).where(and(eq(processTokens.id, key.tokenId), eq(processTokens.instanceId, key.instanceId)));
    if (!token) return;
    const [instance] = await tx.select().from(processInstances).where(eq(processInstances.id, key.instanceId));
    if (!instance || instance.status !== 'running') return;
    const [version] = await tx.select({ definition: processVersions.definition }).from(processVersions).where(and(eq(processVersions.processId, instance.processId), eq(processVersions.version, instance.version)));
    const stage = version?.definition.nodes.find((node): node is StageNode => node.kind === 'stage' && node.id === token.stage);
    if (!stage) return;
    const [process] = await tx.select({ name: processes.name }).from(processes).where(eq(processes.id, instance.processId));
    const actions = await firingActions(tx, token, stage, kind);
    if (!actions.length) return;
    const request = {
      ticketId: instance.ticketId,
      actions,
      cause: `process:${instance.processId}` as const,
      actorId: null,
      trigger: event.type,
      actingAs: { id: instance.processId, name: process?.name['zh-CN'] ?? instance.processId },
      sourceKey: `stage_timer:${event.eventId}`,
    };
    try {
      await runActionsFor(tx, request, { ...deps, database });
    } catch (failure) {
      // A team deleted since, a priority no longer offered: the rest of the escalation still matters less than a retry loop.
      if (!(failure instanceof ActionFailed)) throw failure;
      log.warn({ key: event.payload.key, type: failure.type }, 'stage escalation: an action was refused');
    }
  });
}

/** The automation actions of a stage's warning or breach. */
async function firingActions(tx: Tx, token: Token, stage: StageNode, kind: 'warning' | 'breach'): Promise<ProcessAction[]> {
  const escalation = kind === 'breach' ? stage.slaEscalation : undefined;
  const notify = new Set<string>(['assignee', ...(escalation?.notify ?? [])]);
  const userIds: string[] = [];
  const teamIds: string[] = [];
  const roles: string[] = [];
  if (notify.has('assignee')) {
    if (token.assigneeUserId) userIds.push(token.assigneeUserId);
    else if (token.assigneeTeamId) teamIds.push(token.assigneeTeamId);
    else if (token.assigneeRole) roles.push(token.assigneeRole);
  }
  if (notify.has('team_lead')) {
    const teamId = token.assigneeTeamId ?? (await getTicketSnapshot(tx, token.ticketId))?.teamId ?? null;
    const lead = teamId ? await findTeamLead(tx, teamId) : null;
    if (lead) userIds.push(lead);
  }
  if (notify.has('supervisors')) roles.push('supervisor');
  const name = stage.name;
  const texts =
    kind === 'warning'
      ? { 'zh-CN': `环节「${name['zh-CN']}」的时限快到了，请尽快处理。`, en: `Stage “${name.en || name['zh-CN']}” is close to its time limit.` }
      : { 'zh-CN': `环节「${name['zh-CN']}」已超时。`, en: `Stage “${name.en || name['zh-CN']}” is overdue.` };
  const actions: ProcessAction[] = [];
  if (userIds.length || teamIds.length || roles.length) actions.push({ type: 'notify', recipients: { userIds: [...new Set(userIds)], teamIds, roles }, texts });
  if (escalation?.reassignTeamId) actions.push({ type: 'assign_team', teamId: escalation.reassignTeamId });
  if (escalation?.raisePriority) actions.push({ type: 'set_field', field: 'priority', value: escalation.raisePriority });
  return actions;
}
