/**
 * Walks a sample ticket through a valid definition (the designer's 模拟, issue 19 §4): which
 * stages it visits, which gateway branches it takes, which approval plan applies, and where it
 * stops. A stage is left only when exactly one of its forward transitions is open (condition holds)
 * or `choices` names one, and when its required fields are filled; otherwise the token waits
 * there, as a real ticket would wait for someone's input. Approvals are assumed granted; return
 * transitions are never taken (they are a person's decision).
 */
import type { CheckedCondition, FieldLookup } from '../conditions/types.js';
import { evaluate } from '../conditions/evaluate.js';
import { validateCondition } from '../conditions/validate.js';
import { approvalPlanFor } from './approval-plan.js';
import type { ApprovalMode, ProcessDefinition, ProcessTransition } from './definition.js';
import { exclusiveBranch, graphOf, joinNeeds, lineageAfterJoin } from './graph.js';

export type SimulationStep = {
  node: string;
  /** The transition that led here (absent for the start). */
  via?: string;
  token: number;
  /** The approval the transition taken to get here asked for: its tier (null when not tiered) and mode. */
  approval?: { tier: number | null; mode: ApprovalMode };
};
export type SimulationWait =
  | { node: string; token: number; reason: 'choice'; transitions: string[] }
  | { node: string; token: number; reason: 'no_open_transition' }
  | { node: string; token: number; reason: 'missing_fields'; transition: string; fields: string[] };
export type SimulationResult = { outcome: 'ended' | 'awaiting_input'; steps: SimulationStep[]; waiting: SimulationWait[] };

export type SimulationOptions = {
  /** The button pressed at a stage where several transitions are open: stage id → transition id. */
  choices?: Readonly<Record<string, string>>;
  now?: Date;
};

type Token = { id: number; at: string; lineage: string[] };

const isEmpty = (value: unknown) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/** `definition` must have passed validateProcess with the same fields; a condition that does not validate throws. */
export function simulateProcess(definition: ProcessDefinition, values: Readonly<Record<string, unknown>>, fields: FieldLookup, options: SimulationOptions = {}): SimulationResult {
  const graph = graphOf(definition);
  const conditions = new Map<string, CheckedCondition>();
  for (const t of definition.transitions) {
    if (t.condition === undefined) continue;
    const checked = validateCondition(t.condition, fields, { path: t.id });
    if (!checked.ok) throw new RangeError(`transition ${t.id} has an invalid condition; validate the definition first`);
    conditions.set(t.id, checked.condition);
  }
  const holds = (t: ProcessTransition) => {
    const condition = conditions.get(t.id);
    return !condition || evaluate(condition, { values, now: options.now });
  };
  const steps: SimulationStep[] = [];
  const waiting: SimulationWait[] = [];
  const waitingLineage = new Map<SimulationWait, string[]>();
  const wait = (token: Token, entry: SimulationWait) => {
    waiting.push(entry);
    waitingLineage.set(entry, token.lineage);
  };
  const joinArrivals = new Map<string, number>();
  const firedJoins = new Set<string>();
  const cancelledSplits = new Set<string>();
  let nextToken = 1;
  const queue: Token[] = [{ id: 0, at: definition.start, lineage: [] }];
  steps.push({ node: definition.start, token: 0 });

  const move = (token: Token, t: ProcessTransition, lineage = token.lineage, id = token.id) => {
    const step: SimulationStep = { node: t.to, via: t.id, token: id };
    if (t.approval) {
      const chosen = approvalPlanFor(t.approval, values);
      if (chosen.ok) step.approval = { tier: chosen.tier, mode: chosen.plan.mode };
    }
    steps.push(step);
    queue.push({ id, at: t.to, lineage });
  };

  for (let guard = 0; queue.length && guard < 10_000; guard++) {
    const token = queue.shift() as Token;
    if (token.lineage.some((split) => cancelledSplits.has(split))) continue;
    const node = graph.nodes.get(token.at);
    const out = graph.forwardOut.get(token.at) ?? [];
    if (!node || node.kind === 'end') continue;
    if (node.kind === 'stage') {
      const open = out.filter(holds);
      const chosenId = options.choices?.[node.id];
      const chosen = open.length === 1 ? open[0] : open.find((t) => t.id === chosenId);
      if (!open.length) wait(token, { node: node.id, token: token.id, reason: 'no_open_transition' });
      else if (!chosen) wait(token, { node: node.id, token: token.id, reason: 'choice', transitions: open.map((t) => t.id) });
      else {
        const tierField = chosen.approval && approvalPlanFor(chosen.approval, values);
        const required = [...node.requiredFields, ...chosen.requiredFields, ...(tierField && !tierField.ok ? [tierField.missingField] : [])];
        const missing = [...new Set(required)].filter((key) => isEmpty(values[key]));
        if (missing.length) wait(token, { node: node.id, token: token.id, reason: 'missing_fields', transition: chosen.id, fields: missing });
        else move(token, chosen);
      }
      continue;
    }
    if (node.gateway === 'exclusive') {
      const taken = exclusiveBranch(node, out, holds);
      if (taken) move(token, taken);
      continue;
    }
    if (node.gateway === 'parallel') {
      out.forEach((t, i) => move(token, t, [...token.lineage, node.id], i === 0 ? token.id : nextToken++));
      continue;
    }
    // A join: count the arrivals of its split's branches; the one that completes it goes on.
    if (!node.split || firedJoins.has(node.id)) continue;
    const arrived = (joinArrivals.get(node.id) ?? 0) + 1;
    joinArrivals.set(node.id, arrived);
    if (arrived < joinNeeds(graph, { ...node, split: node.split })) continue;
    firedJoins.add(node.id);
    // Branches still running after an any / n-of join are withdrawn (their waits no longer count).
    cancelledSplits.add(node.split);
    const lineage = lineageAfterJoin(token.lineage, node.split);
    for (let i = waiting.length - 1; i >= 0; i--) if (waitingLineage.get(waiting[i] as SimulationWait)?.includes(node.split)) waiting.splice(i, 1);
    out.forEach((t) => move(token, t, lineage));
  }
  return { outcome: waiting.length ? 'awaiting_input' : 'ended', steps, waiting };
}
