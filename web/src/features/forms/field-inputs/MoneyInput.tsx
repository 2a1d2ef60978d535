import { InputNumber } from 'antd';
import { asString, type FieldInputProps } from './input-props.ts';

/**
 * 人民币, two decimals. The value stays a decimal string ("12.50", as the API stores money) so no
 * binary fraction creeps in between the keyboard and the server.
 */
export function MoneyInput({ field, id, value, onChange, disabled }: FieldInputProps) {
  const text = asString(value) ?? (typeof value === 'number' ? value.toFixed(2) : undefined);
  return (
    <InputNumber<string>
      id={id}
      style={{ width: '100%' }}
      stringMode
      precision={2}
      prefix="¥"
      min={field.settings?.min === undefined ? undefined : String(field.settings.min)}
      max={field.settings?.max === undefined ? undefined : String(field.settings.max)}
      value={text ?? null}
      disabled={disabled}
      onChange={(next) => onChange?.(next === null || next === '' ? null : Number(next).toFixed(2))}
      data-field={field.key}
    />
  );
}
