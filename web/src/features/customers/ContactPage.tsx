import { Alert, Col, Grid, Row, Space, Tabs } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams, useSearchParams } from 'react-router';
import { useCan } from '../../app/session.ts';
import { api, unwrap } from '../../shared/api/client.ts';
import { ErrorState, Loading } from '../../shared/ui/states.tsx';
import { ContactDuplicatesCard } from './ContactDuplicatesCard.tsx';
import { ContactHeader } from './ContactHeader.tsx';
import { CustomFieldsCard } from './CustomFieldsCard.tsx';
import { useCustomerForm } from './customer-form.ts';
import { CustomerTickets } from './CustomerTickets.tsx';
import { HistoryList } from './HistoryList.tsx';
import { IdentitiesCard } from './IdentitiesCard.tsx';
import { PortalAccessCard } from '../portal/PortalAccessCard.tsx';
import { customerKeys } from './keys.ts';
import { useFollowMerge } from './use-follow-merge.ts';
import { MessageTimeline } from './MessageTimeline.tsx';
import { ProfileForm } from './ProfileForm.tsx';
import { useContact360, useContactHistory, useRefreshCustomers, type Contact360 } from './queries.ts';
import { RecordsTable } from './RecordsTable.tsx';

/** Arrived here from a merged contact's address (state set by the redirect below). */
type MergedState = { mergedFrom?: string } | null;

/** 客户 360°: one contact's profile, identities, tickets, messages, records, profile form and history. */
const survivorPath = (survivorId: string) => `/customers/contacts/${survivorId}`;

export default function ContactPage() {
  const { id = '' } = useParams();
  const view = useContact360(id);
  const loaded = view.data ? { id: view.data.contact.id, data: view.data } : undefined;
  const switching = useFollowMerge(id, loaded, customerKeys.contact360, survivorPath);
  if (view.isPending || switching) return <Loading />;
  if (view.isError) return <ErrorState error={view.error} onRetry={() => view.refetch()} />;
  return <ContactWorkspace key={view.data.contact.id} view={view.data} />;
}

const tabKeys = ['tickets', 'messages', 'records', 'profile', 'history'] as const;

function ContactWorkspace({ view }: { view: Contact360 }) {
  const { t } = useTranslation();
  const can = useCan();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const narrow = !Grid.useBreakpoint().md;
  const refresh = useRefreshCustomers();
  const queryClient = useQueryClient();
  const contact = view.contact;
  const history = useContactHistory(contact.id);
  const tab = tabKeys.find((key) => key === params.get('tab')) ?? 'tickets';
  const editable = can('customers.write') && !contact.anonymized;
  const mergedFrom = (location.state as MergedState)?.mergedFrom;
  const custom = useCustomerForm('contact');
  const openTab = (key: string) => {
    const next = new URLSearchParams(params);
    if (key === 'tickets') next.delete('tab');
    else next.set('tab', key);
    setParams(next, { replace: true, state: location.state });
  };

  const items = [
    { key: 'tickets', label: t('customers.contact.tabs.tickets', { n: view.tickets.counts.total }), children: <CustomerTickets tickets={view.tickets} emptyHint={t('customers.tickets.emptyHint')} /> },
    {
      key: 'messages',
      label: t('customers.contact.tabs.messages'),
      children: (
        <MessageTimeline
          first={view.messages}
          emptyHint={t('customers.messages.emptyHint')}
          loadOlder={(before) => unwrap(api.GET('/api/v1/contacts/{id}/messages', { params: { path: { id: contact.id }, query: { before, limit: 30 } } }))}
        />
      ),
    },
    { key: 'records', label: t('customers.contact.tabs.records', { n: view.records.length }), children: <RecordsTable records={view.records} narrow={narrow} /> },
    {
      key: 'profile',
      label: t('customers.contact.tabs.profile'),
      children: (
        <ProfileForm
          kind="contact"
          source={contact}
          editable={editable}
          save={async (changes, version) => {
            const updated = await unwrap(api.PATCH('/api/v1/contacts/{id}', { params: { path: { id: contact.id }, header: { 'if-match': `"${version}"` } }, body: changes }));
            queryClient.setQueryData<Contact360>(customerKeys.contact360(contact.id), (old) => (old ? { ...old, contact: updated } : old));
            await refresh();
          }}
          reload={() => refresh()}
          customForm={custom.form}
        />
      ),
    },
    { key: 'history', label: t('customers.contact.tabs.history'), children: <HistoryList history={history} entity="contact" /> },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid="contact-page">
      {mergedFrom ? <Alert type="info" showIcon closable title={t('customers.contact.mergedRedirect')} data-testid="merged-redirect" /> : null}
      <ContactHeader contact={contact} />
      <Row gutter={[16, 16]}>
        <Col xs={{ span: 24, order: 2 }} lg={{ span: 16, order: 1 }}>
          <Tabs
            activeKey={tab}
            onChange={openTab}
            items={items}
            style={{ background: '#fff', padding: '0 16px 16px', borderRadius: 8 }}
          />
        </Col>
        <Col xs={{ span: 24, order: 1 }} lg={{ span: 8, order: 2 }}>
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            <IdentitiesCard contactId={contact.id} identities={contact.identities} editable={editable} />
            <CustomFieldsCard entity="contact" values={contact.fields} onEdit={editable ? () => openTab('profile') : undefined} />
            <PortalAccessCard contactId={contact.id} hasOrganization={Boolean(contact.organization)} />
            <ContactDuplicatesCard view={view} />
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
