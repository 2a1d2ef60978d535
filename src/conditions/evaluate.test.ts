import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConditionNotEvaluable, evaluate, type EvaluationContext } from './evaluate.js';
import { fieldLookup, type FieldDescriptor } from './types.js';
import { validateCondition, type ValidateOptions } from './validate.js';

/** What only the evaluator can judge: changes (event rules) and business hours (a calendar passed in). */
const fields: FieldDescriptor[] = [
  { key: 'status', type: 'select', options: ['new', 'open', 'pending', 'resolved', 'closed'].map((value) => ({ value })) },
  { key: 'subject', type: 'text' },
  { key: 'amount', type: 'money' },
  { key: 'tags', type: 'multiselect' },
  { key: 'created', type: 'datetime' },
  { key: 'assignee', type: 'user' },
];
const lookup = fieldLookup(fields);
const everything: ValidateOptions = { allowChanges: true, allowBusinessTime: true };

function judge(input: unknown, context: EvaluationContext, options: ValidateOptions = everything): boolean {
  const result = validateCondition(input, lookup, options);
  assert.ok(result.ok, JSON.stringify(!result.ok && result.issues));
  return evaluate(result.condition, context);
}

test('changed: any change of value, a change of case included; money by amount, sets by members', () => {
  const changed = (field: string, before: unknown, after: unknown) => judge({ field, op: 'changed' }, { values: { [field]: after }, previous: { [field]: before } });
  assert.equal(changed('status', 'open', 'pending'), true);
  assert.equal(changed('status', 'open', 'open'), false);
  assert.equal(changed('status', undefined, 'open'), true, 'set for the first time');
  assert.equal(changed('status', null, undefined), false, 'empty stays empty');
  assert.equal(changed('subject', 'printer', 'Printer'), true);
  assert.equal(changed('subject', '', null), false, 'the empty string and no value are both empty');
  assert.equal(changed('amount', '99.9', '99.90'), false);
  assert.equal(changed('amount', 99.9, '100'), true);
  assert.equal(changed('tags', ['vip', '网络'], ['网络', 'vip']), false, 'the same set in another order');
  assert.equal(changed('tags', ['vip', 'vip'], ['vip', '网络']), true);
  assert.equal(changed('created', '2026-03-02T00:00:00+08:00', '2026-03-01T16:00:00.000Z'), false, 'the same instant written two ways');
});

test('changed_from and changed_to: the value stopped or started matching', () => {
  const from = { field: 'status', op: 'changed_from', value: 'open' };
  const to = { field: 'status', op: 'changed_to', value: 'resolved' };
  const transition = (before: string | null, after: string | null) => ({ values: { status: after }, previous: { status: before } });
  assert.equal(judge(from, transition('open', 'resolved')), true);
  assert.equal(judge(to, transition('open', 'resolved')), true);
  assert.equal(judge(to, transition('resolved', 'resolved')), false, 'no change is no transition');
  assert.equal(judge(from, transition('pending', 'resolved')), false);
  assert.equal(judge(to, transition(null, 'resolved')), true);
  assert.equal(judge({ not: to }, transition('open', 'pending')), true);
  // On a set: the listed options were all added (changed_to) or are no longer all there (changed_from).
  const tagged = { field: 'tags', op: 'changed_to', value: ['vip'] };
  assert.equal(judge(tagged, { previous: { tags: ['网络'] }, values: { tags: ['网络', 'vip'] } }), true);
  assert.equal(judge(tagged, { previous: { tags: ['vip'] }, values: { tags: ['vip', '网络'] } }), false);
  assert.equal(judge({ field: 'tags', op: 'changed_from', value: ['vip'] }, { previous: { tags: ['vip'] }, values: { tags: [] } }), true);
  const reassigned = { field: 'assignee', op: 'changed_to', value: '0193B3A0-0000-7000-8000-000000000001' };
  assert.equal(judge(reassigned, { previous: { assignee: null }, values: { assignee: '0193b3a0-0000-7000-8000-000000000001' } }), true);
});

test('a change cannot be judged without the previous values: refused, never guessed', () => {
  const result = validateCondition({ all: [{ field: 'subject', op: 'contains', value: '打印机' }, { field: 'status', op: 'changed' }] }, lookup, everything);
  assert.ok(result.ok);
  assert.throws(
    () => evaluate(result.condition, { values: { subject: '打印机', status: 'open' } }),
    (error: unknown) => error instanceof ConditionNotEvaluable && error.code === 'condition.changes_not_available' && error.path === 'conditions.all.1',
  );
});

test('within business hours asks the calendar it is given, at the field’s instant', () => {
  const asked: Array<[string, string]> = [];
  // A stand-in for an SLA calendar: weekdays 09:00–18:00 in Shanghai.
  const businessTime = (calendarId: string, at: Date) => {
    asked.push([calendarId, at.toISOString()]);
    const shanghai = new Date(at.getTime() + 8 * 3600_000);
    const day = shanghai.getUTCDay();
    const hour = shanghai.getUTCHours();
    return day >= 1 && day <= 5 && hour >= 9 && hour < 18;
  };
  const inHours = { field: 'created', op: 'within_business_hours', value: { calendar: 'cal-beijing' } };
  assert.equal(judge(inHours, { values: { created: '2026-03-02T10:30:00+08:00' }, businessTime }), true, 'Monday 10:30');
  assert.equal(judge(inHours, { values: { created: '2026-03-02T20:00:00+08:00' }, businessTime }), false, 'Monday 20:00');
  assert.equal(judge(inHours, { values: { created: null }, businessTime }), false, 'no time, not within');
  assert.equal(judge({ not: inHours }, { values: { created: '2026-03-01T10:00:00+08:00' }, businessTime }), true, 'Sunday');
  assert.deepEqual(asked[0], ['cal-beijing', '2026-03-02T02:30:00.000Z']);
  assert.equal(asked.length, 3, 'an empty value does not ask');
  const result = validateCondition(inHours, lookup, everything);
  assert.ok(result.ok);
  assert.throws(() => evaluate(result.condition, { values: { created: '2026-03-02T10:30:00+08:00' } }), ConditionNotEvaluable);
});

test('a form’s draft: absent keys are empty, and the same tree answers as the server’s', () => {
  const required = { all: [{ field: 'status', op: 'is', value: 'resolved' }, { any: [{ field: 'subject', op: 'is_empty' }, { field: 'amount', op: 'lt', value: '0.01' }] }] };
  assert.equal(judge(required, { values: { status: 'resolved' } }, {}), true);
  assert.equal(judge(required, { values: { status: 'resolved', subject: '打印机', amount: '0.00' } }, {}), true);
  assert.equal(judge(required, { values: { status: 'resolved', subject: '打印机', amount: 12 } }, {}), false);
});

test('underlying values are read where the record has no such key, and a key the record holds (even empty) wins', () => {
  const isOpen = { field: 'status', op: 'is', value: 'open' };
  assert.equal(judge(isOpen, { values: {}, underlying: { status: 'open' } }), true, 'read from underneath');
  assert.equal(judge(isOpen, { values: { status: 'closed' }, underlying: { status: 'open' } }), false, 'the record wins');
  assert.equal(judge(isOpen, { values: { status: null }, underlying: { status: 'open' } }), false, 'an empty value the record holds wins too');
  assert.equal(judge({ field: 'status', op: 'is_empty' }, { values: {} }), true, 'nothing anywhere: empty');
});
