import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, ApiError, unwrap } from '../../shared/api/client.ts';
import { describeError } from '../../shared/ui/describe-error.ts';
import { IdentityFields } from './IdentityFields.tsx';
import { ownerOfIdentity, takenIdentityOf } from './identity-taken.ts';
import { formFieldErrors } from './form-errors.ts';
import { useNewRecordFields } from './new-record-fields.tsx';
import type { IdentityKind } from './identity-groups.ts';
import { OrganizationSelect } from './OrganizationSelect.tsx';
import { OwnerSelect, TagsSelect, TierSelect } from './ProfilePickers.tsx';
import { useRefreshCustomers } from './queries.ts';

type Values = {
  name: string;
  organizationId?: string | null;
  identities?: { kind: IdentityKind; value: string }[];
  tierKey?: string | null;
  tags?: string[];
  ownerId?: string | null;
  notes?: string;
};

/** Where an identity that is already someone's leads: the message, and the owner to open instead. */
type Taken = { message: string; contactId?: string };

/** 新建联系人: name, organisation, identities, tier, tags, owner, notes; opens the new contact. */
export function CreateContactDialog({ open, onClose, organizationId }: { open: boolean; onClose: () => void; organizationId?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const refresh = useRefreshCustomers();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [taken, setTaken] = useState<Taken | null>(null);
  const custom = useNewRecordFields('contact');

  async function save(values: Values) {
    const fields = custom.valuesToSend(form);
    if (fields === null) return;
    setSaving(true);
    setTaken(null);
    const identities = (values.identities ?? []).filter((i) => i.value?.trim()).map((i) => ({ kind: i.kind, value: i.value.trim() }));
    try {
      const contact = await unwrap(
        api.POST('/api/v1/contacts', {
          body: {
            name: values.name.trim(),
            organizationId: values.organizationId ?? null,
            identities,
            tierKey: values.tierKey ?? null,
            tags: values.tags ?? [],
            ownerId: values.ownerId ?? null,
            notes: values.notes ?? '',
            ...(fields && { fields }),
          },
        }),
      );
      message.success(t('customers.form.created'));
      await refresh();
      onClose();
      navigate(`/customers/contacts/${contact.id}`);
    } catch (error) {
      const conflict = takenIdentityOf(error);
      if (conflict) {
        const identity = conflict.index === undefined ? undefined : identities[conflict.index];
        if (conflict.index !== undefined) form.setFields([{ name: ['identities', conflict.index, 'value'], errors: [conflict.message] }]);
        setTaken({ message: conflict.message, contactId: conflict.contactId ?? (identity ? await ownerOfIdentity(identity) : undefined) });
      } else {
        if (error instanceof ApiError && error.status === 400) form.setFields(formFieldErrors(error));
        message.error(describeError(error, t).message);
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('customers.newContact')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('app.create')}
      confirmLoading={saving}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) setTaken(null);
      }}
    >
      {taken ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="identity-taken"
          title={taken.message}
          description={taken.contactId ? <Link to={`/customers/contacts/${taken.contactId}`} onClick={onClose}>{t('customers.form.viewExisting')}</Link> : undefined}
        />
      ) : null}
      <Form form={form} layout="vertical" onFinish={save} initialValues={{ identities: [{ kind: 'phone', value: '' }], organizationId: organizationId ?? null, tags: [] }} preserve={false}>
        <Form.Item name="name" label={t('customers.field.name')} rules={[{ required: true, whitespace: true, message: t('customers.form.nameRequired') }, { max: 100 }]}>
          <Input autoFocus data-testid="contact-name-input" />
        </Form.Item>
        <Form.Item name="organizationId" label={t('customers.field.organizationId')}>
          <OrganizationSelect />
        </Form.Item>
        <Form.Item label={t('customers.form.identities')}>
          <IdentityFields />
        </Form.Item>
        <Form.Item name="tierKey" label={t('customers.field.tierKey')}>
          <TierSelect />
        </Form.Item>
        <Form.Item name="tags" label={t('customers.field.tags')}>
          <TagsSelect />
        </Form.Item>
        <Form.Item name="ownerId" label={t('customers.field.ownerId')}>
          <OwnerSelect />
        </Form.Item>
        <Form.Item name="notes" label={t('customers.field.notes')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={20_000} />
        </Form.Item>
        {custom.inputs}
      </Form>
    </Modal>
  );
}
