import { Select } from 'antd';
import { useTeams } from '../../tickets/queries.ts';
import { asString, type FieldInputProps } from './input-props.ts';

export function TeamPicker({ field, id, value, onChange, disabled, audience }: FieldInputProps) {
  const teams = useTeams(audience === 'staff');
  return <Select id={id} allowClear showSearch={{ optionFilterProp: 'label' }} loading={teams.isPending && audience === 'staff'} value={asString(value)} disabled={disabled || audience !== 'staff'} options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))} onChange={(next?: string) => onChange?.(next ?? null)} data-field={field.key} />;
}
