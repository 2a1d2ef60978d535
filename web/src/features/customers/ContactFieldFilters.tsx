import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/session.ts';
import { labelIn } from '../forms/field-labels.ts';
import { useRecordFields } from '../forms/queries.ts';
import { readableFields } from './readable-fields.ts';

/**
 * One picker per filterable single or multi select of contacts (客户行业 …) the person may read:
 * the list keeps contacts holding any of the picked options (`fields.<key>=a,b`, as the API).
 * Deleted options stay pickable: contacts keep them. (Cascaders filter through the API only.)
 */
export function ContactFieldFilters({ values, onChange, style }: { values: Record<string, string>; onChange: (key: string, values: string | null) => void; style: CSSProperties }) {
  const { i18n } = useTranslation();
  const me = useMe();
  const registry = useRecordFields('contact');
  const fields = readableFields(registry.data ?? [], me.role).filter((field) => field.filterable && !field.archived && (field.type === 'select' || field.type === 'multiselect'));
  return (
    <>
      {fields.map((field) => {
        const label = labelIn(field.label, i18n.language);
        return (
          <Select
            key={field.key}
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            value={values[field.key]?.split(',').filter(Boolean) ?? []}
            onChange={(picked: string[]) => onChange(field.key, picked.length ? picked.join(',') : null)}
            options={(field.options ?? []).map((option) => ({ value: option.value, label: labelIn(option.label, i18n.language) }))}
            placeholder={label}
            aria-label={label}
            style={style}
            data-testid={`contact-filter-${field.key}`}
          />
        );
      })}
    </>
  );
}
