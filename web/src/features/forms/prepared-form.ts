import { useMemo } from 'react';
import { fieldTypes, type FieldDescriptor, type FieldType } from '../../../../src/conditions/types.ts';
import { prepareForm, type PrepareResult } from '../../../../src/forms/prepare-form.ts';
import type { RegistryField, TypeForm } from './queries.ts';

// Apart from queries.ts so that pages which only list or show values (the ticket list) do not load
// the engine (zod, libphonenumber's metadata): only pages that judge a form import this.

/** The registry's built-in fields as the condition language sees them, for rules that test priority, category … */
export function builtinDescriptors(registry: readonly RegistryField[] | undefined): FieldDescriptor[] {
  const known = (type: string): type is FieldType => (fieldTypes as readonly string[]).includes(type);
  return (registry ?? []).filter((field) => field.builtIn && known(field.type)).map((field) => ({ key: field.key, type: field.type as FieldType, ...(field.options && { options: field.options }) }));
}

/** The form checked and ready to judge, once per answer (rules validated as the server did at publishing). */
export function usePreparedForm(answer: TypeForm | undefined, builtins?: readonly FieldDescriptor[]): PrepareResult | undefined {
  return useMemo(() => (answer ? prepareForm({ form: answer.form, fields: answer.fields, ...(builtins && { builtins }) }) : undefined), [answer, builtins]);
}
