import { Rate } from 'antd';
import { asNumber, type FieldInputProps } from './input-props.ts';

export function RatingInput({ field, id, value, onChange, disabled }: FieldInputProps) {
  return <Rate id={id} count={field.settings?.scale ?? 5} value={asNumber(value) ?? 0} disabled={disabled} onChange={(stars) => onChange?.(stars || null)} data-field={field.key} />;
}
