import { Input } from 'antd';
import { asString, emptyToNull, type FieldInputProps } from './input-props.ts';

export function UrlInput({ field, id, value, onChange, disabled }: FieldInputProps) {
  return <Input id={id} type="url" inputMode="url" placeholder="https://" maxLength={2000} value={asString(value)} disabled={disabled} onChange={(event) => onChange?.(emptyToNull(event.target.value))} data-field={field.key} />;
}
