import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganizationName, useOrganizationOptions } from './queries.ts';
import { useDebounced } from './use-debounced.ts';

type Props = {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  /** The organisation the record has now, when the caller knows its name (saves a request). */
  current?: { id: string; name: string } | null;
  placeholder?: string;
  style?: React.CSSProperties;
};

/** Pick an organisation by typing part of its name; the server searches (there may be thousands). */
export function OrganizationSelect({ value, onChange, id, current, placeholder, style }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  // Names of organisations seen in any search, so the chosen one keeps its label when the options change.
  const [seen, setSeen] = useState<Map<string, string>>(() => new Map(current ? [[current.id, current.name]] : []));
  const term = useDebounced(search.trim(), 250);
  const options = useOrganizationOptions(term);
  const list = (options.data ?? []).map((o) => ({ value: o.id, label: o.name }));
  const missing = value && !list.some((o) => o.value === value) ? value : undefined;
  const named = useOrganizationName(missing && !seen.has(missing) ? missing : undefined);
  if (missing) list.unshift({ value: missing, label: seen.get(missing) ?? named.data?.name ?? '…' });
  return (
    <Select
      id={id}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      value={value ?? undefined}
      onChange={(next, option) => {
        if (next && option && !Array.isArray(option)) setSeen((map) => new Map(map).set(next, String(option.label)));
        setSearch('');
        onChange?.(next ?? null);
      }}
      options={list}
      loading={options.isFetching}
      notFoundContent={options.isFetching ? null : t('customers.form.noOrganizationMatch')}
      placeholder={placeholder ?? t('customers.form.organizationPlaceholder')}
      style={style}
    />
  );
}
