import { Input } from 'antd';
import { asString, emptyToNull, type FieldInputProps } from './input-props.ts';

export function TextInput({ field, id, value, onChange, disabled }: FieldInputProps) {
  return <Input id={id} value={asString(value)} disabled={disabled} maxLength={field.settings?.maxLength ?? 500} onChange={(event) => onChange?.(emptyToNull(event.target.value))} data-field={field.key} />;
}
