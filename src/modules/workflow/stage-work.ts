import type { ActorRule, StageNode } from '../../workflow-model/definition.js';
import type { Actor } from '../auth/index.js';

/** Who works on a token's stage, resolved when it entered (stored on the token). */
export type StageAssignee = { userId: string | null; teamId: string | null; role: string | null };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const userIn = (value: unknown) => (typeof value === 'string' && uuidPattern.test(value) ? value : null);

/**
 * The stage's assignee rule against the ticket's values at entry. A stage without a rule, a user
 * field still empty, or a requester without an account manager (`accountManager`, resolved by the
 * caller with resolveAccountManager when a stage asks for it) is worked by the ticket's assignee,
 * else its team.
 */
export function resolveStageAssignee(stage: StageNode | undefined, values: Readonly<Record<string, unknown>>, accountManager: string | null = null): StageAssignee {
  const fallback: StageAssignee = { userId: userIn(values.assignee), teamId: userIn(values.assignee) ? null : userIn(values.team), role: null };
  const rule = stage?.assignee;
  if (!rule) return fallback;
  switch (rule.kind) {
    case 'team':
      return { userId: null, teamId: rule.teamId, role: null };
    case 'role':
      return { userId: null, teamId: null, role: rule.role };
    case 'user_field':
      return userIn(values[rule.field]) ? { userId: userIn(values[rule.field]), teamId: null, role: null } : fallback;
    case 'account_manager':
      return accountManager ? { userId: accountManager, teamId: null, role: null } : fallback;
  }
}

export function worksOn(actor: Actor, assignee: StageAssignee): boolean {
  if (!assignee.userId && !assignee.teamId && !assignee.role) return true;
  return assignee.userId === actor.id || (assignee.teamId !== null && actor.teamIds.includes(assignee.teamId)) || assignee.role === actor.role;
}

/**
 * May `actor` take a transition: one of `allow` matches and none of `exclude` does.
 * `stageActors`: who last left each stage (the handler of 执行赔偿 may not do its 回访).
 */
export function mayTake(actor: Actor, rules: { allow: readonly ActorRule[]; exclude: readonly ActorRule[] }, context: { assignee: StageAssignee; values: Readonly<Record<string, unknown>>; stageActors: Readonly<Record<string, string>> }): boolean {
  const matches = (rule: ActorRule) => {
    switch (rule.kind) {
      case 'stage_assignee':
        return worksOn(actor, context.assignee);
      case 'role':
        return actor.role === rule.role;
      case 'team':
        return actor.teamIds.includes(rule.teamId);
      case 'user_field':
        return context.values[rule.field] === actor.id;
      case 'stage_actor':
        return context.stageActors[rule.stage] === actor.id;
    }
  };
  return rules.allow.some(matches) && !rules.exclude.some(matches);
}
