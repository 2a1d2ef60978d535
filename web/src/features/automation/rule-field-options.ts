import { fieldTypes, type FieldType } from '../../../../src/conditions/types.ts';
import type { RegistryField } from '../forms/designer/registry-field.ts';
import type { RuleField } from './queries.ts';

type Named = { value: string; label: { 'zh-CN': string; en: string } };

/** Labelled options of the reference fields, read from the console's own lists (categories, teams …). */
export type ReferenceOptions = { category: Named[]; priority: Named[]; team: Named[]; assignee: Named[]; channel: Named[]; type: Named[] };

/**
 * The rule fields as the shared condition rows want them (`RegistryField`): their type is already
 * a condition type (`builtIn`), and the fields naming other records offer those records by name
 * rather than by id (team and assignee become pickers of teams and users).
 */
export function conditionFieldsOf(fields: readonly RuleField[], references: ReferenceOptions): RegistryField[] {
  return fields.flatMap((field) => {
    if (!isFieldType(field.type)) return [];
    const named = referenceOf(references, field.key);
    const type: FieldType = named && (field.type === 'team' || field.type === 'user') ? 'select' : field.type;
    const options = named ?? field.options?.map((option) => ({ value: option.value, label: { 'zh-CN': option.value, en: option.value } }));
    return [{ key: field.key, label: field.label, type, builtIn: true, ...(options && { options }) }];
  });
}

function isFieldType(type: string): type is FieldType {
  return (fieldTypes as readonly string[]).includes(type);
}

function referenceOf(references: ReferenceOptions, key: string): Named[] | undefined {
  switch (key) {
    case 'category':
    case 'priority':
    case 'team':
    case 'assignee':
    case 'channel':
    case 'type':
      return references[key];
    default:
      return undefined;
  }
}
