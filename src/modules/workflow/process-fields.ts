import type { FieldTypes } from '../../app/field-types.js';
import type { ReadModels } from '../../app/read-models.js';
import { fieldLookup, type FieldDescriptor, type FieldLookup } from '../../conditions/types.js';
import type { Db } from '../../db/database.js';
import { describeField } from '../../forms/field-kinds.js';
import { listFields } from '../forms/index.js';
import { builtinTicketDescriptors } from '../tickets/index.js';

/**
 * The fields a process may name (required, read-only, conditions, approver and tier fields): the
 * ticket's built-in fields and its non-archived custom fields as `fields.<key>`, the keys the
 * condition language uses everywhere else (rules, views). With every option, so a condition naming
 * a deleted option still validates and one naming a missing option does not.
 */
export async function processFields(db: Db, readModels: ReadModels, fieldTypes: FieldTypes): Promise<FieldLookup> {
  const builtins: FieldDescriptor[] = ((await readModels.get('ticketFields')?.builtins(db)) ?? builtinTicketDescriptors()).map(({ key, type, options, sql }) => ({
    key,
    type,
    ...(options && { options: options.map((option) => ({ value: option.value })) }),
    ...(sql && { sql }),
  }));
  const types = fieldTypes.byKey();
  const customs = (await listFields(db, 'ticket'))
    .filter((field) => !field.archived)
    .flatMap((field) => {
      const described = describeField(field, types);
      return described ? [{ ...described, key: `fields.${field.key}` }] : [];
    });
  return fieldLookup([...builtins, ...customs]);
}
