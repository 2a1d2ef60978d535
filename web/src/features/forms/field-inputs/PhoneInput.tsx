import { Input } from 'antd';
import { asString, emptyToNull, type FieldInputProps } from './input-props.ts';

/** Typed as people write it (138 0013 8000); the server normalises it to E.164 like contact phones. */
export function PhoneInput({ field, id, value, onChange, disabled }: FieldInputProps) {
  return <Input id={id} type="tel" inputMode="tel" autoComplete="tel" maxLength={40} value={asString(value)} disabled={disabled} onChange={(event) => onChange?.(emptyToNull(event.target.value))} data-field={field.key} />;
}
