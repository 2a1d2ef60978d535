import type { FieldError } from '../../app/errors.js';
import { evaluate } from '../../conditions/evaluate.js';
import { operatorsFor, valueShape } from '../../conditions/operators.js';
import type { CheckedCondition } from '../../conditions/types.js';
import { validateCondition } from '../../conditions/validate.js';
import type { SlaConditionField } from './condition-fields.js';

/**
 * A policy's conditions in the condition language (src/conditions). A stored condition is a
 * leaf `{field, op, values}`: the operand is always a list (`values`), which is the shape policies
 * have had since they only knew `in` and `not_in`, so every stored policy is a valid policy. Here
 * each becomes the language's leaf `{field, op, value}` — `values[0]` for operators that take one
 * value, the list for `in`/`not_in`/`between`/a multi select's `contains`, nothing for `is_empty` —
 * is validated against the SLA's fields (problems answer at `conditions.all.<i>.values.<j>` as the
 * client sent them) and judged by the language's evaluator.
 */
export type StoredCondition = { field: string; op: string; values: ReadonlyArray<string | number | boolean> };

export type CheckedConditions = { ok: true; condition: CheckedCondition } | { ok: false; problems: FieldError[] };

/** Conditions a policy holds (any of the language's operators but changes and business hours, which a ticket's state alone cannot answer). */
export function checkPolicyConditions(all: readonly StoredCondition[], fields: (key: string) => SlaConditionField | undefined): CheckedConditions {
  const problems: FieldError[] = [];
  const items: CheckedCondition[] = [];
  all.forEach((condition, index) => {
    const path = `conditions.all.${index}`;
    const field = fields(condition.field);
    if (!field) return void problems.push({ path: `${path}.field`, code: 'condition.unknown_field', params: { field: String(condition.field).slice(0, 100) } });
    if (!field.filterable) return void problems.push({ path: `${path}.field`, code: 'sla.policy.field_not_filterable', params: { field: field.key } });
    if (!operatorsFor(field.type).includes(condition.op as never)) return void problems.push({ path: `${path}.op`, code: 'condition.operator_not_allowed', params: { op: condition.op, type: field.type } });
    const shape = valueShape(field.type, condition.op as never);
    const count = condition.values.length;
    const countProblem =
      shape === 'none' ? count > 0 && 'condition.value_not_allowed' : shape === 'one' ? count !== 1 && 'sla.policy.one_value' : shape === 'pair' ? count !== 2 && 'condition.expected_pair' : count === 0 && 'condition.list_empty';
    if (countProblem) return void problems.push({ path: `${path}.values`, code: countProblem, params: { op: condition.op } });
    const leaf = { field: field.key, op: condition.op, ...(shape === 'one' ? { value: condition.values[0] } : shape === 'none' ? {} : { value: condition.values }) };
    const result = validateCondition(leaf, fields, { path });
    if (!result.ok) {
      // The language names the operand `value`; the client sent the list `values`.
      const valuePath = `${path}.value`;
      for (const issue of result.issues) {
        const rest = issue.path.startsWith(valuePath) ? issue.path.slice(valuePath.length) : null;
        const at = rest === null ? issue.path : shape === 'one' ? `${path}.values.0${rest}` : `${path}.values${rest}`;
        problems.push({ path: at, code: issue.code, ...(issue.params && { params: issue.params }) });
      }
      return;
    }
    items.push(result.condition);
  });
  return problems.length ? { ok: false, problems } : { ok: true, condition: { kind: 'all', path: 'conditions', items } };
}

/** Whether checked conditions hold for a ticket's values (by condition key). */
export function conditionsHold(condition: CheckedCondition, values: Readonly<Record<string, unknown>>): boolean {
  return evaluate(condition, { values });
}
