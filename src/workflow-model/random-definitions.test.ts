/**
 * Random process definitions (fast-check): a chain of stages and exclusive gateways with extra
 * forward transitions, optionally a parallel part (split, two branches, join all/any/n), ends
 * reached from anywhere. Every one the generator builds must validate, and its simulation with
 * random values must end at an end node or wait at a stage — never stop at a gateway or loop.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Condition, FieldDescriptor } from '../conditions/types.js';
import { fieldLookup } from '../conditions/types.js';
import type { ProcessDefinitionInput } from './definition.js';
import { simulateProcess } from './simulate.js';
import { validateProcess } from './validate.js';

const fields: FieldDescriptor[] = [
  { key: 'amount', type: 'number' },
  { key: 'flag', type: 'boolean' },
  { key: 'kind', type: 'select', options: [{ value: 'a' }, { value: 'b' }, { value: 'c' }] },
  { key: 'note', type: 'text' },
];
const lookup = fieldLookup(fields);
const label = { 'zh-CN': '环节', en: 'Step' };
const at = { x: 0, y: 0 };

const conditionArb: fc.Arbitrary<Condition> = fc.oneof(
  fc.integer({ min: 0, max: 10 }).map((value) => ({ field: 'amount', op: 'gt' as const, value })),
  fc.boolean().map((value) => ({ field: 'flag', op: 'is' as const, value })),
  fc.constantFrom('a', 'b', 'c').map((value) => ({ field: 'kind', op: 'is' as const, value })),
  fc.constant({ field: 'note', op: 'is_not_empty' as const }),
);
const valuesArb = fc.record(
  { amount: fc.integer({ min: 0, max: 10 }), flag: fc.boolean(), kind: fc.constantFrom('a', 'b', 'c'), note: fc.constantFrom('', '已处理') },
  { requiredKeys: [] },
);

type Plan = {
  kinds: Array<'stage' | 'exclusive'>;
  extras: Array<{ from: number; to: number; condition: Condition | null }>;
  required: boolean[];
  parallel: null | { after: number; join: 'all' | 'any' | 'n' };
  ends: number;
};
const planArb: fc.Arbitrary<Plan> = fc.integer({ min: 1, max: 7 }).chain((length) =>
  fc.record({
    kinds: fc.array(fc.constantFrom<'stage' | 'exclusive'>('stage', 'exclusive'), { minLength: length, maxLength: length }).map((k) => ['stage' as const, ...k.slice(1)]),
    extras: fc.array(fc.record({ from: fc.nat(length - 1), to: fc.nat(length + 1), condition: fc.option(conditionArb) }), { maxLength: 6 }),
    required: fc.array(fc.boolean(), { minLength: length, maxLength: length }),
    parallel: fc.option(fc.record({ after: fc.nat(length - 1), join: fc.constantFrom<'all' | 'any' | 'n'>('all', 'any', 'n') })),
    ends: fc.integer({ min: 1, max: 2 }),
  }),
);

/** Chain node i → i+1 (its main, and an exclusive gateway's default), the last to end 0; extras only go forward. */
function build(plan: Plan): ProcessDefinitionInput {
  const count = plan.kinds.length;
  const id = (i: number) => (i < count ? `n${i}` : `end${Math.min(i - count, plan.ends - 1)}`);
  const nodes: ProcessDefinitionInput['nodes'] = plan.kinds.map((kind, i) =>
    kind === 'stage'
      ? { kind: 'stage', id: id(i), name: label, position: at, requiredFields: plan.required[i] ? ['note'] : [] }
      : { kind: 'gateway', gateway: 'exclusive', id: id(i), position: at, defaultTransition: `main${i}` },
  );
  for (let e = 0; e < plan.ends; e++) nodes.push({ kind: 'end', id: `end${e}`, name: label, position: at });
  const transitions: ProcessDefinitionInput['transitions'] = plan.kinds.map((_, i) => ({ id: `main${i}`, from: id(i), to: id(i + 1), label }));
  // Every end but the first is reached from the start, so none is unreachable.
  for (let e = 1; e < plan.ends; e++) transitions.push({ id: `to_end${e}`, from: 'n0', to: `end${e}`, label, condition: { field: 'flag', op: 'is', value: true } });
  plan.extras.forEach((extra, k) => {
    if (extra.to <= extra.from) return;
    const fromGateway = plan.kinds[extra.from] === 'exclusive';
    const condition = extra.condition ?? (fromGateway ? { field: 'flag', op: 'is', value: false } : undefined);
    transitions.push({ id: `extra${k}`, from: id(extra.from), to: id(Math.min(extra.to, count)), label, ...(condition ? { condition } : {}) });
  });
  if (plan.parallel && plan.kinds[plan.parallel.after] === 'stage') {
    // Splice split → (b1, b2) → join between a stage and what its main transition led to.
    const { after, join } = plan.parallel;
    const main = transitions.find((t) => t.id === `main${after}`) as { to: string };
    const next = main.to;
    main.to = 'split';
    nodes.push(
      { kind: 'gateway', gateway: 'parallel', id: 'split', position: at },
      { kind: 'stage', id: 'b1', name: label, position: at, requiredFields: ['note'] },
      { kind: 'stage', id: 'b2', name: label, position: at },
      { kind: 'gateway', gateway: 'join', id: 'join', position: at, split: 'split', join, ...(join === 'n' ? { n: 1 } : {}) },
    );
    transitions.push(
      { id: 'to_b1', from: 'split', to: 'b1', label },
      { id: 'to_b2', from: 'split', to: 'b2', label },
      { id: 'b1_done', from: 'b1', to: 'join', label },
      { id: 'b2_done', from: 'b2', to: 'join', label },
      { id: 'joined', from: 'join', to: next, label },
    );
  }
  return { start: 'n0', nodes, transitions };
}

test('every generated definition validates, and its simulation ends at an end or waits at a stage', () => {
  fc.assert(
    fc.property(planArb, valuesArb, (plan, values) => {
      const validation = validateProcess(build(plan), lookup);
      assert.ok(validation.ok, JSON.stringify(!validation.ok && validation.issues));
      const definition = validation.definition;
      const result = simulateProcess(definition, values, lookup);
      const kindOf = (node: string) => definition.nodes.find((n) => n.id === node)?.kind;
      if (result.outcome === 'ended') {
        assert.equal(result.waiting.length, 0);
        assert.ok(result.steps.some((step) => kindOf(step.node) === 'end'));
      } else {
        assert.ok(result.waiting.length > 0);
        for (const wait of result.waiting) assert.equal(kindOf(wait.node), 'stage');
      }
      // Every step follows a transition out of a node the ticket had reached.
      const seen = new Set([definition.start]);
      for (const step of result.steps.slice(1)) {
        const via = definition.transitions.find((t) => t.id === step.via);
        assert.ok(via && seen.has(via.from) && via.to === step.node);
        seen.add(step.node);
      }
    }),
    { numRuns: 300 },
  );
});
