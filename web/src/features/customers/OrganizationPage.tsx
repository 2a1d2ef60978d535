import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Grid, List, Row, Space, Tabs, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { useCan } from '../../app/session.ts';
import { api, unwrap } from '../../shared/api/client.ts';
import { EmptyState, ErrorState, Loading } from '../../shared/ui/states.tsx';
import { CreateContactDialog } from './CreateContactDialog.tsx';
import { CustomerTickets } from './CustomerTickets.tsx';
import { formatPhone } from './format-phone.ts';
import { HistoryList } from './HistoryList.tsx';
import { customerKeys } from './keys.ts';
import { useFollowMerge } from './use-follow-merge.ts';
import { MessageTimeline } from './MessageTimeline.tsx';
import { OrganizationDuplicatesCard } from './OrganizationDuplicatesCard.tsx';
import { OrganizationHeader } from './OrganizationHeader.tsx';
import { ProfileForm } from './ProfileForm.tsx';
import { CustomFieldsCard } from './CustomFieldsCard.tsx';
import { useCustomerForm } from './customer-form.ts';
import { useOrganization360, useOrganizationHistory, useRefreshCustomers, type Organization360 } from './queries.ts';
import { RecordsTable } from './RecordsTable.tsx';
import { TierTag } from './TierTag.tsx';

/** 企业客户: an organisation's profile, contacts, tickets, messages, records and history. */
const survivorPath = (survivorId: string) => `/customers/organizations/${survivorId}`;

export default function OrganizationPage() {
  const { id = '' } = useParams();
  const view = useOrganization360(id);
  const loaded = view.data ? { id: view.data.organization.id, data: view.data } : undefined;
  const switching = useFollowMerge(id, loaded, customerKeys.organization360, survivorPath);
  if (view.isPending || switching) return <Loading />;
  if (view.isError) return <ErrorState error={view.error} onRetry={() => view.refetch()} />;
  return <OrganizationWorkspace key={view.data.organization.id} view={view.data} />;
}

const tabKeys = ['contacts', 'tickets', 'messages', 'records', 'profile', 'history'] as const;

function OrganizationWorkspace({ view }: { view: Organization360 }) {
  const { t } = useTranslation();
  const can = useCan();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const narrow = !Grid.useBreakpoint().md;
  const refresh = useRefreshCustomers();
  const queryClient = useQueryClient();
  const organization = view.organization;
  const history = useOrganizationHistory(organization.id);
  const tab = tabKeys.find((key) => key === params.get('tab')) ?? 'contacts';
  const mergedFrom = (location.state as { mergedFrom?: string } | null)?.mergedFrom;
  const custom = useCustomerForm('organisation');
  const openTab = (key: string) => {
    const next = new URLSearchParams(params);
    if (key === 'contacts') next.delete('tab');
    else next.set('tab', key);
    setParams(next, { replace: true, state: location.state });
  };

  const items = [
    { key: 'contacts', label: t('customers.organization.tabs.contacts', { n: organization.contactCount }), children: <OrganizationContacts view={view} /> },
    { key: 'tickets', label: t('customers.contact.tabs.tickets', { n: view.tickets.counts.total }), children: <CustomerTickets tickets={view.tickets} emptyHint={t('customers.tickets.emptyHintOrganization')} /> },
    { key: 'messages', label: t('customers.contact.tabs.messages'), children: <MessageTimeline first={view.messages} emptyHint={t('customers.messages.emptyHint')} /> },
    { key: 'records', label: t('customers.contact.tabs.records', { n: view.records.length }), children: <RecordsTable records={view.records} narrow={narrow} /> },
    {
      key: 'profile',
      label: t('customers.contact.tabs.profile'),
      children: (
        <ProfileForm
          kind="organization"
          source={organization}
          editable={can('customers.write')}
          save={async (changes, version) => {
            const { organizationId: _ignored, ...body } = changes;
            const updated = await unwrap(api.PATCH('/api/v1/organizations/{id}', { params: { path: { id: organization.id }, header: { 'if-match': `"${version}"` } }, body }));
            queryClient.setQueryData<Organization360>(customerKeys.organization360(organization.id), (old) => (old ? { ...old, organization: updated } : old));
            await refresh();
          }}
          reload={() => refresh()}
          customForm={custom.form}
        />
      ),
    },
    { key: 'history', label: t('customers.contact.tabs.history'), children: <HistoryList history={history} entity="organisation" /> },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid="organization-page">
      {mergedFrom ? <Alert type="info" showIcon closable title={t('customers.organization.mergedRedirect')} /> : null}
      <OrganizationHeader organization={organization} />
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
            {organization.notes ? (
              <Card size="small" title={t('customers.field.notes')}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} ellipsis={{ rows: 6, expandable: true, symbol: t('customers.messages.more') }}>
                  {organization.notes}
                </Typography.Paragraph>
              </Card>
            ) : null}
            <CustomFieldsCard entity="organisation" values={organization.fields} onEdit={can('customers.write') ? () => openTab('profile') : undefined} />
            <OrganizationDuplicatesCard view={view} />
          </Space>
        </Col>
      </Row>
    </Space>
  );
}

/** The organisation's people (first 100 by name), each linking to their own 360° view. */
function OrganizationContacts({ view }: { view: Organization360 }) {
  const { t } = useTranslation();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  const add = can('customers.write') ? (
    <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
      {t('customers.newContact')}
    </Button>
  ) : null;
  const contacts = view.contacts.items;
  return (
    <div data-testid="organization-contacts">
      {contacts.length ? (
        <>
          <div style={{ textAlign: 'right' }}>{add}</div>
          <List
            size="small"
            dataSource={contacts}
            renderItem={(contact) => (
              <List.Item style={{ paddingInline: 0 }}>
                <Space wrap size={8}>
                  <Link to={`/customers/contacts/${contact.id}`}>{contact.name || t('customers.anonymizedName')}</Link>
                  <TierTag tierKey={contact.tierKey} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[contact.phone ? formatPhone(contact.phone) : null, contact.email].filter(Boolean).join(' · ')}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
          {view.contacts.nextCursor ? (
            <Link to={`/customers?organization=${view.organization.id}`}>{t('customers.organization.allContacts', { n: view.organization.contactCount })}</Link>
          ) : null}
        </>
      ) : (
        <EmptyState title={t('customers.organization.noContacts')} hint={t('customers.organization.noContactsHint')} action={add} />
      )}
      <CreateContactDialog open={creating} onClose={() => setCreating(false)} organizationId={view.organization.id} />
    </div>
  );
}
