import { Input, Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ContactFieldFilters } from './ContactFieldFilters.tsx';
import type { ListChanges, ListState } from './list-params.ts';
import { OrganizationSelect } from './OrganizationSelect.tsx';
import { TierSelect } from './ProfilePickers.tsx';
import { useDebounced } from './use-debounced.ts';

type Props = { state: ListState; narrow: boolean; onChange: (changes: ListChanges) => void; onFieldFilter: (key: string, values: string | null) => void };

/** Search (as the agent types, after a pause), tier, tag, organisation and custom selects (contacts only) and sort. */
export function CustomerFilters({ state, narrow, onChange, onFieldFilter }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useTypedParam(state.q, 300, (value) => onChange({ q: value || null }));
  const [tag, setTag] = useTypedParam(state.tag ?? '', 400, (value) => onChange({ tag: value || null }));

  const contacts = state.tab === 'contacts';
  // On a phone: the search on its own row, the filters two to a row.
  const width = (wide: number, share: 'full' | 'half' = 'half') => ({ width: narrow ? (share === 'full' ? '100%' : 'calc(50% - 4px)') : wide });
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, width: '100%', marginBottom: 12 }}>
      <Input.Search
        allowClear
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        onSearch={(value) => onChange({ q: value.trim() || null })}
        placeholder={contacts ? t('customers.list.searchContacts') : t('customers.list.searchOrganizations')}
        style={width(280, 'full')}
        data-testid="customer-search"
      />
      <TierSelect value={state.tierKey ?? null} onChange={(value) => onChange({ tierKey: value })} placeholder={t('customers.list.allTiers')} style={width(130)} />
      <Input allowClear value={tag} onChange={(e) => setTag(e.target.value)} placeholder={t('customers.list.tag')} style={width(130)} aria-label={t('customers.list.tag')} />
      {contacts ? <OrganizationSelect value={state.organizationId ?? null} onChange={(value) => onChange({ organizationId: value })} placeholder={t('customers.list.anyOrganization')} style={width(200)} /> : null}
      {contacts ? <ContactFieldFilters values={state.fields ?? {}} onChange={onFieldFilter} style={width(160)} /> : null}
      <Select
        value={state.sort}
        onChange={(value) => onChange({ sort: value === 'name' ? 'name' : null })}
        options={[
          { value: '-updatedAt', label: t('customers.list.sortUpdated') },
          { value: 'name', label: t('customers.list.sortName') },
        ]}
        style={width(120)}
        aria-label={t('customers.list.sort')}
      />
    </div>
  );
}

/**
 * A text box bound to a URL parameter: what is typed reaches the URL after a pause; a change of
 * the URL from elsewhere (back button, 清除筛选, a link) reaches the box. Our own writes coming
 * back through the URL are recognised, so they never overwrite what the person typed since.
 */
function useTypedParam(fromUrl: string, ms: number, write: (value: string) => void): [string, (value: string) => void] {
  const [text, setText] = useState(fromUrl);
  const written = useRef(fromUrl);
  const settled = useDebounced(text.trim(), ms);
  useEffect(() => {
    if (settled === written.current) return;
    written.current = settled;
    write(settled);
    // `write` changes with every render; only a settled value should trigger it.
  }, [settled]);
  useEffect(() => {
    if (fromUrl === written.current) return;
    written.current = fromUrl;
    setText(fromUrl);
  }, [fromUrl]);
  return [text, setText];
}
