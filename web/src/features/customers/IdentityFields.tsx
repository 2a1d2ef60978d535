import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { identityKinds, type IdentityKind } from './identity-groups.ts';
import { IdentityIcon } from './IdentityIcon.tsx';

/** The kinds as options with their icons, in the order agents look for them. */
export function useIdentityKindOptions() {
  const { t } = useTranslation();
  return identityKinds.map((kind) => ({
    value: kind,
    label: (
      <Space size={4}>
        <IdentityIcon kind={kind} />
        {t(`customers.identityKind.${kind}`)}
      </Space>
    ),
  }));
}

export function identityPlaceholder(kind: IdentityKind | undefined): string {
  if (kind === 'phone') return '138 0013 8000';
  if (kind === 'email') return 'name@example.com';
  return 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M';
}

/** Phones, emails and platform ids as a list of (kind, value) rows under the form field `name`. */
export function IdentityFields({ name = 'identities' }: { name?: string }) {
  const { t } = useTranslation();
  const kindOptions = useIdentityKindOptions();
  const form = Form.useFormInstance();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Space direction="vertical" style={{ width: '100%' }} size={0}>
          {fields.map((field) => (
            <div key={field.key} style={{ display: 'flex', gap: 8, width: '100%', marginBottom: 8, alignItems: 'flex-start' }} data-testid="identity-row">
              <Form.Item name={[field.name, 'kind']} noStyle rules={[{ required: true }]}>
                <Select options={kindOptions} style={{ width: 120, flexShrink: 0 }} aria-label={t('customers.form.kind')} />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {() => (
                  <Form.Item name={[field.name, 'value']} rules={[{ required: true, whitespace: true, message: t('customers.form.valueRequired') }]} style={{ flex: 1, marginBottom: 0 }}>
                    <Input placeholder={identityPlaceholder(form.getFieldValue([name, field.name, 'kind']) as IdentityKind | undefined)} aria-label={t('customers.form.value')} />
                  </Form.Item>
                )}
              </Form.Item>
              <Button icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label={t('app.delete')} />
            </div>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: fields.length === 0 ? 'phone' : 'email', value: '' })} data-testid="add-identity-row">
            {t('customers.form.addIdentity')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
