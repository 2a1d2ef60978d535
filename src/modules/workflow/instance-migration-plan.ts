import type { ProcessDefinition, StageNode } from '../../workflow-model/definition.js';
import { graphOf, joinNeeds, reachableFrom, type ProcessGraph } from '../../workflow-model/graph.js';

/** A token of a running instance as stored: the stage it waits at and the parallel splits it is inside. */
export type WaitingToken = { id: string; stage: string; lineage: readonly string[] };
/** Where a token lands on the new version. */
export type LandingToken = { id: string; from: string; to: string; lineage: string[] };
/** Why an instance cannot move: a message code of the workflow module and its parameters. */
export type MigrationProblem = { code: string; params: Record<string, string> };
export type InstanceMigrationPlan = { tokens: LandingToken[]; joins: Record<string, number>; problems: MigrationProblem[] };

/**
 * Where each token of an instance lands when it moves from one published version to another
 * (issue 19 §3): the same stage when the new version still has it, else the stage the admin mapped
 * it to, else nowhere ("环节 X 已不存在"). A token inside a parallel branch keeps its join's count
 * only when its split still encloses the new stage with the same number of branches and the same
 * join rule; anything else would leave the join waiting for a branch nobody walks, so it is a
 * problem instead, as is a token landing inside a branch it was not in. Pure: the caller reads and writes.
 */
export function planInstanceMigration(from: ProcessDefinition, to: ProcessDefinition, tokens: readonly WaitingToken[], joins: Readonly<Record<string, number>>, stageMap: Readonly<Record<string, string>>): InstanceMigrationPlan {
  const oldGraph = graphOf(from);
  const newGraph = graphOf(to);
  const problems: MigrationProblem[] = [];
  const landing: LandingToken[] = [];
  for (const token of tokens) {
    const target = isStage(newGraph, token.stage) ? token.stage : stageMap[token.stage];
    if (!target || !isStage(newGraph, target)) {
      problems.push({ code: 'workflow.migration.stage_removed', params: { stage: token.stage } });
      continue;
    }
    const lineage = splitsEnclosing(newGraph, target);
    if (!sameBranches(oldGraph, newGraph, token.lineage, lineage)) {
      problems.push({ code: 'workflow.migration.parallel_branch', params: { stage: token.stage, target } });
      continue;
    }
    if (landing.some((other) => other.to === target)) {
      problems.push({ code: 'workflow.migration.stages_merge', params: { stage: token.stage, target } });
      continue;
    }
    landing.push({ id: token.id, from: token.stage, to: target, lineage });
  }
  // A join's count stays meaningful only for the splits the tokens are still inside.
  const openSplits = new Set(landing.flatMap((token) => token.lineage));
  const keptJoins = Object.fromEntries(Object.entries(joins).filter(([id]) => {
    const node = newGraph.nodes.get(id);
    return node?.kind === 'gateway' && node.gateway === 'join' && node.split !== undefined && openSplits.has(node.split);
  }));
  return { tokens: landing, joins: keptJoins, problems };
}

/** The stage node of a version, if `id` names one. */
export function stageOf(definition: ProcessDefinition, id: string): StageNode | undefined {
  const node = definition.nodes.find((candidate) => candidate.id === id);
  return node?.kind === 'stage' ? node : undefined;
}

const isStage = (graph: ProcessGraph, id: string) => graph.nodes.get(id)?.kind === 'stage';

/** The parallel splits whose branches contain `stage` (before their join), outermost first. */
export function splitsEnclosing(graph: ProcessGraph, stage: string): string[] {
  const enclosing: Array<{ split: string; size: number }> = [];
  for (const node of graph.nodes.values()) {
    if (node.kind !== 'gateway' || node.gateway !== 'join' || !node.split) continue;
    const inside = new Set((graph.forwardOut.get(node.split) ?? []).flatMap((branch) => [...reachableFrom(graph, branch.to, node.id)]));
    inside.delete(node.id);
    if (inside.has(stage)) enclosing.push({ split: node.split, size: inside.size });
  }
  // An outer split's branches hold the inner split's: the larger region is the outer one.
  return enclosing.sort((a, b) => b.size - a.size).map((entry) => entry.split);
}

/** The same splits, each with as many branches and the same join rule in both versions. */
function sameBranches(oldGraph: ProcessGraph, newGraph: ProcessGraph, before: readonly string[], after: readonly string[]): boolean {
  if (before.length !== after.length || before.some((split, i) => split !== after[i])) return false;
  return before.every((split) => {
    const oldJoin = joinOf(oldGraph, split);
    const newJoin = joinOf(newGraph, split);
    return oldJoin !== undefined && newJoin !== undefined && oldJoin.id === newJoin.id && joinNeeds(oldGraph, oldJoin) === joinNeeds(newGraph, newJoin) && (oldGraph.forwardOut.get(split) ?? []).length === (newGraph.forwardOut.get(split) ?? []).length;
  });
}

function joinOf(graph: ProcessGraph, split: string) {
  for (const node of graph.nodes.values()) if (node.kind === 'gateway' && node.gateway === 'join' && node.split === split) return { id: node.id, split, join: node.join, n: node.n };
  return undefined;
}
