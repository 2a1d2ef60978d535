import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import { useUsers } from '../tickets/queries.ts';
import { useTiers } from './queries.ts';
import { tierName } from './TierTag.tsx';

type PickerProps = { value?: string | null; onChange?: (value: string | null) => void; id?: string; placeholder?: string; style?: React.CSSProperties };

/** Active tiers, most important first; a retired tier still shows on a customer who has it. */
export function TierSelect({ value, onChange, id, placeholder, style }: PickerProps) {
  const { t, i18n } = useTranslation();
  const tiers = useTiers();
  const options = (tiers.data ?? []).filter((tier) => tier.active || tier.key === value).map((tier) => ({ value: tier.key, label: tierName(tier, tier.key, i18n.language) }));
  return <Select id={id} allowClear loading={tiers.isPending} value={value ?? undefined} onChange={(v) => onChange?.(v ?? null)} options={options} placeholder={placeholder ?? t('customers.form.noTier')} style={style} />;
}

/** The customer's account manager (客户经理: process stages and approvals can go to them), from the user directory. */
export function OwnerSelect({ value, onChange, id, placeholder, style, currentName }: PickerProps & { currentName?: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const users = useUsers(can('directory.read'));
  const options = (users.data ?? []).map((u) => ({ value: u.id, label: u.name }));
  // Someone deactivated since is not in the directory list, but still owns the customer.
  if (value && currentName && !options.some((o) => o.value === value)) options.push({ value, label: currentName });
  return (
    <Select
      id={id}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={users.isPending && can('directory.read')}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      placeholder={placeholder ?? t('customers.form.noOwner')}
      style={style}
    />
  );
}

/** Free tags: typed and confirmed with Enter or a comma (Chinese or Latin). */
export function TagsSelect({ value, onChange, id }: { value?: string[]; onChange?: (value: string[]) => void; id?: string }) {
  const { t } = useTranslation();
  return <Select id={id} mode="tags" value={value ?? []} onChange={onChange} tokenSeparators={[',', '，']} placeholder={t('customers.form.tagsPlaceholder')} />;
}
