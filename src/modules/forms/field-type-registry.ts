import type { AppContext } from '../../app/context.js';
import type { FieldType, FieldTypes } from '../../app/field-types.js';
import { Invalid } from '../../app/errors.js';
import type { Database } from '../../db/database.js';
import type { CustomFieldType } from '../../forms/definition.js';
import { builtinFieldTypes } from '../../forms/field-type-table.js';

/**
 * The app's field types as the forms module reads them. At boot the forms module registers the 20
 * built-in rows on `context.fieldTypes` (other modules add theirs there) and remembers that
 * registry for its database handle — the same per-app scope as its prepared-form cache — so ticket
 * writes, which reach the forms module with the database and not the context, parse values of
 * registered types by their row.
 */
const typesByDatabase = new WeakMap<Database, FieldTypes>();

export function registerBuiltinFieldTypes({ database, fieldTypes }: Pick<AppContext, 'database' | 'fieldTypes'>): void {
  for (const type of builtinFieldTypes) fieldTypes.register(type);
  typesByDatabase.set(database, fieldTypes);
}

/** The registered types of the app on `database` (absent in an app without the forms module). */
export function fieldTypesOf(database: Database): ReadonlyMap<string, FieldType> | undefined {
  return typesByDatabase.get(database)?.byKey();
}

/**
 * A field's `type` from a request: a key the app registered, else a 400 at `type`. Stored types
 * are open beyond the built-in union (a registered type's key is stored as it is); this is the one
 * place a registered key enters the built-in type, after the registry said it exists.
 */
export function registeredTypeKey(fieldTypes: FieldTypes, key: string): CustomFieldType {
  if (!fieldTypes.get(key)) throw new Invalid('validation.failed', {}, [{ path: 'type', code: 'forms.field.unknown_type', params: { type: key.slice(0, 40), types: fieldTypes.list().map((type) => type.key).join(', ') } }]);
  return key as CustomFieldType;
}
