import { z } from 'zod';
import type { FieldTypes } from '../../app/field-types.js';
import { fieldDefinitionSchema, formDefinitionSchema, type FieldDefinition, type FormDefinition } from '../../forms/definition.js';
import { prepareForm, type PreparedForm, type PresentedField } from '../../forms/prepare-form.js';
import type { FormIssue } from '../../forms/definition.js';
import { builtInOptionTrees } from '../forms/index.js';

/**
 * A service type's fields and forms, judged by the form engine (src/forms) like a ticket type's.
 * The fields are not in the field registry: its entities are tickets, contacts and organisations,
 * and a work-order entity would change the registry's routes, counts and console. So each
 * published version holds its own field definitions (immutable with the version, as a ticket type
 * version's form is), and the engine prepares them exactly as it prepares the registry's.
 */
export const serviceFieldSchema = fieldDefinitionSchema.omit({ entity: true, filterable: true, searchable: true });
export type ServiceField = Omit<FieldDefinition, 'entity' | 'filterable' | 'searchable'>;

export const serviceFormsSchema = z.strictObject({
  fields: z.array(serviceFieldSchema).max(100).default([]),
  form: formDefinitionSchema.default({ sections: [], rules: [], portal: { enabled: false, fields: [] } }),
  reportFields: z.array(serviceFieldSchema).max(100).default([]),
  reportForm: formDefinitionSchema.default({ sections: [], rules: [], portal: { enabled: false, fields: [] } }),
});
export type ServiceFormsInput = z.input<typeof serviceFormsSchema>;

/** Stored definitions: the parsed input plus the lifecycle facts the engine expects of a field. */
export function storedFields(fields: ReadonlyArray<z.infer<typeof serviceFieldSchema>>): FieldDefinition[] {
  // `entity` only chooses the registry's routes, which these fields have none of; the engine never reads it.
  return fields.map((field) => ({ ...field, entity: 'ticket', filterable: false, searchable: false, id: field.key, archived: false, version: 1 }));
}

export type ServiceForms = { fields: FieldDefinition[]; form: FormDefinition; reportFields: FieldDefinition[]; reportForm: FormDefinition };
export type PreparedServiceForms = { form: PreparedForm; reportForm: PreparedForm };

/** Both forms prepared, or every issue with its path (`form.…`, `reportForm.…`, `fields.2.key`). */
export function prepareServiceForms(forms: ServiceForms, fieldTypes: FieldTypes, timeZone: string): { ok: true; forms: PreparedServiceForms } | { ok: false; issues: FormIssue[] } {
  const issues: FormIssue[] = [];
  const valueContext = { optionTrees: builtInOptionTrees(), types: fieldTypes.byKey() };
  const prepare = (fields: PresentedField[], form: FormDefinition, fieldsPath: string, prefix: string) => {
    fields.forEach((field, i) => {
      if (!fieldTypes.byKey().has(field.type)) issues.push({ path: `${fieldsPath}.${i}.type`, code: 'field_service.field_type_unknown', params: { type: field.type } });
      if (fields.findIndex((other) => other.key === field.key) !== i) issues.push({ path: `${fieldsPath}.${i}.key`, code: 'field_service.field_key_twice', params: { key: field.key } });
    });
    const result = prepareForm({ form, fields, timeZone, valueContext });
    if (!result.ok) {
      issues.push(...result.issues.map((issue) => ({ ...issue, path: issue.path.replace(/^form/, prefix) })));
      return null;
    }
    return result.form;
  };
  const form = prepare(forms.fields, forms.form, 'fields', 'form');
  const reportForm = prepare(forms.reportFields, forms.reportForm, 'reportFields', 'reportForm');
  if (!form || !reportForm || issues.length) return { ok: false, issues };
  return { ok: true, forms: { form, reportForm } };
}
