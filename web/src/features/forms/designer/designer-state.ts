import type { FormDefinition, FormField, FormRule, FormSection, Label } from '../../../../../src/forms/definition.ts';

/**
 * The designer's draft of one ticket type's form and the changes a person makes to it. A pure
 * reducer, so drag and drop, the keyboard and the tests all move fields through the same code.
 * A field sits on the form at most once; the portal form is a separate list (a customer sees
 * fewer fields than an agent, in its own order).
 */
export type DesignerState = { form: FormDefinition };

/** Where a field goes: a section's key (or the portal list) and a position in it. */
export type Place = { container: string; index: number };

/** The portal form's list behaves like one more section in drag and drop. */
export const portalContainer = '__portal__';

export type DesignerAction =
  | { type: 'load'; form: FormDefinition }
  | { type: 'add_section'; key: string; label: Label }
  | { type: 'rename_section'; key: string; label: Label }
  | { type: 'remove_section'; key: string }
  | { type: 'move_section'; key: string; index: number }
  | { type: 'place_field'; key: string; to: Place }
  | { type: 'remove_field'; key: string; container: string }
  | { type: 'update_field'; key: string; container: string; patch: Partial<Omit<FormField, 'key'>> }
  | { type: 'set_portal_enabled'; enabled: boolean }
  | { type: 'set_rules'; rules: FormRule[] };

export function emptyForm(): FormDefinition {
  return { sections: [], rules: [], portal: { enabled: false, fields: [] } };
}

/** Where a field is placed on the agents' form, or undefined when it is still in the palette. */
export function sectionOfField(form: FormDefinition, key: string): { section: FormSection; index: number } | undefined {
  for (const section of form.sections) {
    const index = section.fields.findIndex((field) => field.key === key);
    if (index >= 0) return { section, index };
  }
  return undefined;
}

/** Every field key on the agents' form, in order. */
export function placedKeys(form: FormDefinition): string[] {
  return form.sections.flatMap((section) => section.fields.map((field) => field.key));
}

function withoutField(fields: FormField[], key: string): FormField[] {
  return fields.filter((field) => field.key !== key);
}

function insertAt<T>(list: T[], index: number, item: T): T[] {
  const at = Math.max(0, Math.min(index, list.length));
  return [...list.slice(0, at), item, ...list.slice(at)];
}

/**
 * Places a field at a position: from the palette (a new placement with defaults), from another
 * section (keeping its width, required, help and default), or within its own section (a reorder;
 * the index is the position in the list as it is after the field is taken out).
 */
function placeField(form: FormDefinition, key: string, to: Place): FormDefinition {
  if (to.container === portalContainer) {
    const existing = form.portal.fields.find((field) => field.key === key) ?? { key, width: 'full' as const, required: false };
    return { ...form, portal: { ...form.portal, fields: insertAt(withoutField(form.portal.fields, key), to.index, existing) } };
  }
  if (!form.sections.some((section) => section.key === to.container)) return form;
  const existing = sectionOfField(form, key)?.section.fields.find((field) => field.key === key) ?? { key, width: 'full' as const, required: false };
  return {
    ...form,
    sections: form.sections.map((section) => {
      const fields = withoutField(section.fields, key);
      return { ...section, fields: section.key === to.container ? insertAt(fields, to.index, existing) : fields };
    }),
  };
}

function updateFields(form: FormDefinition, container: string, update: (fields: FormField[]) => FormField[]): FormDefinition {
  if (container === portalContainer) return { ...form, portal: { ...form.portal, fields: update(form.portal.fields) } };
  return { ...form, sections: form.sections.map((section) => (section.key === container ? { ...section, fields: update(section.fields) } : section)) };
}

export function designerReducer(state: DesignerState, action: DesignerAction): DesignerState {
  const form = state.form;
  switch (action.type) {
    case 'load':
      return { form: action.form };
    case 'add_section':
      if (form.sections.some((section) => section.key === action.key)) return state;
      return { form: { ...form, sections: [...form.sections, { key: action.key, label: action.label, fields: [] }] } };
    case 'rename_section':
      return { form: { ...form, sections: form.sections.map((section) => (section.key === action.key ? { ...section, label: action.label } : section)) } };
    case 'remove_section':
      // Its fields go back to the palette; a form without a section cannot hold any.
      return { form: { ...form, sections: form.sections.filter((section) => section.key !== action.key) } };
    case 'move_section': {
      const moving = form.sections.find((section) => section.key === action.key);
      if (!moving) return state;
      return { form: { ...form, sections: insertAt(form.sections.filter((section) => section !== moving), action.index, moving) } };
    }
    case 'place_field':
      return { form: placeField(form, action.key, action.to) };
    case 'remove_field':
      return { form: updateFields(form, action.container, (fields) => withoutField(fields, action.key)) };
    case 'update_field':
      return { form: updateFields(form, action.container, (fields) => fields.map((field) => (field.key === action.key ? dropUndefined({ ...field, ...action.patch }) : field))) };
    case 'set_portal_enabled':
      return { form: { ...form, portal: { ...form.portal, enabled: action.enabled } } };
    case 'set_rules':
      return { form: { ...form, rules: action.rules } };
  }
}

/** A cleared help text or default is absent, not `undefined`, so a draft compares equal to what the server returns. */
function dropUndefined(field: FormField): FormField {
  return Object.fromEntries(Object.entries(field).filter(([, value]) => value !== undefined)) as FormField;
}

/** A key for a new section that no other section has: `section_1`, `section_2` … */
export function nextSectionKey(form: FormDefinition): string {
  const taken = new Set(form.sections.map((section) => section.key));
  let n = form.sections.length + 1;
  while (taken.has(`section_${n}`)) n += 1;
  return `section_${n}`;
}

/** Whether the draft differs from what was loaded (the unsaved-changes warning). Key order does not count. */
export function sameForm(a: FormDefinition, b: FormDefinition): boolean {
  return stableJson(a) === stableJson(b);
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** Rules whose effects or conditions name a field no longer on the form: the designer marks them before publishing. */
export function rulesNamingMissingFields(form: FormDefinition, builtInKeys: ReadonlySet<string>): number[] {
  const onForm = new Set([...placedKeys(form), ...builtInKeys]);
  return form.rules.flatMap((rule, index) => {
    const named = [...rule.then.map((effect) => effect.field), ...conditionFieldKeys(rule.when)];
    return named.some((key) => !onForm.has(key)) ? [index] : [];
  });
}

function conditionFieldKeys(tree: unknown): string[] {
  if (!tree || typeof tree !== 'object') return [];
  const node = tree as Record<string, unknown>;
  if (Array.isArray(node.all)) return node.all.flatMap(conditionFieldKeys);
  if (Array.isArray(node.any)) return node.any.flatMap(conditionFieldKeys);
  if ('not' in node) return conditionFieldKeys(node.not);
  return typeof node.field === 'string' ? [node.field] : [];
}
