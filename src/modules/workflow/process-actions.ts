import { eq, inArray } from 'drizzle-orm';
import type { Clock } from '../../app/clock.js';
import type { AppContext } from '../../app/context.js';
import { Unprocessable } from '../../app/errors.js';
import type { ActorLabels, SystemActorName } from '../../app/system-actors.js';
import { writeRulesOf } from '../../app/write-rules.js';
import type { Database, Db, Tx } from '../../db/database.js';
import type { ProcessAction, ProcessDefinition, ProcessTransition } from '../../workflow-model/definition.js';
import { ActionFailed, runActionsFor, type ActionRunDeps } from '../automation/index.js';
import { processes } from './schema.js';

/**
 * What a move of an instance needs from the app besides the database (a route's or job's context):
 * what its actions need, and the injected clock its tokens and stage timers start by.
 */
export type ProcessActionDeps = Omit<ActionRunDeps, 'database'> & { clock: Clock };

export function processActionDeps(context: Pick<AppContext, 'transitionGuards' | 'fieldTypes' | 'replyChannels' | 'config' | 'clock'>): ProcessActionDeps {
  const { OPENCSM_TIMEZONE: timeZone, OPENCSM_PUBLIC_URL: publicUrl } = context.config;
  return { rules: writeRulesOf(context), replyChannels: context.replyChannels, timeZone, clock: context.clock, ...(publicUrl && { publicUrl }) };
}

/** One move of an instance: the transition taken (none when the process starts), the ones gateways took after it, the stage left and the stages entered. */
export type ProcessMove = {
  definition: ProcessDefinition;
  processId: string;
  ticketId: string;
  /** Who took the transition (never notified by its actions); null when the process started by itself. */
  actorId: string | null;
  /** The move's own event (`workflow.transition_taken`, `workflow.process_started`): its id keys what the actions create. */
  event: { id: number; type: string };
  transition?: ProcessTransition;
  followed: readonly string[];
  left: string | null;
  entered: readonly string[];
};

type ActionList = { at: string; actions: readonly ProcessAction[] };

/**
 * The lists a move runs, in this order: the transition's actions, those of the transitions gateways
 * took after it, the exit actions of the stage left, then the entry actions of each stage entered.
 * Branches withdrawn by a join or a return run no exit actions (nobody left them). `at` is the list's
 * path in the definition, as validation names it.
 */
export function actionListsOf(move: Pick<ProcessMove, 'definition' | 'transition' | 'followed' | 'left' | 'entered'>): ActionList[] {
  const { nodes, transitions } = move.definition;
  const lists: ActionList[] = [];
  for (const id of [...(move.transition ? [move.transition.id] : []), ...move.followed]) {
    const index = transitions.findIndex((t) => t.id === id);
    if (index >= 0) lists.push({ at: `transitions.${index}.actions`, actions: transitions[index]!.actions });
  }
  const stage = (id: string, list: 'exitActions' | 'entryActions') => {
    const index = nodes.findIndex((node) => node.id === id);
    const node = nodes[index];
    if (node?.kind === 'stage') lists.push({ at: `nodes.${index}.${list}`, actions: node[list] });
  };
  if (move.left) stage(move.left, 'exitActions');
  for (const id of move.entered) stage(id, 'entryActions');
  return lists.filter((list) => list.actions.length > 0);
}

/**
 * Runs a move's actions (actionListsOf) inside the move's transaction through automation's
 * `runActionsFor`, with cause `process:<id>`, acting as the process (its own id, named on the
 * timeline by the resolver below). A failing action throws 422 `workflow.action_failed` naming the
 * action's place in the definition, and the whole move (fields, stages, events) rolls back with it:
 * a transition is one transaction, so its actions are all-or-nothing with it, where a rule's firing
 * (separate transactions after the change) logs a failing action and keeps the change. Answers how
 * many actions ran; costs nothing when the move has none.
 */
export async function runProcessActions(tx: Tx, database: Database, deps: ProcessActionDeps, move: ProcessMove): Promise<number> {
  const lists = actionListsOf(move);
  if (!lists.length) return 0;
  const [process] = await tx.select({ name: processes.name }).from(processes).where(eq(processes.id, move.processId));
  const actingAs = { id: move.processId, name: process?.name['zh-CN'] ?? move.processId };
  let ran = 0;
  for (const list of lists) {
    const request = { ticketId: move.ticketId, actions: list.actions, cause: `process:${move.processId}` as const, actorId: move.actorId, trigger: move.event.type, actingAs, sourceKey: `process:${move.processId}:${move.event.id}:${list.at}` };
    try {
      ran += (await runActionsFor(tx, request, { ...deps, database })).length;
    } catch (failure) {
      if (!(failure instanceof ActionFailed)) throw failure;
      const at = `definition.${list.at}.${failure.index}`;
      throw new Unprocessable('workflow.action_failed', { at, type: failure.type }, failure.errors.map((reason) => ({ ...reason, path: at })));
    }
  }
  return ran;
}

/** Names a process acting on the timeline (`GET /actor-names`, kind `process:<id>`): 流程「投诉处理」. */
export async function processActorNames(db: Db, ids: readonly string[]): Promise<SystemActorName[]> {
  const uuids = ids.filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
  if (!uuids.length) return [];
  const rows = await db.select({ id: processes.id, name: processes.name }).from(processes).where(inArray(processes.id, uuids));
  return rows.map((row) => {
    const labels: ActorLabels = { 'zh-CN': `流程「${row.name['zh-CN']}」`, en: `Process “${row.name.en || row.name['zh-CN']}”` };
    return { id: row.id, kind: `process:${row.id}`, labels };
  });
}
