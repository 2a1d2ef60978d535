import { Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { asString, emptyToNull, type FieldInputProps } from './input-props.ts';

/**
 * A linked customer record (device, order, contract) by its external id, as ERP systems number
 * them. A picker over the requester's records needs the requester, which a form does not know.
 */
export function RecordInput({ field, id, value, onChange, disabled }: FieldInputProps) {
  const { t } = useTranslation();
  return <Input id={id} maxLength={200} placeholder={t('customFields.recordPlaceholder')} prefix={field.settings?.recordKind ? `${field.settings.recordKind} ·` : undefined} value={asString(value)} disabled={disabled} onChange={(event) => onChange?.(emptyToNull(event.target.value))} data-field={field.key} />;
}
