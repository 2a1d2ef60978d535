import { useTranslation } from 'react-i18next';
import { typeLabelOf } from '../field-types.ts';
import { useFieldTypes } from '../queries.ts';

/**
 * A field type's name as the designer shows it: the server's label (GET /field-types: built-in and
 * registered types alike) in the console's language; a built-in field's condition type (`boolean`)
 * or a type the server no longer lists falls back to the console's own words, then to the key.
 */
export function useTypeLabel(): (key: string) => string {
  const { t, i18n } = useTranslation();
  const types = useFieldTypes();
  return (key) => typeLabelOf(types.data, key, i18n.language) ?? t(`formsDesigner.types.${key}`, { defaultValue: key });
}
