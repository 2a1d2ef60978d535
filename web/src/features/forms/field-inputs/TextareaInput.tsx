import { Input } from 'antd';
import { asString, emptyToNull, type FieldInputProps } from './input-props.ts';

export function TextareaInput({ field, id, value, onChange, disabled }: FieldInputProps) {
  return <Input.TextArea id={id} value={asString(value)} disabled={disabled} autoSize={{ minRows: 3, maxRows: 10 }} maxLength={field.settings?.maxLength ?? 20_000} onChange={(event) => onChange?.(emptyToNull(event.target.value))} data-field={field.key} />;
}
