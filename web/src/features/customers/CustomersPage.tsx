import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Grid, Tabs } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCan } from '../../app/session.ts';
import { ContactList } from './ContactList.tsx';
import { CreateContactDialog } from './CreateContactDialog.tsx';
import { CreateOrganizationDialog } from './CreateOrganizationDialog.tsx';
import { CustomerFilters } from './CustomerFilters.tsx';
import { fieldFiltersFromParams, listStateFromParams, paramNames, type ListChanges } from './list-params.ts';
import { OrganizationList } from './OrganizationList.tsx';

/** 客户: contacts and organisations, searched and filtered, the whole state in the URL. */
export default function CustomersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const narrow = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => listStateFromParams(params), [params]);
  const [creating, setCreating] = useState(false);

  /** `fields`: custom field filters to set (`fields.<key>`; null removes one), `clearFields` drops them all. */
  const update = (changes: ListChanges, fields: Record<string, string | null> = {}, clearFields = false) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      const name = paramNames[key as keyof typeof paramNames];
      if (value === null || value === undefined || value === '') next.delete(name);
      else next.set(name, value);
    }
    const fieldChanges = clearFields ? { ...Object.fromEntries(Object.keys(fieldFiltersFromParams(params)).map((key) => [key, null])), ...fields } : fields;
    for (const [key, value] of Object.entries(fieldChanges)) {
      if (value === null || value === '') next.delete(`fields.${key}`);
      else next.set(`fields.${key}`, value);
    }
    setParams(next, { replace: true });
  };
  const clearFilters = () => update({ q: null, tierKey: null, tag: null, organizationId: null }, {}, true);
  const contacts = state.tab === 'contacts';
  const createButton = can('customers.write') ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid={contacts ? 'new-contact' : 'new-organization'}>
      {narrow ? null : contacts ? t('customers.newContact') : t('customers.newOrganization')}
    </Button>
  ) : null;

  return (
    <Card title={t('customers.title')} extra={createButton} styles={{ body: { paddingTop: 0 } }}>
      <Tabs
        activeKey={state.tab}
        // The organisation filter belongs to contacts; switching tabs keeps search and tier.
        onChange={(tab) => update({ tab: tab === 'organizations' ? 'organizations' : null, organizationId: null }, {}, true)}
        items={[
          { key: 'contacts', label: t('customers.tabs.contacts') },
          { key: 'organizations', label: t('customers.tabs.organizations') },
        ]}
      />
      <CustomerFilters state={state} narrow={narrow} onChange={update} onFieldFilter={(key, value) => update({}, { [key]: value })} />
      {contacts ? (
        <ContactList state={state} narrow={narrow} onClearFilters={clearFilters} onCreate={can('customers.write') ? () => setCreating(true) : undefined} />
      ) : (
        <OrganizationList state={state} narrow={narrow} onClearFilters={clearFilters} onCreate={can('customers.write') ? () => setCreating(true) : undefined} />
      )}
      {contacts ? <CreateContactDialog open={creating} onClose={() => setCreating(false)} /> : <CreateOrganizationDialog open={creating} onClose={() => setCreating(false)} />}
    </Card>
  );
}
