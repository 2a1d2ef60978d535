import { evaluate } from '../../conditions/evaluate.js';
import type { ProcessDefinition, ProcessTransition } from '../../workflow-model/definition.js';
import type { CheckedConditions } from '../../workflow-model/run.js';
import type { StageAssignee } from './stage-work.js';
import { isEmptyValue } from './ticket-values.js';

/**
 * How a transition is judged, shared by taking it (take-transition.ts) and by the buttons the
 * ticket page shows (transition-options.ts), so a button and the POST behind it cannot disagree.
 * Who may take it is `mayTake` (stage-work.ts).
 */

/** The fields that must hold a value once the transition is taken: the stage's and the transition's. Going back never waits for the fields of the stage being left. */
export function requiredFieldsOf(definition: ProcessDefinition, transition: ProcessTransition): string[] {
  if (transition.kind === 'return') return [];
  const stage = definition.nodes.find((node) => node.id === transition.from);
  return [...new Set([...(stage?.kind === 'stage' ? stage.requiredFields : []), ...transition.requiredFields])];
}

export function missingFields(required: readonly string[], values: Readonly<Record<string, unknown>>): string[] {
  return required.filter((key) => isEmptyValue(values[key]));
}

/** A transition without a condition always holds. */
export function conditionHolds(conditions: CheckedConditions, transition: ProcessTransition, values: Readonly<Record<string, unknown>>): boolean {
  const condition = conditions.get(transition.id);
  return !condition || evaluate(condition, { values });
}

/** Who works on a token's stage, as stored on the token. */
export function tokenAssignee(token: { assigneeUserId: string | null; assigneeTeamId: string | null; assigneeRole: string | null }): StageAssignee {
  return { userId: token.assigneeUserId, teamId: token.assigneeTeamId, role: token.assigneeRole };
}
