import { evaluate } from '../conditions/evaluate.js';
import type { FormAudience, FormField, RuleEffect } from './definition.js';
import { isEmptyValue, parseFieldValue, type FieldValue } from './field-values.js';
import type { PreparedForm } from './prepare-form.js';

/** What the form shows for one field, to this audience, with these values. */
export type FieldState = {
  visible: boolean;
  required: boolean;
  readOnly: boolean;
  /** Option values offered when a rule filters them (absent: every live option). */
  options?: string[];
  /** The value comes from a rule (`set` or `compute`), not from the person filling the form. */
  derived?: boolean;
};

export type FormState = {
  /** Every field on the audience's form, in form order. */
  fields: Map<string, FieldState>;
  /** The values after defaults and derived values, by key (custom fields only). */
  values: Record<string, FieldValue | null>;
};

export type JudgeOptions = {
  audience: FormAudience;
  /** A new record takes the form's defaults into empty fields; an existing one keeps what it has. */
  mode: 'create' | 'update';
  /** Values of built-in fields the rules may test (priority, category …), by key. */
  builtinValues?: Readonly<Record<string, unknown>>;
  /** The judge's clock, for conditions relative to now. */
  now?: Date;
};

/**
 * Derived values can feed later rules (a rule sees a value an earlier rule set in the same round;
 * a later one is seen the next round); a few rounds settle any form a person can design without a cycle.
 */
const maxRounds = 4;

/**
 * Decides the form (表单联动): for each field on the audience's form whether it is visible,
 * required, read-only, which options it offers, and the values rules set or compute. The server
 * judges every write with this; the console renders with the same code, so they cannot disagree.
 */
export function judgeForm(prepared: PreparedForm, values: Readonly<Record<string, unknown>>, options: JudgeOptions): FormState {
  const placement = placementFor(prepared, options.audience);
  // From entries, not key by key (which would make a 30-key object a hash table: check-submission.ts).
  const entries: Array<[string, FieldValue | null]> = [];
  for (const key in values) if (Object.hasOwn(values, key) && prepared.fields.has(key)) entries.push([key, (values[key] ?? null) as FieldValue | null]);
  const current: Record<string, FieldValue | null> = Object.fromEntries(entries);
  if (options.mode === 'create') {
    for (const [key, placed] of placement) if (isEmptyValue(current[key]) && placed.default !== undefined) current[key] = normal(prepared, key, placed.default);
  }

  let states = baseStates(prepared, placement, options.audience);
  for (let round = 0; round < maxRounds && prepared.rules.length > 0; round += 1) {
    if (round > 0) states = baseStates(prepared, placement, options.audience);
    let changed = false;
    const context = { values: current, ...(options.builtinValues && { underlying: options.builtinValues }), ...(options.now && { now: options.now }) };
    for (const rule of prepared.rules) {
      if (rule.when && !evaluate(rule.when, context)) continue;
      for (const effect of rule.then) {
        const state = states.get(effect.field);
        if (!state) continue; // not on this audience's form
        const value = apply(effect, state, current, prepared, options.mode);
        if (value !== undefined && !sameValue(current[effect.field], value)) {
          current[effect.field] = value;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  for (const state of states.values()) if (!state.visible) state.required = false;
  return { fields: states, values: current };
}

/** The fields of the audience's form: the sections for staff, the portal form for customers. */
export function placementFor(prepared: PreparedForm, audience: FormAudience): ReadonlyMap<string, FormField> {
  return audience.kind === 'customer' ? prepared.portalPlacement : prepared.staffPlacement;
}

function baseStates(prepared: PreparedForm, placement: ReadonlyMap<string, FormField>, audience: FormAudience): Map<string, FieldState> {
  const states = new Map<string, FieldState>();
  for (const [key, placed] of placement) {
    const field = prepared.fields.get(key)!;
    const mayWrite = audience.kind === 'customer' || field.writeRoles.length === 0 || field.writeRoles.includes(audience.role);
    states.set(key, { visible: !prepared.shownByRule.has(key), required: placed.required, readOnly: field.archived || !mayWrite });
  }
  return states;
}

/** Applies one effect to the field's state; returns the field's new value when the effect sets one. */
function apply(effect: RuleEffect, state: FieldState, current: Record<string, FieldValue | null>, prepared: PreparedForm, mode: JudgeOptions['mode']): FieldValue | null | undefined {
  switch (effect.effect) {
    case 'show':
      state.visible = true;
      return undefined;
    case 'hide':
      state.visible = false;
      return undefined;
    case 'require':
      state.required = true;
      return undefined;
    case 'read_only':
      state.readOnly = true;
      return undefined;
    case 'options':
      state.options = state.options ? state.options.filter((value) => effect.values.includes(value)) : [...effect.values];
      return undefined;
    case 'default':
      return mode === 'create' && isEmptyValue(current[effect.field]) ? normal(prepared, effect.field, effect.value) : undefined;
    case 'set':
      state.readOnly = true;
      state.derived = true;
      return normal(prepared, effect.field, effect.value);
    case 'compute':
      state.readOnly = true;
      state.derived = true;
      return compute(effect, current, prepared);
  }
}

function normal(prepared: PreparedForm, key: string, raw: unknown): FieldValue | null {
  const parsed = parseFieldValue(prepared.fields.get(key)!, raw);
  return parsed.ok ? parsed.value : null;
}

const dayMs = 86_400_000;

/**
 * sum / product / difference of numbers or money (money in cents, so 0.1 + 0.2 is 0.30), and
 * days_between two dates (whole days, the second minus the first). An empty input leaves it empty.
 */
function compute(effect: Extract<RuleEffect, { effect: 'compute' }>, current: Record<string, FieldValue | null>, prepared: PreparedForm): FieldValue | null {
  const inputs = effect.of.map((key) => current[key]);
  if (inputs.some((value) => isEmptyValue(value))) return null;
  const target = prepared.fields.get(effect.field)!;
  if (effect.formula === 'days_between') {
    const [from, to] = inputs.map((value) => Date.parse(String(value).length === 10 ? `${String(value)}T00:00:00Z` : String(value)));
    return Math.floor((to! - from!) / dayMs);
  }
  const cents = target.type === 'money';
  const numbers = inputs.map((value) => (cents ? Math.round(Number(value) * 100) : Number(value)));
  const result =
    effect.formula === 'sum' ? numbers.reduce((a, b) => a + b, 0) : effect.formula === 'product' ? numbers.reduce((a, b) => a * b, 1) / (cents ? 100 ** (numbers.length - 1) : 1) : numbers.slice(1).reduce((a, b) => a - b, numbers[0]!);
  return normal(prepared, effect.field, cents ? (Math.round(result) / 100).toFixed(2) : result);
}

/** Two stored values are the same: both empty, equal scalars, or equal lists (values are scalars or lists of strings). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const aEmpty = isEmptyValue(a);
  const bEmpty = isEmptyValue(b);
  if (aEmpty || bEmpty) return aEmpty && bEmpty;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
