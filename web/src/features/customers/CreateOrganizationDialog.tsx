import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../shared/api/client.ts';
import { describeError } from '../../shared/ui/describe-error.ts';
import { formFieldErrors } from './form-errors.ts';
import { useNewRecordFields } from './new-record-fields.tsx';
import { OwnerSelect, TagsSelect, TierSelect } from './ProfilePickers.tsx';
import { useRefreshCustomers } from './queries.ts';

type Values = { name: string; tierKey?: string | null; tags?: string[]; ownerId?: string | null; notes?: string };

/** 新建企业: name, tier, tags, owner, notes; opens the new organisation. */
export function CreateOrganizationDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const refresh = useRefreshCustomers();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const custom = useNewRecordFields('organisation');

  async function save(values: Values) {
    const fields = custom.valuesToSend(form);
    if (fields === null) return;
    setSaving(true);
    try {
      const organization = await unwrap(
        api.POST('/api/v1/organizations', { body: { name: values.name.trim(), tierKey: values.tierKey ?? null, tags: values.tags ?? [], ownerId: values.ownerId ?? null, notes: values.notes ?? '', ...(fields && { fields }) } }),
      );
      message.success(t('customers.form.created'));
      await refresh();
      onClose();
      navigate(`/customers/organizations/${organization.id}`);
    } catch (error) {
      form.setFields(formFieldErrors(error));
      message.error(describeError(error, t).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal open={open} title={t('customers.newOrganization')} onCancel={onClose} onOk={() => form.submit()} okText={t('app.create')} confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={save} initialValues={{ tags: [] }} preserve={false}>
        <Form.Item name="name" label={t('customers.form.organizationName')} rules={[{ required: true, whitespace: true, message: t('customers.form.organizationNameRequired') }, { max: 200 }]}>
          <Input autoFocus placeholder={t('customers.form.organizationNamePlaceholder')} data-testid="organization-name-input" />
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
