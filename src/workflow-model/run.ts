/**
 * Moving a running instance (issue 19 §5): the token waiting at a stage takes a transition, and
 * the gateways after it move on their own — an exclusive gateway takes its first transition whose
 * condition holds else its default, a parallel gateway makes a token per branch, a join counts
 * its split's branches and lets the completing one through (any / n withdraw the rest). Pure: the
 * workflow module stores the tokens and join counts, and judges who may take the transition.
 */
import type { CheckedCondition } from '../conditions/types.js';
import { evaluate } from '../conditions/evaluate.js';
import type { ProcessDefinition, ProcessTransition } from './definition.js';
import { exclusiveBranch, graphOf, joinNeeds, lineageAfterJoin } from './graph.js';

export type RunToken = { id: string; node: string; lineage: string[] };
export type RunState = { tokens: RunToken[]; joins: Record<string, number> };
/** `followed`: the transitions gateways took on their own after the one taken, in order (their actions run too). */
export type RunStep = { state: RunState; entered: RunToken[]; passed: string[]; followed: string[]; ended: boolean };

/** Conditions of the version's transitions, checked once when the version is loaded. */
export type CheckedConditions = ReadonlyMap<string, CheckedCondition>;

export function startRun(definition: ProcessDefinition, newId: () => string): RunStep {
  const token = { id: newId(), node: definition.start, lineage: [] };
  return { state: { tokens: [token], joins: {} }, entered: [token], passed: [definition.start], followed: [], ended: false };
}

/** Moves `tokenId` along `transitionId` (whose `from` must be the token's stage: the caller checked). */
export function advance(definition: ProcessDefinition, conditions: CheckedConditions, state: RunState, tokenId: string, transition: ProcessTransition, values: Readonly<Record<string, unknown>>, newId: () => string): RunStep {
  const graph = graphOf(definition);
  const holds = (t: ProcessTransition) => {
    const condition = conditions.get(t.id);
    return !condition || evaluate(condition, { values });
  };
  const moving = state.tokens.find((token) => token.id === tokenId);
  if (!moving) throw new RangeError(`no token ${tokenId}`);
  let tokens = state.tokens.filter((token) => token.id !== tokenId);
  const joins = { ...state.joins };
  const entered: RunToken[] = [];
  const passed: string[] = [];
  const followed: string[] = [];
  const queue: RunToken[] = [{ ...moving, node: transition.to }];
  // A return goes back to an earlier stage: branches it leaves behind are withdrawn with it.
  if (transition.kind === 'return') {
    const target = graph.nodes.get(transition.to);
    if (target) tokens = tokens.filter((token) => !moving.lineage.some((split) => token.lineage.includes(split)));
    // …and the joins of those splits forget the arrivals they had counted.
    for (const node of graph.nodes.values()) if (node.kind === 'gateway' && node.gateway === 'join' && node.split && moving.lineage.includes(node.split)) delete joins[node.id];
    queue[0] = { id: moving.id, node: transition.to, lineage: [] };
  }
  for (let guard = 0; queue.length && guard < 10_000; guard++) {
    const token = queue.shift() as RunToken;
    const node = graph.nodes.get(token.node);
    passed.push(token.node);
    if (!node || node.kind === 'end') continue;
    if (node.kind === 'stage') {
      tokens.push(token);
      entered.push(token);
      continue;
    }
    const out = graph.forwardOut.get(node.id) ?? [];
    if (node.gateway === 'exclusive') {
      const taken = exclusiveBranch(node, out, holds);
      if (taken) {
        queue.push({ ...token, node: taken.to });
        followed.push(taken.id);
      }
      continue;
    }
    if (node.gateway === 'parallel') {
      out.forEach((t, i) => queue.push({ id: i === 0 ? token.id : newId(), node: t.to, lineage: [...token.lineage, node.id] }));
      followed.push(...out.map((t) => t.id));
      continue;
    }
    if (!node.split) continue;
    const arrived = (joins[node.id] ?? 0) + 1;
    joins[node.id] = arrived;
    if (arrived !== joinNeeds(graph, { ...node, split: node.split })) continue;
    // Complete: the branches still running are withdrawn, the count starts again for a later round (after a return).
    const split = node.split;
    tokens = tokens.filter((other) => !other.lineage.includes(split));
    delete joins[node.id];
    const lineage = lineageAfterJoin(token.lineage, split);
    for (const t of out) queue.push({ id: token.id, node: t.to, lineage });
    followed.push(...out.map((t) => t.id));
  }
  return { state: { tokens, joins }, entered, passed, followed, ended: tokens.length === 0 };
}
