import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { Invalid } from '../app/errors.js';
import { catalogues, translate } from '../app/i18n/catalogue.js';
import { conditionMessages } from './messages.js';
import { fieldLookup, type FieldDescriptor } from './types.js';
import { conditionSchema, maxDepth, validateCondition } from './validate.js';
import { checkedConditionOrThrow } from './validation-problem.js';

const fields: FieldDescriptor[] = [
  { key: 'pollution_type', type: 'select', options: [{ value: '噪音' }, { value: '废气' }, { value: '废水' }, { value: '固废' }] },
  { key: 'subject', type: 'text' },
  { key: 'amount', type: 'money' },
  { key: 'visit', type: 'boolean' },
  { key: 'visit_at', type: 'datetime' },
  { key: 'due', type: 'date' },
  { key: 'tags', type: 'multiselect' },
  { key: 'assignee', type: 'user' },
];
const lookup = fieldLookup(fields);

function issuesOf(input: unknown, options = {}) {
  const result = validateCondition(input, lookup, options);
  assert.equal(result.ok, false, `expected ${JSON.stringify(input)} to be refused`);
  return result.ok ? [] : result.issues;
}

test('every problem names its path into the tree and a catalogue key', () => {
  const issues = issuesOf({
    all: [
      { field: 'pollution_type', op: 'is', value: '废水' },
      { field: 'nope', op: 'is', value: 1 },
      { field: 'amount', op: 'gt', value: '12.345' },
      { field: 'visit', op: 'contains', value: 'x' },
      { any: [{ field: 'pollution_type', op: 'in', value: ['噪音', '光污染'] }] },
      { not: { field: 'subject', op: 'between', value: ['a', 'b'] } },
    ],
  });
  assert.deepEqual(issues, [
    { path: 'conditions.all.1.field', code: 'condition.unknown_field', params: { field: 'nope' } },
    { path: 'conditions.all.2.value', code: 'condition.expected_money' },
    { path: 'conditions.all.3.op', code: 'condition.operator_not_allowed', params: { op: 'contains', type: 'boolean' } },
    { path: 'conditions.all.4.any.0.value.1', code: 'condition.unknown_option', params: { value: '光污染', field: 'pollution_type' } },
    { path: 'conditions.all.5.not.op', code: 'condition.operator_not_allowed', params: { op: 'between', type: 'text' } },
  ]);
  for (const issue of issues) {
    assert.ok(issue.code in catalogues['zh-CN'] && issue.code in catalogues.en, issue.code);
  }
});

test('values of the wrong type, missing or superfluous values', () => {
  const cases: Array<[unknown, string, string]> = [
    [{ field: 'visit', op: 'is', value: 'yes' }, 'conditions.value', 'condition.expected_boolean'],
    [{ field: 'due', op: 'is', value: '2026-02-30' }, 'conditions.value', 'condition.expected_date'],
    [{ field: 'visit_at', op: 'gt', value: '2026-03-02T09:00:00' }, 'conditions.value', 'condition.expected_datetime'],
    [{ field: 'assignee', op: 'is', value: 'wu.qiang' }, 'conditions.value', 'condition.expected_id'],
    [{ field: 'visit_at', op: 'gt', value: { fromNow: { weeks: -1 } } }, 'conditions.value', 'condition.expected_datetime'],
    [{ field: 'visit_at', op: 'gt', value: { fromNow: { hours: 1.5 } } }, 'conditions.value', 'condition.expected_datetime'],
    [{ field: 'visit_at', op: 'between', value: [{ fromNow: { hours: 0 } }, { fromNow: { hours: -1 } }] }, 'conditions.value', 'condition.between_order'],
    [{ field: 'subject', op: 'contains' }, 'conditions.value', 'condition.value_required'],
    [{ field: 'subject', op: 'is_empty', value: 'x' }, 'conditions.value', 'condition.value_not_allowed'],
    [{ field: 'pollution_type', op: 'in', value: [] }, 'conditions.value', 'condition.list_empty'],
    [{ field: 'pollution_type', op: 'in', value: '废水' }, 'conditions.value', 'condition.expected_list'],
    [{ field: 'amount', op: 'between', value: ['100', '99.99'] }, 'conditions.value', 'condition.between_order'],
    [{ field: 'amount', op: 'between', value: ['1'] }, 'conditions.value', 'condition.expected_pair'],
    [{ field: 'subject', op: 'like', value: 'x' }, 'conditions.op', 'condition.unknown_operator'],
    [{ field: 'subject', op: 'is', value: 'x', extra: 1 }, 'conditions.extra', 'condition.invalid_node'],
    [{ all: [], any: [] }, 'conditions', 'condition.invalid_node'],
    [{ all: 'x' }, 'conditions.all', 'condition.expected_list'],
    ['subject is x', 'conditions', 'condition.invalid_node'],
  ];
  for (const [input, path, code] of cases) {
    const [issue] = issuesOf(input);
    assert.equal(issue?.path, path, JSON.stringify(input));
    assert.equal(issue?.code, code, JSON.stringify(input));
  }
});

