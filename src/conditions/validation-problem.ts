import { Invalid } from '../app/errors.js';
import type { CheckedCondition, FieldLookup } from './types.js';
import { validateCondition, type ValidateOptions } from './validate.js';

/**
 * For services that take a condition outside a zod route schema: the checked tree, or a 400
 * problem with every issue at its path (`conditions.all.2.value`) in both languages.
 */
export function checkedConditionOrThrow(input: unknown, fields: FieldLookup, options: ValidateOptions = {}): CheckedCondition {
  const result = validateCondition(input, fields, options);
  if (!result.ok) throw new Invalid('validation.failed', {}, result.issues);
  return result.condition;
}
