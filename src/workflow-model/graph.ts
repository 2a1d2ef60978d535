/** The definition as a graph: nodes by id, forward and return transitions out of each node, reachability. */
import type { ProcessDefinition, ProcessNode, ProcessTransition } from './definition.js';

export type ProcessGraph = {
  nodes: Map<string, ProcessNode>;
  /** Forward transitions leaving each node, in the definition's order (an exclusive gateway tries them in it). */
  forwardOut: Map<string, ProcessTransition[]>;
  returnsOut: Map<string, ProcessTransition[]>;
  /** Every transition (forward or return) arriving at each node. */
  transitionsInto: Map<string, ProcessTransition[]>;
  transitions: Map<string, ProcessTransition>;
};

export function graphOf(definition: ProcessDefinition): ProcessGraph {
  const nodes = new Map(definition.nodes.map((node) => [node.id, node]));
  const forwardOut = new Map<string, ProcessTransition[]>();
  const returnsOut = new Map<string, ProcessTransition[]>();
  const transitionsInto = new Map<string, ProcessTransition[]>();
  for (const node of definition.nodes) {
    forwardOut.set(node.id, []);
    returnsOut.set(node.id, []);
    transitionsInto.set(node.id, []);
  }
  for (const transition of definition.transitions) {
    if (!nodes.has(transition.from) || !nodes.has(transition.to)) continue;
    (transition.kind === 'return' ? returnsOut : forwardOut).get(transition.from)?.push(transition);
    transitionsInto.get(transition.to)?.push(transition);
  }
  return { nodes, forwardOut, returnsOut, transitionsInto, transitions: new Map(definition.transitions.map((t) => [t.id, t])) };
}

/** Every node reachable from `from` over forward transitions (`from` included), not walking past `stopAt`. */
export function reachableFrom(graph: ProcessGraph, from: string, stopAt?: string): Set<string> {
  const seen = new Set<string>([from]);
  const stack = [from];
  while (stack.length) {
    const id = stack.pop() as string;
    if (id === stopAt) continue;
    for (const transition of graph.forwardOut.get(id) ?? []) {
      if (seen.has(transition.to)) continue;
      seen.add(transition.to);
      stack.push(transition.to);
    }
  }
  return seen;
}

/** Nodes lying on a cycle of forward transitions (going back is a `return` transition's job). */
export function nodesOnForwardCycles(graph: ProcessGraph): Set<string> {
  const onCycle = new Set<string>();
  for (const id of graph.nodes.keys()) {
    for (const transition of graph.forwardOut.get(id) ?? []) {
      if (reachableFrom(graph, transition.to).has(id)) onCycle.add(id);
    }
  }
  return onCycle;
}

/*
 * Gateway semantics, shared by the designer's simulation (simulate.ts) and the running instance
 * (run.ts), so a simulated ticket takes exactly the path a live one would.
 */

/** An exclusive gateway's branch: its first non-default outgoing transition whose condition holds, else its default. */
export function exclusiveBranch(gateway: { defaultTransition?: string | undefined }, out: readonly ProcessTransition[], holds: (transition: ProcessTransition) => boolean): ProcessTransition | undefined {
  return out.find((t) => t.id !== gateway.defaultTransition && holds(t)) ?? out.find((t) => t.id === gateway.defaultTransition);
}

/** How many of its split's branches a join lets through on: all, any one, or n. */
export function joinNeeds(graph: ProcessGraph, join: { split: string; join: 'all' | 'any' | 'n'; n?: number | undefined }): number {
  const branches = (graph.forwardOut.get(join.split) ?? []).length;
  return join.join === 'all' ? branches : join.join === 'any' ? 1 : (join.n ?? branches);
}

/** A token's lineage once the join of `split` has let it through: the splits enclosing that one. */
export function lineageAfterJoin(lineage: readonly string[], split: string): string[] {
  return lineage.slice(0, Math.max(0, lineage.lastIndexOf(split)));
}
