import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { asString, type FieldInputProps } from './input-props.ts';

/** A calendar day, stored as YYYY-MM-DD (no time zone to shift it). */
export function DateInput({ field, id, value, onChange, disabled }: FieldInputProps) {
  const text = asString(value);
  return <DatePicker id={id} style={{ width: '100%' }} value={text ? dayjs(text, 'YYYY-MM-DD') : null} disabled={disabled} onChange={(day) => onChange?.(day ? day.format('YYYY-MM-DD') : null)} data-field={field.key} />;
}