test('changes and business hours only where the caller can judge them', () => {
  const changed = { field: 'pollution_type', op: 'changed_to', value: '废水' };
  assert.equal(issuesOf(changed)[0]?.code, 'condition.changes_not_available');
  assert.equal(validateCondition(changed, lookup, { allowChanges: true }).ok, true);
  const inHours = { field: 'visit_at', op: 'within_business_hours', value: { calendar: 'default' } };
  assert.equal(issuesOf(inHours)[0]?.code, 'condition.business_time_not_available');
  assert.equal(validateCondition(inHours, lookup, { allowBusinessTime: true }).ok, true);
  assert.equal(issuesOf({ ...inHours, value: 'default' }, { allowBusinessTime: true })[0]?.code, 'condition.expected_calendar');
});

test('trees too deep or too large are refused, not walked', () => {
  let deep: unknown = { field: 'visit', op: 'is', value: true };
  for (let i = 0; i < maxDepth + 2; i++) deep = { not: deep };
  assert.equal(issuesOf(deep)[0]?.code, 'condition.too_deep');
  const wide = { any: Array.from({ length: 201 }, () => ({ field: 'visit', op: 'is', value: true })) };
  const issues = issuesOf(wide);
  assert.equal(issues.length, 1, 'one issue, not one per extra leaf');
  assert.equal(issues[0]?.code, 'condition.too_many');
});

test('inside a route schema: zod issues at the body path, with catalogue keys as messages', () => {
  const body = z.object({ name: z.string(), conditions: conditionSchema(lookup) });
  const parsed = body.safeParse({ name: '废水工单', conditions: { all: [{ field: 'visit', op: 'is', value: true }, { field: 'pollution_type', op: 'is', value: '光污染' }] } });
  assert.equal(parsed.success, false);
  assert.deepEqual(
    parsed.error?.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    [{ path: 'conditions.all.1.value', message: 'condition.unknown_option' }],
  );
  const ok = body.parse({ name: 'x', conditions: { field: 'visit', op: 'is', value: true } });
  assert.equal(ok.conditions.kind, 'leaf', 'the route gets the checked tree');
});

test('for services: a 400 problem listing every issue, readable in both languages', () => {
  assert.throws(
    () => checkedConditionOrThrow({ any: [{ field: 'amount', op: 'gt', value: 'abc' }] }, lookup, { path: 'rule.when' }),
    (error: unknown) => {
      assert.ok(error instanceof Invalid);
      assert.equal(error.status, 400);
      assert.deepEqual(error.errors, [{ path: 'rule.when.any.0.value', code: 'condition.expected_money' }]);
      assert.equal(translate('zh-CN', error.errors[0]!.code), '应为金额，最多两位小数（如 99.90）');
      assert.equal(translate('en', error.errors[0]!.code), 'Expected an amount with at most two decimals (e.g. 99.90)');
      return true;
    },
  );
});

test('every condition message is in the server catalogue', () => {
  for (const key of Object.keys(conditionMessages.zhCN)) {
    assert.equal(translate('zh-CN', key), catalogues['zh-CN'][key as keyof (typeof catalogues)['zh-CN']]);
    assert.notEqual(translate('en', key), key);
  }
});
