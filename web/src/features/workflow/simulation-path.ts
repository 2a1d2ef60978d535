import type { ProcessDefinitionInput } from '../../../../src/workflow-model/definition.ts';
import type { SimulationResult } from '../../../../src/workflow-model/simulate.ts';

/** What the diagram highlights after `shown` steps of a simulation (the path so far, and where each token stands). */
export type PathHighlight = { path: Set<string>; current: Set<string> };

/**
 * The simulated path up to step `shown` (1 = the start alone; `steps.length` = all): the nodes and
 * transitions passed are on the path; the current one is where the last step arrived, and once
 * every step is shown, the stages still waiting for input (parallel branches can wait at several).
 */
export function highlightOf(result: SimulationResult, shown: number): PathHighlight {
  const upTo = Math.max(0, Math.min(shown, result.steps.length));
  const path = new Set<string>();
  for (const step of result.steps.slice(0, upTo)) {
    if (step.via) path.add(step.via);
    path.add(step.node);
  }
  const last = result.steps[upTo - 1];
  const complete = upTo === result.steps.length;
  const current = new Set(complete && result.waiting.length ? result.waiting.map((wait) => wait.node) : last ? [last.node] : []);
  return { path, current };
}

/**
 * The fields a simulation asks values for: those a condition tests, a stage or transition
 * requires, or an approval's tiers read, in the order the definition first names them.
 */
export function fieldsNamedBy(definition: ProcessDefinitionInput): string[] {
  const keys = new Set<string>();
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const field = 'field' in node ? node.field : undefined;
      if (typeof field === 'string' && 'op' in node) keys.add(field);
      Object.values(node).forEach(walk);
    }
  };
  for (const node of definition.nodes) if (node.kind === 'stage') node.requiredFields?.forEach((key) => keys.add(key));
  for (const transition of definition.transitions) {
    walk(transition.condition);
    transition.requiredFields?.forEach((key) => keys.add(key));
    if (transition.approval?.kind === 'tiered') keys.add(transition.approval.field);
  }
  return [...keys];
}
