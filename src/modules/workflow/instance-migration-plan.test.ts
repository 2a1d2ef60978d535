import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldLookup } from '../../conditions/types.js';
import type { ProcessDefinition, ProcessDefinitionInput } from '../../workflow-model/definition.js';
import { repairFields, repairFlow, repairFlowBeforeQualityCheck } from '../../workflow-model/fixtures/repair-flow.js';
import { graphOf } from '../../workflow-model/graph.js';
import { validateProcess } from '../../workflow-model/validate.js';
import { planInstanceMigration, splitsEnclosing } from './instance-migration-plan.js';

/** Where tokens land between versions of 售后维修, inside and outside its parallel part (the API test covers the rest). */
function checked(input: ProcessDefinitionInput): ProcessDefinition {
  const result = validateProcess(input, fieldLookup(repairFields));
  assert.ok(result.ok, JSON.stringify(!result.ok && result.issues));
  return result.definition;
}
const v2 = checked(repairFlow('all'));
/** v2 with a 客户确认 stage after 回访: the parallel part unchanged. */
function withConfirmation(join: 'all' | 'any' = 'all'): ProcessDefinition {
  const input = repairFlow(join);
  input.nodes.push({ kind: 'stage', id: 'confirm', name: { 'zh-CN': '客户确认', en: 'Confirmation' }, position: { x: 720, y: 80 } });
  input.transitions = input.transitions.map((t) => (t.id === 'finish' ? { ...t, to: 'confirm' } : t));
  input.transitions.push({ id: 'confirmed', from: 'confirm', to: 'done', label: { 'zh-CN': '已确认', en: 'Confirmed' } });
  return checked(input);
}

test('the splits enclosing a stage: the branches up to their join, nothing after it', () => {
  const graph = graphOf(v2);
  assert.deepEqual(splitsEnclosing(graph, 'quality_check'), ['split']);
  assert.deepEqual(splitsEnclosing(graph, 'parts'), ['split']);
  assert.deepEqual(splitsEnclosing(graph, 'repair'), []);
  assert.deepEqual(splitsEnclosing(graph, 'follow_up'), []);
});

test('tokens inside an unchanged parallel part keep their branches and the join’s count', () => {
  // 备件登记 done (the join counted it), 质检 still waiting.
  const plan = planInstanceMigration(v2, withConfirmation(), [{ id: 'a', stage: 'quality_check', lineage: ['split'] }], { join: 1 }, {});
  assert.deepEqual(plan.problems, []);
  assert.deepEqual(plan.tokens, [{ id: 'a', from: 'quality_check', to: 'quality_check', lineage: ['split'] }]);
  assert.deepEqual(plan.joins, { join: 1 });
});

test('a changed join rule, a stage moved into a branch, or two tokens meeting on one stage are refused', () => {
  const branch = [{ id: 'a', stage: 'quality_check', lineage: ['split'] }];
  assert.deepEqual(planInstanceMigration(v2, withConfirmation('any'), branch, { join: 1 }, {}).problems.map((p) => p.code), ['workflow.migration.parallel_branch']);
  const v1 = checked(repairFlowBeforeQualityCheck());
  assert.deepEqual(planInstanceMigration(v1, v2, [{ id: 'b', stage: 'parts', lineage: [] }], {}, {}).problems.map((p) => p.code), ['workflow.migration.parallel_branch']);
  // Both branches' tokens mapped onto one stage outside the split: refused rather than merged.
  const both = [{ id: 'a', stage: 'quality_check', lineage: ['split'] }, { id: 'b', stage: 'parts', lineage: ['split'] }];
  assert.deepEqual(planInstanceMigration(v2, v1, both, {}, { quality_check: 'repair' }).problems.map((p) => p.code), ['workflow.migration.parallel_branch', 'workflow.migration.parallel_branch']);
});

test('a token out of a branch lands outside; joins of splits no token is in are forgotten', () => {
  const plan = planInstanceMigration(v2, checked(repairFlowBeforeQualityCheck()), [{ id: 'a', stage: 'follow_up', lineage: [] }], { join: 1 }, {});
  assert.deepEqual(plan.tokens, [{ id: 'a', from: 'follow_up', to: 'follow_up', lineage: [] }]);
  assert.deepEqual(plan.joins, {});
});
