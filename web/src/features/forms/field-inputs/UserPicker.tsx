import { Select } from 'antd';
import { useUsers } from '../../tickets/queries.ts';
import { asString, type FieldInputProps } from './input-props.ts';

/** A colleague, from the directory every agent page already caches. */
export function UserPicker({ field, id, value, onChange, disabled, audience }: FieldInputProps) {
  const users = useUsers(audience === 'staff');
  return <Select id={id} allowClear showSearch={{ optionFilterProp: 'label' }} loading={users.isPending && audience === 'staff'} value={asString(value)} disabled={disabled || audience !== 'staff'} options={(users.data ?? []).map((user) => ({ value: user.id, label: user.name }))} onChange={(next?: string) => onChange?.(next ?? null)} data-field={field.key} />;
}
