import { Checkbox } from 'antd';
import { labelIn } from '../field-labels.ts';
import type { FieldInputProps } from './input-props.ts';

/** 是 / 否. Unticked is `false`, a value, so "required" means it must be ticked only if a rule says so. */
export function CheckboxInput({ field, id, value, onChange, disabled, language }: FieldInputProps) {
  return (
    <Checkbox id={id} checked={value === true} disabled={disabled} onChange={(event) => onChange?.(event.target.checked)} data-field={field.key}>
      {labelIn(field.label, language)}
    </Checkbox>
  );
}
