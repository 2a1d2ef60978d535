import { and, asc, count, eq, gt, inArray } from 'drizzle-orm';
import { invalidField } from '../../app/errors.js';
import type { Database, Db, Tx } from '../../db/database.js';
import { recordEvent } from '../../jobs/events.js';
import type { ProcessDefinition, ProcessLabel } from '../../workflow-model/definition.js';
import type { Actor } from '../auth/index.js';
import { listFields } from '../forms/index.js';
import { builtinTicketDescriptors, findTicketBriefs, getTicketSnapshot, getTicketSnapshots, recordTicketActivity } from '../tickets/index.js';
import { instanceMigrated } from './events.js';
import { planInstanceMigration, stageOf, type InstanceMigrationPlan, type MigrationProblem } from './instance-migration-plan.js';
import { getProcessRow } from './processes.js';
import { getProcessVersion } from './publish-process.js';
import { processInstances, processTokens } from './schema.js';
import { startStageTimers, stopStageTimers } from './stage-timers.js';
import { resolveStageAssignee } from './stage-work.js';
import { isEmptyValue, ticketValuesOf } from './ticket-values.js';

export type MigrationRequest = { fromVersion: number; toVersion: number; ticketIds?: string[] | undefined; stageMap?: Record<string, string> | undefined };
/** The preview's revisions the admin confirmed: a ticket that moved since is reported, not migrated. */
export type MigrationOrder = MigrationRequest & { expectedRevisions?: Record<string, number> | undefined };

export type MissingField = { key: string; label: ProcessLabel };
export type PreviewItem = {
  ticketId: string;
  number: string;
  subject: string;
  revision: number;
  stages: Array<{ from: string; to: string | null }>;
  missingFields: MissingField[];
  problems: MigrationProblem[];
};
export type MigrationOutcome = {
  ticketId: string;
  outcome: 'migrated' | 'moved' | 'refused' | 'not_running';
  revision?: number;
  stages?: Array<{ from: string; to: string }>;
  problems?: MigrationProblem[];
};

/**
 * One request migrates at most this many instances, each in its own transaction (a commit each:
 * 200 took 7.3 s on PGlite and 15.9 s on PostgreSQL on the shared 2-core test VM, so 50 keeps a
 * request to a few seconds). More: the answer's `remaining` says how many still run on the old
 * version, and the same request again takes the next batch; the console sends its ticks in batches.
 */
export const migrationBatchLimit = 50;

type Versions = { from: ProcessDefinition; to: ProcessDefinition };
/** Stage id → name in either version (the old one's name first: problems name old stages), for messages. */
export type StageNames = ReadonlyMap<string, ProcessLabel>;

function stageNamesOf({ from, to }: Versions): StageNames {
  const names = new Map<string, ProcessLabel>();
  for (const node of [...from.nodes, ...to.nodes]) if (node.kind === 'stage' && !names.has(node.id)) names.set(node.id, node.name);
  return names;
}

/** The two versions exist and differ, and every mapped stage is a stage of the new one. */
async function versionsFor(db: Db, processId: string, request: MigrationRequest): Promise<Versions> {
  await getProcessRow(db, processId);
  if (request.fromVersion === request.toVersion) throw invalidField('toVersion', 'workflow.migration.same_version');
  const from = (await getProcessVersion(db, processId, request.fromVersion)).definition;
  const to = (await getProcessVersion(db, processId, request.toVersion)).definition;
  for (const [old, target] of Object.entries(request.stageMap ?? {})) {
    if (!stageOf(to, target)) throw invalidField(`stageMap.${old}`, 'workflow.migration.unknown_stage', { stage: target, version: request.toVersion });
  }
  return { from, to };
}

/** The running instances of `fromVersion` (or of the chosen tickets), in start order. */
function runningOn(processId: string, request: MigrationRequest, afterId?: string) {
  return and(
    eq(processInstances.processId, processId),
    eq(processInstances.version, request.fromVersion),
    eq(processInstances.status, 'running'),
    request.ticketIds ? inArray(processInstances.ticketId, request.ticketIds) : undefined,
    afterId ? gt(processInstances.id, afterId) : undefined,
  );
}

/**
 * Where each running instance would land on `toVersion`, which of the new stages' required fields
 * its ticket lacks, and what stops it from moving. Reads only; keyset pages by instance.
 */
