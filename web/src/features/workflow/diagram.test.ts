import assert from 'node:assert/strict';
import { test } from 'node:test';
import { complaintFlow } from '../../../../src/workflow-model/fixtures/complaint-flow.ts';
import { addNode, connect, moveNode, removeElement } from './definition-edits.ts';
import { edgesOf, labelText, noDecorations, nodesOf } from './diagram.ts';

const zh = (text: string) => ({ 'zh-CN': text, en: '' });

test('every node and transition of a definition becomes a node and an edge at its stored place, and marks travel with them', () => {
  const decorations = { ...noDecorations, errors: new Map([['judge', ['没有字段 fields.x']], ['paid', ['错误']]]), path: new Set(['accept', 'accepted']), current: new Set(['accept']), selected: 'judge', measured: { accept: { width: 160, height: 48 } } };
  const nodes = nodesOf(complaintFlow, decorations, 'zh-CN');
  assert.deepEqual(nodes.map((node) => [node.id, node.type, node.position.x, node.position.y]).slice(0, 3), [['accept', 'stage', 0, 0], ['survey_needed', 'gateway', 160, 0], ['site_survey', 'stage', 320, -80]]);
  const accept = nodes.find((node) => node.id === 'accept')!;
  assert.equal(accept.data.start, true);
  assert.equal(accept.data.onPath, true);
  assert.equal(accept.data.current, true);
  assert.deepEqual(accept.measured, { width: 160, height: 48 }, 'a re-derived node keeps its measured size');
  const judge = nodes.find((node) => node.id === 'judge')!;
  assert.deepEqual([judge.selected, judge.data.errors, judge.data.start], [true, ['没有字段 fields.x'], false]);

  const edges = edgesOf(complaintFlow, decorations, 'en');
  const accepted = edges.find((edge) => edge.id === 'accepted')!;
  assert.deepEqual([accepted.source, accepted.target, accepted.label, accepted.animated], ['accept', 'survey_needed', 'Accepted', true]);
  assert.match(edges.find((edge) => edge.id === 'paid')!.className ?? '', /process-edge-error/);
  assert.match(edges.find((edge) => edge.id === 'replan')!.className ?? '', /process-edge-return/, 'a return is drawn apart');
});

test('a Chinese-only label shows in Chinese in the English console', () => {
  const definition = { start: 'a', nodes: [{ kind: 'stage' as const, id: 'a', name: zh('受理'), position: { x: 0, y: 0 } }], transitions: [] };
  const node = nodesOf(definition, noDecorations, 'en')[0]!.data.node;
  assert.equal(node.kind === 'stage' && labelText(node.name, 'en'), '受理');
  assert.equal(labelText({ 'zh-CN': '受理', en: 'Accept' }, 'en'), 'Accept');
});

test('palette drops, connections and moves edit the definition, which round-trips through the diagram unchanged', () => {
  let definition = { start: 'accept', nodes: [{ kind: 'stage' as const, id: 'accept', name: zh('受理'), position: { x: 0, y: 0 } }], transitions: [] } as typeof complaintFlow;
  const stage = addNode(definition, 'stage', { x: 240.4, y: 79.6 }, zh('新环节'));
  assert.equal(stage.id, 'stage_1');
  const choice = addNode(stage.definition, 'exclusive', { x: 120, y: 0 }, zh('判断'));
  const join = addNode(choice.definition, 'join', { x: 400, y: 0 }, zh('汇聚'));
  definition = join.definition;
  assert.deepEqual(definition.nodes.map((node) => node.id), ['accept', 'stage_1', 'choice_1', 'join_1']);
  assert.deepEqual(definition.nodes[1]!.position, { x: 240, y: 80 }, 'positions are stored whole');
  assert.deepEqual(definition.nodes[3], { kind: 'gateway', gateway: 'join', id: 'join_1', name: zh('汇聚'), position: { x: 400, y: 0 }, join: 'all' });
  const first = connect(definition, 'accept', 'choice_1', zh('提交'))!;
  const second = connect(first.definition, 'accept', 'choice_1', zh('再提交'))!;
  assert.deepEqual([first.id, second.id], ['accept_to_choice_1_1', 'accept_to_choice_1_2'], 'two buttons between the same stages get two keys');
  assert.equal(connect(definition, 'accept', 'accept', zh('x')), null, 'no line from a node to itself');
  definition = moveNode(second.definition, 'stage_1', { x: 10.2, y: -5.7 });
  assert.deepEqual(nodesOf(definition, noDecorations, 'zh-CN').find((node) => node.id === 'stage_1')!.position, { x: 10, y: -6 });
  const edges = edgesOf(definition, noDecorations, 'zh-CN');
  assert.deepEqual(edges.map((edge) => edge.data!.transition), definition.transitions, 'each edge carries its transition as stored');
});

test('deleting a node takes its transitions with it and clears a gateway default that named one of them', () => {
  const without = removeElement(complaintFlow, 'explain');
  assert.equal(without.nodes.some((node) => node.id === 'explain'), false);
  assert.deepEqual(without.transitions.filter((t) => t.from === 'explain' || t.to === 'explain'), []);
  const liability = without.nodes.find((node) => node.id === 'liability');
  assert.ok(liability?.kind === 'gateway' && liability.gateway === 'exclusive');
  assert.equal(liability.defaultTransition, undefined, 'not_ours went with 解释说明');
  const oneEdge = removeElement(complaintFlow, 'paid');
  assert.deepEqual([oneEdge.nodes.length, oneEdge.transitions.length], [complaintFlow.nodes.length, complaintFlow.transitions.length - 1]);
});
