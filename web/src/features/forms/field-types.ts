import { z } from 'zod';
import { fieldTypes as conditionTypes, type FieldType as ConditionType } from '../../../../src/conditions/types.ts';
import { labelIn } from '../../../../src/forms/value-labels.ts';

/**
 * The kinds of value a custom field can hold, as `GET /api/v1/field-types` lists them: the 20
 * built-in types and those a module registered on the server (`context.fieldTypes`). The console
 * knows a registered type only from this answer, so the designer offers what it lists (in its
 * order); the renderers choose a registered type's input by its condition type, which each field
 * of a form answer carries (`conditionType`).
 */
export type FieldTypeInfo = {
  key: string;
  label: { 'zh-CN': string; en: string };
  builtIn: boolean;
  conditionType: ConditionType | null;
  hasOptions: boolean;
  filterable: boolean;
  searchable: boolean;
};

const fieldTypeInfoSchema = z.object({
  key: z.string().min(1),
  label: z.object({ 'zh-CN': z.string(), en: z.string() }),
  builtIn: z.boolean(),
  // A condition type this console does not know (a newer server) reads as none: a plain text input.
  conditionType: z.enum(conditionTypes).nullable().catch(null),
  hasOptions: z.boolean(),
  filterable: z.boolean(),
  searchable: z.boolean(),
});

/** The answer's items, each read through the schema; an item that does not fit is left out rather than guessed at. */
export function fieldTypesOf(items: readonly unknown[]): FieldTypeInfo[] {
  return items.flatMap((item) => {
    const parsed = fieldTypeInfoSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The designer's type choices: every type in the order the API gives, labelled in the console's language. */
export function typeChoices(types: readonly FieldTypeInfo[], language: string): Array<{ value: string; label: string }> {
  return types.map((type) => ({ value: type.key, label: labelIn(type.label, language) || type.key }));
}

/** A type's label in the console's language; undefined when the API did not list it (the caller falls back). */
export function typeLabelOf(types: readonly FieldTypeInfo[] | undefined, key: string, language: string): string | undefined {
  const type = types?.find((candidate) => candidate.key === key);
  return type ? labelIn(type.label, language) || type.key : undefined;
}
