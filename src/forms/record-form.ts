import type { FieldDefinition, FormDefinition } from './definition.js';

/**
 * The form of a record without types — a contact or an organisation: the registry itself, one
 * section placing every field in the registry's order, no rules, no portal form. The server judges
 * their writes against it and the console renders it, so both see the same form. Archived fields
 * stay placed (their values still show, read-only); no field is required, since a contact made by
 * a channel cannot fill any.
 */
export function registryForm(fields: readonly Pick<FieldDefinition, 'key'>[]): FormDefinition {
  return {
    sections: [{ key: 'fields', label: { 'zh-CN': '自定义字段', en: 'Custom fields' }, fields: fields.map((field) => ({ key: field.key, width: 'half', required: false })) }],
    rules: [],
    portal: { enabled: false, fields: [] },
  };
}
