import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { asString, type FieldInputProps } from './input-props.ts';

/** A moment, picked in the browser's time and stored as an ISO instant (UTC). */
export function DateTimeInput({ field, id, value, onChange, disabled }: FieldInputProps) {
  const text = asString(value);
  return (
    <DatePicker
      id={id}
      style={{ width: '100%' }}
      showTime={{ format: 'HH:mm' }}
      format="YYYY-MM-DD HH:mm"
      value={text ? dayjs(text) : null}
      disabled={disabled}
      onChange={(moment) => onChange?.(moment ? moment.second(0).millisecond(0).toISOString() : null)}
      data-field={field.key}
    />
  );
}