export async function previewMigration(db: Db, processId: string, request: MigrationRequest, page: { limit: number; cursor?: string | undefined }): Promise<{ items: PreviewItem[]; total: number; nextCursor: string | null; stageNames: StageNames }> {
  const versions = await versionsFor(db, processId, request);
  const rows = await db.select().from(processInstances).where(runningOn(processId, request, page.cursor)).orderBy(asc(processInstances.id)).limit(page.limit + 1);
  const instances = rows.slice(0, page.limit);
  const [totalRow] = await db.select({ n: count() }).from(processInstances).where(runningOn(processId, request));
  const ticketIds = instances.map((row) => row.ticketId);
  const tokens = instances.length ? await db.select().from(processTokens).where(inArray(processTokens.instanceId, instances.map((row) => row.id))).orderBy(asc(processTokens.enteredAt), asc(processTokens.id)) : [];
  const snapshots = await getTicketSnapshots(db, ticketIds);
  const briefs = await findTicketBriefs(db, ticketIds);
  const labels = await fieldLabels(db);
  const items = instances.map((instance): PreviewItem => {
    const own = tokens.filter((token) => token.instanceId === instance.id);
    const plan = withInstanceProblems(planInstanceMigration(versions.from, versions.to, own, instance.joins, request.stageMap ?? {}), instance);
    const snapshot = snapshots.get(instance.ticketId);
    const values = snapshot ? ticketValuesOf(snapshot) : {};
    const brief = briefs.get(instance.ticketId);
    return {
      ticketId: instance.ticketId,
      number: brief?.number ?? '',
      subject: brief?.subject ?? '',
      revision: instance.revision,
      stages: own.map((token) => ({ from: token.stage, to: plan.tokens.find((landing) => landing.id === token.id)?.to ?? null })),
      missingFields: missingFields(versions.to, plan, values).map((key) => ({ key, label: labels.get(key) ?? { 'zh-CN': key, en: key } })),
      problems: plan.problems,
    };
  });
  const last = instances.at(-1);
  return { items, total: totalRow?.n ?? 0, nextCursor: rows.length > page.limit && last ? last.id : null, stageNames: stageNamesOf(versions) };
}

/**
 * Moves the chosen running instances (or the first {@link migrationBatchLimit} of `fromVersion`)
 * to `toVersion`, each in its own transaction: the instance row is locked and must still be at the
 * revision the admin saw (else "moved", left alone), its tokens move to their new stages (who
 * works on each is resolved anew), the revision moves on (a transition offered before now gets
 * 409), and `workflow.instance_migrated` and a timeline entry are recorded. An instance with a
 * problem is refused whole: never half-migrated.
 */
export async function migrateInstances(database: Database, actor: Actor, processId: string, order: MigrationOrder): Promise<{ outcomes: MigrationOutcome[]; remaining: number; stageNames: StageNames }> {
  const versions = await versionsFor(database.db, processId, order);
  const chosen = await database.db
    .select({ ticketId: processInstances.ticketId, revision: processInstances.revision })
    .from(processInstances)
    .where(runningOn(processId, order))
    .orderBy(asc(processInstances.id))
    .limit(migrationBatchLimit);
  const seen = new Map(chosen.map((row) => [row.ticketId, row.revision]));
  const outcomes: MigrationOutcome[] = [];
  for (const ticketId of order.ticketIds ?? [...seen.keys()]) {
    const expected = order.expectedRevisions?.[ticketId] ?? seen.get(ticketId);
    outcomes.push(expected === undefined ? { ticketId, outcome: 'not_running' } : await database.transaction((tx) => migrateOne(tx, actor, processId, versions, order, ticketId, expected)));
  }
  const [left] = await database.db.select({ n: count() }).from(processInstances).where(runningOn(processId, { ...order, ticketIds: undefined }));
  return { outcomes, remaining: left?.n ?? 0, stageNames: stageNamesOf(versions) };
}

/**
 * What the instance itself forbids besides its stages: a transition waiting for its approval (审批中)
 * was asked under the old version's plan, and its decision would move tokens the migration had
 * already moved; the admin migrates it once the approval is decided.
 */
