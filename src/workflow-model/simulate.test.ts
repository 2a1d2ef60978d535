import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldLookup } from '../conditions/types.js';
import type { ProcessDefinition, ProcessDefinitionInput } from './definition.js';
import { complaintFields, complaintFlow } from './fixtures/complaint-flow.js';
import { repairFields, repairFlow } from './fixtures/repair-flow.js';
import { simulateProcess, type SimulationOptions } from './simulate.js';
import { validateProcess } from './validate.js';

function valid(input: ProcessDefinitionInput, fields = complaintFields): ProcessDefinition {
  const result = validateProcess(input, fieldLookup(fields));
  assert.ok(result.ok, JSON.stringify(!result.ok && result.issues));
  return result.definition;
}
const complaint = valid(complaintFlow);
const simulateComplaint = (values: Record<string, unknown>, options?: SimulationOptions) => simulateProcess(complaint, values, fieldLookup(complaintFields), options);
const visited = (result: ReturnType<typeof simulateProcess>) => result.steps.map((step) => step.node);

test('our liability after a site survey: the ticket passes every stage to 关闭, approved by the tier its amount falls in', () => {
  const base = { 'fields.needs_site_survey': true, 'fields.survey_result': '墙面开裂', 'fields.liability': 'ours' };
  const small = simulateComplaint({ ...base, 'fields.compensation': '500.00' });
  assert.equal(small.outcome, 'ended');
  assert.deepEqual(visited(small), ['accept', 'survey_needed', 'site_survey', 'judge', 'liability', 'compensation_plan', 'execute', 'follow_up', 'closed']);
  assert.deepEqual(small.steps.find((step) => step.via === 'plan_agreed')?.approval, { tier: 0, mode: 'single' });
  const large = simulateComplaint({ ...base, 'fields.compensation': '5000.01' });
  assert.deepEqual(large.steps.find((step) => step.via === 'plan_agreed')?.approval, { tier: 2, mode: 'countersign' });
});

test('not our liability and no survey: the default branches lead through 解释说明', () => {
  const result = simulateComplaint({ 'fields.liability': 'not_ours', 'fields.explanation': '非产品质量问题' });
  assert.equal(result.outcome, 'ended');
  assert.deepEqual(visited(result), ['accept', 'survey_needed', 'judge', 'liability', 'explain', 'follow_up', 'closed']);
  assert.equal(result.steps.find((step) => step.node === 'judge')?.via, 'skip_survey');
});

test('a stage whose required fields are empty waits for them, naming them (the tier field included)', () => {
  const survey = simulateComplaint({ 'fields.needs_site_survey': true });
  assert.equal(survey.outcome, 'awaiting_input');
  assert.deepEqual(survey.waiting, [{ node: 'site_survey', token: 0, reason: 'missing_fields', transition: 'surveyed', fields: ['fields.survey_result'] }]);
  const plan = simulateComplaint({ 'fields.liability': 'ours' });
  assert.deepEqual(plan.waiting, [{ node: 'compensation_plan', token: 0, reason: 'missing_fields', transition: 'plan_agreed', fields: ['fields.compensation'] }]);
});

test('several open transitions wait for a person’s choice unless the simulation names one', () => {
  const input = structuredClone(complaintFlow);
  input.transitions.push({ id: 'escalate', from: 'accept', to: 'judge', label: { 'zh-CN': '直接判定', en: 'Straight to liability' } });
  const definition = valid(input);
  const lookup = fieldLookup(complaintFields);
  const waiting = simulateProcess(definition, {}, lookup);
  assert.deepEqual(waiting.waiting, [{ node: 'accept', token: 0, reason: 'choice', transitions: ['accepted', 'escalate'] }]);
  const chosen = simulateProcess(definition, {}, lookup, { choices: { accept: 'escalate' } });
  assert.deepEqual(visited(chosen).slice(0, 2), ['accept', 'judge']);
});

test('a transition whose condition does not hold is not open: the stage waits with nothing to take', () => {
  const input = structuredClone(complaintFlow);
  (input.transitions.find((t) => t.id === 'accepted') as { condition?: unknown }).condition = { field: 'subject', op: 'is_not_empty' };
  const result = simulateProcess(valid(input), {}, fieldLookup(complaintFields));
  assert.deepEqual(result.waiting, [{ node: 'accept', token: 0, reason: 'no_open_transition' }]);
});

const repairLookup = fieldLookup(repairFields);
const repaired = { 'fields.repair_report': '更换压缩机' };

test('a parallel split runs both branches; join all waits for both', () => {
  const definition = valid(repairFlow('all'), repairFields);
  const done = simulateProcess(definition, { ...repaired, 'fields.qc_passed': true, 'fields.parts_used': '压缩机 ×1' }, repairLookup);
  assert.equal(done.outcome, 'ended');
  assert.deepEqual(visited(done), ['repair', 'split', 'quality_check', 'parts', 'join', 'join', 'follow_up', 'done']);
  assert.equal(new Set(done.steps.map((step) => step.token)).size, 2);
  const half = simulateProcess(definition, { ...repaired, 'fields.qc_passed': true }, repairLookup);
  assert.equal(half.outcome, 'awaiting_input');
  assert.deepEqual(half.waiting.map((w) => w.node), ['parts']);
  assert.ok(!visited(half).includes('follow_up'));
});

test('join any goes on with the first branch and withdraws the one still waiting; join n counts', () => {
  const any = simulateProcess(valid(repairFlow('any'), repairFields), { ...repaired, 'fields.qc_passed': true }, repairLookup);
  assert.equal(any.outcome, 'ended');
  assert.deepEqual(visited(any).slice(-2), ['follow_up', 'done']);
  const twoOfTwo = simulateProcess(valid(repairFlow('n', 2), repairFields), { ...repaired, 'fields.qc_passed': true }, repairLookup);
  assert.equal(twoOfTwo.outcome, 'awaiting_input');
});
