import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldLookup } from '../../../../src/conditions/types.ts';
import { complaintFields, complaintFlow } from '../../../../src/workflow-model/fixtures/complaint-flow.ts';
import { validateProcess } from '../../../../src/workflow-model/validate.ts';
import { removeElement } from './definition-edits.ts';
import { elementOfPath, issueMessage, messagesByElement, placeIssues } from './issue-targets.ts';

const lookup = fieldLookup(complaintFields);
const names: Record<string, string> = { follow_up: '回访', 'fields.nope': 'fields.nope' };
const zhMessage = (issue: Parameters<typeof issueMessage>[0]) => issueMessage(issue, 'zh-CN', (key) => names[key] ?? key);

test('a path into the definition names the node or transition it is about; the server\'s `definition.` prefix too', () => {
  assert.equal(elementOfPath(complaintFlow, 'nodes.3.requiredFields.0'), 'judge');
  assert.equal(elementOfPath(complaintFlow, 'transitions.1.condition.value'), 'go_survey');
  assert.equal(elementOfPath(complaintFlow, 'definition.transitions.7.approval.tiers.1.upTo'), 'plan_agreed');
  assert.equal(elementOfPath(complaintFlow, 'start'), 'accept');
  assert.equal(elementOfPath(complaintFlow, 'nodes.99.id'), null);
  assert.equal(elementOfPath(complaintFlow, 'nodes'), null);
});

test('validate\'s issues land on the elements they are about, with the Chinese message, and leave when fixed', () => {
  const broken = { ...complaintFlow, transitions: complaintFlow.transitions.map((t) => (t.id === 'go_survey' ? { ...t, condition: { field: 'fields.nope', op: 'is' as const, value: true } } : t)) };
  const result = validateProcess(broken, lookup);
  assert.ok(!result.ok);
  const placed = placeIssues(broken, result.issues);
  const messages = messagesByElement(placed, zhMessage);
  assert.ok(placed.every((issue) => issue.element === 'go_survey'), JSON.stringify(placed));
  assert.deepEqual(messages.get('go_survey'), placed.map((issue) => issueMessage(issue, 'zh-CN')));
  assert.match(messages.get('go_survey')!.join(''), /[\u4e00-\u9fff]/, 'the tooltip speaks Chinese');

  const deadEnd = removeElement(complaintFlow, 'closed');
  const ends = validateProcess(deadEnd, lookup);
  assert.ok(!ends.ok);
  const onFollowUp = messagesByElement(placeIssues(deadEnd, ends.issues), zhMessage).get('follow_up');
  assert.deepEqual(onFollowUp, ['回访 没有后续流转，也不是结束节点']);

  assert.equal(validateProcess(complaintFlow, lookup).ok, true, 'the fixed definition has none');
});
