import type { Db } from '../../../db/database.js';
import type { FieldValue } from '../../../forms/field-values.js';
import { cellOfValue } from '../../../forms/value-cells.js';
import { labelIn, type ValueDisplays } from '../../../forms/value-labels.js';
import type { Actor } from '../../auth/index.js';
import { builtInOptionTrees, listFields } from '../../forms/index.js';
import type { ExportColumn } from './columns.js';

/**
 * A column per custom ticket field the caller may read (its read roles), keyed `fields.<key>` as
 * list columns are: headed by the field's label, choices written as their labels (a deleted
 * option keeps its label), 省/市/区 by name, amounts and numbers as numbers, instants as dates, a
 * registered type's value through its row (`types`: the app's field types).
 */
export async function customExportColumns(db: Db, actor: Actor, types: ValueDisplays): Promise<ExportColumn[]> {
  const fields = (await listFields(db, 'ticket')).filter((field) => field.readRoles.length === 0 || field.readRoles.includes(actor.role));
  const trees = fields.some((field) => field.settings.optionSource) ? builtInOptionTrees() : {};
  return fields.map((field) => ({
    key: `fields.${field.key}`,
    header: (locale) => labelIn(field.label, locale),
    value: (ticket, _lookups, locale) => {
      const value = ticket.fields[field.key] as FieldValue | undefined;
      if (field.type === 'datetime' && typeof value === 'string') return new Date(value);
      return cellOfValue(field, value, locale, trees, types);
    },
  }));
}
