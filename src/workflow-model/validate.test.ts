import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalogues } from '../app/i18n/catalogue.js';
import { fieldLookup } from '../conditions/types.js';
import type { ProcessDefinitionInput } from './definition.js';
import { complaintFields, complaintFlow } from './fixtures/complaint-flow.js';
import { repairFields, repairFlow } from './fixtures/repair-flow.js';
import { validateProcess, type ProcessIssue } from './validate.js';

const complaintLookup = fieldLookup(complaintFields);
const repairLookup = fieldLookup(repairFields);

/** A copy of the complaint flow changed by `change`, validated; the issues, each checked to have a message in both languages. */
function issuesAfter(change: (definition: ProcessDefinitionInput) => void, base: ProcessDefinitionInput = complaintFlow, lookup = complaintLookup): ProcessIssue[] {
  const definition = structuredClone(base);
  change(definition);
  const result = validateProcess(definition, lookup);
  assert.equal(result.ok, false, 'expected the definition to be refused');
  const issues = result.ok ? [] : result.issues;
  for (const issue of issues) {
    assert.ok(issue.code in catalogues['zh-CN'] && issue.code in catalogues.en, `${issue.code} has messages`);
  }
  return issues;
}
const node = (definition: ProcessDefinitionInput, id: string) => definition.nodes.find((n) => n.id === id) as Record<string, unknown>;
const transition = (definition: ProcessDefinitionInput, id: string) => definition.transitions.find((t) => t.id === id) as Record<string, unknown>;
const pathsAndCodes = (issues: ProcessIssue[]) => issues.map((issue) => `${issue.path} ${issue.code}`);

test('the seeds’ complaint flow and the repair flow with every join are valid, with defaults filled in', () => {
  const result = validateProcess(complaintFlow, complaintLookup);
  assert.ok(result.ok, JSON.stringify(!result.ok && result.issues));
  const accepted = result.definition.transitions.find((t) => t.id === 'accepted');
  assert.deepEqual(accepted?.allow, [{ kind: 'stage_assignee' }]);
  assert.equal(accepted?.kind, 'forward');
  for (const [join, n] of [['all'], ['any'], ['n', 2]] as const) assert.ok(validateProcess(repairFlow(join, n), repairLookup).ok, join);
});

test('a stage nobody can reach is named by its path', () => {
  const issues = issuesAfter((d) => {
    d.nodes.push({ kind: 'stage', id: 'orphan', name: { 'zh-CN': '孤立环节', en: 'Orphan' }, position: { x: 0, y: 300 } });
    d.transitions.push({ id: 'orphan_out', from: 'orphan', to: 'closed', label: { 'zh-CN': '结束', en: 'End' } });
  });
  assert.deepEqual(pathsAndCodes(issues), ['nodes.10 workflow.unreachable']);
  assert.deepEqual(issues[0]?.params, { id: 'orphan' });
});

test('a dead end that is not an end stage is refused, and so is a stage from which no end is reachable', () => {
  const deadEnd = issuesAfter((d) => {
    d.transitions = d.transitions.filter((t) => t.id !== 'close');
  });
  assert.ok(pathsAndCodes(deadEnd).includes('nodes.8 workflow.dead_end'));
  // 执行赔偿 and 解释说明 lead only to the dead 回访: no end from there either.
  assert.ok(pathsAndCodes(deadEnd).includes('nodes.6 workflow.no_way_to_end'));
});

test('an exclusive gateway needs a default that leaves it, and conditions on its other transitions', () => {
  assert.deepEqual(pathsAndCodes(issuesAfter((d) => delete node(d, 'liability').defaultTransition)), ['nodes.4.defaultTransition workflow.gateway_without_default', 'transitions.6.condition workflow.condition_required']);
  assert.deepEqual(pathsAndCodes(issuesAfter((d) => (node(d, 'liability').defaultTransition = 'accepted'))), ['nodes.4.defaultTransition workflow.default_not_outgoing', 'transitions.6.condition workflow.condition_required']);
});

test('a condition naming a missing field is refused at its leaf, in the condition language’s words', () => {
  const issues = issuesAfter((d) => (transition(d, 'ours').condition = { all: [{ field: 'fields.fault', op: 'is', value: 'ours' }] }));
  assert.deepEqual(pathsAndCodes(issues), ['transitions.5.condition.all.0.field condition.unknown_field']);
});

