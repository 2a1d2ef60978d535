/**
 * Checks a process definition before it is published (issue 19 §3): every problem with its path
 * into the definition and a catalogue key (messages.ts), so the designer marks it on the diagram
 * and the API lists it in a 422. Structural checks run only on a definition that parsed.
 */
import type { ConditionIssue, FieldLookup } from '../conditions/types.js';
import { validateCondition } from '../conditions/validate.js';
import { compareDecimal } from '../conditions/values.js';
import { processDefinitionSchema, type Approval, type ApproverRule, type ActorRule, type ProcessDefinition } from './definition.js';
import { graphOf, nodesOnForwardCycles, reachableFrom, type ProcessGraph } from './graph.js';

export type ProcessIssue = ConditionIssue;
export type ProcessValidation = { ok: true; definition: ProcessDefinition } | { ok: false; issues: ProcessIssue[] };

export function validateProcess(input: unknown, fields: FieldLookup): ProcessValidation {
  const parsed = processDefinitionSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), code: issue.message.startsWith('workflow.') ? issue.message : 'workflow.invalid_value' })),
    };
  }
  const issues = checkDefinition(parsed.data, fields);
  return issues.length ? { ok: false, issues } : { ok: true, definition: parsed.data };
}

function checkDefinition(definition: ProcessDefinition, fields: FieldLookup): ProcessIssue[] {
  const issues: ProcessIssue[] = [];
  const add = (path: string, code: string, params?: Record<string, string | number>) => issues.push({ path, code, ...(params ? { params } : {}) });
  const ids = new Set<string>();
  definition.nodes.forEach((node, i) => (ids.has(node.id) ? add(`nodes.${i}.id`, 'workflow.duplicate_id', { id: node.id }) : ids.add(node.id)));
  definition.transitions.forEach((t, i) => (ids.has(t.id) ? add(`transitions.${i}.id`, 'workflow.duplicate_id', { id: t.id }) : ids.add(t.id)));
  const graph = graphOf(definition);
  if (graph.nodes.get(definition.start)?.kind !== 'stage') add('start', 'workflow.start_not_stage', { id: definition.start });
  definition.transitions.forEach((t, i) => {
    for (const end of ['from', 'to'] as const) if (!graph.nodes.has(t[end])) add(`transitions.${i}.${end}`, 'workflow.unknown_node', { id: t[end] });
  });
  if (issues.length) return issues;

  checkFieldsAndRules(definition, graph, fields, add);
  checkStructure(definition, graph, add);
  return issues;
}

type Add = (path: string, code: string, params?: Record<string, string | number>) => void;

function checkFieldsAndRules(definition: ProcessDefinition, graph: ProcessGraph, fields: FieldLookup, add: Add) {
  const knownField = (path: string, key: string) => {
    if (!fields(key)) add(path, 'workflow.unknown_field', { field: key });
    return fields(key);
  };
  const userField = (path: string, key: string) => {
    const field = knownField(path, key);
    if (field && field.type !== 'user') add(path, 'workflow.expected_user_field', { field: key });
  };
  const approvers = (path: string, rules: readonly ApproverRule[]) =>
    rules.forEach((rule, i) => rule.kind === 'user_field' && userField(`${path}.${i}.field`, rule.field));
  const actors = (path: string, rules: readonly ActorRule[]) =>
    rules.forEach((rule, i) => {
      if (rule.kind === 'user_field') userField(`${path}.${i}.field`, rule.field);
      if (rule.kind === 'stage_actor' && graph.nodes.get(rule.stage)?.kind !== 'stage') add(`${path}.${i}.stage`, 'workflow.unknown_stage', { id: rule.stage });
    });
  definition.nodes.forEach((node, i) => {
    if (node.kind === 'stage') {
      node.requiredFields.forEach((key, j) => knownField(`nodes.${i}.requiredFields.${j}`, key));
      node.readOnlyFields.forEach((key, j) => knownField(`nodes.${i}.readOnlyFields.${j}`, key));
      if (node.assignee?.kind === 'user_field') userField(`nodes.${i}.assignee.field`, node.assignee.field);
    }
  });
  definition.transitions.forEach((t, i) => {
    const at = `transitions.${i}`;
    t.requiredFields.forEach((key, j) => knownField(`${at}.requiredFields.${j}`, key));
    actors(`${at}.allow`, t.allow);
    actors(`${at}.exclude`, t.exclude);
    if (t.condition !== undefined) {
      const checked = validateCondition(t.condition, fields, { path: `${at}.condition` });
      if (!checked.ok) checked.issues.forEach((issue) => add(issue.path, issue.code, issue.params));
    }
    if (t.approval) checkApproval(`${at}.approval`, t.approval, fields, add, approvers);
    if (t.kind === 'return' && graph.nodes.get(t.from)?.kind !== 'stage') add(`${at}.from`, 'workflow.return_from_gateway');
    if (graph.nodes.get(t.from)?.kind === 'gateway' && t.approval) add(`${at}.approval`, 'workflow.approval_on_gateway');
    if (graph.nodes.get(t.from)?.kind === 'end') add(`${at}.from`, 'workflow.end_has_exit', { id: t.from });
  });
}

