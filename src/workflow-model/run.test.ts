import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldLookup } from '../conditions/types.js';
import type { ProcessDefinition } from './definition.js';
import { repairFields, repairFlow } from './fixtures/repair-flow.js';
import { advance, startRun, type RunState } from './run.js';
import { validateProcess } from './validate.js';

function definitionOf(join: 'all' | 'any'): ProcessDefinition {
  const result = validateProcess(repairFlow(join), fieldLookup(repairFields));
  assert.ok(result.ok);
  return result.definition;
}
let counter = 0;
const newId = () => `t${++counter}`;
const take = (definition: ProcessDefinition, state: RunState, stage: string, transition: string) => {
  const token = state.tokens.find((t) => t.node === stage);
  assert.ok(token, `a token waits at ${stage}`);
  return advance(definition, new Map(), state, token.id, definition.transitions.find((t) => t.id === transition)!, {}, newId);
};
const stages = (state: RunState) => state.tokens.map((t) => t.node).sort();

test('a parallel split puts a token on each branch; join all lets the second arrival through', () => {
  const definition = definitionOf('all');
  const started = startRun(definition, newId);
  const split = take(definition, started.state, 'repair', 'repaired');
  assert.deepEqual(stages(split.state), ['parts', 'quality_check']);
  assert.ok(split.state.tokens.every((t) => t.lineage.join() === 'split'));
  assert.deepEqual(started.followed, []);
  // The gateways' own transitions are reported, so their actions run too.
  assert.deepEqual(split.followed, ['to_qc', 'to_parts']);
  const one = take(definition, split.state, 'quality_check', 'qc_done');
  assert.deepEqual(stages(one.state), ['parts']);
  assert.deepEqual(one.followed, []);
  assert.deepEqual(one.state.joins, { join: 1 });
  const both = take(definition, one.state, 'parts', 'parts_done');
  assert.deepEqual(stages(both.state), ['follow_up']);
  assert.deepEqual(both.followed, ['joined']);
  assert.deepEqual(both.state.tokens[0]?.lineage, []);
  assert.deepEqual(both.state.joins, {});
  assert.equal(take(definition, both.state, 'follow_up', 'finish').ended, true);
});

test('join any goes on with the first branch and withdraws the other', () => {
  const definition = definitionOf('any');
  const split = take(definition, startRun(definition, newId).state, 'repair', 'repaired');
  const first = take(definition, split.state, 'parts', 'parts_done');
  assert.deepEqual(stages(first.state), ['follow_up']);
});

test('a return from inside a branch withdraws the branches beside it and starts again at the earlier stage', () => {
  const input = repairFlow('all');
  input.transitions.push({ id: 'redo', from: 'quality_check', to: 'repair', kind: 'return', label: { 'zh-CN': '返修', en: 'Redo' } });
  const result = validateProcess(input, fieldLookup(repairFields));
  assert.ok(result.ok, JSON.stringify(!result.ok && result.issues));
  const definition = result.definition;
  const split = take(definition, startRun(definition, newId).state, 'repair', 'repaired');
  const partsDone = take(definition, split.state, 'parts', 'parts_done');
  assert.deepEqual(partsDone.state.joins, { join: 1 });
  const back = take(definition, partsDone.state, 'quality_check', 'redo');
  assert.deepEqual(back.state.joins, {});
  assert.deepEqual(stages(back.state), ['repair']);
  assert.deepEqual(back.state.tokens[0]?.lineage, []);
});
