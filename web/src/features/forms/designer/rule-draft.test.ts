import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluate } from '../../../../../src/conditions/evaluate.ts';
import { fieldLookup, type FieldDescriptor } from '../../../../../src/conditions/types.ts';
import { validateCondition } from '../../../../../src/conditions/validate.ts';
import { formRuleSchema, type FormRule } from '../../../../../src/forms/definition.ts';
import { descriptorOf, type RegistryField } from './registry-field.ts';
import { checkDraft, describeIssue, ruleIndexOf } from './draft-check.ts';
import { draftOfRule, formOperatorsFor, nextRuleId, resetLeaf, ruleOfDraft } from './rule-draft.ts';

const registry: RegistryField[] = [
  { key: 'pollution_type', label: { 'zh-CN': '污染类型', en: 'Pollution' }, type: 'select', options: ['噪音', '废气', '废水', '固废'].map((value) => ({ value, label: { 'zh-CN': value, en: '' } })) },
  { key: 'needs_visit', label: { 'zh-CN': '是否需要现场勘察', en: 'Site visit needed' }, type: 'checkbox' },
  { key: 'visit_time', label: { 'zh-CN': '勘察时间', en: 'Visit time' }, type: 'datetime' },
  { key: 'location', label: { 'zh-CN': '发生地点', en: 'Location' }, type: 'cascader', settings: { optionSource: 'china-regions', levels: 3 } },
  { key: 'status', label: { 'zh-CN': '状态', en: 'Status' }, type: 'select', builtIn: true, options: ['new', 'open'].map((value) => ({ value, label: { 'zh-CN': value, en: value } })) },
];
const descriptors = registry.map(descriptorOf).filter((d): d is FieldDescriptor => !!d);
const lookup = fieldLookup(descriptors);
/** The 环保投诉 form with the given rules, checked as publishing checks it. */
function issuesOf(rules: FormRule[]) {
  const form = {
    sections: [{ key: 'basic', label: { 'zh-CN': '基本信息', en: '' }, fields: ['pollution_type', 'location', 'needs_visit', 'visit_time'].map((key) => ({ key, width: 'full' as const, required: false })) }],
    rules,
    portal: { enabled: false, fields: [] },
  };
  const checked = checkDraft(form, registry);
  return checked.issues;
}

test('the builder’s "当 是否需要现场勘察 是 是 则 勘察时间 必填" is a contract rule the condition language accepts and judges', () => {
  const leaf = resetLeaf('needs_visit', 'boolean');
  assert.deepEqual(leaf, { field: 'needs_visit', op: 'is', value: true });
  const rule = ruleOfDraft({ id: nextRuleId([]), match: 'all', conditions: [leaf], effects: [{ effect: 'show', field: 'visit_time' }, { effect: 'require', field: 'visit_time' }] });
  assert.deepEqual(rule, { id: 'rule_1', when: { field: 'needs_visit', op: 'is', value: true }, then: [{ effect: 'show', field: 'visit_time' }, { effect: 'require', field: 'visit_time' }] });
  assert.ok(formRuleSchema.safeParse(rule).success);
  const checked = validateCondition(rule.when, lookup);
  assert.ok(checked.ok);
  assert.equal(evaluate(checked.condition, { values: { needs_visit: true } }), true);
  assert.equal(evaluate(checked.condition, { values: {} }), false);
  assert.deepEqual(issuesOf([rule]), []);
});

test('several conditions join with all / any; operators without a value carry none', () => {
  const rule = ruleOfDraft({
    id: 'rule_2',
    match: 'any',
    conditions: [resetLeaf('pollution_type', 'select', 'in'), resetLeaf('visit_time', 'datetime', 'is_empty')],
    effects: [{ effect: 'options', field: 'pollution_type', values: ['废水'] }],
  });
  assert.deepEqual(rule.when, { any: [{ field: 'pollution_type', op: 'in', value: [] }, { field: 'visit_time', op: 'is_empty' }] });
  // An empty list is caught before publishing, at the path the server would name.
  assert.deepEqual(issuesOf([rule]).map((issue) => [issue.path, issue.code]), [['rules.0.when.any.0.value', 'condition.list_empty']]);
  const filled = ruleOfDraft({ ...draftOfRule(rule)!, conditions: [{ field: 'pollution_type', op: 'in', value: ['废水', '废气'] }, { field: 'visit_time', op: 'is_empty' }] });
  assert.ok(validateCondition(filled.when, lookup).ok);
});

test('stored rules round-trip through the builder; nested trees are left to be shown read-only', () => {
  const rules = [
    { id: 'a', then: [{ effect: 'hide' as const, field: 'location' }] },
    { id: 'b', label: '勘察', when: { field: 'needs_visit', op: 'is', value: true }, then: [{ effect: 'require' as const, field: 'visit_time' }] },
    { id: 'c', when: { all: [{ field: 'status', op: 'is', value: 'new' }, { field: 'needs_visit', op: 'is_not_empty' }] }, then: [{ effect: 'read_only' as const, field: 'location' }] },
  ];
  for (const rule of rules) assert.deepEqual(ruleOfDraft(draftOfRule(rule)!), rule);
  assert.equal(draftOfRule({ id: 'd', when: { all: [{ any: [{ field: 'needs_visit', op: 'is', value: true }] }] }, then: [{ effect: 'hide', field: 'location' }] }), undefined);
});

test('a form rule offers no "changed" or business-hours operators: a form has no before value and no calendar', () => {
  assert.ok(!formOperatorsFor('datetime').some((op) => op.startsWith('changed') || op === 'within_business_hours'));
  assert.deepEqual(formOperatorsFor('boolean'), ['is', 'is_not', 'is_empty', 'is_not_empty']);
});

test('effects naming a field off the form, an unknown option, or a wrong value are reported at the paths publishing would refuse', () => {
  const rules = [
    { id: 'r1', when: { field: 'pollution_type', op: 'is', value: '光污染' }, then: [{ effect: 'require' as const, field: 'removed_field' }] },
    { id: 'r2', then: [{ effect: 'options' as const, field: 'pollution_type', values: ['废水', '核污染'] }] },
  ];
  const issues = issuesOf(rules);
  assert.deepEqual(issues.map((issue) => [issue.path, issue.code, ruleIndexOf(issue)]), [
    ['rules.0.when.value', 'condition.unknown_option', 0],
    ['rules.0.then.0.field', 'form.rule_field_not_on_form', 0],
    ['rules.1.then.0.values.1', 'form.unknown_option', 1],
  ]);
  assert.equal(describeIssue(issues[0]!, 'zh-CN'), '字段 pollution_type 没有选项“光污染”');
  assert.equal(describeIssue(issues[1]!, 'en'), 'The rule acts on field removed_field, which is not on the form');
});

test('fields are described by the engine’s describeField: a cascader’s path is an open set, built-in types pass as they are', () => {
  assert.deepEqual(descriptors.map((d) => [d.key, d.type]), [['pollution_type', 'select'], ['needs_visit', 'boolean'], ['visit_time', 'datetime'], ['location', 'multiselect'], ['status', 'select']]);
  assert.equal(descriptorOf({ key: 'photos', label: { 'zh-CN': '照片', en: '' }, type: 'attachments' }), undefined);
});