function withInstanceProblems<Plan extends { problems: MigrationProblem[] }>(plan: Plan, instance: { approvalRequestId: string | null }): Plan {
  return instance.approvalRequestId ? { ...plan, problems: [...plan.problems, { code: 'workflow.migration.approval_pending', params: {} }] } : plan;
}

async function migrateOne(tx: Tx, actor: Actor, processId: string, versions: Versions, order: MigrationOrder, ticketId: string, expected: number): Promise<MigrationOutcome> {
  const [instance] = await tx.select().from(processInstances).where(eq(processInstances.ticketId, ticketId)).for('update');
  if (!instance || instance.processId !== processId || instance.status !== 'running' || instance.version !== order.fromVersion) return { ticketId, outcome: 'not_running' };
  if (instance.revision !== expected) return { ticketId, outcome: 'moved', revision: instance.revision };
  const tokens = await tx.select().from(processTokens).where(eq(processTokens.instanceId, instance.id));
  const plan = withInstanceProblems(planInstanceMigration(versions.from, versions.to, tokens, instance.joins, order.stageMap ?? {}), instance);
  if (plan.problems.length || !plan.tokens.length) return { ticketId, outcome: 'refused', problems: plan.problems };
  const snapshot = await getTicketSnapshot(tx, ticketId);
  const values = snapshot ? ticketValuesOf(snapshot) : {};
  const now = new Date();
  for (const landing of plan.tokens) {
    const assignee = resolveStageAssignee(stageOf(versions.to, landing.to), values);
    const token = tokens.find((candidate) => candidate.id === landing.id);
    await tx
      .update(processTokens)
      .set({ stage: landing.to, lineage: landing.lineage, assigneeUserId: assignee.userId, assigneeTeamId: assignee.teamId, assigneeRole: assignee.role, ...(token?.stage !== landing.to && { enteredAt: now }) })
      .where(eq(processTokens.id, landing.id));
  }
  // A token moved to another stage counts that stage's target from now (the old stage's timer stops).
  const moved = plan.tokens.filter((landing) => tokens.find((candidate) => candidate.id === landing.id)?.stage !== landing.to);
  await stopStageTimers(tx, instance.id, moved.map((landing) => landing.id));
  await startStageTimers(tx, versions.to, { instanceId: instance.id, ticketId }, moved.map((landing) => ({ id: landing.id, node: landing.to })), now);
  const revision = instance.revision + 1;
  await tx.update(processInstances).set({ version: order.toVersion, revision, joins: plan.joins }).where(eq(processInstances.id, instance.id));
  const stages = plan.tokens.map((landing) => ({ from: landing.from, to: landing.to }));
  const payload = { processId, fromVersion: order.fromVersion, toVersion: order.toVersion, stages };
  await recordEvent(tx, instanceMigrated, { aggregateId: ticketId, cause: 'agent', actorId: actor.id, payload });
  // The timeline names the stages as they were called then (versions keep their names; the entry reads without them).
  const named = plan.tokens.map((landing) => ({ from: landing.from, to: landing.to, fromName: stageOf(versions.from, landing.from)?.name ?? null, toName: stageOf(versions.to, landing.to)?.name ?? null }));
  await recordTicketActivity(tx, { ticketId, type: 'process_migrated', detail: { ...payload, stages: named }, actorId: actor.id, at: now });
  return { ticketId, outcome: 'migrated', revision, stages };
}

/** The new stages' required fields the ticket has no value for (each once). */
function missingFields(to: ProcessDefinition, plan: InstanceMigrationPlan, values: Readonly<Record<string, unknown>>): string[] {
  const required = plan.tokens.flatMap((landing) => stageOf(to, landing.to)?.requiredFields ?? []);
  return [...new Set(required)].filter((key) => isEmptyValue(values[key]));
}

/** zh-CN and en labels of the ticket's fields under the condition language's keys (archived custom fields too). */
async function fieldLabels(db: Db): Promise<Map<string, ProcessLabel>> {
  const labels = new Map<string, ProcessLabel>(builtinTicketDescriptors().map((field) => [field.key, { 'zh-CN': field.label['zh-CN'], en: field.label.en ?? '' }]));
  for (const field of await listFields(db, 'ticket')) labels.set(`fields.${field.key}`, { 'zh-CN': field.label['zh-CN'], en: field.label.en ?? '' });
  return labels;
}
