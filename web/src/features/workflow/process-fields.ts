import { fieldLookup, type FieldDescriptor, type FieldLookup } from '../../../../src/conditions/types.ts';
import { descriptorOf, type RegistryField } from '../forms/designer/registry-field.ts';

/**
 * The fields a process may name, as the server's `processFields` (src/modules/workflow) gives
 * them: the ticket's built-in fields by their own key and every live custom field as
 * `fields.<key>` (the condition language's key everywhere outside a form). Read from the field
 * registry the form designer already loads (`useRegistry('ticket')`).
 */
export function processFieldsOf(registry: readonly RegistryField[]): RegistryField[] {
  return registry.filter((field) => !field.archived).map((field) => (field.builtIn ? field : { ...field, key: `fields.${field.key}` }));
}

/** The lookup `validateProcess` and `simulateProcess` judge with: the fields a condition can test. */
export function processLookupOf(fields: readonly RegistryField[]): FieldLookup {
  return fieldLookup(fields.flatMap((field): FieldDescriptor[] => {
    const descriptor = descriptorOf(field);
    return descriptor ? [descriptor] : [];
  }));
}
