import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { conditionFields, type PolicyCondition } from './policy-model.js';
import { conditionsMatch, selectPolicy, type SelectablePolicy, type TicketFacts } from './select-policy.js';

/** Choosing a ticket's SLA policy: the first active match by position, or null ("no SLA"). */

const facts: TicketFacts = { priority: 'urgent', categoryPath: ['printers', 'hardware'], customerTier: 'vip', channel: 'wechat', organizationId: 'org-1', contractTypes: ['维保合同'] };
const policy = (id: string, position: number, all: PolicyCondition[], active = true): SelectablePolicy => ({ id, position, active, conditions: { all } });

test('each field is matched with in and not_in; categories match through their ancestors', () => {
  const cases: Array<[PolicyCondition, boolean]> = [
    [{ field: 'priority', op: 'in', values: ['urgent', 'high'] }, true],
    [{ field: 'priority', op: 'not_in', values: ['urgent'] }, false],
    [{ field: 'categoryId', op: 'in', values: ['hardware'] }, true],
    [{ field: 'categoryId', op: 'not_in', values: ['software'] }, true],
    [{ field: 'customerTier', op: 'in', values: ['normal'] }, false],
    [{ field: 'channel', op: 'in', values: ['wechat'] }, true],
    [{ field: 'organizationId', op: 'not_in', values: ['org-1'] }, false],
    [{ field: 'contractType', op: 'in', values: ['维保合同'] }, true],
  ];
  for (const [condition, expected] of cases) assert.equal(conditionsMatch({ all: [condition] }, facts), expected, JSON.stringify(condition));
  assert.equal(conditionsMatch({ all: [] }, facts), true, 'no conditions: every ticket');
  assert.equal(conditionsMatch({ all: [cases[0]![0], cases[4]![0]] }, facts), false, 'all must hold');
});

test('missing facts: a ticket without tier, category, organisation or contract is in no list and outside every list', () => {
  const bare: TicketFacts = { priority: 'normal', categoryPath: [], customerTier: null, channel: 'api', organizationId: null, contractTypes: [] };
  for (const field of ['categoryId', 'customerTier', 'organizationId', 'contractType'] as const) {
    assert.equal(conditionsMatch({ all: [{ field, op: 'in', values: ['x'] }] }, bare), false, field);
    assert.equal(conditionsMatch({ all: [{ field, op: 'not_in', values: ['x'] }] }, bare), true, field);
  }
});

test('the first active match by position wins, whatever order the list comes in', () => {
  const vip = policy('b', 0, [{ field: 'customerTier', op: 'in', values: ['vip'] }]);
  const everyone = policy('a', 1, []);
  const retired = policy('c', -1, [], false);
  assert.equal(selectPolicy([everyone, retired, vip], facts)?.id, 'b');
  assert.equal(selectPolicy([everyone, retired, vip], { ...facts, customerTier: null })?.id, 'a');
  assert.equal(selectPolicy([retired], facts), null, 'an inactive catch-all is not a match');
  assert.equal(selectPolicy([], facts), null);
});

test('malformed stored conditions never throw: that policy just does not match', () => {
  const broken = [
    { id: 'x', position: 0, active: true, conditions: null },
    { id: 'y', position: 1, active: true, conditions: { all: 'everything' } },
    { id: 'z', position: 2, active: true, conditions: { all: [{ field: 'planet', op: 'in', values: ['mars'] }, null] } },
    { id: 'w', position: 3, active: true, conditions: { all: [{ field: 'priority', op: 'like', values: ['urgent'] }] } },
  ] as unknown as SelectablePolicy[];
  assert.equal(selectPolicy(broken, facts), null);
  assert.equal(selectPolicy([...broken, policy('ok', 9, [])], facts)?.id, 'ok');
});

// Properties over small value domains, so random conditions and facts actually meet.
const valueArb = fc.constantFrom('a', 'b', 'c');
const conditionArb: fc.Arbitrary<PolicyCondition> = fc.record({
  field: fc.constantFrom(...conditionFields),
  op: fc.constantFrom('in' as const, 'not_in' as const),
  values: fc.uniqueArray(valueArb, { minLength: 1, maxLength: 3 }),
});
const factsArb: fc.Arbitrary<TicketFacts> = fc.record({
  priority: valueArb,
  categoryPath: fc.uniqueArray(valueArb, { maxLength: 2 }),
  customerTier: fc.option(valueArb, { nil: null }),
  channel: valueArb,
  organizationId: fc.option(valueArb, { nil: null }),
  contractTypes: fc.uniqueArray(valueArb, { maxLength: 2 }),
});
const policiesArb = fc
  .array(fc.record({ active: fc.boolean(), all: fc.array(conditionArb, { maxLength: 3 }) }), { maxLength: 8 })
  .chain((drafts) =>
    fc.shuffledSubarray(drafts.map((_, i) => i), { minLength: drafts.length, maxLength: drafts.length }).map((positions) =>
      drafts.map((draft, i) => policy(`p${i}`, positions[i]!, draft.all, draft.active)),
    ),
  );
const runs = { numRuns: 300 };

test('property: the chosen policy is active, matches, and no active match comes before it', () => {
  fc.assert(
    fc.property(policiesArb, factsArb, (policies, ticket) => {
      const chosen = selectPolicy(policies, ticket);
      const matching = policies.filter((p) => p.active && conditionsMatch(p.conditions, ticket));
      if (chosen === null) return matching.length === 0;
      return chosen.active && conditionsMatch(chosen.conditions, ticket) && matching.every((p) => p.position >= chosen.position);
    }),
    runs,
  );
});

test('property: order decides — swapping the positions of two matching policies swaps the winner', () => {
  fc.assert(
    fc.property(policiesArb, factsArb, (policies, ticket) => {
      const first = policy('first', -2, []);
      const second = policy('second', -1, []);
      assert.equal(selectPolicy([...policies, second, first], ticket)?.id, 'first');
      assert.equal(selectPolicy([...policies, { ...second, position: -2 }, { ...first, position: -1 }], ticket)?.id, 'second');
    }),
    runs,
  );
});

test('property: inactive policies never match, and deactivating the rest leaves no SLA', () => {
  fc.assert(
    fc.property(policiesArb, factsArb, (policies, ticket) => {
      const chosen = selectPolicy(policies, ticket);
      assert.ok(chosen === null || chosen.active);
      assert.equal(selectPolicy(policies.map((p) => ({ ...p, active: false })), ticket), null);
    }),
    runs,
  );
});

test('property: not_in is the exact opposite of in', () => {
  fc.assert(
    fc.property(conditionArb, factsArb, (condition, ticket) => {
      const opposite = { ...condition, op: condition.op === 'in' ? ('not_in' as const) : ('in' as const) };
      return conditionsMatch({ all: [condition] }, ticket) !== conditionsMatch({ all: [opposite] }, ticket);
    }),
    runs,
  );
});

test('property: no policies or any junk list → null, never an exception', () => {
  fc.assert(
    fc.property(fc.array(fc.anything(), { maxLength: 5 }), factsArb, (junk, ticket) => {
      const policies = junk.map((conditions, i) => ({ id: `j${i}`, position: i, active: true, conditions })) as unknown as SelectablePolicy[];
      const chosen = selectPolicy(policies, ticket);
      assert.equal(selectPolicy([], ticket), null);
      return chosen === null || policies.includes(chosen);
    }),
    runs,
  );
});
