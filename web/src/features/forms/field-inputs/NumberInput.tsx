import { InputNumber } from 'antd';
import { asNumber, type FieldInputProps } from './input-props.ts';

export function NumberInput({ field, id, value, onChange, disabled }: FieldInputProps) {
  const settings = field.settings ?? {};
  return (
    <InputNumber
      id={id}
      style={{ width: '100%' }}
      value={asNumber(value) ?? null}
      min={settings.min}
      max={settings.max}
      precision={settings.decimals}
      disabled={disabled}
      onChange={(next) => onChange?.(typeof next === 'number' ? next : null)}
      data-field={field.key}
    />
  );
}
