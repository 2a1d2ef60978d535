import { Select } from 'antd';
import { labelIn, liveOptions, optionLabel } from '../field-labels.ts';
import { asStrings, type FieldInputProps } from './input-props.ts';

export function MultiSelectInput({ field, id, value, onChange, disabled, allowed, language }: FieldInputProps) {
  const current = asStrings(value);
  const offered = liveOptions(field.options, allowed).map((option) => ({ value: option.value, label: labelIn(option.label, language) }));
  for (const kept of current) if (!offered.some((option) => option.value === kept)) offered.push({ value: kept, label: optionLabel(field.options, kept, language) });
  return <Select id={id} mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} value={current} disabled={disabled} options={offered} onChange={(next: string[]) => onChange?.(next.length ? next : null)} data-field={field.key} />;
}
