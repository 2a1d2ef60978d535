import type { CheckedCondition, ConditionIssue, FieldDescriptor, FieldType } from '../conditions/types.js';
import { fieldLookup } from '../conditions/types.js';
import { validateCondition } from '../conditions/validate.js';
import { formDefinitionSchema, type FieldDefinition, type FormDefinition, type FormField, type RuleEffect } from './definition.js';
import { describeField } from './field-kinds.js';
import { parseFieldValue, type ValueContext } from './field-values.js';

/** A rule whose condition has been checked: what judgeForm evaluates. `when` null: always. */
export type PreparedRule = { id: string; when: CheckedCondition | null; then: RuleEffect[] };

/**
 * A form ready to judge: its definition, the registry's definitions of the fields it may hold,
 * and its rules checked once (publishing refuses a form whose rules do not check). The server
 * caches one per published version; the console prepares the same one from the same JSON.
 */
export type PreparedForm = {
  form: FormDefinition;
  /** Custom fields by key: every non-archived field of the entity, plus archived ones the form still holds. */
  fields: ReadonlyMap<string, PresentedField>;
  /** Where each field sits on the staff form and on the portal form (absent: not on it). */
  staffPlacement: ReadonlyMap<string, FormField>;
  portalPlacement: ReadonlyMap<string, FormField>;
  rules: PreparedRule[];
  /** What values were checked with (option trees, registered field types): a submission's values are parsed with it too. */
  valueContext?: ValueContext;
  /** Fields some rule shows: hidden until one does. */
  shownByRule: ReadonlySet<string>;
  timeZone: string;
};

/**
 * A field definition as the API presents it: with the condition type of its type's row, which
 * the console needs for a type a module registered on the server (it cannot hold the row).
 */
export type PresentedField = FieldDefinition & { conditionType?: FieldType | null };

export type PrepareInput = {
  form: unknown;
  /** The registry's fields (in the console as the API presents them). */
  fields: readonly PresentedField[];
  /** Built-in fields conditions may test besides the custom ones (a ticket's priority, category …). */
  builtins?: readonly FieldDescriptor[];
  timeZone?: string;
  valueContext?: ValueContext;
};

export type PrepareResult = { ok: true; form: PreparedForm } | { ok: false; issues: ConditionIssue[] };

/**
 * Checks a form definition against the registry: its shape, that it places each existing field
 * once per form, that every rule's condition validates (paths `form.rules.<i>.when…`) and that
 * every effect names a field on the form with a value that field accepts.
 */
