import { Select } from 'antd';
import { labelIn, liveOptions, optionLabel } from '../field-labels.ts';
import { asString, type FieldInputProps } from './input-props.ts';

/** One option. A stored value whose option was retired still shows its label. */
export function SelectInput({ field, id, value, onChange, disabled, allowed, language }: FieldInputProps) {
  const current = asString(value);
  const offered = liveOptions(field.options, allowed).map((option) => ({ value: option.value, label: labelIn(option.label, language) }));
  if (current && !offered.some((option) => option.value === current)) offered.push({ value: current, label: optionLabel(field.options, current, language) });
  return <Select id={id} allowClear showSearch={{ optionFilterProp: 'label' }} value={current} disabled={disabled} options={offered} onChange={(next?: string) => onChange?.(next ?? null)} data-field={field.key} />;
}
