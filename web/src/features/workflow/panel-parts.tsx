import { Form, Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { descriptorOf, labelIn, type RegistryField } from '../forms/designer/registry-field.ts';

/** One property: its name, the one line that explains it (zh-CN first), and its input. */
export function Property({ name, hint, children, testId }: { name: string; hint: string; children: ReactNode; testId?: string }) {
  return (
    <Form.Item label={name} extra={<Typography.Text type="secondary" className="process-hint">{hint}</Typography.Text>} style={{ marginBottom: 12 }} data-testid={testId}>
      {children}
    </Form.Item>
  );
}

/** Fields of the registry by their names, several at once (required, read-only). */
export function FieldsSelect({ value, onChange, fields, label, filter }: { value: readonly string[]; onChange: (next: string[]) => void; fields: readonly RegistryField[]; label: string; filter?: (field: RegistryField) => boolean }) {
  const { i18n } = useTranslation();
  const options = fields.filter(filter ?? (() => true)).map((field) => ({ value: field.key, label: labelIn(field.label, i18n.language) || field.key }));
  const known = new Set(options.map((option) => option.value));
  // A key the registry no longer has stays visible (validate marks it) rather than vanishing silently.
  const missing = value.filter((key) => !known.has(key)).map((key) => ({ value: key, label: key }));
  return <Select mode="multiple" aria-label={label} value={[...value]} onChange={onChange} options={[...options, ...missing]} showSearch={{ optionFilterProp: 'label' }} style={{ width: '100%' }} />;
}

/** One field of the registry (a user field, a tier field). */
export function FieldSelect({ value, onChange, fields, label, filter }: { value: string | undefined; onChange: (next: string) => void; fields: readonly RegistryField[]; label: string; filter: (field: RegistryField) => boolean }) {
  const { t, i18n } = useTranslation();
  const options = fields.filter(filter).map((field) => ({ value: field.key, label: labelIn(field.label, i18n.language) || field.key }));
  if (value && !options.some((option) => option.value === value)) options.push({ value, label: value });
  return <Select aria-label={label} placeholder={t('workflow.prop.choose')} value={value} onChange={onChange} options={options} showSearch={{ optionFilterProp: 'label' }} style={{ width: '100%' }} />;
}

/** Fields holding a person (assignee rules, approvers, who may act), judged as validate judges them. */
export const isUserField = (field: RegistryField) => descriptorOf(field)?.type === 'user';
/** Fields whose value can pick an approval tier (validate: number or money). */
export const isNumericField = (field: RegistryField) => ['number', 'money'].includes(descriptorOf(field)?.type ?? '');

/** The roles a console knows by name; a process may name another (a role added later) and it is shown as written. */
export const knownRoles = ['admin', 'supervisor', 'agent', 'field_engineer'] as const;

export function RoleSelect({ value, onChange, label }: { value: string | undefined; onChange: (next: string) => void; label: string }) {
  const { t } = useTranslation();
  const options: Array<{ value: string; label: string }> = knownRoles.map((role) => ({ value: role, label: t(`role.${role}`) }));
  if (value && !options.some((option) => option.value === value)) options.push({ value, label: value });
  return <Select aria-label={label} placeholder={t('workflow.prop.choose')} value={value} onChange={onChange} options={options} style={{ width: '100%' }} />;
}