export function prepareForm(input: PrepareInput): PrepareResult {
  const parsed = formDefinitionSchema.safeParse(input.form);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((issue) => ({ path: ['form', ...issue.path].join('.'), code: 'form.invalid_definition', params: { detail: issue.message } })) };
  const form = parsed.data;
  const fields = new Map(input.fields.map((field) => [field.key, field]));
  const issues: ConditionIssue[] = [];
  const staffPlacement = placements(form.sections.flatMap((section, s) => section.fields.map((field, f) => ({ field, path: `form.sections.${s}.fields.${f}` }))), fields, issues, input.valueContext);
  const portalPlacement = placements(form.portal.fields.map((field, f) => ({ field, path: `form.portal.fields.${f}` })), fields, issues, input.valueContext);
  for (const [f, placed] of form.portal.fields.entries()) {
    if (fields.get(placed.key)?.customerVisible === false) issues.push({ path: `form.portal.fields.${f}.key`, code: 'form.not_customer_visible', params: { field: placed.key } });
  }

  const descriptors = [...(input.builtins ?? []), ...[...fields.values()].map((field) => describeField(field, input.valueContext?.types)).filter((d): d is FieldDescriptor => d !== null)];
  const lookup = fieldLookup(descriptors);
  const onForm = new Set([...staffPlacement.keys(), ...portalPlacement.keys()]);
  const timeZone = input.timeZone ?? 'Asia/Shanghai';
  const rules: PreparedRule[] = [];
  const shownByRule = new Set<string>();
  for (const [r, rule] of form.rules.entries()) {
    let when: CheckedCondition | null = null;
    if (rule.when !== undefined && rule.when !== null) {
      const checked = validateCondition(rule.when, lookup, { path: `form.rules.${r}.when`, timeZone });
      if (checked.ok) when = checked.condition;
      else issues.push(...checked.issues);
    }
    for (const [e, effect] of rule.then.entries()) {
      const path = `form.rules.${r}.then.${e}`;
      const field = fields.get(effect.field);
      if (!onForm.has(effect.field) || !field) {
        issues.push({ path: `${path}.field`, code: 'form.rule_field_not_on_form', params: { field: effect.field } });
        continue;
      }
      if (effect.effect === 'show') shownByRule.add(effect.field);
      if (effect.effect === 'default' || effect.effect === 'set') checkValue(field, effect.value, `${path}.value`, issues, input.valueContext);
      if (effect.effect === 'options') {
        if (field.type !== 'select' && field.type !== 'multiselect') {
          issues.push({ path: `${path}.field`, code: 'form.options_need_select', params: { field: effect.field } });
          continue;
        }
        for (const [v, value] of effect.values.entries()) {
          if (!field.options?.some((option) => option.value === value)) issues.push({ path: `${path}.values.${v}`, code: 'form.unknown_option', params: { value } });
        }
      }
      if (effect.effect === 'compute') checkFormula(effect, field, fields, path, issues);
    }
    rules.push({ id: rule.id, when, then: rule.then });
  }
  if (issues.length) return { ok: false, issues };
  return { ok: true, form: { form, fields, staffPlacement, portalPlacement, rules, shownByRule, timeZone, ...(input.valueContext && { valueContext: input.valueContext }) } };
}

/** Each field once per form, each an existing field, each default a value the field accepts. */
function placements(list: Array<{ field: FormField; path: string }>, fields: ReadonlyMap<string, FieldDefinition>, issues: ConditionIssue[], context: ValueContext | undefined): Map<string, FormField> {
  const placed = new Map<string, FormField>();
  for (const { field, path } of list) {
    const definition = fields.get(field.key);
    if (!definition) issues.push({ path: `${path}.key`, code: 'form.unknown_field', params: { field: field.key } });
    else if (placed.has(field.key)) issues.push({ path: `${path}.key`, code: 'form.field_twice', params: { field: field.key } });
    else {
      placed.set(field.key, field);
      if (field.default !== undefined) checkValue(definition, field.default, `${path}.default`, issues, context);
    }
  }
  return placed;
}

function checkValue(field: FieldDefinition | undefined, value: unknown, path: string, issues: ConditionIssue[], context: ValueContext | undefined): void {
  if (!field) return;
  const parsed = parseFieldValue(field, value, context);
  if (!parsed.ok) issues.push({ path, code: parsed.code, ...(parsed.params && { params: parsed.params }) });
}

const numericTypes = new Set(['number', 'money', 'rating']);

function checkFormula(effect: Extract<RuleEffect, { effect: 'compute' }>, target: FieldDefinition, fields: ReadonlyMap<string, FieldDefinition>, path: string, issues: ConditionIssue[]): void {
  const wantInputs = effect.formula === 'days_between' ? ['date', 'datetime'] : ['number', 'money', 'rating'];
  if (effect.formula === 'days_between' ? target.type !== 'number' : !numericTypes.has(target.type)) issues.push({ path: `${path}.field`, code: 'form.formula_target', params: { field: target.key } });
  if (effect.formula === 'days_between' && effect.of.length !== 2) issues.push({ path: `${path}.of`, code: 'form.formula_two_dates' });
  for (const [i, key] of effect.of.entries()) {
    const input = fields.get(key);
    if (!input || !wantInputs.includes(input.type)) issues.push({ path: `${path}.of.${i}`, code: 'form.formula_input', params: { field: key } });
  }
}
