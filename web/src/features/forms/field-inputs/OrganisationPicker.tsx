import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganisationName, useOrganisationSearch } from '../option-sources.ts';
import { asString, type FieldInputProps } from './input-props.ts';

export function OrganisationPicker({ field, id, value, onChange, disabled, audience }: FieldInputProps) {
  const { t } = useTranslation();
  const [term, setTerm] = useState('');
  const current = asString(value);
  const found = useOrganisationSearch(term, audience === 'staff');
  const name = useOrganisationName(current, audience === 'staff');
  const options = (found.data ?? []).map((organisation) => ({ value: organisation.id, label: organisation.name }));
  if (current && !options.some((option) => option.value === current)) options.unshift({ value: current, label: name.data ?? '…' });
  return <Select id={id} allowClear showSearch={{ filterOption: false, onSearch: setTerm }} placeholder={t('customFields.search')} loading={found.isFetching} value={current} disabled={disabled || audience !== 'staff'} options={options} onChange={(next?: string) => onChange?.(next ?? null)} data-field={field.key} />;
}
