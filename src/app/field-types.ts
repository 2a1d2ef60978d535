import { fieldTypeKeyPattern, type FieldTypeSpec } from '../forms/field-type-table.js';

/**
 * The kinds of value a custom field can hold, one row each (src/forms/field-type-table.ts: key,
 * labels, condition type, value parser, what the registry allows). The forms module registers the
 * 20 built-in rows at boot; a module adds its own in `registerJobs` (`context.fieldTypes.register`)
 * and the registry then takes fields of it, every write path parses their values with its row, and
 * `GET /api/v1/field-types` lists it for the designer. One instance per app (never a module global).
 */
export type FieldType = FieldTypeSpec;

export class FieldTypes {
  private readonly types = new Map<string, FieldType>();

  register(type: FieldType): void {
    if (!fieldTypeKeyPattern.test(type.key)) throw new Error(`Field type key ${type.key} must be lower-case letters, digits and underscores`);
    if (this.types.has(type.key)) throw new Error(`Field type ${type.key} is registered twice`);
    this.types.set(type.key, type);
  }

  get(key: string): FieldType | undefined {
    return this.types.get(key);
  }

  list(): FieldType[] {
    return [...this.types.values()];
  }

  /** The rows by key, as the value parser takes them (ValueContext.types). */
  byKey(): ReadonlyMap<string, FieldType> {
    return this.types;
  }
}
