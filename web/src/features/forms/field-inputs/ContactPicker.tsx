import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useContactSearch, useContactName } from '../option-sources.ts';
import { asString, type FieldInputProps } from './input-props.ts';

/** A contact, searched as the agent types (there may be a million: never listed whole). */
export function ContactPicker({ field, id, value, onChange, disabled, audience }: FieldInputProps) {
  const { t } = useTranslation();
  const [term, setTerm] = useState('');
  const current = asString(value);
  const found = useContactSearch(term, audience === 'staff');
  const name = useContactName(current, audience === 'staff');
  const options = (found.data ?? []).map((contact) => ({ value: contact.id, label: contact.name }));
  if (current && !options.some((option) => option.value === current)) options.unshift({ value: current, label: name.data ?? '…' });
  return <Select id={id} allowClear showSearch={{ filterOption: false, onSearch: setTerm }} placeholder={t('customFields.search')} loading={found.isFetching} value={current} disabled={disabled || audience !== 'staff'} options={options} onChange={(next?: string) => onChange?.(next ?? null)} data-field={field.key} />;
}
