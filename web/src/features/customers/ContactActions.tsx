import { DeleteOutlined, DownloadOutlined, EyeInvisibleOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, Modal, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCan } from '../../app/session.ts';
import { api, ApiError, unwrap } from '../../shared/api/client.ts';
import { describeError } from '../../shared/ui/describe-error.ts';
import { downloadJson } from './download-json.ts';
import { customerKeys } from './keys.ts';
import { useRefreshCustomers, type Contact } from './queries.ts';

/** Privacy requests (导出个人信息, 匿名化) and delete, each shown only to who may do it. */
export function ContactActions({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const [anonymising, setAnonymising] = useState(false);

  async function exportData() {
    setExporting(true);
    try {
      const data = await unwrap(api.GET('/api/v1/contacts/{id}/export', { params: { path: { id: contact.id } } }));
      downloadJson(data, `contact-${contact.id}.json`);
      message.success(t('customers.privacy.exported'));
    } catch (error) {
      message.error(describeError(error, t).message);
    } finally {
      setExporting(false);
    }
  }

  return (
    <Space wrap size={8}>
      {can('customers.privacy') ? (
        <>
          <Button icon={<DownloadOutlined />} onClick={exportData} loading={exporting} data-testid="export-contact">
            {t('customers.privacy.export')}
          </Button>
          {contact.anonymized ? null : (
            <Button danger icon={<EyeInvisibleOutlined />} onClick={() => setAnonymising(true)} data-testid="anonymize-contact">
              {t('customers.privacy.anonymize')}
            </Button>
          )}
        </>
      ) : null}
      {can('customers.delete') ? <DeleteContactButton contact={contact} /> : null}
      {anonymising ? <AnonymiseDialog contact={contact} onClose={() => setAnonymising(false)} /> : null}
    </Space>
  );
}

/** Irreversible, so the agent types the contact's name to confirm (a click is too easy). */
function AnonymiseDialog({ contact, onClose }: { contact: Contact; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshCustomers();
  const [typed, setTyped] = useState('');
  const [saving, setSaving] = useState(false);
  const confirmed = typed.trim() === contact.name.trim();

  async function anonymise() {
    setSaving(true);
    try {
      await unwrap(api.POST('/api/v1/contacts/{id}/anonymize', { params: { path: { id: contact.id } } }));
      message.success(t('customers.privacy.anonymized'));
      onClose();
      await refresh({ tickets: true });
    } catch (error) {
      message.error(describeError(error, t).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal open title={t('customers.privacy.anonymizeTitle', { name: contact.name })} onCancel={onClose} onOk={anonymise} okText={t('customers.privacy.anonymizeConfirm')} okButtonProps={{ danger: true, disabled: !confirmed }} confirmLoading={saving} destroyOnHidden>
      <Alert type="error" showIcon title={t('customers.privacy.irreversible')} description={t('customers.privacy.anonymizeExplain')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph>{t('customers.privacy.typeName', { name: contact.name })}</Typography.Paragraph>
      <Input value={typed} onChange={(e) => setTyped(e.target.value)} placeholder={contact.name} aria-label={t('customers.privacy.typeNameLabel')} data-testid="anonymize-name" />
    </Modal>
  );
}

/** Only a contact without tickets can go; with tickets the answer says to anonymise instead. */
function DeleteContactButton({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const refresh = useRefreshCustomers();

  async function remove() {
    try {
      await unwrap(api.DELETE('/api/v1/contacts/{id}', { params: { path: { id: contact.id } } }));
      message.success(t('customers.delete.deleted'));
      // Leave first: refreshing the page we are on would only fetch a 404.
      navigate('/customers', { replace: true });
      queryClient.removeQueries({ queryKey: customerKeys.contact(contact.id) });
      await refresh();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && error.problem.code === 'contact.has_tickets') {
        modal.warning({ title: t('customers.delete.hasTicketsTitle'), content: t('customers.delete.hasTicketsExplain') });
      } else message.error(describeError(error, t).message);
    }
  }

  return (
    <Popconfirm title={t('customers.delete.confirm', { name: contact.name || t('customers.anonymizedName') })} onConfirm={remove} okButtonProps={{ danger: true }}>
      <Button danger type="text" icon={<DeleteOutlined />} data-testid="delete-contact">
        {t('customers.delete.contact')}
      </Button>
    </Popconfirm>
  );
}
