import type { FieldDefinition, FieldOption } from '../../../../src/forms/definition.ts';

// Labels of stored values are shared with the server's exports.
export { labelIn, optionLabel, pathLabels } from '../../../../src/forms/value-labels.ts';

/**
 * What the renderer needs of a field definition: the API's answers (GET …/form, the portal's)
 * carry more, the designer's preview may carry less.
 */
export type RenderedField = Pick<FieldDefinition, 'key' | 'label' | 'type'> & Partial<Pick<FieldDefinition, 'help' | 'options' | 'settings' | 'customerVisible'>>;

/** Options a person may still pick: deleted ones stay only to label old values. */
export function liveOptions(options: readonly FieldOption[] | undefined, allowed?: readonly string[]): FieldOption[] {
  return (options ?? []).filter((option) => !option.deleted && (!allowed || allowed.includes(option.value)));
}