function checkApproval(path: string, approval: Approval, fields: FieldLookup, add: Add, approvers: (path: string, rules: readonly ApproverRule[]) => void) {
  const plans = approval.kind === 'fixed' ? [{ path, plan: approval }] : approval.tiers.map((tier, i) => ({ path: `${path}.tiers.${i}`, plan: tier }));
  for (const { path: at, plan } of plans) {
    approvers(`${at}.approvers`, plan.approvers);
    if (plan.mode === 'n_of_m' && plan.n === undefined) add(`${at}.n`, 'workflow.n_required');
    if (plan.mode === 'single' && plan.approvers.length > 1) add(`${at}.approvers`, 'workflow.single_needs_one');
  }
  if (approval.kind !== 'tiered') return;
  const field = fields(approval.field);
  if (!field) add(`${path}.field`, 'workflow.unknown_field', { field: approval.field });
  else if (field.type !== 'number' && field.type !== 'money') add(`${path}.field`, 'workflow.expected_numeric_field', { field: approval.field });
  approval.tiers.forEach((tier, i) => {
    const last = i === approval.tiers.length - 1;
    if ((tier.upTo === null) !== last) add(`${path}.tiers.${i}.upTo`, last ? 'workflow.last_tier_open' : 'workflow.only_last_tier_open');
    const previous = approval.tiers[i - 1]?.upTo;
    if (tier.upTo !== null && previous != null && compareDecimal(tier.upTo, previous) <= 0) add(`${path}.tiers.${i}.upTo`, 'workflow.tiers_ascending');
  });
}

function checkStructure(definition: ProcessDefinition, graph: ProcessGraph, add: Add) {
  const nodeIndex = new Map(definition.nodes.map((node, i) => [node.id, i]));
  const transitionIndex = new Map(definition.transitions.map((t, i) => [t.id, i]));
  const reachable = reachableFrom(graph, definition.start);
  const onCycle = nodesOnForwardCycles(graph);
  const ends = new Set(definition.nodes.filter((node) => node.kind === 'end').map((node) => node.id));
  for (const node of definition.nodes) {
    const at = `nodes.${nodeIndex.get(node.id)}`;
    const out = graph.forwardOut.get(node.id) ?? [];
    if (!reachable.has(node.id)) add(at, 'workflow.unreachable', { id: node.id });
    if (onCycle.has(node.id)) add(at, 'workflow.forward_cycle', { id: node.id });
    if (node.kind !== 'end' && out.length === 0) add(at, 'workflow.dead_end', { id: node.id });
    else if (node.kind !== 'end' && ![...reachableFrom(graph, node.id)].some((id) => ends.has(id))) add(at, 'workflow.no_way_to_end', { id: node.id });
    if (node.kind !== 'gateway') continue;
    if (node.gateway === 'exclusive') {
      if (!node.defaultTransition) add(`${at}.defaultTransition`, 'workflow.gateway_without_default', { id: node.id });
      else if (!out.some((t) => t.id === node.defaultTransition)) add(`${at}.defaultTransition`, 'workflow.default_not_outgoing', { id: node.defaultTransition });
      for (const t of out) if (t.id !== node.defaultTransition && t.condition === undefined) add(`transitions.${transitionIndex.get(t.id)}.condition`, 'workflow.condition_required');
    }
    if (node.gateway === 'parallel') {
      if (out.length < 2) add(at, 'workflow.split_needs_branches', { id: node.id });
      if (!definition.nodes.some((other) => other.kind === 'gateway' && other.gateway === 'join' && other.split === node.id)) add(at, 'workflow.split_without_join', { id: node.id });
      for (const t of out) if (t.condition !== undefined) add(`transitions.${transitionIndex.get(t.id)}.condition`, 'workflow.condition_on_parallel');
    }
    if (node.gateway === 'join') checkJoin(node, at, graph, add);
  }
  definition.transitions.forEach((t, i) => {
    // "Earlier" is any stage from which the forward graph reaches the stage going back.
    if (t.kind === 'return' && (graph.nodes.get(t.to)?.kind !== 'stage' || t.to === t.from || !reachableFrom(graph, t.to).has(t.from))) add(`transitions.${i}.to`, 'workflow.return_not_earlier', { id: t.to });
  });
}

function checkJoin(node: Extract<ProcessDefinition['nodes'][number], { gateway: 'join' }>, at: string, graph: ProcessGraph, add: Add) {
  const split = node.split ? graph.nodes.get(node.split) : undefined;
  if (!split || split.kind !== 'gateway' || split.gateway !== 'parallel') return add(`${at}.split`, 'workflow.join_without_split', { id: node.id });
  const branches = graph.forwardOut.get(split.id) ?? [];
  // Every way out of a branch passes the join: a branch that could end on its own would leave the join waiting forever.
  const skipping = branches.filter((branch) => [...reachableFrom(graph, branch.to, node.id)].some((id) => graph.nodes.get(id)?.kind === 'end'));
  const missing = branches.filter((branch) => !reachableFrom(graph, branch.to).has(node.id));
  if (missing.length) add(`${at}.split`, 'workflow.branch_misses_join', { id: node.id, branches: missing.map((b) => b.id).join(', ') });
  else if (skipping.length) add(`${at}.split`, 'workflow.branch_skips_join', { id: node.id, branches: skipping.map((b) => b.id).join(', ') });
  else checkBranchesClosed(graph, split.id, node.id, at, add);
  if (node.join === 'n') {
    if (node.n === undefined) add(`${at}.n`, 'workflow.n_required');
    else if (node.n > branches.length) add(`${at}.n`, 'workflow.join_n_too_large', { n: node.n, branches: branches.length });
  }
}

/** A way into a branch from outside the split would bring the join an arrival it does not count on. */
function checkBranchesClosed(graph: ProcessGraph, splitId: string, joinId: string, at: string, add: Add) {
  const branches = graph.forwardOut.get(splitId) ?? [];
  const inside = new Set(branches.flatMap((branch) => [...reachableFrom(graph, branch.to, joinId)]).filter((id) => id !== joinId));
  for (const id of inside) {
    for (const t of graph.transitionsInto.get(id) ?? []) {
      if (t.kind === 'forward' && t.from !== splitId && !inside.has(t.from)) add(`${at}.split`, 'workflow.enters_branch', { id: joinId, transition: t.id });
    }
  }
}