test('fields named by stages, transitions, assignees and approvers must exist and have the right type', () => {
  const issues = issuesAfter((d) => {
    (node(d, 'judge').requiredFields as string[]).push('fields.nope');
    node(d, 'accept').assignee = { kind: 'user_field', field: 'subject' };
    transition(d, 'plan_agreed').approval = { kind: 'tiered', field: 'fields.liability', tiers: [{ upTo: null, mode: 'single', approvers: [{ kind: 'user_field', field: 'fields.missing' }] }] };
  });
  assert.deepEqual(pathsAndCodes(issues), [
    'nodes.0.assignee.field workflow.expected_user_field',
    'nodes.3.requiredFields.1 workflow.unknown_field',
    'transitions.7.approval.tiers.0.approvers.0.field workflow.unknown_field',
    'transitions.7.approval.field workflow.expected_numeric_field',
  ]);
});

test('tiers go upwards and only the last is open-ended; n-of-m says n', () => {
  const issues = issuesAfter((d) => {
    transition(d, 'plan_agreed').approval = {
      kind: 'tiered',
      field: 'fields.compensation',
      tiers: [
        { upTo: '5000', mode: 'single', approvers: [{ kind: 'role', role: 'director' }] },
        { upTo: '500', mode: 'n_of_m', approvers: [{ kind: 'role', role: 'supervisor' }] },
        { upTo: '9000', mode: 'single', approvers: [{ kind: 'role', role: 'director' }] },
      ],
    };
  });
  assert.deepEqual(pathsAndCodes(issues), ['transitions.7.approval.tiers.1.n workflow.n_required', 'transitions.7.approval.tiers.1.upTo workflow.tiers_ascending', 'transitions.7.approval.tiers.2.upTo workflow.last_tier_open']);
});

test('going back is a return to an earlier stage; a forward loop is refused', () => {
  assert.deepEqual(pathsAndCodes(issuesAfter((d) => (transition(d, 'replan').to = 'follow_up'))), ['transitions.9.to workflow.return_not_earlier']);
  const loop = issuesAfter((d) => (transition(d, 'replan').kind = 'forward'));
  assert.deepEqual(pathsAndCodes(loop), ['nodes.5 workflow.forward_cycle', 'nodes.6 workflow.forward_cycle']);
});

test('a join needs its parallel split, whose every branch reaches it without ending first or being entered from outside', () => {
  const flow = repairFlow();
  assert.deepEqual(pathsAndCodes(issuesAfter((d) => delete node(d, 'join').split, flow, repairLookup)), ['nodes.1 workflow.split_without_join', 'nodes.4.split workflow.join_without_split']);
  assert.deepEqual(pathsAndCodes(issuesAfter((d) => (node(d, 'join').split = 'repair'), flow, repairLookup)), ['nodes.1 workflow.split_without_join', 'nodes.4.split workflow.join_without_split']);
  const skipping = issuesAfter((d) => d.transitions.push({ id: 'qc_failed', from: 'quality_check', to: 'done', label: { 'zh-CN': '质检不合格', en: 'Failed' } }), flow, repairLookup);
  assert.deepEqual(pathsAndCodes(skipping), ['nodes.4.split workflow.branch_skips_join']);
  const entering = issuesAfter((d) => d.transitions.push({ id: 'straight_to_parts', from: 'repair', to: 'parts', label: { 'zh-CN': '直接登记', en: 'Parts only' } }), flow, repairLookup);
  assert.deepEqual(pathsAndCodes(entering), ['nodes.4.split workflow.enters_branch']);
  assert.deepEqual(pathsAndCodes(issuesAfter(() => undefined, repairFlow('n', 3), repairLookup)), ['nodes.4.n workflow.join_n_too_large']);
});

test('shape errors come back with their path before any graph check', () => {
  const issues = issuesAfter((d) => {
    (d.nodes[0] as Record<string, unknown>).id = 'Bad Id';
    (d.transitions[0] as Record<string, unknown>).label = { en: 'no Chinese' };
  });
  assert.deepEqual(pathsAndCodes(issues), ['nodes.0.id workflow.invalid_key', 'transitions.0.label.zh-CN workflow.invalid_value']);
  assert.deepEqual(pathsAndCodes(issuesAfter((d) => (d.transitions[1]!.id = 'accepted'))), ['transitions.1.id workflow.duplicate_id']);
  assert.deepEqual(pathsAndCodes(issuesAfter((d) => (d.transitions[0]!.to = 'nowhere'))), ['transitions.0.to workflow.unknown_node']);
  assert.deepEqual(pathsAndCodes(issuesAfter((d) => (d.start = 'closed'))), ['start workflow.start_not_stage']);
});
