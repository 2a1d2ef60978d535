import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client.ts';
import { describeError } from '../../shared/ui/describe-error.ts';
import { FormRenderer } from '../forms/FormRenderer.tsx';
import { precheck } from '../forms/precheck.ts';
import type { CustomerForm } from './customer-form.ts';
import { formFieldErrors } from './form-errors.ts';
import { OrganizationSelect } from './OrganizationSelect.tsx';
import { OwnerSelect, TagsSelect, TierSelect } from './ProfilePickers.tsx';
import { duplicateAttributeKeys, profileChanges, profileFormValues, type ProfileChanges, type ProfileSource, type ProfileValues } from './profile-draft.ts';

type Props = {
  /** A contact (with its organisation) or an organisation (without). */
  source: ProfileSource & { version: number };
  kind: 'contact' | 'organization';
  editable: boolean;
  save: (changes: ProfileChanges, version: number) => Promise<unknown>;
  /** Someone else saved first (412): reload the record; the form then shows their version. */
  reload: () => Promise<unknown>;
  /** The custom fields' form (useCustomerForm), once loaded: rendered by the ticket page's FormRenderer. */
  customForm?: CustomerForm;
};

/**
 * 资料: the profile as an editable form. Only changed fields are sent, guarded by the version the
 * agent loaded (If-Match); the form is reset to each new version that arrives.
 */
export function ProfileForm({ source, kind, editable, save, reload, customForm }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProfileValues>();
  const initial = useMemo(() => profileFormValues(source), [source]);
  const [saving, setSaving] = useState(false);
  const [stale, setStale] = useState(false);
  // A new version (ours saved, or someone else's loaded after a 412): the form shows it.
  useEffect(() => form.resetFields(), [form, source.version]);

  async function submit() {
    // The whole store, not only the registered fields: attribute rows carry whether they were JSON.
    const values = form.getFieldsValue(true) as ProfileValues;
    const changes = profileChanges(initial, { ...initial, ...values });
    if (!Object.keys(changes).length) {
      message.info(t('customers.profile.nothingChanged'));
      return;
    }
    // The server's own check of the custom values first, its refusals shown at each field.
    const issues = changes.fields && customForm ? precheck(customForm.prepared, changes.fields, { audience: customForm.audience, previous: initial.fields ?? {}, language: i18n.language }) : [];
    if (issues.length) {
      form.setFields(issues);
      return;
    }
    setSaving(true);
    try {
      await save(changes, source.version);
      setStale(false);
      message.success(t('customers.profile.saved'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        setStale(true);
        await reload();
      } else {
        form.setFields(formFieldErrors(error));
        message.error(describeError(error, t).message);
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} disabled={!editable} style={{ maxWidth: 720 }} data-testid="profile-form">
      {stale ? <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('customers.profile.stale')} data-testid="profile-stale" /> : null}
      <Form.Item name="name" label={kind === 'contact' ? t('customers.field.name') : t('customers.form.organizationName')} rules={[{ required: true, whitespace: true, message: kind === 'contact' ? t('customers.form.nameRequired') : t('customers.form.organizationNameRequired') }, { max: kind === 'contact' ? 100 : 200 }]}>
        <Input />
      </Form.Item>
      {kind === 'contact' ? (
        <Form.Item name="organizationId" label={t('customers.field.organizationId')}>
          <OrganizationSelect current={source.organization} />
        </Form.Item>
      ) : null}
      <Form.Item name="tierKey" label={t('customers.field.tierKey')}>
        <TierSelect />
      </Form.Item>
      <Form.Item name="tags" label={t('customers.field.tags')}>
        <TagsSelect />
      </Form.Item>
      <Form.Item name="ownerId" label={t('customers.field.ownerId')}>
        <OwnerSelect currentName={source.owner?.name} />
      </Form.Item>
      <Form.Item name="notes" label={t('customers.field.notes')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={20_000} />
      </Form.Item>
      {customForm && customForm.prepared.staffPlacement.size > 0 ? <FormRenderer prepared={customForm.prepared} audience={customForm.audience} mode="update" disabled={!editable} /> : null}
      <Form.Item label={t('customers.field.attributes')} extra={t('customers.form.attributesHint')}>
        <AttributeRows />
      </Form.Item>
      {editable ? (
        <Button type="primary" htmlType="submit" loading={saving} data-testid="profile-save">
          {t('app.save')}
        </Button>
      ) : null}
    </Form>
  );
}

/** Extra attributes as key–value rows (a key used twice is refused, not silently dropped). */
function AttributeRows() {
  const { t } = useTranslation();
  return (
    <Form.List
      name="attributes"
      rules={[
        {
          validator: async (_rule, rows: ProfileValues['attributes'] | undefined) => {
            const duplicates = duplicateAttributeKeys(rows ?? []);
            if (duplicates.length) throw new Error(t('customers.form.duplicateKey', { key: duplicates.join(t('customers.listSeparator')) }));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field) => (
            <div key={field.key} style={{ display: 'flex', gap: 8, marginBottom: 8, alignItems: 'flex-start' }}>
              <Form.Item name={[field.name, 'key']} style={{ flex: 2, marginBottom: 0 }} rules={[{ required: true, whitespace: true, message: t('customers.form.attributeKeyRequired') }, { max: 100 }]}>
                <Input placeholder={t('customers.form.attributeKey')} aria-label={t('customers.form.attributeKey')} />
              </Form.Item>
              <Form.Item name={[field.name, 'value']} style={{ flex: 3, marginBottom: 0 }}>
                <Input placeholder={t('customers.form.attributeValue')} aria-label={t('customers.form.attributeValue')} />
              </Form.Item>
              <Button icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label={t('app.delete')} />
            </div>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ key: '', value: '' })}>
            {t('customers.form.addAttribute')}
          </Button>
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}
