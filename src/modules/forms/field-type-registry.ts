import type { AppContext } from '../../app/context.js';
import { FieldTypes } from '../../app/field-types.js';
import { Invalid } from '../../app/errors.js';
import type { FieldTypeKey } from '../../forms/definition.js';
import { builtinFieldTypes } from '../../forms/field-type-table.js';

/**
 * At boot the forms module registers the 20 built-in rows on `context.fieldTypes`; other modules
 * add theirs there. Every write that judges custom values (tickets, contacts, organisations) is
 * given that registry by its caller, who has the context, so a registered type's values are
 * parsed by its row.
 */
export function registerBuiltinFieldTypes({ fieldTypes }: Pick<AppContext, 'fieldTypes'>): void {
  for (const type of builtinFieldTypes) fieldTypes.register(type);
}

/** The built-in types alone, for writers outside a running app (the demo seeder's CLI). */
export function builtinFieldTypeRegistry(): FieldTypes {
  const fieldTypes = new FieldTypes();
  registerBuiltinFieldTypes({ fieldTypes });
  return fieldTypes;
}

/**
 * A field's `type` from a request: a key the app registered (built-in or added by a module), else
 * a 400 at `type`. Stored types are open beyond the built-in union (FieldTypeKey), so the key is
 * kept as it is once the registry said it exists.
 */
export function registeredTypeKey(fieldTypes: FieldTypes, key: string): FieldTypeKey {
  if (!fieldTypes.get(key)) throw new Invalid('validation.failed', {}, [{ path: 'type', code: 'forms.field.unknown_type', params: { type: key.slice(0, 40), types: fieldTypes.list().map((type) => type.key).join(', ') } }]);
  return key;
}
