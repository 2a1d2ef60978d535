import type { SystemActorName, SystemActors } from '../../app/system-actors.js';
import type { Actor } from '../auth/index.js';
import type { AssignmentStrategy } from './schema.js';

/**
 * Who assigns: the assignment module itself, through the tickets service like anyone else, so the
 * timeline says 自动分配 decided, and by which strategy: one fixed id per strategy (kind
 * `assignment:<strategy>`), none of them a user's (no one can sign in as it). The plain
 * `assignment` actor does the rest (agents made 离开 or 离线, sweeps) and every assignment recorded
 * before the strategies had actors of their own.
 */
export const assignmentSystemActor: Actor = { id: '00000000-0000-7000-8000-00000000a551', email: 'assignment@system.invalid', name: '智能分配', role: 'admin', locale: 'zh-CN', teamIds: [] };

type Deciding = Exclude<AssignmentStrategy, 'off'>;

const strategyActors: Record<Deciding, { id: string; labels: SystemActorName['labels'] }> = {
  round_robin: { id: '00000000-0000-7000-8000-00000a551001', labels: { 'zh-CN': '自动分配（轮询）', en: 'Auto-assignment (round robin)' } },
  least_open: { id: '00000000-0000-7000-8000-00000a551002', labels: { 'zh-CN': '自动分配（最少未结工单）', en: 'Auto-assignment (fewest open tickets)' } },
  skills: { id: '00000000-0000-7000-8000-00000a551003', labels: { 'zh-CN': '自动分配（按技能）', en: 'Auto-assignment (skills)' } },
  weighted: { id: '00000000-0000-7000-8000-00000a551004', labels: { 'zh-CN': '自动分配（按权重）', en: 'Auto-assignment (weighted)' } },
};

const actorIds: ReadonlySet<string> = new Set([assignmentSystemActor.id, ...Object.values(strategyActors).map((actor) => actor.id)]);

/** The actor a decision of `strategy` acts as (a team turned off meanwhile: the plain one). */
export function assignmentActorOf(strategy: AssignmentStrategy): Actor {
  if (strategy === 'off') return assignmentSystemActor;
  return { ...assignmentSystemActor, id: strategyActors[strategy].id, name: strategyActors[strategy].labels['zh-CN'] };
}

/** Whether a change was made by this module (any of its actors). */
export function isAssignmentActor(actorId: string | null | undefined): boolean {
  return actorId !== null && actorId !== undefined && actorIds.has(actorId);
}

/** Name this module's actors on the timeline (`GET /actor-names`). */
export function registerAssignmentActors(registry: SystemActors): void {
  registry.register({ id: assignmentSystemActor.id, kind: 'assignment', labels: { 'zh-CN': '自动分配', en: 'Auto-assignment' } });
  for (const [strategy, actor] of Object.entries(strategyActors)) registry.register({ id: actor.id, kind: `assignment:${strategy}`, labels: actor.labels });
}
