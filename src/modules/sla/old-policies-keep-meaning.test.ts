import { test } from 'node:test';
import fc from 'fast-check';
import { conditionFields, type PolicyCondition } from './policy-model.js';
import { conditionsMatch, type TicketFacts } from './select-policy.js';

/**
 * Policies stored before conditions read the field registry — `in` / `not_in` over the six keys
 * policies knew — now go through the condition language. They must mean exactly what they meant:
 * the matcher they were written for is kept here as the oracle and compared on random policies
 * and tickets (values from a small domain, so conditions and facts meet).
 */
type OldField = (typeof conditionFields)[number];

function oldFactValues(facts: TicketFacts, field: OldField): readonly (string | null)[] {
  switch (field) {
    case 'priority':
      return [facts.priority];
    case 'categoryId':
      return facts.categoryPath;
    case 'customerTier':
      return [facts.customerTier];
    case 'channel':
      return [facts.channel];
    case 'organizationId':
      return [facts.organizationId];
    case 'contractType':
      return facts.contractTypes;
  }
}

/** The matcher of stored policies as it was (src/modules/sla/select-policy.ts before the registry). */
function oldConditionsMatch(all: readonly { field: OldField; op: 'in' | 'not_in'; values: string[] }[], facts: TicketFacts): boolean {
  return all.every(({ field, op, values }) => {
    const wanted = new Set(values);
    const present = oldFactValues(facts, field).some((value) => value !== null && wanted.has(value));
    return op === 'in' ? present : !present;
  });
}

const valueArb = fc.constantFrom('a', 'b', 'c', '9f2c1a70-0000-7000-8000-000000000001');
const oldConditionArb = fc.record({
  field: fc.constantFrom(...conditionFields),
  op: fc.constantFrom('in' as const, 'not_in' as const),
  // Stored lists were never empty (the old schema required one value); duplicates were refused on save but are harmless here.
  values: fc.array(valueArb, { minLength: 1, maxLength: 3 }),
});
const factsArb: fc.Arbitrary<TicketFacts> = fc.record({
  priority: valueArb,
  categoryPath: fc.uniqueArray(valueArb, { maxLength: 3 }),
  customerTier: fc.option(valueArb, { nil: null }),
  channel: valueArb,
  organizationId: fc.option(valueArb, { nil: null }),
  contractTypes: fc.uniqueArray(valueArb, { maxLength: 2 }),
});

test('property: an old-shape policy matches exactly the tickets it matched before', () => {
  fc.assert(
    fc.property(fc.array(oldConditionArb, { maxLength: 4 }), factsArb, (all, facts) => {
      const stored = { all: all as PolicyCondition[] };
      return conditionsMatch(stored, facts) === oldConditionsMatch(all, facts);
    }),
    { numRuns: 2000 },
  );
});
