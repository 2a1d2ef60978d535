import { Input } from 'antd';
import { asString, emptyToNull, type FieldInputProps } from './input-props.ts';

export function EmailInput({ field, id, value, onChange, disabled }: FieldInputProps) {
  return <Input id={id} type="email" inputMode="email" autoComplete="email" maxLength={254} value={asString(value)} disabled={disabled} onChange={(event) => onChange?.(emptyToNull(event.target.value))} data-field={field.key} />;
}
