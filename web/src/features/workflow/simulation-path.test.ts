import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldLookup } from '../../../../src/conditions/types.ts';
import { complaintFields, complaintFlow } from '../../../../src/workflow-model/fixtures/complaint-flow.ts';
import { repairFields, repairFlow } from '../../../../src/workflow-model/fixtures/repair-flow.ts';
import { simulateProcess } from '../../../../src/workflow-model/simulate.ts';
import { validateProcess } from '../../../../src/workflow-model/validate.ts';
import { fieldsNamedBy, highlightOf } from './simulation-path.ts';

function simulate(input: typeof complaintFlow, fields: typeof complaintFields, values: Record<string, unknown>) {
  const lookup = fieldLookup(fields);
  const checked = validateProcess(input, lookup);
  assert.ok(checked.ok);
  return simulateProcess(checked.definition, values, lookup);
}

test('step by step, the path grows from the start along the transitions taken, the last arrival marked current', () => {
  const result = simulate(complaintFlow, complaintFields, { 'fields.liability': 'not_ours', 'fields.explanation': '非产品质量问题' });
  const first = highlightOf(result, 1);
  assert.deepEqual([...first.path], ['accept']);
  assert.deepEqual([...first.current], ['accept']);
  const third = highlightOf(result, 3);
  assert.deepEqual([...third.path], ['accept', 'accepted', 'survey_needed', 'skip_survey', 'judge']);
  assert.deepEqual([...third.current], ['judge']);
  const all = highlightOf(result, result.steps.length);
  assert.ok(all.path.has('explain') && all.path.has('not_ours') && all.path.has('closed'));
  assert.ok(!all.path.has('compensation_plan') && !all.path.has('ours'), 'the branch not taken stays dark');
  assert.deepEqual([...all.current], ['closed']);
  assert.deepEqual(highlightOf(result, 99), all, 'past the last step is the last step');
  assert.deepEqual([...highlightOf(result, 0).path], []);
});

test('where the walk stops for input, the waiting stages are current; parallel branches wait side by side', () => {
  const stuck = simulate(complaintFlow, complaintFields, { 'fields.liability': 'ours' });
  const end = highlightOf(stuck, stuck.steps.length);
  assert.deepEqual([...end.current], ['compensation_plan'], 'the plan waits for 赔偿金额');
  const repair = simulate(repairFlow(), repairFields, { 'fields.repair_report': '换了压缩机' });
  assert.deepEqual([...highlightOf(repair, repair.steps.length).current].sort(), ['parts', 'quality_check']);
});

test('the simulation asks for the fields the process reads: conditions, required fields and the tier field, each once', () => {
  assert.deepEqual(fieldsNamedBy(complaintFlow), ['fields.survey_result', 'fields.liability', 'fields.compensation', 'fields.explanation', 'fields.needs_site_survey']);
  const nested = { ...complaintFlow, nodes: [], transitions: [{ id: 'x', from: 'a', to: 'b', label: { 'zh-CN': 'x', en: '' }, condition: { any: [{ field: 'priority', op: 'is' as const, value: 'high' }, { not: { field: 'fields.liability', op: 'is_empty' as const } }] } }] };
  assert.deepEqual(fieldsNamedBy(nested), ['priority', 'fields.liability']);
});
