import { DatePicker, Input, InputNumber, Select, Switch } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { labelIn, liveOptions, type RegistryField } from './registry-field.ts';

type Props = {
  field: RegistryField | undefined;
  value: unknown;
  onChange: (value: unknown) => void;
  /** A list of values (`in`, a multi select's default, an options effect). */
  multiple?: boolean;
  status?: 'error';
  ariaLabel: string;
};

/**
 * One value of a field, typed the way the condition language and the field's values want it:
 * options by value, booleans, numbers, money as a two-decimal string, dates as YYYY-MM-DD,
 * date-times as an instant with its offset. Ids (user, team …) and other texts are typed in.
 */
export function ValueInput({ field, value, onChange, multiple, status, ariaLabel }: Props) {
  const { t, i18n } = useTranslation();
  const common = { 'aria-label': ariaLabel, status, style: { minWidth: 180 } };
  if (!field) return <Input {...common} disabled />;
  const type = field.type;
  if (type === 'select' || type === 'multiselect' || (field.options && type !== 'cascader')) {
    const options = liveOptions(field.options).map((option) => ({ value: option.value, label: labelIn(option.label, i18n.language) || option.value }));
    // A multi select's value is always a list.
    const many = multiple || type === 'multiselect';
    return <Select {...common} mode={many ? 'multiple' : undefined} allowClear value={value ?? (many ? [] : undefined)} onChange={onChange} options={options} />;
  }
  if (multiple) return <Select {...common} mode="tags" open={false} value={Array.isArray(value) ? value : []} onChange={onChange} />;
  switch (type) {
    case 'checkbox':
    case 'boolean':
      return <Switch aria-label={ariaLabel} checked={value === true} checkedChildren={t('formsDesigner.rules.yes')} unCheckedChildren={t('formsDesigner.rules.no')} onChange={onChange} />;
    case 'number':
    case 'rating':
      return <InputNumber {...common} value={typeof value === 'number' ? value : null} onChange={(next) => onChange(next ?? undefined)} />;
    case 'money':
      return <InputNumber {...common} prefix="¥" precision={2} value={typeof value === 'string' || typeof value === 'number' ? Number(value) : null} onChange={(next) => onChange(next === null ? undefined : Number(next).toFixed(2))} />;
    case 'date':
      return <DatePicker {...common} value={typeof value === 'string' && value ? dayjs(value) : null} onChange={(next) => onChange(next ? next.format('YYYY-MM-DD') : undefined)} />;
    case 'datetime':
      return <DatePicker {...common} showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" value={typeof value === 'string' && value ? dayjs(value) : null} onChange={(next) => onChange(next ? next.format() : undefined)} />;
    default:
      return <Input {...common} value={typeof value === 'string' ? value : ''} onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)} />;
  }
}
