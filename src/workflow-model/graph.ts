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
